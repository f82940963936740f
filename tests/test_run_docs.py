"""The examples of docs/testing.md run as written: they are the documented API."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_testing_guide_examples_pass(tmp_path: Path) -> None:
    guide = (REPO / "docs" / "testing.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", guide, flags=re.S)
    assert len(blocks) == 2
    for i, block in enumerate(blocks):
        (tmp_path / f"test_guide_{i}.py").write_text(block, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,  # the guide's paths are the repository's
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 passed" in done.stdout
