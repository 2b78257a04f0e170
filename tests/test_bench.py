"""`make bench` runs: a tiny word budget so that a broken benchmark fails here, not in a release."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_benchmark_runs_on_a_small_budget(shared: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench.py"), "--words", "400", "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "ratio coder/bare time:" in run.stdout
    assert "stage quotes" in run.stdout
