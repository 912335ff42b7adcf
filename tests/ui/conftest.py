from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from classesduo.paths import AppPaths
from classesduo.settings import Settings
from classesduo.ui.dialogs import Dialogs


class FakeDialogs(Dialogs):
    """Records what would have been asked or shown, and answers from a script."""

    def __init__(self, confirm_answer: bool = False, choose_answer: str | None = None) -> None:
        self.confirm_answer = confirm_answer
        self.choose_answer = choose_answer
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.infos: list[str] = []

    def confirm(self, parent: object, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.confirm_answer

    def error(self, parent: object, text: str, details: str = "") -> None:
        self.errors.append(text)

    def choose(self, parent: object, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
        self.asked.append(text)
        return self.choose_answer

    def info(self, parent: object, title: str, text: str) -> None:
        self.infos.append(text)


@pytest.fixture
def make_window(qtbot, qapp) -> Iterator[Callable[..., object]]:  # noqa: ANN001
    from classesduo.ui.main_window import MainWindow
    from classesduo.ui.translations import Translations

    windows = []

    def make(data_dir: Path, dialogs: FakeDialogs | None = None, settings: Settings | None = None,
             db_url: str | None = None, language: str = "en", wait: bool = True) -> MainWindow:
        from classesduo.ui.app import apply_style

        apply_style(qapp)
        translations = Translations(qapp)
        translations.apply(language)
        window = MainWindow(AppPaths.resolve(data_dir), settings or Settings(demo_offered=True), translations,
                            dialogs or FakeDialogs(), db_url=db_url)
        qtbot.addWidget(window)
        window.show()
        if wait:
            with qtbot.waitSignal(window.workspace_ready, timeout=20_000):
                window.open_data()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
