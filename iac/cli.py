"""The command line: the only module that prints or exits."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .diagnostics import Diagnostic, Severity, render_human, render_json
from .emit.registry import names as target_names
from .frontend import CheckResult, LoadError, check, load

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        if "=" not in item:
            raise click.BadParameter(f"`{item}`: write --param name=value", param_hint="--param")
        key, _, value = item.partition("=")
        out[key.strip()] = value
    return out


def _check(program_path: str, params: dict[str, str]) -> CheckResult:
    try:
        program = load(program_path)
    except LoadError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE if "no such file" in str(err) else EXIT_ERRORS)
    try:
        result = check(program, params)
    except RecursionError:
        click.echo(f"error: {program_path}: the program nests too deeply", err=True)
        sys.exit(EXIT_ERRORS)
    unknown = sorted(set(params) - set(result.app.params if result.app else params))
    if result.app is not None and unknown:
        click.echo(f"error: --param {unknown[0]}: the program has no such param", err=True)
        sys.exit(EXIT_USAGE)
    return result


FORMATS = ["human", "json", "sarif", "github"]


def _report(diagnostics: list[Diagnostic], fmt: str) -> None:
    if fmt == "json":
        click.echo(render_json(diagnostics))
    elif fmt == "sarif":
        from .sarif import render_sarif

        click.echo(render_sarif(diagnostics, __version__))
    elif fmt == "github":
        from .sarif import render_github

        if diagnostics:
            click.echo(render_github(diagnostics))
    elif diagnostics:
        color = sys.stderr.isatty()
        click.echo(render_human(diagnostics, color=color), err=True, nl=False)
        errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
        warnings = len(diagnostics) - errors
        summary = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
        summary += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
        click.echo(", ".join(summary), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iac")
def main() -> None:
    """iac: compile a small infrastructure program to CloudFormation, Terraform and CDK."""


@main.command("check")
@click.argument("program")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="human",
    help="sarif: SARIF 2.1.0 for code scanning; github: workflow commands (annotations).",
)
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="Set a param's default."
)
def check_cmd(program: str, fmt: str, params: tuple[str, ...]) -> None:
    """Check PROGRAM (a .iac file or a folder of them) and report every problem."""
    _guard(lambda: _run_check(program, fmt, params), program)


def _run_check(program: str, fmt: str, params: tuple[str, ...]) -> None:
    result = _check(program, _params(params))
    _report(result.diagnostics, fmt)
    sys.exit(EXIT_OK if result.ok else EXIT_ERRORS)


@main.command("compile")
@click.argument("program")
@click.option(
    "-t",
    "--target",
    "target",
    type=click.Choice([*target_names(), "all"]),
    multiple=True,
    default=("all",),
    show_default=True,
    help="A target to write; repeat for several (`-t cfn -t terraform`).",
)
@click.option("-o", "--out", "out", default="out", show_default=True, help="Output folder.")
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="Set a param's default."
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="human")
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Write nothing: exit 1 when OUT (or the lock) is not what this compile would write.",
)
@click.option("--diff", is_flag=True, help="With --check: show a short unified diff.")
@click.option(
    "--allow-replace",
    "allow_replace",
    multiple=True,
    metavar="NAME",
    help="Accept that AWS replaces (or deletes) this stateful resource.",
)
@click.option("--lock", "lock", default=None, metavar="PATH", help="The lock file to use.")
@click.option("--no-lock", "no_lock", is_flag=True, help="No stateful guard, no lock file.")
@click.option(
    "-j",
    "--jobs",
    "jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Render in up to N processes at once (default: each target in its own when "
    "there is more than one core; 1: one after another).",
)
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
    """Compile PROGRAM into OUT/<target>/ for each target; write nothing on errors.

    Beside the program, `iac.lock` (for a folder) or `NAME.iac.lock` (for a file) records
    its stateful resources; a compile that would make AWS replace or delete one fails
    unless `--allow-replace NAME` accepts it."""
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
        raise click.UsageError("--diff goes with --check")
    if options.lock and options.no_lock:
        raise click.UsageError("--lock and --no-lock exclude each other")
    try:
        checked_out(Path(out), Path(program))  # refuse a bad --out before any work
    except UnsafeOutput as err:
        click.echo(f"error: {err}", err=True)
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
        click.echo(f"error: {err}; nothing was written, compile again", err=True)
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
            click.echo(f"error: {err}", err=True)
            sys.exit(EXIT_ERRORS)
        entries = lock_entries(result.app, compiled.plan)
        known = set(entries) | set(locked.resources if locked else ())
        for name in options.allow_replace:
            if name not in known:
                raise click.BadParameter(
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
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as err:  # a full disk, a read-only folder: not a compiler bug
        why = err.strerror or str(err)
        click.echo(
            f"error: could not write {out}: {why}; the previous output is unchanged", err=True
        )
        sys.exit(EXIT_ERRORS)
    _report(result.diagnostics, fmt)
    if fmt == "human":
        names = ", ".join([f"{Path(out) / t}" for t in targets] + [str(p) for p in extra])
        click.echo(f"wrote {names}", err=True)


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
            click.echo(
                f"::error file={path},title=stale output::{path} {what[status]}: "
                "run iac compile and commit the result"
            )
        else:
            click.echo(f"{status}: {path}", err=machine)
        if diff and status != "extra":
            old = read_bounded(path) if status == "differs" else b""
            click.echo(_unified(path, old or b"", data), err=machine or fmt == "github", nl=False)
    if rows:
        if fmt == "human":
            click.echo(f"{len(rows)} file(s) out of date: run `iac compile` again", err=True)
        sys.exit(EXIT_ERRORS)
    if fmt == "human":
        click.echo("up to date", err=True)


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


@main.command("explain")
@click.argument("program")
@click.option("--format", "fmt", type=click.Choice(["human", "json"]), default="human")
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="Set a param's default."
)
def explain_cmd(program: str, fmt: str, params: tuple[str, ...]) -> None:
    """Show every IAM statement of PROGRAM's roles and resource policies, and why it is there."""
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
    click.echo(text, nl=fmt == "json")


