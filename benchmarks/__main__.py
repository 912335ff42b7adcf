"""Run every figure and print one table. ``--quick`` uses a tiny programme and one run (smoke test)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks import figures, memory, startup
from benchmarks.harness import ROOT, BenchContext, Result, print_table

FIGURES = [startup.run, figures.sessions_page, figures.calendar, figures.log_save, memory.run, figures.finder,
           figures.reports, figures.photo_import]


def prepare(folder: Path, scale: str, quick: bool) -> Path:
    """Build (once) a data folder with the small or large demo; reused by later runs."""
    from classesduo.services.demo import load_demo
    from classesduo.services.demo_large import LARGE, TINY, load_large_demo
    from classesduo.services.workspace import open_workspace

    marker = folder / ".ready"
    if marker.exists():
        return folder
    workspace = open_workspace(str(folder))
    if scale == "small":
        load_demo(workspace)
    else:
        print(f"building the {'tiny' if quick else 'large'} programme in {folder} (once)…", file=sys.stderr)
        load_large_demo(workspace, TINY if quick else LARGE)
    workspace.close()
    marker.touch()
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="tiny data, one run: checks the harness works")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--work-dir", type=Path, default=ROOT / ".bench")
    args = parser.parse_args(argv)
    work = args.work_dir / ("quick" if args.quick else "full")
    ctx = BenchContext(
        repeats=1 if args.quick else args.repeats,
        small_dir=prepare(work / "small", "small", args.quick),
        large_dir=prepare(work / "large", "large", args.quick),
        quick=args.quick,
    )
    results: list[Result] = []
    for figure in FIGURES:
        results += figure(ctx)
    print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
