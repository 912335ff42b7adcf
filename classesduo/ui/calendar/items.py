"""What the week and month views draw: a session with both local times and its rule problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.services.views import SessionView
from classesduo.ui.qt import QtGui, translate


#: One colour per duo, chosen by a stable hash of its id so it does not change between weeks.
_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#e15759",
            "#af7aa1", "#86bcb6", "#8cd17d", "#d37295")


@dataclass(frozen=True)
class CalendarItem:
    view: SessionView
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def session_id(self) -> str:
        assert self.view.session.id is not None
        return self.view.session.id

    # Computed once per item: the week's layout and painting ask for them many times.
    @cached_property
    def paris_start(self) -> datetime:
        return self.view.session.start_utc.astimezone(ZoneInfo(self.view.paris_timezone))

    @cached_property
    def paris_end(self) -> datetime:
        return self.paris_start + timedelta(minutes=self.view.session.minutes)

    @cached_property
    def partner_start(self) -> datetime:
        return self.view.session.start_utc.astimezone(ZoneInfo(self.view.partner_timezone))

    @property
    def cancelled(self) -> bool:
        return self.view.session.status is SessionStatus.CANCELLED

    @property
    def flagged(self) -> bool:
        return bool(self.problems)

    def times_text(self) -> str:
        """``15:00 Paris · 09:00 Montréal`` (with "+1 d" when the partner is already on the next day)."""
        partner = self.partner_start
        shift = (partner.date() - self.paris_start.date()).days
        suffix = f" ({shift:+d} d)" if shift else ""
        return translate("Calendar", "{paris} Paris · {partner}{shift} {city}").format(
            paris=f"{self.paris_start:%H:%M}", partner=f"{partner:%H:%M}", shift=suffix,
            city=self.view.partner_city)

    def tooltip(self) -> str:
        from classesduo.ui.formatting import format_date, session_kind_label, session_status_label

        session = self.view.session
        lines = [
            f"<b>{_escape(self.view.duo_label)}</b>",
            translate("Calendar", "Paris: {date} {start}–{end}").format(
                date=format_date(self.paris_start.date()), start=f"{self.paris_start:%H:%M}",
                end=f"{self.paris_end:%H:%M}"),
            translate("Calendar", "{city}: {date} {start} (local time)").format(
                city=_escape(self.view.partner_city), date=format_date(self.partner_start.date()),
                start=f"{self.partner_start:%H:%M}"),
            f"{session_kind_label(session.kind)} · {session_status_label(session.status)} · "
            + translate("Calendar", "{minutes} min").format(minutes=session.minutes),
        ]
        if self.view.facilitator:
            lines.append(translate("Calendar", "Facilitator: {name}").format(name=_escape(self.view.facilitator)))
        if self.problems:
            lines.append("<b>" + translate("Calendar", "Problems:") + "</b>")
            lines += [f"⚠ {_escape(problem)}" for problem in self.problems]
        return "<br>".join(lines)

    def status_mark(self) -> str:
        """A sign for the session's status, so it never shows by colour alone: ✓ held, ✕ cancelled,
        ↷ postponed, ◷ planned."""
        return {SessionStatus.HELD: "✓", SessionStatus.CANCELLED: "✕", SessionStatus.POSTPONED: "↷"}.get(
            self.view.session.status, "◷")

    def block_lines(self, narrow: bool) -> tuple[str, str]:
        """The week view's two lines: status and duo first; a narrow block shows the partner's city and time."""
        if narrow:
            return f"{self.status_mark()} {self.view.partner_city}", f"{self.partner_start:%H:%M}"
        return f"{self.status_mark()} {self.times_text()}", self.view.duo_label

    def month_line(self) -> str:
        """The month view's line: the duo first (what tells items apart), then the status and the times."""
        return f"{self.view.duo_label} · {self.status_mark()} {self.paris_start:%H:%M}"

    def colour(self) -> QtGui.QColor:
        if self.cancelled:
            return QtGui.QColor("#b8b8b8")
        base = QtGui.QColor(_PALETTE[sum(self.view.session.duo_id.encode()) % len(_PALETTE)])
        if self.view.session.kind is not SessionKind.VISIO:
            return base.lighter(140)
        return base


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


FLAG_COLOUR = "#c62828"
