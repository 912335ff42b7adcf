"""Media area: the gallery of the children's photos, drawings, videos and texts, with their consent.

The page assembles the filter bar, the thumbnail grid and the detail panel
(``classesduo/ui/media/``) and runs the long actions — import, album export,
retention — through :mod:`classesduo.ui.operations`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from classesduo.domain.enums import Side
from classesduo.domain.terms import default_terms
from classesduo.domain.timezones import paris_today
from classesduo.services.duos import list_duos
from classesduo.services.errors import ServiceError, ValidationError
from classesduo.services.media import MediaView, save_media
from classesduo.services.media_pages import MediaQuery, count_media, media_page
from classesduo.services.sessions import list_sessions
from classesduo.services.terms import list_terms
from classesduo.services.workspace import Workspace
from classesduo.settings import Settings
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.formatting import side_label
from classesduo.ui.media.detail_panel import PREVIEW_SIZE, MediaDetailPanel
from classesduo.ui.media.filter_bar import MediaFilterBar
from classesduo.ui.media.grid_model import PAGE_SIZE, RECORD_ROLE, MediaGridModel
from classesduo.ui.media.grid_view import BadgeDelegate, MediaGridView
from classesduo.ui.media.thumbnails import ThumbnailLoader
from classesduo.ui.operations import Operation, run_with_progress
from classesduo.domain.i18n import Plural
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate

log = logging.getLogger(__name__)

_PREVIEW_PREFIX = "preview:"


class _GallerySource:
    """The gallery's rows for one filter, a page at a time (``count`` runs in a worker thread)."""

    def __init__(self, workspace: Workspace, query: MediaQuery) -> None:
        self.db, self.query = workspace.db, query

    def page(self, offset: int, limit: int) -> list[MediaView]:
        return media_page(self.db, self.query, offset, limit)

    def count(self) -> int:
        return count_media(self.db, self.query)


