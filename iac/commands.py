"""What every command of `iac` does; with iac/cli.py, the only modules that print or exit.

iac/cli.py declares the commands for click: their options, their help, their usage
errors. This module does the work, and never imports click, so that the usual run of
`iac check` or `iac compile` does not pay for it (click and what it loads are a fifth
of a small compile). `main` is what the `iac` executable runs (iac/__main__.py): it
reads a command's arguments from `iac/_cli_table.py`, the table `python -m iac.tables
--regenerate` writes from iac/cli.py's declarations, and calls the command here. What
it cannot read exactly as click would (help, `--version`, an unknown or misspelt
option, a value click would refuse or convert, anything unusual) and a usage mistake a
command finds (`UsageProblem`) go to click, which says them as it always has:
tests/test_cli_fast.py holds the table to click's reading of many command lines.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import __version__
from ._cli_table import TABLE
from .diagnostics import Diagnostic, Severity, render_human, render_json
from .emit.registry import names as target_names
from .frontend import CheckResult, LoadError, check, load

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2

# A command's arguments (name, nargs) and each spelling of each option: (name, kind,
# what it accepts, its value when not given). Per command: `iac/_cli_table.py`.
Arguments = list[tuple[str, int]]
Options = dict[str, tuple[str, str, Any, Any]]


class UsageProblem(Exception):
    """A command line a command cannot run (before it did anything): click reports it,
    with the command's usage, as its own usage errors (exit 2)."""

    def __init__(self, message: str, param_hint: str | None = None):
        super().__init__(message)
        self.param_hint = param_hint


def echo(text: str, err: bool = False, nl: bool = True) -> None:
    """`click.echo` for text: one write and a flush, to the stream of the moment (a
    test's capture included)."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # after a broken pipe
        return
    stream.write(text + "\n" if nl else text)
    stream.flush()


def main(argv: list[str] | None = None) -> None:
    """`iac`: run a command read from the table, else hand it to click."""
    args = sys.argv[1:] if argv is None else list(argv)
    read = _read(args)
    if read is not None:
        command, values = read
        try:
            COMMANDS[command](**values)
        except UsageProblem:
            pass  # nothing was done yet: click runs it again, and says the mistake
        else:
            return
    from .cli import main as click_main

    click_main(args, prog_name="iac")


def _read(args: list[str]) -> tuple[str, dict[str, Any]] | None:
    """The command and its arguments as click would pass them, or None: `args` is not
    plainly a command line of the table (click decides what it is)."""
    table: dict[str, tuple[Arguments, Options]] = TABLE  # type: ignore[assignment]
    if not args or args[0] not in table:
        return None
    arguments, options = table[args[0]]
    values: dict[str, Any] = {}
    given: list[str] = []
    rest = args[1:]
    i = 0
    while i < len(rest):
        token = rest[i]
        i += 1
        if token[:1] != "-" or token == "-":
            given.append(token)
            continue
        spelling, eq, value = token.partition("=") if token[:2] == "--" else (token, "", "")
        option = options.get(spelling)
        if option is None:
            return None  # help, `--`, `-ovalue`, a typo: click's to say
        name, kind, accepts, _ = option
        if kind == "flag":
            if eq:
                return None
            values[name] = True
            continue
        if not eq:
            if i == len(rest) or (rest[i][:1] == "-" and rest[i] != "-"):
                return None
            value = rest[i]
            i += 1
        converted = _convert(value, accepts)
        if converted is None:
            return None
        if kind == "multiple":
            values.setdefault(name, []).append(converted)
        else:
            values[name] = converted
    if len(arguments) == 1 and arguments[0][1] == -1:  # `fmt FILE...`: any number
        values[arguments[0][0]] = tuple(given)
    elif len(given) == len(arguments):
        values.update((name, value) for (name, _), value in zip(arguments, given, strict=True))
    else:
        return None
    for name, kind, _, default in options.values():
        if name not in values:
            values[name] = default
        elif kind == "multiple":
            values[name] = tuple(values[name])
    return args[0], values


def _convert(value: str, accepts: object) -> object:
    """`value` as click's type would give it back, or None where click might differ."""
    if accepts is None:  # a string
        return value
    if isinstance(accepts, tuple):  # a choice
        return value if value in accepts else None
    assert isinstance(accepts, int)  # an integer of at least `accepts`
    if not (value.isascii() and value.isdigit()) or int(value) < accepts:
        return None
    return int(value)


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        if "=" not in item:
            raise UsageProblem(f"`{item}`: write --param name=value", param_hint="--param")
        key, _, value = item.partition("=")
        out[key.strip()] = value
    return out


