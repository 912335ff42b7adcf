"""Columns shared by the lists of sessions (calendar, exchange log, home page)."""

from __future__ import annotations

from classesduo.services.views import SessionView
from classesduo.ui.formatting import format_local, format_time, session_kind_label, session_status_label
from classesduo.ui.pages.list_page import text_column
from classesduo.ui.qt import translate
from classesduo.ui.table_model import Column


def session_columns() -> list[Column[SessionView]]:
    return [
        text_column(lambda: translate("Sessions", "Paris time"),
                    lambda v: format_local(v.session.start_utc, v.paris_timezone), lambda v: v.session.start_utc),
        text_column(lambda: translate("Sessions", "Partner time"),
                    lambda v: f"{format_time(v.session.start_utc, v.partner_timezone)} ({v.partner_city})",
                    lambda v: v.session.start_utc),
        text_column(lambda: translate("Sessions", "Duo"), lambda v: v.duo_label),
        text_column(lambda: translate("Sessions", "Kind"), lambda v: session_kind_label(v.session.kind)),
        text_column(lambda: translate("Sessions", "Minutes"), lambda v: str(v.session.minutes),
                    lambda v: v.session.minutes, align_right=True),
        text_column(lambda: translate("Sessions", "Status"), lambda v: session_status_label(v.session.status)),
        text_column(lambda: translate("Sessions", "Facilitator"), lambda v: v.facilitator),
    ]
