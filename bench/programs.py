"""Generated programs of a given size, a realistic mix of kinds and edges."""

from __future__ import annotations

from pathlib import Path

HANDLER = "def handler(event, context):\n    return event\n"


def program_text(resources: int) -> str:
    """About `resources` resources: groups of a queue, a function it feeds, a table
    the function writes and a topic it publishes to."""
    lines = ['app bench {\n  prefix = "bench"\n  tags { team = "bench" }\n}\n']
    groups = max(1, resources // 4)
    for i in range(groups):
        lines.append(
            f"queue jobs_{i} {{ visibility_timeout = 1m, max_receives = 3 }}\n"
            f"table items_{i} {{\n  key id: string\n  stream = true\n}}\n"
            f"topic done_{i}\n"
            f"function work_{i} {{\n"
            f'  code = "handler.py"\n'
            f"  timeout = 30s\n"
            f"  env {{ TABLE = items_{i}.name, TOPIC = done_{i}.arn }}\n"
            f"  allow items_{i}: read, write\n"
            f"  allow done_{i}: publish\n"
            f"}}\n"
            f"on jobs_{i}.message -> work_{i} {{ batch = 5 }}\n"
        )
    return "\n".join(lines)


def write_program(folder: Path, resources: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "handler.py").write_text(HANDLER, encoding="utf-8")
    path = folder / f"bench_{resources}.iac"
    path.write_text(program_text(resources), encoding="utf-8")
    return path
