"""Schools area: schools, their classes, and the facilitators, each in a tab."""

from __future__ import annotations

from collections.abc import Sequence

from classesduo.domain.entities import ClassGroup, Facilitator, School
from classesduo.services.classes import list_classes
from classesduo.services.facilitators import list_facilitators
from classesduo.services.schools import list_schools
from classesduo.services.workspace import Workspace
from classesduo.ui.formatting import side_label
from classesduo.ui.pages.list_page import ListPage, text_column
from classesduo.ui.qt import QtCore, QtWidgets, Signal, translate
from classesduo.ui.table_model import Column


class SchoolsList(ListPage):
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
        ]

    def load(self, workspace: Workspace) -> list[School]:
        return list_schools(workspace.db)

    def page_title(self) -> str:
        return translate("SchoolsPage", "Schools")

    def empty_text(self) -> str:
        return translate("SchoolsPage", "No schools yet — load the demo data to explore the app.")


class ClassesList(ListPage):
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
        ]

    def load(self, workspace: Workspace) -> list[ClassGroup]:
        self._school_names = {school.id: school.name for school in list_schools(workspace.db)}
        return list_classes(workspace.db)

    def page_title(self) -> str:
        return translate("SchoolsPage", "Classes")

    def empty_text(self) -> str:
        return translate("SchoolsPage", "No classes yet — load the demo data to explore the app.")


class FacilitatorsList(ListPage):
    def columns(self) -> Sequence[Column[Facilitator]]:
        return [
            text_column(lambda: translate("SchoolsPage", "Name"), lambda f: f.name),
            text_column(lambda: translate("SchoolsPage", "E-mail"), lambda f: f.email),
            text_column(lambda: translate("SchoolsPage", "Languages"), lambda f: ", ".join(f.languages)),
        ]

    def load(self, workspace: Workspace) -> list[Facilitator]:
        return list_facilitators(workspace.db)

    def page_title(self) -> str:
        return translate("SchoolsPage", "Facilitators")

    def empty_text(self) -> str:
        return translate("SchoolsPage", "No facilitators yet — load the demo data to explore the app.")


class SchoolsPage(QtWidgets.QWidget):
    """Three lists in tabs; the tab titles double as the lists' titles."""

    demo_requested = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.schools = SchoolsList()
        self.classes = ClassesList()
        self.facilitators = FacilitatorsList()
        self.tabs = QtWidgets.QTabWidget()
        for page in self.lists():
            page.title_label.hide()
            page.demo_requested.connect(self.demo_requested)
            self.tabs.addTab(page, "")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate_ui()

    def lists(self) -> list[ListPage]:
        return [self.schools, self.classes, self.facilitators]

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

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