def _check(program_path: str, params: dict[str, str]) -> CheckResult:
    try:
        program = load(program_path)
    except LoadError as err:
        echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE if "no such file" in str(err) else EXIT_ERRORS)
    try:
        result = check(program, params)
    except RecursionError:
        echo(f"error: {program_path}: the program nests too deeply", err=True)
        sys.exit(EXIT_ERRORS)
    unknown = sorted(set(params) - set(result.app.params if result.app else params))
    if result.app is not None and unknown:
        echo(f"error: --param {unknown[0]}: the program has no such param", err=True)
        sys.exit(EXIT_USAGE)
    return result


FORMATS = ["human", "json", "sarif", "github"]


def _report(diagnostics: list[Diagnostic], fmt: str) -> None:
    if fmt == "json":
        echo(render_json(diagnostics))
    elif fmt == "sarif":
        from .sarif import render_sarif

        echo(render_sarif(diagnostics, __version__))
    elif fmt == "github":
        from .sarif import render_github

        if diagnostics:
            echo(render_github(diagnostics))
    elif diagnostics:
        color = sys.stderr.isatty()
        echo(render_human(diagnostics, color=color), err=True, nl=False)
        errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
        warnings = len(diagnostics) - errors
        summary = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
        summary += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
        echo(", ".join(summary), err=True)


def check_cmd(program: str, fmt: str, params: tuple[str, ...]) -> None:
    """`iac check`: see iac/cli.py."""
    _guard(lambda: _run_check(program, fmt, params), program)


def _run_check(program: str, fmt: str, params: tuple[str, ...]) -> None:
    result = _check(program, _params(params))
    _report(result.diagnostics, fmt)
    sys.exit(EXIT_OK if result.ok else EXIT_ERRORS)


def compile_cmd(
    program: str,
    target: tuple[str, ...],
    out: str,
    params: tuple[str, ...],
    fmt: str,
    check_only: bool,
    diff: bool,
    allow_replace: tuple[str, ...],
    lock: str | None,
    no_lock: bool,
    jobs: int | None,
) -> None:
    """`iac compile`: see iac/cli.py."""
    options = _CompileOptions(check_only, diff, allow_replace, lock, no_lock, jobs)
    _guard(lambda: _run_compile(program, target, out, params, fmt, options), program)


class _CompileOptions:
    def __init__(
        self,
        check_only: bool,
        diff: bool,
        allow_replace: tuple[str, ...],
        lock: str | None,
        no_lock: bool,
        jobs: int | None = None,
    ):
        # Left to itself, each target gets its process wherever there are cores to share:
        # the system spreads them better than a fixed split could (their costs differ).
        self.jobs = jobs if jobs is not None else (len(target_names()) if _cores() > 1 else 1)
        self.check_only = check_only
        self.diff = diff
        self.allow_replace = allow_replace
        self.lock = lock
        self.no_lock = no_lock


