"""Duos area: every pairing of a Paris class with a partner class."""

from __future__ import annotations

from collections.abc import Sequence

from classesduo.services.duos import list_duos
from classesduo.services.views import DuoView
from classesduo.services.workspace import Workspace
from classesduo.ui.formatting import duo_status_label
from classesduo.ui.pages.list_page import ListPage, text_column
from classesduo.ui.qt import Signal, translate
from classesduo.ui.table_model import Column


class DuosPage(ListPage):
    duo_opened = Signal(str)  # double-click or Enter on a duo: its id, for the duo page

    def open_record(self, record: DuoView) -> None:
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
        return translate("DuosPage", "No duos yet — load the demo data to see Paris classes paired with "
                                     "partner classes abroad.")
