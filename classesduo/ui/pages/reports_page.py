"""Reports area: the terms reports are built for."""

from __future__ import annotations

from collections.abc import Sequence

from classesduo.domain.entities import Term
from classesduo.services.terms import list_terms
from classesduo.services.workspace import Workspace
from classesduo.ui.formatting import format_date
from classesduo.ui.pages.list_page import ListPage, text_column
from classesduo.ui.qt import translate
from classesduo.ui.table_model import Column


class ReportsPage(ListPage):
    def columns(self) -> Sequence[Column[Term]]:
        return [
            text_column(lambda: translate("ReportsPage", "School year"), lambda t: t.school_year),
            text_column(lambda: translate("ReportsPage", "Term"), lambda t: str(t.number), lambda t: t.number),
            text_column(lambda: translate("ReportsPage", "Starts"), lambda t: format_date(t.start), lambda t: t.start),
            text_column(lambda: translate("ReportsPage", "Ends"), lambda t: format_date(t.end), lambda t: t.end),
        ]

    def load(self, workspace: Workspace) -> list[Term]:
        return list_terms(workspace.db)

    def page_title(self) -> str:
        return translate("ReportsPage", "Reports — terms")

    def empty_text(self) -> str:
        return translate("ReportsPage", "No terms yet — they are created with the first duo of a school year, "
                                        "or load the demo data.")