def _run_compile(
    program: str,
    target: tuple[str, ...],
    out: str,
    params: tuple[str, ...],
    fmt: str,
    options: _CompileOptions,
) -> None:
    from .compiler import TARGETS, UnsafeOutput, checked_out, compile_app, write_output

    if options.diff and not options.check_only:
        raise UsageProblem("--diff goes with --check")
    if options.lock and options.no_lock:
        raise UsageProblem("--lock and --no-lock exclude each other")
    try:
        checked_out(Path(out), Path(program))  # refuse a bad --out before any work
    except UnsafeOutput as err:
        echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    result = _check(program, _params(params))
    if not result.ok or result.app is None:
        _report(result.diagnostics, fmt)
        sys.exit(EXIT_ERRORS)
    # In the registry's order, each once, whatever order the flags came in.
    targets = [t for t in TARGETS if "all" in target or t in target]
    try:
        compiled = compile_app(result.app, targets, options.jobs)
    except OSError as err:  # code that changed between the check and the zip
        echo(f"error: {err}; nothing was written, compile again", err=True)
        sys.exit(EXIT_ERRORS)
    if compiled.diagnostics:
        _report(result.diagnostics + compiled.diagnostics, fmt)
        sys.exit(EXIT_ERRORS)
    extra: dict[Path, bytes] = {}
    lock_file: Path | None = None
    if not options.no_lock:
        from .lock import (
            ADDRESSES,
            LockError,
            guard,
            lock_entries,
            lock_path,
            oldest_addresses,
            read_lock,
            render_lock,
        )

        assert compiled.plan is not None
        lock_file = Path(options.lock) if options.lock else lock_path(Path(program))
        try:
            locked = read_lock(lock_file)
        except LockError as err:
            echo(f"error: {err}", err=True)
            sys.exit(EXIT_ERRORS)
        entries = lock_entries(result.app, compiled.plan)
        known = set(entries) | set(locked.resources if locked else ())
        for name in options.allow_replace:
            if name not in known:
                raise UsageProblem(
                    f"`{name}` is not a stateful resource of the program or its lock",
                    param_hint="--allow-replace",
                )
        refused = guard(result.app, locked, entries, options.allow_replace)
        if refused:
            _report(result.diagnostics + refused, fmt)
            sys.exit(EXIT_ERRORS)
        addresses = oldest_addresses(locked)
        if addresses >= ADDRESSES:
            # No state of the program can hold iac 1.0's addresses: nothing to move from.
            compiled.files.pop("terraform/moved.tf", None)
        data = render_lock(result.app, entries, addresses)
        if locked is None or locked.source.text.encode() != data:
            extra[lock_file] = data
    if options.check_only:
        _report_staleness(
            Path(out), compiled.files, targets, extra, result.diagnostics, fmt, options.diff
        )
        return
    try:
        write_output(Path(out), compiled.files, Path(program), extra)
    except UnsafeOutput as err:
        echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as err:  # a full disk, a read-only folder: not a compiler bug
        why = err.strerror or str(err)
        echo(f"error: could not write {out}: {why}; the previous output is unchanged", err=True)
        sys.exit(EXIT_ERRORS)
    _report(result.diagnostics, fmt)
    if fmt == "human":
        names = ", ".join([f"{Path(out) / t}" for t in targets] + [str(p) for p in extra])
        echo(f"wrote {names}", err=True)


def _report_staleness(
    out: Path,
    files: dict[str, bytes],
    targets: list[str],
    lock: dict[Path, bytes],
    diagnostics: list[Diagnostic],
    fmt: str,
    diff: bool,
) -> None:
    """`compile --check`: list what is stale, write nothing, exit 1 when anything is."""
    from .compiler import compare_output, read_bounded

    found = compare_output(out, files, targets)
    rows = [("differs", out / rel, files[rel]) for rel in found.differ]
    rows += [("missing", out / rel, files[rel]) for rel in found.missing]
    rows += [("extra", out / rel, b"") for rel in found.extra]
    for path, data in lock.items():
        rows.append(("differs" if path.exists() else "missing", path, data))
    _report(diagnostics, fmt)
    machine = fmt in ("json", "sarif")
    for status, path, data in rows:
        if fmt == "github":
            what = {"differs": "is stale", "missing": "is missing", "extra": "is not generated"}
            echo(
                f"::error file={path},title=stale output::{path} {what[status]}: "
                "run iac compile and commit the result"
            )
        else:
            echo(f"{status}: {path}", err=machine)
        if diff and status != "extra":
            old = read_bounded(path) if status == "differs" else b""
            echo(_unified(path, old or b"", data), err=machine or fmt == "github", nl=False)
    if rows:
        if fmt == "human":
            echo(f"{len(rows)} file(s) out of date: run `iac compile` again", err=True)
        sys.exit(EXIT_ERRORS)
    if fmt == "human":
        echo("up to date", err=True)


