"""The `iac` executable (and `python -m iac`)."""

from __future__ import annotations

import gc


def main() -> None:
    """Load the command line with the cyclic collector paused, then run it.

    Loading iac makes some hundred thousand objects (modules, classes, functions, the
    catalogue) and no garbage cycles to speak of, yet the collector walked them dozens
    of times while they were made: a tenth of what `iac check` takes. They live as long
    as the process, so they are then moved out of the collector's sight (`gc.freeze`:
    its first full pass over them came during the parse, ~2 ms), and the command runs
    with the collector on (the stages pause it where they know better). When it ends,
    everything is frozen again: the interpreter's last collection, as it exits, walked
    every object the compile had handed back to the collector (`compile_app` unfreezes
    what it froze): ~8 ms of a small compile, for a process about to end."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        from .commands import main as run
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    try:
        run()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
