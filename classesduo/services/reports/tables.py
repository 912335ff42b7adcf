"""A report as titled tables of plain cells: what the CSV, XLSX, PDF and the preview all show.

Every writer reads these, so the numbers are the same in every format.
Cells are ``str``, ``int``, ``float`` or ``date``; writers format them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from classesduo.domain.reports import ScopeKind
from classesduo.services.reports.labels import Labels
from classesduo.services.reports.model import ReportData

Cell = str | int | float | date | None
PARIS = ZoneInfo("Europe/Paris")

HEADLINE_KEYS = (
    "duos", "active_duos", "paris_schools", "partner_schools", "arrondissements", "countries",
    "sessions_planned", "sessions_held", "sessions_cancelled", "sessions_postponed", "sessions_to_log",
    "visio_hours", "children_paris", "children_partner", "media_shared", "media_cleared_publication",
)


@dataclass(frozen=True)
class Table:
    key: str  # stable name, e.g. the XLSX sheet's
    title: str
    headers: list[str]
    rows: list[list[Cell]]


def scope_title(data: ReportData, tr: Labels) -> str:
    kind = data.scope.kind
    value = data.scope_label
    if kind is ScopeKind.ARRONDISSEMENT:
        value = tr.arrondissement(int(data.scope.value))
    elif kind is ScopeKind.COUNTRY:
        value = tr.country(data.scope.value)
    return tr(f"scope.{kind.value}", value=value)


def period_title(data: ReportData, tr: Labels) -> str:
    label = data.period.term_label
    text = tr("range", start=tr.date(data.period.start), end=tr.date(data.period.end))
    if label:
        year, _, number = label.partition("/")
        return f"{tr('term', number=number, year=year)} — {text}"
    return text


def headline_rows(data: ReportData, tr: Labels) -> list[list[Cell]]:
    return [[tr(f"h.{key}"), getattr(data.headline, key)] for key in HEADLINE_KEYS]


def report_tables(data: ReportData, tr: Labels) -> list[Table]:
    tables = [Table("headline", tr("section.headline"), [tr("figure"), tr("value")], headline_rows(data, tr))]
    tables.append(Table("cancellations", tr("section.cancellations"), [tr("col.reason"), tr("col.count")],
                        [[tr.enum("reason", reason), count] for reason, count in data.cancel_reasons]))
    over_time_rows: list[list[Cell]] = [
        [day if data.by_week else tr.month(day), count] for day, count in data.held_over_time]
    tables.append(Table("over_time", tr("section.over_time_week" if data.by_week else "section.over_time_month"),
                        [tr("col.week" if data.by_week else "col.month"), tr("col.held")], over_time_rows))
    tables.append(Table("countries", tr("section.countries"),
                        [tr("col.country"), tr("col.duos"), tr("col.held"), tr("col.planned")],
                        [[tr.country(line.country), line.duos, line.sessions_held, line.sessions_planned]
                         for line in data.countries]))
    tables.append(Table("duos", tr("section.duos"), [
        tr("col.paris_school"), tr("col.arrondissement"), tr("col.class"), tr("col.partner_school"), tr("col.city"),
        tr("col.country"), tr("col.facilitator"), tr("col.status"), tr("col.held"), tr("col.planned"),
        tr("col.last_exchange"), tr("col.children_paris"), tr("col.children_partner"), tr("col.highlights"),
    ], [[line.paris_school, line.arrondissement, line.paris_class, line.partner_school, line.partner_city,
         tr.country(line.country), line.facilitator, tr.enum("status", line.status), line.sessions_held,
         line.sessions_planned, line.last_exchange, line.children_paris, line.children_partner, line.highlights]
        for line in data.duos]))
    tables.append(Table("quiet", tr("section.quiet"), [
        tr("col.paris_school"), tr("col.partner_school"), tr("col.city"), tr("col.facilitator"), tr("col.status"),
        tr("col.planned")],
        [[line.paris_school, line.partner_school, line.partner_city, line.facilitator,
          tr.enum("status", line.status), line.sessions_planned] for line in data.quiet_duos]))
    tables.append(Table("consent", tr("section.consent"), [
        tr("col.channel"), tr("col.cleared"), tr("col.refused"), tr("col.unknown"), tr("col.expired"),
        tr("col.total")],
        [[tr(f"channel.{line.channel}"), line.cleared, line.refused, line.unknown, line.expired, line.total]
         for line in data.consent]))
    if data.is_single_duo:
        tables.append(Table("timeline", tr("section.timeline"), [
            tr("col.date"), tr("col.kind"), tr("col.status"), tr("col.minutes"), tr("col.present"), tr("col.note")],
            [[entry.start_utc.astimezone(PARIS).date(), tr.enum("kind", entry.kind),
              tr.enum("session", entry.status), entry.minutes, _present(entry.present_paris, entry.present_partner),
              tr.enum("reason", entry.note) if entry.status == "cancelled" else entry.note]
             for entry in data.timeline]))
    return tables


def _present(paris: int | None, partner: int | None) -> str:
    if paris is None and partner is None:
        return ""
    return f"{'' if paris is None else paris} / {'' if partner is None else partner}"
