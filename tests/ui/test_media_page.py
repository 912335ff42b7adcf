"""The gallery: drop files to import them off the GUI thread, thumbnails appear, edit consent, retention."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from classesduo.domain.consent import ConsentChannel
from classesduo.domain.enums import ConsentStatus
from classesduo.services.media import list_media, thumbnail_path
from classesduo.ui.media.grid_model import HAS_THUMBNAIL_ROLE, RECORD_ROLE
from classesduo.ui.qt import QtCore, QtGui, QtWidgets
from tests.media_files import qimage_file
from tests.ui.conftest import FakeDialogs


class MediaDialogs(FakeDialogs):
    def __init__(self, confirm_answer: bool = False, files: list[str] | None = None) -> None:
        super().__init__(confirm_answer)
        self.files = files or []

    def open_files(self, parent: object, title: str, name_filter: str) -> list[str]:
        return self.files


def _media_page(window):  # noqa: ANN001, ANN202
    window.nav.setCurrentRow(5)
    return window.pages["media"]


def _drop(widget: QtWidgets.QWidget, paths: list[Path]) -> None:
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QtGui.QDragEnterEvent(QtCore.QPoint(20, 20), QtCore.Qt.DropAction.CopyAction, mime,
                                  QtCore.Qt.MouseButton.NoButton, QtCore.Qt.KeyboardModifier.NoModifier)
    assert QtWidgets.QApplication.sendEvent(widget, enter) and enter.isAccepted()
    drop = QtGui.QDropEvent(QtCore.QPointF(20, 20), QtCore.Qt.DropAction.CopyAction, mime,
                            QtCore.Qt.MouseButton.NoButton, QtCore.Qt.KeyboardModifier.NoModifier)
    assert QtWidgets.QApplication.sendEvent(widget, drop) and drop.isAccepted()


def test_dropped_images_import_in_the_background_and_get_thumbnails(make_window, demo_dir: Path, qtbot,
                                                                    tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = MediaDialogs()
    window = make_window(demo_dir, dialogs)
    page = _media_page(window)
    page.filters.duo.setCurrentIndex(1)
    duo_id = page.filters.selected_duo()
    before = page.model.rowCount()
    colors = [0xCC3333, 0x33CC33, 0x3333CC, 0xCCCC33]
    files = [qimage_file(tmp_path / f"photo-{i}.png", color, size=(1200, 900)) for i, color in enumerate(colors)]
    files.append(files[0])  # the same file twice: stored once, and the user is told

    with qtbot.waitSignal(page.import_finished, timeout=20_000) as finished:
        _drop(page.grid.viewport(), files)
        assert page.last_import is None  # the drop returned before the import ran: the GUI was not blocked

    report = finished.args[0]
    assert len(report.imported) == 4 and report.duplicates == ["photo-0.png"]
    assert any("already in this duo" in text for text in dialogs.infos)
    assert page.model.rowCount() == before + 4
    new_hashes = {item.file_hash for item in report.imported}
    rows = [row for row in range(page.model.rowCount())
            if page.model.index(row).data(RECORD_ROLE).item.file_hash in new_hashes]
    assert len(rows) == 4

    qtbot.waitUntil(lambda: all(page.model.index(row).data(HAS_THUMBNAIL_ROLE) for row in rows), timeout=20_000)
    thumbs = window.paths.thumbnails_dir
    assert all(thumbnail_path(thumbs, digest).is_file() for digest in new_hashes)
    cached = QtGui.QImage(str(thumbnail_path(thumbs, report.imported[0].file_hash)))
    assert max(cached.width(), cached.height()) == 256
    assert {v.item.file_hash for v in list_media(window.workspace.db, duo_id)} >= new_hashes


def test_import_without_a_duo_says_what_to_do(make_window, demo_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = MediaDialogs(files=[str(qimage_file(tmp_path / "a.png"))])
    page = _media_page(make_window(demo_dir, dialogs))
    page.filters.duo.setCurrentIndex(0)  # all duos
    page.import_button.click()
    assert dialogs.errors and "Choose a duo" in dialogs.errors[0]


def test_editing_consent_updates_the_badges_and_the_record(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    page = _media_page(window)
    page.filters.duo.setCurrentIndex(1)
    page.grid.setCurrentIndex(page.model.index(0))
    view = page.panel.view
    assert view is not None
    page.panel.caption.setText("Notre école, vue par la classe")
    page.panel.caption_partner.setText("Nuestra escuela")
    page.panel.tags.setText("école, dessin, école")
    page.panel.children.setValue(0)
    for combo in page.panel.consent.values():
        combo.setCurrentIndex(combo.findData(ConsentStatus.GRANTED))
    page.panel.until.setDate(QtCore.QDate(2027, 7, 31))
    page.panel.save_button.click()

    saved = next(v.item for v in list_media(window.workspace.db) if v.item.id == view.item.id)
    assert (saved.caption, saved.caption_partner, saved.tags) == ("Notre école, vue par la classe",
                                                                   "Nuestra escuela", ["école", "dessin"])
    assert saved.consent_publication is ConsentStatus.GRANTED
    row = next(r for r in range(page.model.rowCount())
               if page.model.index(r).data(RECORD_ROLE).item.id == view.item.id)
    assert page.model.index(row).data(QtCore.Qt.ItemDataRole.UserRole + 3) == []  # no channel blocked
    page.today = lambda: date(2027, 8, 1)  # the authorisation has expired: every channel is blocked again
    assert page.model.index(row).data(QtCore.Qt.ItemDataRole.UserRole + 3) == list(ConsentChannel)


def test_retention_asks_then_erases(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    dialogs = MediaDialogs(confirm_answer=False)
    window = make_window(demo_dir, dialogs)
    page = _media_page(window)
    page.today = lambda: date(2028, 8, 1)
    files = [p for p in window.paths.media_dir.rglob("*.png")]
    assert files
    page.retention_button.click()
    assert dialogs.asked and "erased for good" in dialogs.asked[0]
    assert all(p.exists() for p in files)  # answered No: nothing erased

    dialogs.confirm_answer = True
    page.retention_button.click()
    qtbot.waitUntil(lambda: any("Erased" in text for text in dialogs.infos), timeout=20_000)
    assert not any(p.exists() for p in files)
    assert list_media(window.workspace.db) == []


class AlbumDialogs(MediaDialogs):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.choices: list[list[str]] = []

    def choose_new_folder(self, parent: object, title: str) -> str | None:
        return str(self.folder)

    def choose_index(self, parent: object, title: str, label: str, items: list[str]) -> int | None:
        self.choices.append(items)
        return items.index("2026-2027/1")


def test_album_export_from_the_gallery(make_window, demo_dir: Path, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = AlbumDialogs(tmp_path / "album")
    window = make_window(demo_dir, dialogs)
    page = _media_page(window)
    page.today = lambda: date(2026, 11, 28)
    page.filters.duo.setCurrentIndex(1)
    page.album_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.infos), timeout=20_000)
    assert dialogs.choices and "2026-2027/1" in dialogs.choices[0]
    assert (tmp_path / "album" / "index.html").is_file()
    assert "written to" in dialogs.infos[0]


def test_grid_model_is_a_valid_qt_model(make_window, demo_dir: Path, qtmodeltester) -> None:  # noqa: ANN001
    page = _media_page(make_window(demo_dir))
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model)


def test_empty_database_offers_the_demo(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    page = _media_page(window)
    assert page.demo_button.isVisible() and "No duos yet" in page.hint.text()
    page.demo_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=30_000)
    assert not page.demo_button.isVisible()


def test_edited_details_are_not_lost_to_an_import_or_another_item(make_window, demo_dir: Path, tmp_path: Path,  # noqa: ANN001
                                                                 qtbot) -> None:
    """Finding 3: importing another file while a caption and consents were being edited lost them silently."""
    dialogs = MediaDialogs()
    window = make_window(demo_dir, dialogs=dialogs)
    page = _media_page(window)
    page.dialogs = dialogs
    page.filters.duo.setCurrentIndex(1)
    page.grid.setCurrentIndex(page.model.index(0))
    view = page.panel.view
    assert view is not None and not page.panel.is_dirty()
    page.panel.caption.setText("Légende en cours")
    page.panel.consent[ConsentChannel.PUBLICATION].setCurrentIndex(
        page.panel.consent[ConsentChannel.PUBLICATION].findData(ConsentStatus.REFUSED))
    count = page.model.rowCount()
    page.import_paths([qimage_file(tmp_path / "nouveau.png")])  # asked; Cancel (no answer): nothing imported
    assert dialogs.asked and "Save the changes" in dialogs.asked[-1]
    assert page.operation is None and page.panel.caption.text() == "Légende en cours"
    page.grid.setCurrentIndex(page.model.index(1))  # another item: asked again, Cancel keeps this one
    assert page.panel.view.item.id == view.item.id and page.panel.caption.text() == "Légende en cours"
    dialogs.choose_answer = "save"
    page.grid.setCurrentIndex(page.model.index(1))
    saved = next(v.item for v in list_media(window.workspace.db) if v.item.id == view.item.id)
    assert saved.caption == "Légende en cours" and saved.consent_publication is ConsentStatus.REFUSED
    assert page.panel.view.item.id != view.item.id and page.model.rowCount() == count


def test_an_item_is_attached_moved_and_detached_after_import(make_window, demo_dir: Path, tmp_path: Path,  # noqa: ANN001
                                                             qtbot) -> None:
    """Finding 5: a media item could not be attached to a session after import."""
    from classesduo.services.media import save_media

    window = make_window(demo_dir)
    page = _media_page(window)
    page.filters.duo.setCurrentIndex(1)
    page.grid.setCurrentIndex(page.model.index(0))
    view = page.panel.view
    combo = page.panel.session_combo
    assert combo.count() > 2 and combo.itemText(0) == "— no session —"
    first, second = combo.itemData(1), combo.itemData(2)
    for target in (first, second, ""):  # attach (or keep), move, detach
        combo.setCurrentIndex(combo.findData(target))
        page.panel.save_button.click()
        stored = next(v.item for v in list_media(window.workspace.db) if v.item.id == view.item.id)
        assert stored.session_id == (target or None)
    other_duo = next(v for v in list_media(window.workspace.db) if v.item.duo_id != view.item.duo_id)
    import pytest
    from dataclasses import replace

    from classesduo.services.errors import ValidationError

    with pytest.raises(ValidationError, match="session of this item's duo"):
        save_media(window.workspace.db, replace(other_duo.item, session_id=first))


def test_leaving_the_media_page_with_edited_details_asks_save_discard_cancel(make_window, demo_dir: Path,
                                                                             qtbot) -> None:  # noqa: ANN001
    """Finding 3: going to another area of the window lost a caption being typed, with no question."""
    dialogs = MediaDialogs()
    window = make_window(demo_dir, dialogs=dialogs)
    page = _media_page(window)
    page.dialogs = dialogs
    media_row = window.nav.currentRow()
    page.filters.duo.setCurrentIndex(1)
    page.grid.setCurrentIndex(page.model.index(0))
    view = page.panel.view
    page.panel.caption.setText("Légende en cours")
    asked = len(dialogs.asked)
    window.nav.setCurrentRow(0)  # Home: asked; Cancel (no answer) stays on the media page, the typing kept
    assert len(dialogs.asked) == asked + 1 and "Save the changes" in dialogs.asked[-1]
    assert window.stack.currentWidget() is page and window.nav.currentRow() == media_row
    assert page.panel.caption.text() == "Légende en cours"
    dialogs.choose_answer = "discard"
    window.nav.setCurrentRow(0)
    assert window.stack.currentWidget() is window.pages["home"]
    assert next(v.item for v in list_media(window.workspace.db) if v.item.id == view.item.id).caption != "Légende en cours"
    assert not page.panel.is_dirty() and page.panel.caption.text() != "Légende en cours"
    window.nav.setCurrentRow(media_row)
    page.grid.setCurrentIndex(page.model.index(0))
    page.panel.caption.setText("Légende gardée")
    dialogs.choose_answer = "save"
    window.nav.setCurrentRow(0)
    assert window.stack.currentWidget() is window.pages["home"]
    assert next(v.item for v in list_media(window.workspace.db) if v.item.id == view.item.id).caption == "Légende gardée"