_DIFF_LINES = 60  # a short diff: enough to see what changed, not the whole template


def _unified(path: Path, old: bytes, new: bytes) -> str:
    import difflib

    try:
        a, b = old.decode("utf-8"), new.decode("utf-8")
    except UnicodeDecodeError:
        return f"binary file {path} differs\n"
    lines = list(
        difflib.unified_diff(
            a.splitlines(keepends=True), b.splitlines(keepends=True), f"{path}", f"{path} (new)"
        )
    )
    shown = "".join(line if line.endswith("\n") else line + "\n" for line in lines[:_DIFF_LINES])
    if len(lines) > _DIFF_LINES:
        shown += f"... {len(lines) - _DIFF_LINES} more diff lines\n"
    return shown


def explain_cmd(program: str, fmt: str, params: tuple[str, ...]) -> None:
    """`iac explain`: see iac/cli.py."""
    _guard(lambda: _run_explain(program, fmt, params), program)


def _run_explain(program: str, fmt: str, params: tuple[str, ...]) -> None:
    from .explain import deliveries, explain, render_human, render_json
    from .plan import plan

    result = _check(program, _params(params))
    if not result.ok or result.app is None:
        _report(result.diagnostics, fmt)
        sys.exit(EXIT_ERRORS)
    planned = plan(result.app)
    diagnostics = result.diagnostics + planned.diagnostics
    if any(d.severity is Severity.ERROR for d in planned.diagnostics):
        _report(diagnostics, fmt)
        sys.exit(EXIT_ERRORS)
    _report(diagnostics, "human")  # warnings on stderr; stdout stays the explanation
    entries = explain(planned)
    # Human text: the roles and policies, then every edge's retries and destinations.
    text = render_json(entries) if fmt == "json" else render_human(entries, deliveries(planned))
    echo(text, nl=fmt == "json")