@main.command("run")
@click.argument("program")
@click.option(
    "--port", type=int, default=None, help="Serve the first api on this port (then +1, ...)."
)
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="Set a param's default."
)
@click.option(
    "--container",
    "containers",
    multiple=True,
    metavar='NAME="CMD"',
    help="Run container NAME's steps as this local command.",
)
@click.option(
    "--missing-containers",
    type=click.Choice(["succeed", "fail"]),
    default="succeed",
    help="What a container step without a local command does.",
)
@click.option("--script", type=click.Path(dir_okay=False), help="Run these commands, then stop.")
def run_cmd(
    program: str,
    port: int | None,
    params: tuple[str, ...],
    containers: tuple[str, ...],
    missing_containers: str,
    script: str | None,
) -> None:
    """Run PROGRAM on this machine: AWS emulated by moto, the real handlers, its own wiring."""
    try:
        import moto  # noqa: F401 - moto only loads here: compile start-up never pays
    except ImportError as err:
        click.echo(
            f"error: iac run needs moto ({err}); install it with `pip install 'iac[run]'`",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    local = {}
    for item in containers:
        name, eq, command = item.partition("=")
        if not eq or not name.strip() or not command.strip():
            raise click.BadParameter(f'`{item}`: write NAME="CMD"', param_hint="--container")
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
            click.echo(f"error: could not read {script}: {err}", err=True)
            sys.exit(EXIT_USAGE)
    try:
        local = prepare(
            program, params, containers=containers, missing_containers=missing,
            echo=lambda line: click.echo(line), api_port=port,
        )  # fmt: skip
    except RunError as err:
        _report(err.diagnostics, "human")
        sys.exit(EXIT_ERRORS)
    try:
        local.start()
    except (OSError, ValueError) as err:
        local.close()
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    app = App(local)
    failed = False
    try:
        if lines is None:
            click.echo("running; type `help` for commands, Ctrl-C or `quit` to stop", err=True)
            lines_in: object = iter(sys.stdin.readline, "")
        else:
            lines_in = iter(lines)
        for line in lines_in:  # type: ignore[attr-defined]
            try:
                answer = run_command(app, str(line))
            except Quit:
                break
            except CommandError as err:
                click.echo(f"error: {err}", err=True)
                failed = lines is not None
                if failed:
                    break
                continue
            if answer:
                click.echo(answer)
        if lines is not None and not failed:
            local.wait_idle(60)
    except KeyboardInterrupt:
        pass
    finally:
        local.close()
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


@main.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default).")
@click.option("--tcp", metavar="HOST:PORT", help="Listen on a TCP port instead of stdio.")
def lsp_cmd(stdio: bool, tcp: str | None) -> None:
    """Run the language server (diagnostics, completion, previews of every target)."""
    try:
        import lsprotocol  # noqa: F401 - pygls only loads here: compile start-up never pays
        import pygls  # noqa: F401
    except ImportError as err:
        click.echo(
            f"error: iac lsp needs pygls and lsprotocol ({err}); "
            "install them with `pip install 'iac[lsp]'`",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    from .lsp import serve

    serve(tcp)


@main.command("fmt")
@click.argument("programs", nargs=-1)
@click.option(
    "--check", "check_only", is_flag=True, help="Write nothing; exit 1 if any would change."
)
@click.option(
    "--diff", is_flag=True, help="Show what would change as a unified diff; write nothing."
)
def fmt_cmd(programs: tuple[str, ...], check_only: bool, diff: bool) -> None:
    """Rewrite PROGRAMS (.iac files or folders; `-` for stdin to stdout) in the canonical
    layout. A file with syntax errors is not formatted (exit 1), and then nothing is."""
    _guard(lambda: _run_fmt(programs or (".",), check_only, diff), " ".join(programs) or ".")


def _run_fmt(programs: tuple[str, ...], check_only: bool, diff: bool) -> None:
    from .fmt import FormatError, format_source

    if "-" in programs:
        if len(programs) > 1:
            raise click.UsageError("`-` (standard input) can't be mixed with files")
        text = sys.stdin.read()
        try:
            formatted = format_source(text, "<stdin>")
        except FormatError as err:
            _report(err.diagnostics, "human")
            sys.exit(EXIT_ERRORS)
        if check_only and formatted != text:
            sys.exit(EXIT_ERRORS)
        if not check_only:
            click.echo(formatted, nl=False)
        return
    changed: list[tuple[Path, str, str]] = []
    failed: list[Diagnostic] = []
    for program in programs:
        try:
            loaded = load(program)
        except LoadError as err:
            click.echo(f"error: {err}", err=True)
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
        click.echo("not formatted: fix the syntax errors first (nothing was written)", err=True)
        sys.exit(EXIT_ERRORS)
    for path, old, new in changed:
        if diff:
            click.echo(_unified(path, old.encode(), new.encode()), nl=False)
        elif check_only:
            click.echo(str(path))
    if check_only or diff:
        sys.exit(EXIT_ERRORS if changed and check_only else EXIT_OK)
    for path, _, new in changed:
        try:
            _write_atomic(path, new.encode("utf-8"))
        except OSError as err:
            click.echo(f"error: could not write {path}: {err.strerror or err}", err=True)
            sys.exit(EXIT_ERRORS)
        click.echo(f"formatted {path}", err=True)


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


@main.command("graph")
@click.argument("program")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["mermaid", "dot", "json", "svg", "png"]),
    default="mermaid",
    show_default=True,
)
@click.option("-o", "--out", "out", default=None, metavar="FILE", help="Write here, not stdout.")
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="Set a param's default."
)
def graph_cmd(program: str, fmt: str, out: str | None, params: tuple[str, ...]) -> None:
    """Draw PROGRAM's resources, events, routes, grants and workflows (Mermaid renders on
    GitHub as is; svg and png need Graphviz's `dot` on the PATH)."""
    _guard(lambda: _run_graph(program, fmt, out, params), program)


