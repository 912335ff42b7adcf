"""Peak memory of the GUI on the large programme after visiting every page: with the thumbnails still to make
(the first run on a data folder), then with them cached."""

from __future__ import annotations

import shutil

from benchmarks.harness import BenchContext, Result, base_env, output_of


def _peak_mb(ctx: BenchContext) -> float:
    out = output_of([ctx.python, "-m", "classesduo", "--data-dir", str(ctx.large_dir)],
                    base_env(CLASSESDUO_BENCH_PROBE="pages"))
    line = next(line for line in out.splitlines() if line.startswith("PROBE pages"))
    return int(line.split()[-1]) / 1024


def run(ctx: BenchContext) -> list[Result]:
    shutil.rmtree(ctx.large_dir / "thumbnails", ignore_errors=True)  # a cache: the first run makes it again
    first = _peak_mb(ctx)
    cached = _peak_mb(ctx)
    return [
        Result("peak memory of the GUI at large scale, every page visited, first thumbnail run included",
               "< 300 MB", f"{first:.0f} MB", ok=first < 300),
        Result("peak memory of the GUI at large scale, after visiting every page (thumbnails cached)", "< 400 MB",
               f"{cached:.0f} MB", ok=cached < 400),
    ]
