"""Duos area: every pairing of a Paris class with a partner class; add, edit, delete, suggest partners."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from classesduo.domain.entities import Duo
from classesduo.domain.enums import DuoStatus
from classesduo.services.classes import list_classes
from classesduo.services.duos import delete_duo, duo_dependents, get_duo, get_duo_record, list_duos, save_duo
from classesduo.services.errors import ServiceError
from classesduo.services.facilitators import list_facilitators
from classesduo.services.schools import list_schools
from classesduo.services.views import DuoView
from classesduo.services.workspace import Workspace
from classesduo.ui.formatting import duo_status_label
from classesduo.ui.forms.duo_dialog import ClassChoice, DuoDialog
from classesduo.ui.pages.list_page import text_column
from classesduo.ui.pages.managed_list import ManagedList, add_undo_actions
from classesduo.domain.i18n import Plural
from classesduo.ui.qt import QtGui, Signal, translate
from classesduo.ui.table_model import Column
from classesduo.ui.undo import RecordKind, SaveCommand


class DuosPage(ManagedList):
    """The duos list; double-click or Enter opens the duo page, Edit… (or F2) the form."""

    duo_opened = Signal(str)  # the id of the duo to show on the duo page

    def __init__(self, parent: Any = None) -> None:
        self.now = lambda: datetime.now(UTC)
        self.suggestions_dialog: Any = None
        super().__init__(parent)
        self.undo_action, self.redo_action = add_undo_actions(self, self.undo_stack)
        self.suggest_action = QtGui.QAction(self, triggered=self.suggest_partners)
        self.suggest_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+N"))
        self.addAction(self.suggest_action)
        self.toolbar.insertAction(self.edit_action, self.suggest_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.retranslate_ui()

    def set_dialogs(self, dialogs: Any) -> None:
        self.dialogs = dialogs

    def open_record(self, record: Any) -> None:
        if record.duo.id:
            self.duo_opened.emit(record.duo.id)

    def columns(self) -> Sequence[Column[DuoView]]:
        return [
            text_column(lambda: translate("DuosPage", "Paris school"), lambda d: d.paris.school),
            text_column(lambda: translate("DuosPage", "Arr."), lambda d: str(d.paris.arrondissement or ""),
                        lambda d: d.paris.arrondissement or 0, align_right=True),
            text_column(lambda: translate("DuosPage", "Paris class"), lambda d: d.paris.class_name),
            text_column(lambda: translate("DuosPage", "Partner school"), lambda d: d.partner.school),
            text_column(lambda: translate("DuosPage", "City"), lambda d: d.partner.city),
            text_column(lambda: translate("DuosPage", "Country"), lambda d: d.partner.country),
            text_column(lambda: translate("DuosPage", "Year"), lambda d: d.duo.school_year),
            text_column(lambda: translate("DuosPage", "Status"), lambda d: duo_status_label(d.duo.status)),
            text_column(lambda: translate("DuosPage", "Facilitator"), lambda d: d.facilitator),
        ]

    def load(self, workspace: Workspace) -> list[DuoView]:
        return list_duos(workspace.db)

    def page_title(self) -> str:
        return translate("DuosPage", "Duos")

    def empty_text(self) -> str:
        return translate("DuosPage", "No duos yet — add one (Ctrl+N), ask for partner suggestions (Ctrl+Shift+N), "
                                     "or load the demo data to see Paris classes paired with partner classes abroad.")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if hasattr(self, "undo_actions"):
            self.undo_actions.retranslate_ui()
        if hasattr(self, "suggest_action"):
            self.suggest_action.setText(translate("DuosPage", "Suggest partners… (Ctrl+Shift+N)"))
            self.add_action.setText(translate("DuosPage", "Add duo… (Ctrl+N)"))
            self.edit_action.setText(translate("DuosPage", "Edit… (F2)"))

    # records -------------------------------------------------------------------------------------
    def kind(self) -> RecordKind:
        return RecordKind(get_duo_record, save_duo, delete_duo)

    def record_id(self, record: Any) -> str:
        return record.duo.id if isinstance(record, DuoView) else record.id

    def record_name(self, record: Any) -> str:
        if isinstance(record, DuoView):
            return record.label
        try:
            return get_duo(self.workspace.db, record.id).label if self.workspace and record.id else ""
        except ServiceError:
            return ""

    def class_choices(self) -> list[ClassChoice]:
        db = self.workspace.db
        schools = {school.id: school for school in list_schools(db)}
        return [ClassChoice(group, schools[group.school_id]) for group in list_classes(db)]

    def make_dialog(self, record: Duo | None, draft: Duo | None = None) -> DuoDialog:
        db = self.workspace.db
        return DuoDialog(record, self.class_choices(), list_facilitators(db), lambda duo: save_duo(db, duo), self,
                         now=self.now, draft=draft)

    def add_duo_from(self, draft: Duo) -> None:
        if self.workspace is not None:
            self._open(self.make_dialog(None, draft))

    def blocking_dependents(self, record: Duo) -> str:
        sessions, media = duo_dependents(self.workspace.db, record.id)
        if not (sessions or media):
            return ""
        return translate("DuosPage", "{sessions} and {media} belong to this duo").format(
            sessions=Plural.tr("%n session(s)", "", sessions),
            media=Plural.tr("%n media item(s)", "", media))

    def offer_instead(self, record: Duo) -> None:
        """A duo with history is closed rather than deleted."""
        reason = self.blocking_dependents(record)
        if record.status is DuoStatus.CLOSED:
            self.dialogs.info(self, translate("DuosPage", "Cannot delete"), reason + ".")
            return
        text = translate("DuosPage", "{reason}: deleting the duo would lose that history.\n\nClose the duo "
                                     "instead? It keeps its sessions and media.").format(reason=reason)
        if not self.dialogs.confirm(self, translate("DuosPage", "Cannot delete — close the duo?"), text):
            return
        try:
            closed = save_duo(self.workspace.db, replace(record, status=DuoStatus.CLOSED))
        except ServiceError as error:
            self.report_error(error)
            return
        self.undo_stack.push(SaveCommand(self.context, self.kind(), record, closed,
                                         lambda: translate("DuosPage", "close the duo")))
        self._changed()

    def suggest_partners(self) -> None:
        if self.workspace is None:
            return
        from classesduo.ui.pages.suggestions_dialog import SuggestionsDialog

        selected = self.table.selected_record()
        dialog = SuggestionsDialog(self.workspace, self.class_choices(), self, now=self.now,
                                   paris_class_id=selected.duo.paris_class_id if selected else None)
        dialog.create_requested.connect(self.add_duo_from)
        dialog.finished.connect(dialog.deleteLater)
        self.suggestions_dialog = dialog
        dialog.open()