def _run_graph(program: str, fmt: str, out: str | None, params: tuple[str, ...]) -> None:
    import shutil
    import subprocess

    from .graph import build_graph, to_dot, to_json, to_mermaid

    if out is not None and (Path(out).is_dir() or out.endswith(("/", "\\"))):
        click.echo(f"error: --out {out} is a folder; name a file", err=True)
        sys.exit(EXIT_USAGE)
    dot = shutil.which("dot") if fmt in ("svg", "png") else None
    if fmt in ("svg", "png") and dot is None:
        click.echo(
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
            click.echo(f"error: Graphviz's dot failed: {why}", err=True)
            sys.exit(EXIT_ERRORS)
        data = proc.stdout
    else:
        spell = {"mermaid": to_mermaid, "json": to_json}.get(fmt)
        text = spell(graph) if spell else to_dot(graph, result.app.name)
        data = text.encode("utf-8")
    if out is None:
        if fmt == "png" and sys.stdout.isatty():
            click.echo("error: a PNG is binary: write it with --out FILE", err=True)
            sys.exit(EXIT_USAGE)
        sys.stdout.buffer.write(data)
        return
    target = Path(out)
    if not target.parent.is_dir():
        click.echo(f"error: --out {out}: the folder {target.parent} does not exist", err=True)
        sys.exit(EXIT_USAGE)
    try:
        if target.exists():
            _write_atomic(target, data)
        else:
            target.write_bytes(data)
    except OSError as err:
        click.echo(f"error: could not write {out}: {err.strerror or err}", err=True)
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
    except (SystemExit, click.exceptions.ClickException, click.exceptions.Exit):
        raise
    except KeyboardInterrupt:
        click.echo("interrupted: nothing was written", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # `iac ... | head`: the reader left; say nothing more (and nothing on close)
        sys.stdout = None
        sys.exit(EXIT_ERRORS)
    except RecursionError:
        click.echo(f"error: {program}: the program nests too deeply", err=True)
        sys.exit(EXIT_ERRORS)
    except Exception as err:  # noqa: BLE001 - the one place that turns a bug into a message
        click.echo(
            f"internal compiler error while compiling {program}: {type(err).__name__}: {err}\n"
            "this is a bug in iac; please report it with the program that caused it",
            err=True,
        )
        sys.exit(3)


if __name__ == "__main__":
    main()
