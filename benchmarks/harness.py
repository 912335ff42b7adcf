"""Running figures, taking medians, and printing the one table."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    figure: str
    target: str
    value: str
    anchor: str = "—"
    ok: bool | None = None
    note: str = ""


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_until_line(command: list[str], marker: str, env: dict[str, str], timeout: float = 120) -> float:
    """Seconds from launching ``command`` until it prints a line starting with ``marker``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
                               cwd=ROOT)
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(marker):
                elapsed = time.perf_counter() - start
                process.wait(timeout=timeout)
                return elapsed
        raise RuntimeError(f"{command} ended without printing {marker!r} (exit {process.wait()})")
    finally:
        if process.poll() is None:
            process.kill()


def output_of(command: list[str], env: dict[str, str], timeout: float = 300) -> str:
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout, check=True,
                          cwd=ROOT).stdout


def base_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CLASSESDUO_")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


def machine() -> str:
    from PySide6 import __version__ as pyside

    return (f"{os.cpu_count()} cores, Python {platform.python_version()}, PySide6 {pyside}, "
            f"{platform.system()} {platform.machine()}")


def print_table(results: list[Result]) -> None:
    print(f"\nMachine: {machine()}\n")
    print("| figure | measured | anchor (same run) | target | verdict |")
    print("|---|---|---|---|---|")
    for r in results:
        verdict = "—" if r.ok is None else ("ok" if r.ok else "MISSED")
        note = f" ({r.note})" if r.note else ""
        print(f"| {r.figure} | {r.value}{note} | {r.anchor} | {r.target} | {verdict} |")


Figure = Callable[["BenchContext"], list[Result]]


@dataclass
class BenchContext:
    repeats: int
    small_dir: Path
    large_dir: Path
    quick: bool

    @property
    def python(self) -> str:
        return sys.executable
