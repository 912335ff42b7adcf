"""The benchmark harness runs end to end on tiny data (no timing assertions), so it cannot rot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_bench_quick_prints_the_table(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--work-dir", str(tmp_path)],
                            capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| figure | measured | anchor")
    figures = {line.split(" | ")[0].lstrip("| ") for line in table[1:]}
    assert "cold start until the main window is visible" in figures
    assert "peak memory of the GUI at large scale, after visiting every page (thumbnails cached)" in figures
    assert "calendar month view at large scale, first paint" in figures
    assert "a log saved from the Exchange log at large scale, until the visible page shows it" in figures
    assert "Machine: " in result.stdout
