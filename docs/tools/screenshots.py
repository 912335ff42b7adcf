"""Screenshots of every page in French and English, light and dark, at 1280×720, into docs/images/.

    QT_QPA_PLATFORM=offscreen python docs/tools/screenshots.py [OUTDIR]

Builds the demo programme (as of 28 November 2026) in a temporary folder, opens the window on it
and grabs each area (``widget.grab()`` works offscreen). The images are used in README.md and docs/.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from classesduo.ui.qt import QtCore, QtWidgets  # noqa: E402

DEMO_DAY = date(2026, 11, 28)


def _settle(app: QtWidgets.QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()
        QtCore.QThread.msleep(10)


def main(out: Path) -> None:
    from classesduo.paths import AppPaths
    from classesduo.services.demo import load_demo
    from classesduo.services.workspace import open_workspace
    from classesduo.settings import Settings
    from classesduo.ui.app import apply_style, create_application
    from classesduo.ui.appearance import apply_appearance
    from classesduo.ui.main_window import AREAS, MainWindow
    from classesduo.ui.translations import Translations

    app = create_application(sys.argv[:1])
    apply_style(app)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        workspace = open_workspace(str(data))
        load_demo(workspace, today=DEMO_DAY)
        workspace.close()
        translations = Translations(app)
        for scheme in ("light", "dark"):
            apply_appearance(app, scheme)
            for language in ("en", "fr"):
                translations.apply(language)
                window = MainWindow(AppPaths.resolve(data), Settings(demo_offered=True, language=language),
                                    translations)
                window.resize(1280, 720)
                window.show()
                ready: list[bool] = []
                window.workspace_ready.connect(lambda: ready.append(True))
                window.open_data()
                while not ready:
                    _settle(app, 1)
                calendar = window.pages["calendar"]
                calendar.anchor = date(2026, 12, 8)
                calendar.today = DEMO_DAY
                for row, area in enumerate(AREAS):
                    window.show_area(row)
                    if area.key == "calendar":
                        calendar.refresh()
                    if area.key == "media":
                        window.pages["media"].filters.duo.setCurrentIndex(1)
                    _settle(app, 60 if area.key in ("reports", "media") else 30)
                    suffix = "" if scheme == "light" else "-dark"
                    window.grab().save(str(out / f"{area.key}-{language}{suffix}.png"))
                window.close()
                window.deleteLater()
                _settle(app, 5)
        apply_appearance(app, "light")
        translations.apply("en")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images")
