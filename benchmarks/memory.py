"""Peak memory of the GUI on the large programme after visiting every page."""

from __future__ import annotations

from benchmarks.harness import BenchContext, Result, base_env, output_of


def run(ctx: BenchContext) -> list[Result]:
    out = output_of([ctx.python, "-m", "classesduo", "--data-dir", str(ctx.large_dir)],
                    base_env(CLASSESDUO_BENCH_PROBE="pages"))
    line = next(line for line in out.splitlines() if line.startswith("PROBE pages"))
    peak_mb = int(line.split()[-1]) / 1024
    return [Result("peak memory of the GUI at large scale, after visiting every page", "< 400 MB",
                   f"{peak_mb:.0f} MB", ok=peak_mb < 400)]
