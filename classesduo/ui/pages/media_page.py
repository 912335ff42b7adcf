"""Media area: the children's photos, drawings, videos and texts, with their consent."""

from __future__ import annotations

from collections.abc import Sequence

from classesduo.services.media import MediaView, list_media
from classesduo.services.workspace import Workspace
from classesduo.ui.formatting import consent_label, format_date, media_kind_label, side_label
from classesduo.ui.pages.list_page import ListPage, text_column
from classesduo.ui.qt import translate
from classesduo.ui.table_model import Column


class MediaPage(ListPage):
    def columns(self) -> Sequence[Column[MediaView]]:
        return [
            text_column(lambda: translate("MediaPage", "File"), lambda m: m.item.original_name),
            text_column(lambda: translate("MediaPage", "Kind"), lambda m: media_kind_label(m.item.kind)),
            text_column(lambda: translate("MediaPage", "Duo"), lambda m: m.duo_label),
            text_column(lambda: translate("MediaPage", "Side"), lambda m: side_label(m.item.side)),
            text_column(lambda: translate("MediaPage", "Date"),
                        lambda m: format_date(m.item.taken_at.date() if m.item.taken_at else None),
                        lambda m: m.item.taken_at.isoformat() if m.item.taken_at else ""),
            text_column(lambda: translate("MediaPage", "Publication"),
                        lambda m: consent_label(m.item.consent_publication)),
            text_column(lambda: translate("MediaPage", "Caption"), lambda m: m.item.caption),
        ]

    def load(self, workspace: Workspace) -> list[MediaView]:
        return list_media(workspace.db)

    def page_title(self) -> str:
        return translate("MediaPage", "Media")

    def empty_text(self) -> str:
        return translate("MediaPage", "No media yet — load the demo data to see children's drawings.")
