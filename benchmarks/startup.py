"""Cold start: until the main window is visible, and until the home page shows the demo data."""

from __future__ import annotations

from benchmarks.harness import BenchContext, Result, base_env, median, time_until_line

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow(); window.resize(1200, 760); window.show()
def shown():
    print("PROBE window", flush=True); app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

BARE_WINDOW_AND_QUERY = BARE_WINDOW.replace('''def shown():
    print("PROBE window", flush=True); app.quit()''', '''def shown():
    import sqlalchemy.orm
    from sqlalchemy import create_engine, text
    engine = create_engine("sqlite:///{db}")
    with engine.connect() as c:
        c.execute(text("SELECT count(*) FROM school")).scalar()
    print("PROBE data", flush=True); app.quit()''')


def run(ctx: BenchContext) -> list[Result]:
    env = base_env()
    app = [ctx.python, "-m", "classesduo", "--data-dir", str(ctx.small_dir)]
    anchor_window = [time_until_line([ctx.python, "-c", BARE_WINDOW], "PROBE window", env)
                     for _ in range(ctx.repeats)]
    app_window = [time_until_line(app, "PROBE window", base_env(CLASSESDUO_BENCH_PROBE="window"))
                  for _ in range(ctx.repeats)]
    database = ctx.small_dir / "classesduo.sqlite3"
    anchor_data = [time_until_line([ctx.python, "-c", BARE_WINDOW_AND_QUERY.replace("{db}", str(database))],
                                   "PROBE data", env) for _ in range(ctx.repeats)]
    app_data = [time_until_line(app, "PROBE data", base_env(CLASSESDUO_BENCH_PROBE="data"))
                for _ in range(ctx.repeats)]
    window_ratio = median(app_window) / median(anchor_window)
    data_ratio = median(app_data) / median(anchor_data)
    return [
        Result("cold start until the main window is visible", "≤ 1.5×",
               f"{median(app_window) * 1000:.0f} ms = {window_ratio:.2f}×",
               f"bare QMainWindow {median(anchor_window) * 1000:.0f} ms", window_ratio <= 1.5),
        Result("cold start until the home page shows the demo data", "≤ 1.5×",
               f"{median(app_data) * 1000:.0f} ms = {data_ratio:.2f}×",
               f"bare window + sqlalchemy.orm + 1 query {median(anchor_data) * 1000:.0f} ms", data_ratio <= 1.5),
    ]
