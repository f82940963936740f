"""The command line: the only module that prints or exits."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .diagnostics import Diagnostic, Severity, render_human, render_json
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


def _report(diagnostics: list[Diagnostic], fmt: str) -> None:
    if fmt == "json":
        click.echo(render_json(diagnostics))
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
@click.option("--format", "fmt", type=click.Choice(["human", "json"]), default="human")
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
    type=click.Choice(["cfn", "terraform", "cdk", "all"]),
    default="all",
    show_default=True,
)
@click.option("-o", "--out", "out", default="out", show_default=True, help="Output folder.")
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="Set a param's default."
)
@click.option("--format", "fmt", type=click.Choice(["human", "json"]), default="human")
def compile_cmd(program: str, target: str, out: str, params: tuple[str, ...], fmt: str) -> None:
    """Compile PROGRAM into OUT/<target>/ for each target; write nothing on errors."""
    _guard(lambda: _run_compile(program, target, out, params, fmt), program)


def _run_compile(program: str, target: str, out: str, params: tuple[str, ...], fmt: str) -> None:
    from .compiler import TARGETS, UnsafeOutput, checked_out, compile_app, write_output

    try:
        checked_out(Path(out), Path(program))  # refuse a bad --out before any work
    except UnsafeOutput as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    result = _check(program, _params(params))
    if not result.ok or result.app is None:
        _report(result.diagnostics, fmt)
        sys.exit(EXIT_ERRORS)
    targets = list(TARGETS) if target == "all" else [target]
    compiled = compile_app(result.app, targets)
    if compiled.diagnostics:
        _report(result.diagnostics + compiled.diagnostics, fmt)
        sys.exit(EXIT_ERRORS)
    try:
        write_output(Path(out), compiled.files, Path(program))
    except UnsafeOutput as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as err:  # a full disk, a read-only folder: not a compiler bug
        why = err.strerror or str(err)
        click.echo(f"error: could not write {out}: {why}; the previous output is unchanged",
                   err=True)
        sys.exit(EXIT_ERRORS)
    _report(result.diagnostics, fmt)
    if fmt == "human":
        names = ", ".join(f"{Path(out) / t}" for t in targets)
        click.echo(f"wrote {names}", err=True)


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
    from .explain import explain, render_human, render_json
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
    click.echo(render_json(entries) if fmt == "json" else render_human(entries), nl=fmt == "json")


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


def _guard(action: object, program: str) -> None:
    """No traceback ever reaches the user: an unexpected exception is a compiler bug."""
    try:
        action()  # type: ignore[operator]
    except (SystemExit, click.exceptions.ClickException, click.exceptions.Exit):
        raise
    except KeyboardInterrupt:
        click.echo("interrupted: nothing was written", err=True)
        sys.exit(130)
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
