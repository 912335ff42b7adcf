"""The data-safety actions as a user drives them: back up, restore, damaged database, bundles, erase."""

from __future__ import annotations

from pathlib import Path

import pytest

from classesduo.paths import AppPaths
from classesduo.storage.backups import list_backups
from classesduo.services.duos import list_duos
from classesduo.settings import Settings
from classesduo.ui.preferences_dialog import PreferencesDialog
from classesduo.ui.restore_dialog import RestoreDialog

from .conftest import FakeDialogs


class SafetyDialogs(FakeDialogs):
    """FakeDialogs plus scripted answers for files, folders, choices and backups."""

    def __init__(self, **answers: object) -> None:
        super().__init__(confirm_answer=True)
        self.answers = answers
        self.choices: list[list[str]] = []

    def choose(self, parent, title, text, choices):  # noqa: ANN001, ANN201
        self.asked.append(text)
        self.choices.append([key for key, _label in choices])
        return self.answers.get("choose")

    def choose_item(self, parent, title, label, items):  # noqa: ANN001, ANN201
        return self.answers.get("item", items[0][0])

    def open_file(self, parent, title, filters):  # noqa: ANN001, ANN201
        return self.answers.get("open_file")

    def confirm_with_option(self, parent, title, text, details, option):  # noqa: ANN001, ANN201
        self.asked.append(text + "\n" + details)
        return self.answers.get("option", False)

    def save_file(self, parent, title, suggested, filters):  # noqa: ANN001, ANN201
        return self.answers.get("save_file")

    def choose_folder(self, parent, title):  # noqa: ANN001, ANN201
        return self.answers.get("folder")

    def choose_backup(self, parent, paths):  # noqa: ANN001, ANN201
        return self.answers.get("backup")

    def choose_many(self, parent, title, text, items):  # noqa: ANN001, ANN201
        self.asked.append(text + "\n" + "\n".join(items))
        return self.answers.get("many")


def _wait_reopened(qtbot, window) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=30_000)


def test_start_up_takes_the_daily_backup_and_back_up_now_adds_one(make_window, data_dir: Path,  # noqa: ANN001
                                                                  qtbot) -> None:
    window = make_window(data_dir)
    assert [b.reason for b in list_backups(data_dir / "backups")] == ["daily"]
    window.safety.backup_action.trigger()
    qtbot.waitUntil(lambda: "Backup written" in window.statusBar().currentMessage(), timeout=20_000)
    assert len(list_backups(data_dir / "backups")) == 2


def test_restore_from_the_list_brings_back_the_old_data(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = SafetyDialogs()
    window = make_window(demo_dir, dialogs)
    [daily] = list_backups(demo_dir / "backups")
    # A change made after the backup (not an erasure: erasure reaches the backups too, by design)
    from classesduo.domain.entities import Facilitator
    from classesduo.services.facilitators import list_facilitators, save_facilitator

    before = len(list_facilitators(window.workspace.db))
    save_facilitator(window.workspace.db, Facilitator(name="Nouvelle Intervenante"))
    assert len(list_facilitators(window.workspace.db)) == before + 1
    dialogs.answers["backup"] = daily.path
    window.safety.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=30_000)
    _wait_reopened(qtbot, window)
    assert len(list_facilitators(window.workspace.db)) == before
    assert len(list_duos(window.workspace.db)) == 12
    assert "backed up to" in dialogs.infos[-1]
    assert {b.reason for b in list_backups(demo_dir / "backups")} >= {"daily", "before-restore"}


def test_a_damaged_database_offers_restore_and_keeps_the_file(make_window, demo_dir: Path,  # noqa: ANN001
                                                              qtbot) -> None:
    window = make_window(demo_dir)  # takes the daily backup
    window.close()
    database = demo_dir / "classesduo.sqlite3"
    for companion in ("-wal", "-shm"):
        (demo_dir / f"classesduo.sqlite3{companion}").unlink(missing_ok=True)
    database.write_bytes(bytes(100) + database.read_bytes()[100:])
    dialogs = SafetyDialogs(choose="restore")
    window = make_window(demo_dir, dialogs, wait=False)
    window.open_data()
    qtbot.waitUntil(lambda: bool(dialogs.choices), timeout=30_000)
    assert dialogs.choices[0] == ["restore", "folder", "quit"] and "damaged" in dialogs.asked[0]
    _wait_reopened(qtbot, window)
    assert len(list_duos(window.workspace.db)) == 12
    [aside] = demo_dir.glob("classesduo.sqlite3.damaged-*[0-9]Z")
    assert aside.read_bytes()[:100] == bytes(100)


def test_a_damaged_database_and_quit_closes_without_touching_it(make_window, data_dir: Path,  # noqa: ANN001
                                                                qtbot) -> None:
    database = data_dir / "classesduo.sqlite3"
    database.write_bytes(b"garbage" * 1000)
    dialogs = SafetyDialogs(choose="quit")
    window = make_window(data_dir, dialogs, wait=False)
    window.open_data()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert dialogs.choices == [["folder", "quit"]]
    assert database.read_bytes() == b"garbage" * 1000