def run_cmd(
    program: str,
    port: int | None,
    params: tuple[str, ...],
    containers: tuple[str, ...],
    missing_containers: str,
    script: str | None,
) -> None:
    """`iac run`: see iac/cli.py."""
    try:
        import moto  # noqa: F401 - moto only loads here: compile start-up never pays
    except ImportError as err:
        echo(
            f"error: iac run needs moto ({err}); install it with `pip install 'iac[run]'`",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    local = {}
    for item in containers:
        name, eq, command = item.partition("=")
        if not eq or not name.strip() or not command.strip():
            raise UsageProblem(f'`{item}`: write NAME="CMD"', param_hint="--container")
        local[name.strip()] = command
    _guard(
        lambda: _run_local(program, port, _params(params), local, missing_containers, script),
        program,
    )


def _run_local(
    program: str,
    port: int | None,
    params: dict[str, str],
    containers: dict[str, str],
    missing: str,
    script: str | None,
) -> None:
    from .run import RunError, prepare
    from .run.commands import CommandError, Quit, run_command
    from .sim import App

    result = _check(program, params)  # load errors and unknown params, as every command
    if not result.ok:
        _report(result.diagnostics, "human")
        sys.exit(EXIT_ERRORS)
    lines: list[str] | None = None
    if script is not None:
        try:
            lines = Path(script).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            echo(f"error: could not read {script}: {err}", err=True)
            sys.exit(EXIT_USAGE)
    try:
        local = prepare(
            program, params, containers=containers, missing_containers=missing,
            echo=lambda line: echo(line), api_port=port,
        )  # fmt: skip
    except RunError as err:
        _report(err.diagnostics, "human")
        sys.exit(EXIT_ERRORS)
    try:
        local.start()
    except (OSError, ValueError) as err:
        local.close()
        echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    app = App(local)
    failed = False
    try:
        if lines is None:
            echo("running; type `help` for commands, Ctrl-C or `quit` to stop", err=True)
            lines_in: object = iter(sys.stdin.readline, "")
        else:
            lines_in = iter(lines)
        for line in lines_in:  # type: ignore[attr-defined]
            try:
                answer = run_command(app, str(line))
            except Quit:
                break
            except CommandError as err:
                echo(f"error: {err}", err=True)
                failed = lines is not None
                if failed:
                    break
                continue
            if answer:
                echo(answer)
        if lines is not None and not failed:
            local.wait_idle(60)
    except KeyboardInterrupt:
        pass
    finally:
        local.close()
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


def lsp_cmd(stdio: bool, tcp: str | None) -> None:
    """`iac lsp`: see iac/cli.py."""
    try:
        import lsprotocol  # noqa: F401 - pygls only loads here: compile start-up never pays
        import pygls  # noqa: F401
    except ImportError as err:
        echo(
            f"error: iac lsp needs pygls and lsprotocol ({err}); "
            "install them with `pip install 'iac[lsp]'`",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    from .lsp import serve

    serve(tcp)


def fmt_cmd(programs: tuple[str, ...], check_only: bool, diff: bool) -> None:
    """`iac fmt`: see iac/cli.py."""
    _guard(lambda: _run_fmt(programs or (".",), check_only, diff), " ".join(programs) or ".")


def _run_fmt(programs: tuple[str, ...], check_only: bool, diff: bool) -> None:
    from .fmt import FormatError, format_source

    if "-" in programs:
        if len(programs) > 1:
            raise UsageProblem("`-` (standard input) can't be mixed with files")
        text = sys.stdin.read()
        try:
            formatted = format_source(text, "<stdin>")
        except FormatError as err:
            _report(err.diagnostics, "human")
            sys.exit(EXIT_ERRORS)
        if check_only and formatted != text:
            sys.exit(EXIT_ERRORS)
        if not check_only:
            echo(formatted, nl=False)
        return
    changed: list[tuple[Path, str, str]] = []
    failed: list[Diagnostic] = []
    for program in programs:
        try:
            loaded = load(program)
        except LoadError as err:
            echo(f"error: {err}", err=True)
            sys.exit(EXIT_USAGE if "no such file" in str(err) else EXIT_ERRORS)
        if loaded.diagnostics:
            failed.extend(loaded.diagnostics)
            continue
        for src in loaded.sources:
            try:
                formatted = format_source(src.text, src.display)
            except FormatError as err:
                failed.extend(err.diagnostics)
                continue
            if formatted != src.text:
                changed.append((src.path, src.text, formatted))
    if failed:
        _report(failed, "human")
        echo("not formatted: fix the syntax errors first (nothing was written)", err=True)
        sys.exit(EXIT_ERRORS)
    for path, old, new in changed:
        if diff:
            echo(_unified(path, old.encode(), new.encode()), nl=False)
        elif check_only:
            echo(str(path))
    if check_only or diff:
        sys.exit(EXIT_ERRORS if changed and check_only else EXIT_OK)
    for path, _, new in changed:
        try:
            _write_atomic(path, new.encode("utf-8"))
        except OSError as err:
            echo(f"error: could not write {path}: {err.strerror or err}", err=True)
            sys.exit(EXIT_ERRORS)
        echo(f"formatted {path}", err=True)


def _write_atomic(path: Path, data: bytes) -> None:
    """Replace a file in one rename, keeping its mode: an editor never sees half of it."""
    import os
    import tempfile

    mode = path.stat().st_mode & 0o7777
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def graph_cmd(program: str, fmt: str, out: str | None, params: tuple[str, ...]) -> None:
    """`iac graph`: see iac/cli.py."""
    _guard(lambda: _run_graph(program, fmt, out, params), program)


def _run_graph(program: str, fmt: str, out: str | None, params: tuple[str, ...]) -> None:
    import shutil
    import subprocess

    from .graph import build_graph, to_dot, to_json, to_mermaid

    if out is not None and (Path(out).is_dir() or out.endswith(("/", "\\"))):
        echo(f"error: --out {out} is a folder; name a file", err=True)
        sys.exit(EXIT_USAGE)
    dot = shutil.which("dot") if fmt in ("svg", "png") else None
    if fmt in ("svg", "png") and dot is None:
        echo(
            f"error: --format {fmt} needs Graphviz's `dot`, which is not on the PATH; "
            "install Graphviz (apt-get install graphviz, brew install graphviz), "
            "or use --format mermaid or dot",
            err=True,
        )
        sys.exit(EXIT_ERRORS)
    result = _check(program, _params(params))
    if not result.ok or result.app is None:
        _report(result.diagnostics, "human")
        sys.exit(EXIT_ERRORS)
    _report(result.diagnostics, "human")
    graph = build_graph(result.app)
    if fmt in ("svg", "png"):
        assert dot is not None
        proc = subprocess.run(
            [dot, f"-T{fmt}"],
            input=to_dot(graph, result.app.name).encode(),
            capture_output=True,
            timeout=120,
            check=False,
        )
        if proc.returncode != 0:
            why = proc.stderr.decode(errors="replace").strip()
            echo(f"error: Graphviz's dot failed: {why}", err=True)
            sys.exit(EXIT_ERRORS)
        data = proc.stdout
    else:
        spell = {"mermaid": to_mermaid, "json": to_json}.get(fmt)
        text = spell(graph) if spell else to_dot(graph, result.app.name)
        data = text.encode("utf-8")
    if out is None:
        if fmt == "png" and sys.stdout.isatty():
            echo("error: a PNG is binary: write it with --out FILE", err=True)
            sys.exit(EXIT_USAGE)
        sys.stdout.buffer.write(data)
        return
    target = Path(out)
    if not target.parent.is_dir():
        echo(f"error: --out {out}: the folder {target.parent} does not exist", err=True)
        sys.exit(EXIT_USAGE)
    try:
        if target.exists():
            _write_atomic(target, data)
        else:
            target.write_bytes(data)
    except OSError as err:
        echo(f"error: could not write {out}: {err.strerror or err}", err=True)
        sys.exit(EXIT_ERRORS)


def _cores() -> int:
    """The cores this process may run on (a container's or `taskset`'s limit included)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _guard(action: object, program: str) -> None:
    """No traceback ever reaches the user: an unexpected exception is a compiler bug."""
    try:
        action()  # type: ignore[operator]
    except (SystemExit, UsageProblem):
        raise
    except KeyboardInterrupt:
        echo("interrupted: nothing was written", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # `iac ... | head`: the reader left; say nothing more (and nothing on close)
        sys.stdout = None
        sys.exit(EXIT_ERRORS)
    except RecursionError:
        echo(f"error: {program}: the program nests too deeply", err=True)
        sys.exit(EXIT_ERRORS)
    except Exception as err:  # noqa: BLE001 - the one place that turns a bug into a message
        echo(
            f"internal compiler error while compiling {program}: {type(err).__name__}: {err}\n"
            "this is a bug in iac; please report it with the program that caused it",
            err=True,
        )
        sys.exit(3)


# Each command by its name on the command line (iac/cli.py's callbacks call these too).
COMMANDS: dict[str, Callable[..., None]] = {
    "check": check_cmd,
    "compile": compile_cmd,
    "explain": explain_cmd,
    "run": run_cmd,
    "lsp": lsp_cmd,
    "fmt": fmt_cmd,
    "graph": graph_cmd,
}
