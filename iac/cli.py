"""The command line as click declares it: every command, its options and their help.

What the commands do is iac/commands.py's (with this module, the only ones that print
or exit). Its `main` is the `iac` executable: it reads the usual command lines without
importing click, from `iac/_cli_table.py`, which `python -m iac.tables --regenerate`
writes from the declarations here (`table`), and hands everything else to `main` here:
help, `--version`, usage errors. `python -m iac.cli` runs click's reading always.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from . import __version__, commands
from .commands import FORMATS, Arguments, Options, UsageProblem
from .emit.registry import names as target_names


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iac")
def main() -> None:
    """iac: compile a small infrastructure program to CloudFormation, Terraform and CDK."""


def _call(command: Callable[..., None], values: dict[str, Any]) -> None:
    """Run `command` as click read it; its usage mistakes become click's usage errors."""
    try:
        command(**values)
    except UsageProblem as problem:
        if problem.param_hint:
            raise click.BadParameter(str(problem), param_hint=problem.param_hint) from None
        raise click.UsageError(str(problem)) from None


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
def check_cmd(**values: Any) -> None:
    """Check PROGRAM (a .iac file or a folder of them) and report every problem."""
    _call(commands.check_cmd, values)


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
def compile_cmd(**values: Any) -> None:
    """Compile PROGRAM into OUT/<target>/ for each target; write nothing on errors.

    Beside the program, `iac.lock` (for a folder) or `NAME.iac.lock` (for a file) records
    its stateful resources; a compile that would make AWS replace or delete one fails
    unless `--allow-replace NAME` accepts it."""
    _call(commands.compile_cmd, values)


@main.command("explain")
@click.argument("program")
@click.option("--format", "fmt", type=click.Choice(["human", "json"]), default="human")
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="Set a param's default."
)
def explain_cmd(**values: Any) -> None:
    """Show every IAM statement of PROGRAM's roles and resource policies, and why it is there."""
    _call(commands.explain_cmd, values)


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
def run_cmd(**values: Any) -> None:
    """Run PROGRAM on this machine: AWS emulated by moto, the real handlers, its own wiring."""
    _call(commands.run_cmd, values)


@main.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default).")
@click.option("--tcp", metavar="HOST:PORT", help="Listen on a TCP port instead of stdio.")
def lsp_cmd(**values: Any) -> None:
    """Run the language server (diagnostics, completion, previews of every target)."""
    _call(commands.lsp_cmd, values)


@main.command("fmt")
@click.argument("programs", nargs=-1)
@click.option(
    "--check", "check_only", is_flag=True, help="Write nothing; exit 1 if any would change."
)
@click.option(
    "--diff", is_flag=True, help="Show what would change as a unified diff; write nothing."
)
def fmt_cmd(**values: Any) -> None:
    """Rewrite PROGRAMS (.iac files or folders; `-` for stdin to stdout) in the canonical
    layout. A file with syntax errors is not formatted (exit 1), and then nothing is."""
    _call(commands.fmt_cmd, values)


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
def graph_cmd(**values: Any) -> None:
    """Draw PROGRAM's resources, events, routes, grants and workflows (Mermaid renders on
    GitHub as is; svg and png need Graphviz's `dot` on the PATH)."""
    _call(commands.graph_cmd, values)


def table() -> dict[str, tuple[Arguments, Options]]:
    """What iac/commands.py's `main` reads without click, taken from the declarations
    above: per command, its arguments (name, nargs) and each spelling of each option
    with (name, kind, what it accepts, its value when not given). A command with an
    option of another type (a `click.Path`, say) is left out: click reads it."""
    out = {}
    for name, command in sorted(main.commands.items()):
        read = _readable(command)
        if read is not None:
            out[name] = read
    return out


def _readable(command: click.Command) -> tuple[Arguments, Options] | None:
    arguments: Arguments = []
    options: Options = {}
    given = ["x" for p in command.params if isinstance(p, click.Argument) and p.required]
    defaults = command.make_context(command.name or "", list(given)).params  # it eats the list
    for param in command.params:
        if isinstance(param, click.Argument):
            if param.nargs not in (1, -1) or param.type is not click.STRING:
                return None
            arguments.append((param.name or "", param.nargs))
            continue
        assert isinstance(param, click.Option)
        if param.secondary_opts or param.count or param.nargs != 1:
            return None
        if param.envvar or param.callback or param.prompt:
            return None
        if param.is_flag:
            # What click passes with the flag and without it, asked of click itself
            # (its attributes for flags differ between versions: 8.5's `flag_value`).
            given_flag = command.make_context(command.name or "", [*given, param.opts[0]])
            if param.multiple or given_flag.params[param.name or ""] is not True:
                return None
            if defaults[param.name or ""] is not False:
                return None
            entry: tuple[str, str, Any, Any] = (param.name or "", "flag", None, False)
        else:
            accepts = _accepts(param.type)
            if accepts is _UNREADABLE:
                return None
            kind = "multiple" if param.multiple else "value"
            entry = (param.name or "", kind, accepts, defaults[param.name or ""])
        for spelling in param.opts:
            options[spelling] = entry
    if sum(1 for _, n in arguments if n == -1) and len(arguments) > 1:
        return None
    return arguments, options


_UNREADABLE = object()


def _accepts(kind: click.ParamType[Any]) -> Any:
    """A string (None), a choice (its values) or an integer (its least value)."""
    if kind is click.STRING:
        return None
    if isinstance(kind, click.Choice) and kind.case_sensitive:
        return tuple(str(c) for c in kind.choices)
    if isinstance(kind, click.IntRange) and kind.max is None and not kind.min_open:
        return max(kind.min or 0, 0) if not kind.clamp else _UNREADABLE
    if kind is click.INT:
        return 0
    return _UNREADABLE


if __name__ == "__main__":
    main()