def test_bundle_export_then_import_in_another_folder(make_window, demo_dir: Path, data_dir: Path,  # noqa: ANN001
                                                     tmp_path: Path, qtbot) -> None:
    target = tmp_path / "out.zip"
    source_window = make_window(demo_dir, SafetyDialogs(save_file=target))
    source_window.safety.export_action.trigger()
    qtbot.waitUntil(target.exists, timeout=30_000)
    source_window.close()
    dialogs = SafetyDialogs(open_file=target)
    window = make_window(data_dir, dialogs)
    window.safety.import_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=30_000)
    assert "rows added" in dialogs.infos[0] and "20 new media files" in dialogs.infos[0]
    assert len(list_duos(window.workspace.db)) == 12
    window.show_area(2)  # hidden during the import: refreshed when shown
    assert window.pages["duos"].table.model.rowCount() == 12


def test_a_record_changed_on_both_laptops_is_shown_to_choose(make_window, demo_dir: Path,  # noqa: ANN001
                                                              data_dir: Path, tmp_path: Path, qtbot) -> None:
    import json
    import zipfile

    from classesduo.services.bundles import export_bundle, import_bundle
    from classesduo.services.workspace import open_workspace
    from classesduo.storage.models import FacilitatorRow

    base = tmp_path / "base.zip"
    source = open_workspace(str(demo_dir))
    export_bundle(source, base)
    source.close()
    here = open_workspace(str(data_dir))
    import_bundle(here, base)
    with zipfile.ZipFile(base) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    row = manifest["tables"]["facilitator"][0]
    with here.db.transaction() as session:
        session.get(FacilitatorRow, row["id"]).name = "Edited here"
    here.close()
    row.update(name="Edited there", change_history=row["change_history"] + " there-1")
    theirs = tmp_path / "theirs.zip"
    with zipfile.ZipFile(base) as archive, zipfile.ZipFile(theirs, "w") as out:
        out.writestr("manifest.json", json.dumps(manifest))
        for info in archive.infolist():
            if info.filename != "manifest.json":
                out.writestr(info, archive.read(info))
    dialogs = SafetyDialogs(open_file=theirs, many=[0])
    window = make_window(data_dir, dialogs)
    window.safety.import_action.trigger()
    qtbot.waitUntil(lambda: any("changed here and on the other laptop" in text for text in dialogs.asked),
                    timeout=30_000)
    assert any("Edited there" in text for text in dialogs.asked)

    def name() -> str:
        with window.workspace.db.reading() as session:
            return session.get(FacilitatorRow, row["id"]).name

    qtbot.waitUntil(lambda: name() == "Edited there", timeout=30_000)


@pytest.mark.parametrize("include", [False, True])
def test_bundle_export_asks_about_media_without_consent(make_window, demo_dir: Path, tmp_path: Path, qtbot,  # noqa: ANN001
                                                        include: bool) -> None:
    import json
    import zipfile

    from classesduo.services.workspace import open_workspace
    from tests.services.test_bundle_consent import _mark

    workspace = open_workspace(str(demo_dir))
    marked = _mark(workspace)
    workspace.close()
    target = tmp_path / "out.zip"
    dialogs = SafetyDialogs(save_file=target, option=include)
    window = make_window(demo_dir, dialogs)
    window.safety.export_action.trigger()
    qtbot.waitUntil(target.exists, timeout=30_000)
    assert "3 media items without valid exchange consent today will be left out" in dialogs.asked[0]  # no "(s)"
    assert "refused.jpg: exchange consent refused" in dialogs.asked[0]
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    carried = {row["id"] for row in manifest["tables"]["media_item"]}
    assert (marked["refused"] in carried) is include and marked["ok"] in carried
    assert len(manifest["media_consent"]["included_without_consent"]) == (3 if include else 0)


def test_restore_dialog_lists_backups_with_date_and_size(qtbot, demo_workspace) -> None:  # noqa: ANN001
    from classesduo.services.backups import backup_now

    backup_now(demo_workspace)
    dialog = RestoreDialog(demo_workspace.paths)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text().endswith(" kB") and dialog.table.item(0, 1).text() == "on demand"
    dialog.grab().save("/tmp/safety-restore-dialog.png")
    dialog.accept()
    assert dialog.chosen == list_backups(demo_workspace.paths.backups_dir)[0].path


def test_restore_dialog_empty_state(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialog = RestoreDialog(AppPaths.resolve(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.restore_button.isEnabled()


def test_preferences_carry_the_shared_database_and_media_folder(qtbot) -> None:  # noqa: ANN001
    dialog = PreferencesDialog(Settings(db_url="postgresql+psycopg://me@server/cd"))
    qtbot.addWidget(dialog)
    assert dialog.db_url.text() == "postgresql+psycopg://me@server/cd"
    dialog.media_dir.setText(" /srv/share/media ")
    result = dialog.result_settings()
    assert result.db_url == "postgresql+psycopg://me@server/cd" and result.media_dir == "/srv/share/media"


@pytest.mark.parametrize("answer", [None])
def test_erase_cancelled_changes_nothing(make_window, demo_dir: Path, answer) -> None:  # noqa: ANN001
    dialogs = SafetyDialogs()
    dialogs.confirm_answer = False
    window = make_window(demo_dir, dialogs)
    window.safety.erase_action.trigger()
    assert len(list_duos(window.workspace.db)) == 12 and "Erase this duo" in dialogs.asked[0]
