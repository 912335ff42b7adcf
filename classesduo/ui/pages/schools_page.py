"""Schools area: schools, their classes, and the facilitators, each in a tab, with one undo history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from classesduo.domain.entities import ClassGroup, Facilitator, School
from classesduo.services.classes import (
    class_dependents,
    delete_class,
    get_class,
    list_classes,
    save_class,
    set_class_archived,
)
from classesduo.services.facilitators import (
    delete_facilitator,
    facilitator_dependents,
    get_facilitator,
    list_facilitators,
    save_facilitator,
    set_facilitator_archived,
)
from classesduo.services.schools import (
    delete_school,
    get_school,
    list_schools,
    save_school,
    school_dependents,
    set_school_archived,
)
from classesduo.services.workload import Workload, facilitator_workload
from classesduo.services.workspace import Workspace
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.formatting import side_label
from classesduo.ui.forms.class_dialog import ClassDialog
from classesduo.ui.forms.facilitator_dialog import FacilitatorDialog
from classesduo.ui.forms.school_dialog import SchoolDialog
from classesduo.ui.pages.list_page import text_column
from classesduo.ui.pages.managed_list import ManagedList, add_undo_actions
from classesduo.domain.i18n import Plural
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate
from classesduo.ui.table_model import Column
from classesduo.ui.undo import IdMap, RecordKind


def duo_count(number: int) -> str:
    return Plural.tr("%n duo(s)", "", number)


def session_count(number: int) -> str:
    return Plural.tr("%n session(s)", "", number)


def archived_column() -> Column:
    return text_column(lambda: translate("SchoolsPage", "Archived"),
                       lambda r: translate("SchoolsPage", "archived") if r.archived else "")


class SchoolsList(ManagedList):
    def columns(self) -> Sequence[Column[School]]:
        return [
            text_column(lambda: translate("SchoolsPage", "Name"), lambda s: s.name),
            text_column(lambda: translate("SchoolsPage", "Side"), lambda s: side_label(s.side)),
            text_column(lambda: translate("SchoolsPage", "City"), lambda s: s.city),
            text_column(lambda: translate("SchoolsPage", "Country"), lambda s: s.country),
            text_column(lambda: translate("SchoolsPage", "Arr."),
                        lambda s: str(s.arrondissement or ""), lambda s: s.arrondissement or 0, align_right=True),
            text_column(lambda: translate("SchoolsPage", "Time zone"), lambda s: s.timezone),
            text_column(lambda: translate("SchoolsPage", "Languages"), lambda s: ", ".join(s.languages)),
            archived_column(),
        ]

    def load(self, workspace: Workspace) -> list[School]:
        return list_schools(workspace.db, calendars=False)  # edits read the school afresh, with its calendar

    def page_title(self) -> str:
        return translate("SchoolsPage", "Schools")

    def empty_text(self) -> str:
        return translate("SchoolsPage", "No schools yet — add one (Ctrl+N) or load the demo data to explore the app.")

    def kind(self) -> RecordKind:
        return RecordKind(get_school, save_school, delete_school, set_school_archived)

    def make_dialog(self, record: School | None) -> SchoolDialog:
        db = self.workspace.db
        return SchoolDialog(record, lambda school: save_school(db, school), self)

    def blocking_dependents(self, record: School) -> str:
        classes, duos, sessions = school_dependents(self.workspace.db, record.id)
        if not classes:
            return ""
        return translate("SchoolsPage", "{classes}, {duos} and {sessions} use this school").format(
            classes=Plural.tr("%n class(es)", "", classes),
            duos=duo_count(duos), sessions=session_count(sessions))


class ClassesList(ManagedList):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        self._school_names: dict[str, str] = {}
        super().__init__(parent)

    def columns(self) -> Sequence[Column[ClassGroup]]:
        return [
            text_column(lambda: translate("SchoolsPage", "School"), lambda c: self._school_names.get(c.school_id, "")),
            text_column(lambda: translate("SchoolsPage", "Class"), lambda c: c.name),
            text_column(lambda: translate("SchoolsPage", "Level"), lambda c: c.level),
            text_column(lambda: translate("SchoolsPage", "Pupils"), lambda c: str(c.pupil_count),
                        lambda c: c.pupil_count, align_right=True),
            text_column(lambda: translate("SchoolsPage", "Teacher"), lambda c: c.teacher_name),
            archived_column(),
        ]

    def load(self, workspace: Workspace) -> list[ClassGroup]:
        self._school_names = {school.id: school.name for school in list_schools(workspace.db, calendars=False)}
        return list_classes(workspace.db)

    def page_title(self) -> str:
        return translate("SchoolsPage", "Classes")

    def empty_text(self) -> str:
        return translate("SchoolsPage", "No classes yet — add a school, then its classes (Ctrl+N), or load the "
                                        "demo data.")

    def kind(self) -> RecordKind:
        return RecordKind(get_class, save_class, delete_class, set_class_archived)

    def make_dialog(self, record: ClassGroup | None) -> ClassDialog:
        db = self.workspace.db
        return ClassDialog(record, list_schools(db), lambda group: save_class(db, group), self)

    def blocking_dependents(self, record: ClassGroup) -> str:
        duos, sessions = class_dependents(self.workspace.db, record.id)
        if not duos:
            return ""
        return translate("SchoolsPage", "{duos} and {sessions} use this class").format(
            duos=duo_count(duos), sessions=session_count(sessions))


class FacilitatorsList(ManagedList):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        self._workload: dict[str, Workload] = {}
        self.now = lambda: datetime.now(UTC)
        super().__init__(parent)

    def _load_of(self, person: Facilitator) -> Workload:
        return self._workload.get(person.id or "", Workload())

    def columns(self) -> Sequence[Column[Facilitator]]:
        return [
            text_column(lambda: translate("SchoolsPage", "Name"), lambda f: f.name),
            text_column(lambda: translate("SchoolsPage", "E-mail"), lambda f: f.email),
            text_column(lambda: translate("SchoolsPage", "Languages"), lambda f: ", ".join(f.languages)),
            text_column(lambda: translate("SchoolsPage", "Active duos"), lambda f: str(self._load_of(f).active_duos),
                        lambda f: self._load_of(f).active_duos, align_right=True),
            text_column(lambda: translate("SchoolsPage", "Sessions this week"),
                        lambda f: str(self._load_of(f).sessions_this_week),
                        lambda f: self._load_of(f).sessions_this_week, align_right=True),
            archived_column(),
        ]

    def load(self, workspace: Workspace) -> list[Facilitator]:
        self._workload = facilitator_workload(workspace.db, self.now())
        return list_facilitators(workspace.db)

    def page_title(self) -> str:
        return translate("SchoolsPage", "Facilitators")

    def empty_text(self) -> str:
        return translate("SchoolsPage", "No facilitators yet — add one (Ctrl+N) or load the demo data.")

    def kind(self) -> RecordKind:
        return RecordKind(get_facilitator, save_facilitator, delete_facilitator, set_facilitator_archived)

    def make_dialog(self, record: Facilitator | None) -> FacilitatorDialog:
        db = self.workspace.db
        return FacilitatorDialog(record, lambda person: save_facilitator(db, person), self)

    def blocking_dependents(self, record: Facilitator) -> str:
        duos = facilitator_dependents(self.workspace.db, record.id)
        if not duos:
            return ""
        return translate("SchoolsPage", "This facilitator runs {duos}").format(duos=duo_count(duos))


class SchoolsPage(QtWidgets.QWidget):
    """Three lists in tabs; the tab titles double as the lists' titles. Ctrl+Z undoes across the tabs."""

    demo_requested = Signal()
    data_changed = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None, dialogs: Dialogs | None = None) -> None:
        super().__init__(parent)
        self.schools = SchoolsList()
        self.classes = ClassesList()
        self.facilitators = FacilitatorsList()
        self.undo_stack = QtGui.QUndoStack(self)
        self.ids = IdMap()
        self.tabs = QtWidgets.QTabWidget()
        for page in self.lists():
            page.title_label.hide()
            page.demo_requested.connect(self.demo_requested)
            page.share_undo(self.undo_stack, self.ids)
            page.data_changed.connect(self._changed)
            self.tabs.addTab(page, "")
        self.set_dialogs(dialogs or Dialogs())
        self.undo_action, self.redo_action = add_undo_actions(self, self.undo_stack)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        for page in self.lists():
            page.toolbar.addSeparator()
            page.toolbar.addAction(self.undo_action)
            page.toolbar.addAction(self.redo_action)
        self.retranslate_ui()

    def set_dialogs(self, dialogs: Dialogs) -> None:
        for page in self.lists():
            page.dialogs = dialogs

    def lists(self) -> list[ManagedList]:
        return [self.schools, self.classes, self.facilitators]

    def _changed(self) -> None:
        for page in self.lists():
            if page is not self.sender():
                page.refresh()
        self.data_changed.emit()

    def set_workspace(self, workspace: Workspace | None) -> None:
        for page in self.lists():
            page.set_workspace(workspace)

    def refresh(self) -> None:
        for page in self.lists():
            page.refresh()

    def focus_filter(self) -> None:
        self.tabs.currentWidget().focus_filter()

    def retranslate_ui(self) -> None:
        for index, page in enumerate(self.lists()):
            self.tabs.setTabText(index, page.page_title())
        if hasattr(self, "undo_actions"):
            self.undo_actions.retranslate_ui()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
