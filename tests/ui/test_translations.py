"""French and English UI: every string is translated, and the language switches at run time."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from classesduo.paths import resources_dir
from classesduo.ui.preferences_dialog import PreferencesDialog
from classesduo.ui.qt import QtCore, QtWidgets

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = resources_dir() / "translations"


def _tool(name: str) -> str:
    import sys

    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else (shutil.which(name) or name)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {(ctx.findtext("name"), message.findtext("source")): message.find("translation")
            for ctx in tree.getroot().iter("context") for message in ctx.iter("message")}


def test_every_string_in_the_code_has_a_french_translation(tmp_path: Path) -> None:
    extracted = tmp_path / "extracted.ts"
    sources = sorted(str(path) for path in (ROOT / "classesduo").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(extracted)], check=True, capture_output=True)
    in_code = set(_messages(extracted))
    shipped = _messages(TRANSLATIONS / "classesduo_fr.ts")
    untranslated = sorted(key for key in in_code
                          if key not in shipped or shipped[key].get("type") in {"unfinished", "vanished", "obsolete"}
                          or not "".join(shipped[key].itertext()).strip())  # plurals: in <numerusform>s
    assert not untranslated, "run `make translations` and translate:\n" + "\n".join(map(str, untranslated[:40]))


def test_shipped_qm_matches_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "fr.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TRANSLATIONS / "classesduo_fr.ts"), "-qm", str(compiled)],
                   check=True, capture_output=True)
    assert compiled.read_bytes() == (TRANSLATIONS / "classesduo_fr.qm").read_bytes(), \
        "resources/translations/classesduo_fr.qm is stale: run `make translations`"


def test_language_switches_at_run_time(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir, language="en")
    assert window.nav.item(1).text() == "Schools"
    window.translations.apply("fr")
    QtCore.QCoreApplication.processEvents()
    try:
        assert window.nav.item(1).text() == "Écoles"
        assert window.file_menu.title() == "&Fichier"
        duos = window.pages["duos"]
        assert duos.table.model.headerData(0, QtCore.Qt.Orientation.Horizontal) == "École parisienne"
        assert "Actif" in {duos.table.model.index(row, 7).data() for row in range(duos.table.model.rowCount())}
        from datetime import date

        from classesduo.ui.formatting import format_date

        assert format_date(date(2026, 9, 1)) == "01/09/2026"  # French short date
    finally:
        window.translations.apply("en")
        QtCore.QCoreApplication.processEvents()
    assert window.nav.item(1).text() == "Schools"


def test_preferences_dialog_changes_language_and_saves(make_window, demo_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    window = make_window(demo_dir, language="en")

    def accept_french(dialog: PreferencesDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        dialog.quiet_weeks.setValue(5)
        return QtWidgets.QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", accept_french)
    window.preferences_action.trigger()
    QtCore.QCoreApplication.processEvents()
    try:
        assert window.nav.item(0).text() == "Accueil"
        saved = window.settings.load(window.paths.settings_file)
        assert saved.language == "fr" and saved.quiet_weeks == 5
    finally:
        window.translations.apply("en")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_qt_own_dialogs_are_translated_too(qapp, language: str) -> None:  # noqa: ANN001
    from classesduo.ui.translations import Translations

    translations = Translations(qapp)
    translations.apply(language)
    try:
        box = QtWidgets.QMessageBox()
        box.setStandardButtons(QtWidgets.QMessageBox.StandardButton.Cancel)
        text = box.button(QtWidgets.QMessageBox.StandardButton.Cancel).text().replace("&", "")
        assert text == ("Annuler" if language == "fr" else "Cancel")
    finally:
        translations.apply("en")