class MediaPage(QtWidgets.QWidget):
    demo_requested = Signal()
    import_finished = Signal(object)  # the ImportReport
    data_changed = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.dialogs = Dialogs()
        self.settings: Callable[[], Settings] = Settings
        self.today: Callable[[], date] = paris_today
        self.operation: Operation | None = None
        self.last_import = None
        self.loader = ThumbnailLoader(self)
        self.loader.ready.connect(self._image_ready)

        self.title_label = QtWidgets.QLabel()
        self.title_label.setObjectName("pageTitle")
        self.import_button = QtWidgets.QPushButton()
        self.import_button.clicked.connect(self.choose_and_import)
        self.import_side = QtWidgets.QComboBox()
        for side in Side:
            self.import_side.addItem("", side)
        self.import_side_label = QtWidgets.QLabel()
        self.import_side_label.setBuddy(self.import_side)
        self.as_drawing = QtWidgets.QCheckBox()
        self.album_button = QtWidgets.QPushButton()
        self.album_button.clicked.connect(self.export_album)
        self.retention_button = QtWidgets.QPushButton()
        self.retention_button.clicked.connect(self.apply_retention)
        self.count_label = QtWidgets.QLabel()
        self.filters = MediaFilterBar()
        self.filters.duo_changed.connect(self._duo_changed)
        self.filters.changed.connect(self.reload_media)
        self.legend = QtWidgets.QLabel(wordWrap=True)
        self.legend.setObjectName("mediaLegend")
        self.hint = QtWidgets.QLabel(wordWrap=True)
        self.hint.setObjectName("emptyStateLabel")
        self.demo_button = QtWidgets.QPushButton()
        self.demo_button.clicked.connect(self.demo_requested)
        self.demo_button.hide()
        self._has_duos = False

        self.model = MediaGridModel(self.loader, self._media_dir, self._thumbs_dir, lambda: self.today(), self)
        self.model.total_changed.connect(self._update_counts)
        self.grid = MediaGridView()
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(BadgeDelegate(lambda: self.today(), self.grid))
        self.grid.files_dropped.connect(self.import_paths)
        # right-click, the Menu key or Shift+F10: the page's own actions on the gallery, then Copy (file names)
        self.grid_import_action = QtGui.QAction(self.grid)
        self.grid_import_action.triggered.connect(self.choose_and_import)
        self.grid_album_action = QtGui.QAction(self.grid)
        self.grid_album_action.triggered.connect(self.export_album)
        self.grid.addActions([self.grid_import_action, self.grid_album_action])
        from classesduo.ui.context_menus import add_copy_actions

        self.grid_copy_actions = add_copy_actions(self.grid)
        self._reverting = False
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.panel = MediaDetailPanel()
        self.panel.sessions_of = self._session_choices
        self.panel.save_requested.connect(self.save_item)
        self.panel.open_requested.connect(self._open_file)
        splitter = QtWidgets.QSplitter()
        splitter.addWidget(self.grid)
        panel_scroll = QtWidgets.QScrollArea()  # the detail form scrolls on a short screen
        panel_scroll.setWidget(self.panel)
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        splitter.addWidget(panel_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        actions = QtWidgets.QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addWidget(self.import_side_label)
        actions.addWidget(self.import_side)
        actions.addWidget(self.as_drawing)
        actions.addStretch(1)
        actions.addWidget(self.legend)
        actions.addSpacing(12)
        actions.addWidget(self.count_label)
        actions.addWidget(self.album_button)
        actions.addWidget(self.retention_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(actions)
        layout.addWidget(self.filters)
        hint_row = QtWidgets.QHBoxLayout()
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.demo_button)
        layout.addLayout(hint_row)
        layout.addWidget(splitter, 1)
        self.import_shortcut = QtGui.QShortcut(QtGui.QKeySequence("Ctrl+Shift+I"), self, self.choose_and_import)
        self.retranslate_ui()

    def attach(self, dialogs: Dialogs, settings: Callable[[], Settings]) -> None:
        """The main window hands over its dialogs and settings."""
        self.dialogs = dialogs
        self.settings = settings

    # page protocol -------------------------------------------------------------------------------------
    def shown_duo_id(self) -> str | None:
        """The duo the gallery is filtered on (None: every duo's media): other duos' changes leave it alone."""
        return self.filters.selected_duo()

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.model.forget_thumbnails()
        self.refresh()

    def refresh(self) -> None:
        if self.workspace is None:
            self.model.set_source(None)
            return
        duos = list_duos(self.workspace.db)
        self._has_duos = bool(duos)
        self.filters.set_duos(duos)
        years = sorted({view.duo.school_year for view in duos})
        stored = {(t.school_year, t.number): t for t in list_terms(self.workspace.db)}
        terms = []
        for year in years:
            for term in default_terms(year):
                saved = stored.get((year, term.number))
                terms.append(replace(term, start=saved.start, end=saved.end) if saved else term)
        self.filters.set_terms(terms)
        self._duo_changed()

    def focus_filter(self) -> None:
        self.filters.duo.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    def shutdown(self) -> None:
        self.loader.shutdown()

    def retranslate_ui(self) -> None:
        self.title_label.setText(translate("MediaPage", "Media"))
        self.import_button.setText(translate("MediaPage", "&Import…"))
        self.import_button.setToolTip(translate("MediaPage", "Import files into the selected duo (Ctrl+Shift+I); "
                                                             "you can also drop files on the gallery."))
        self.import_side_label.setText(translate("MediaPage", "made by:"))
        for row, side in enumerate(Side):
            self.import_side.setItemText(row, side_label(side))
        self.as_drawing.setText(translate("MediaPage", "scanned drawings"))
        self.album_button.setText(translate("MediaPage", "Export &album…"))
        self.grid_import_action.setText(translate("MediaPage", "Import…"))
        self.grid_album_action.setText(translate("MediaPage", "Export album…"))
        self.retention_button.setText(translate("MediaPage", "Erase &old media…"))
        self.demo_button.setText(translate("MediaPage", "Load the demo data"))
        self.legend.setText(translate("MediaPage", "Badges: E exchange · P publication · R reports — "
                                                   "? unknown, ✗ refused or expired"))
        self._update_counts()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # loading ---------------------------------------------------------------------------------------------
    def _media_dir(self) -> Path | None:
        return self.workspace.paths.media_dir if self.workspace else None

    def _thumbs_dir(self) -> Path | None:
        return self.workspace.paths.thumbnails_dir if self.workspace else None

    def _duo_changed(self) -> None:
        duo_id = self.filters.selected_duo()
        sessions = list_sessions(self.workspace.db, duo_id=duo_id) if self.workspace and duo_id else []
        self.filters.set_sessions(sessions)
        self.reload_media()

    def reload_media(self) -> None:
        """Show the first page for the filters; keep the selected item if it still matches near where it was."""
        if self.workspace is None:
            return
        current = self.grid.currentIndex()
        view = self.panel.view
        was_at = current.row() if current.isValid() else 0
        self.model.set_source(_GallerySource(self.workspace, self.filters.query(self.today())))
        row = self.model.row_of(view.item.id) if view else None
        while (view is not None and row is None and self.model.rowCount() <= was_at + PAGE_SIZE
               and self.model.canFetchMore()):
            self.model.fetchMore()
            row = self.model.row_of(view.item.id)
        if row is not None:
            self.grid.setCurrentIndex(self.model.index(row))
            self.grid.scrollTo(self.model.index(row))
        else:
            self.panel.show_view(None)

    def _update_counts(self) -> None:
        shown = self.model.rowCount()
        total = self.model.total
        if total is not None:
            text = Plural.tr("%n item(s)", "", total)
        elif self.model.count_failed:  # at least the rows shown
            text = Plural.tr("at least %n item(s)", "", shown)
        else:
            text = translate("RecordTable", "counting…")  # the lists' word, already translated
        self.count_label.setText(text)
        self.demo_button.setVisible(not shown and not self._has_duos and self.workspace is not None)
        if shown:
            self.hint.hide()
            return
        self.hint.show()
        if not self._has_duos:
            self.hint.setText(translate("MediaPage", "No duos yet: media belong to a duo. Pair two classes in "
                                                     "Duos, or load the demo data to explore."))
        elif self.filters.selected_duo() is None:
            self.hint.setText(translate("MediaPage", "No media here. Choose a duo, then drop photos, videos, "
                                                     "drawings or documents on the gallery, or use Import…"))
        else:
            self.hint.setText(translate("MediaPage", "No media matches. Drop files on the gallery or use Import… "
                                                     "to add some to this duo, or widen the filters."))

    # selection, preview, editing ----------------------------------------------------------------------
    def _session_choices(self, duo_id: str) -> list[tuple[str, str]]:
        """The duo's sessions for the details' Session list: "12/03/2027 15:00 — Visio (Held)"."""
        from classesduo.domain.timezones import PARIS_ZONE
        from classesduo.ui.formatting import format_local, session_kind_label, session_status_label

        if self.workspace is None:
            return []
        return [(f"{format_local(view.session.start_utc, PARIS_ZONE)} — {session_kind_label(view.session.kind)} "
                 f"({session_status_label(view.session.status)})", view.session.id or "")
                for view in list_sessions(self.workspace.db, duo_id=duo_id)]

    def resolve_unsaved(self) -> bool:
        """Before the details are replaced: Save / Discard / Cancel when they were edited; False on Cancel."""
        if not self.panel.is_dirty():
            return True
        from classesduo.ui.unsaved import DISCARD, SAVE, UnsavedGuard

        answer = UnsavedGuard(self.panel, self.dialogs).ask()
        if answer == SAVE:
            before = self.panel.view
            self.save_item(self.panel.edited_item())
            return self.panel.view is not None and self.panel.view is not before and not self.panel.is_dirty()
        if answer == DISCARD:
            self.panel.show_view(self.panel.view)  # the stored details again (the page may stay on this item)
            return True
        return False

    def _current_changed(self, current: QtCore.QModelIndex, previous: QtCore.QModelIndex) -> None:
        if self._reverting:
            return
        if previous.isValid() and self.panel.view is not None and not self.resolve_unsaved():
            self._reverting = True  # Cancel: back to the item being edited, its typing kept
            try:
                self.grid.selectionModel().setCurrentIndex(
                    previous, QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)
            finally:
                self._reverting = False
            return
        view = current.data(RECORD_ROLE) if current.isValid() else None
        self.panel.show_view(view)
        if view is not None and self.workspace is not None and view.item.mime_type.startswith("image/"):
            self.loader.request(_PREVIEW_PREFIX + view.item.file_hash,
                                self.workspace.media.path_of(view.item.stored_name), None, PREVIEW_SIZE)

    def _image_ready(self, key: str, image: QtGui.QImage) -> None:
        view = self.panel.view
        if view is not None and key == _PREVIEW_PREFIX + view.item.file_hash:
            self.panel.set_preview(image)

    def save_item(self, item: object) -> None:
        if self.workspace is None or self.panel.view is None:
            return
        try:
            saved = save_media(self.workspace.db, item, self.workspace.media)  # type: ignore[arg-type]
        except ValidationError as error:
            self.panel.show_errors(str(error))
            return
        except ServiceError as error:
            self.dialogs.error(self, str(error))
            return
        view = replace(self.panel.view, item=saved)
        self.model.replace_record(view)
        self.panel.show_view(view)
        self.grid.viewport().update()

    def _open_file(self, view: MediaView) -> None:
        if self.workspace is not None:
            path = self.workspace.media.path_of(view.item.stored_name)
            QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))

    # import --------------------------------------------------------------------------------------------
    def choose_and_import(self) -> None:
        if not self.duo_for(translate("MediaPage", "import files")):
            return
        name_filter = translate("MediaPage", "Media (*.jpg *.jpeg *.png *.gif *.webp *.tif *.tiff *.heic *.mp4 *.mov "
                                             "*.webm *.mp3 *.m4a *.wav *.ogg *.flac *.pdf *.txt *.md *.docx *.odt);;"
                                             "All files (*)")
        files = self.dialogs.open_files(self, translate("MediaPage", "Import media"), name_filter)
        if files:
            self.import_paths([Path(name) for name in files])

    def duo_for(self, action: str) -> str | None:
        duo_id = self.filters.selected_duo()
        if self.workspace is None:
            return None
        if duo_id is None:
            self.dialogs.error(self, translate("MediaPage", "Choose a duo in the Duo list first, to {action}.").format(
                action=action))
        return duo_id

    def is_busy(self) -> bool:
        if self.operation is not None and not self.operation.done.is_set():
            self.dialogs.info(self, translate("MediaPage", "Please wait"), translate(
                "MediaPage", "An import, export or erasure is still running; try again when it has finished."))
            return True
        return False

    def import_paths(self, paths: list[Path]) -> None:
        duo_id = self.duo_for(translate("MediaPage", "import files"))
        if duo_id is None or not paths or self.is_busy() or not self.resolve_unsaved():
            return
        from classesduo.services.media_import import import_files

        workspace, side = self.workspace, self.import_side.currentData()
        session_id, as_drawing = self.filters.session.currentData(), self.as_drawing.isChecked()

        def work(progress, cancelled):  # noqa: ANN001, ANN202
            return import_files(workspace, duo_id, paths, side, session_id=session_id, as_drawing=as_drawing,
                                progress=progress, cancelled=cancelled)

        self.operation = run_with_progress(
            self, Plural.tr("Importing %n file(s)…", "", len(paths)), work,
            self._import_done, self.show_failure)

    def _import_done(self, report: object) -> None:
        self.last_import = report
        self.reload_media()
        if report.duplicates or report.rejected or report.cancelled:  # type: ignore[attr-defined]
            self.dialogs.info(self, translate("MediaPage", "Import"), report.summary())  # type: ignore[attr-defined]
        self.import_finished.emit(report)
        self.data_changed.emit()

    def show_failure(self, error: BaseException, details: str) -> None:
        if isinstance(error, ServiceError | ValidationError):
            self.dialogs.error(self, str(error))
        else:
            self.dialogs.error(self, translate("MediaPage", "Something went wrong: {error}").format(error=error),
                               details)

    # album and retention (``ui/media/actions.py``) -------------------------------------------------------
    def export_album(self) -> None:
        from classesduo.ui.media.actions import export_album

        export_album(self)

    def apply_retention(self) -> None:
        from classesduo.ui.media.actions import apply_retention

        apply_retention(self)
