"""A report as titled tables of plain cells: what the CSV, XLSX, PDF and the preview all show.

Every writer reads these, so the numbers are the same in every format.
Cells are ``str``, ``int``, ``float`` or ``date``; writers format them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from classesduo.domain.reports import ScopeKind
from classesduo.domain.timezones import PARIS
from classesduo.services.reports.labels import Labels
from classesduo.services.reports.model import GroupLine, Rates, ReportData, TrendLine

Cell = str | int | float | date | None

HEADLINE_KEYS = (
    "duos", "active_duos", "paris_schools", "partner_schools", "arrondissements", "countries",
    "sessions_planned", "sessions_held", "sessions_cancelled", "sessions_postponed", "sessions_to_log",
    "visio_hours", "children_paris", "children_partner", "media_shared", "media_erased",
    "media_cleared_publication",
)


@dataclass
class Table:
    key: str  # stable name
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    sheet: str = ""  # a whole name of at most 31 characters for the XLSX sheet (Excel's limit)


def scope_title(data: ReportData, label: Labels) -> str:
    kind = data.scope.kind
    value = data.scope_label
    if kind is ScopeKind.ARRONDISSEMENT:
        value = label.arrondissement(int(data.scope.value))
    elif kind is ScopeKind.COUNTRY:
        value = label.country(data.scope.value)
    return label(f"scope.{kind.value}", value=value)


def period_title(data: ReportData, label: Labels) -> str:
    term = data.period.term_label
    text = label("range", start=label.date(data.period.start), end=label.date(data.period.end))
    if term:
        year, _, number = term.partition("/")
        return f"{label('term', number=number, year=year)} — {text}"
    return text


def headline_rows(data: ReportData, label: Labels) -> list[list[Cell]]:
    return [[label(f"h.{key}"), getattr(data.headline, key)] for key in HEADLINE_KEYS]


def percent(value: float | None) -> float | None:
    """A rate as a percentage with one decimal (42.5), None when there is nothing to divide by."""
    return None if value is None else round(value * 100, 1)


#: The trend table's measures: (label key, how to read it from Rates); rates are percentages.
TREND_MEASURES: tuple[tuple[str, Callable[[Rates], float | int | None]], ...] = (
    ("h.sessions_planned", lambda r: r.sessions_planned),
    ("h.sessions_held", lambda r: r.sessions_held),
    ("rate.held", lambda r: percent(r.held_rate)),
    ("h.children_paris", lambda r: r.children_paris),
    ("rate.reach_paris", lambda r: percent(r.reach_paris)),
    ("h.children_partner", lambda r: r.children_partner),
    ("rate.reach_partner", lambda r: percent(r.reach_partner)),
    ("rate.attendance_paris", lambda r: percent(r.attendance_paris)),
    ("rate.attendance_partner", lambda r: percent(r.attendance_partner)),
    ("rate.cancellation", lambda r: percent(r.cancellation_rate)),
)


def trend_period(line: TrendLine, label: Labels) -> str:
    """The trend column's title: "This period", "Term before (2025-2026/3)", "A year earlier (…)"."""
    kind = line.kind
    if kind == "previous" and not line.period.term_label:
        kind = "previous_range"
    name = line.period.term_label or f"{label.date(line.period.start)} – {label.date(line.period.end)}"
    return label(f"trend.{kind}") if line.kind == "current" else f"{label(f'trend.{kind}')} ({name})"


def trend_table(data: ReportData, label: Labels) -> Table:
    return Table("trend", label("section.trend"), [label("figure"), *(trend_period(t, label) for t in data.trend)],
                 [[label(key), *(read(t.rates) for t in data.trend)] for key, read in TREND_MEASURES])


def arrondissement_table(data: ReportData, label: Labels) -> Table:
    return Table("arrondissements", label("section.arrondissements"), [
        label("col.arrondissement_long"), label("col.duos"), label("col.planned"), label("col.held"),
        label("col.cancellation_rate"), label("col.children_paris"), label("col.enrolled_paris"), label("col.reach")],
        [[label.arrondissement(int(g.key)), g.duos, g.sessions_planned, g.sessions_held, percent(g.cancellation_rate),
          g.children_paris, g.enrolled_paris, percent(g.reach_paris)] for g in data.by_arrondissement])


def _breakdowns(data: ReportData, label: Labels) -> list[Table]:
    counts = [label("col.duos"), label("col.planned"), label("col.held"), label("col.cancelled"),
              label("col.cancellation_rate")]

    def row(name: str, g: GroupLine, with_duos: bool = True) -> list[Cell]:
        cells: list[Cell] = [name, g.duos] if with_duos else [name]
        return cells + [g.sessions_planned, g.sessions_held, g.sessions_cancelled, percent(g.cancellation_rate)]

    return [
        Table("kinds", label("section.kinds"), [label("col.kind"), *counts[1:], label("col.visio_hours")],
              [row(label.enum("kind", g.key), g, with_duos=False) + [g.visio_hours]
               for g in data.by_kind]),
        Table("levels", label("section.levels"), [label("col.level"), *counts],
              [row(g.key or label("unknown"), g) for g in data.by_level]),
        Table("languages", label("section.languages"), [label("col.language"), *counts],
              [row(label.words.language(g.key), g) for g in data.by_language]),
        Table("facilitators", label("section.facilitators"), [label("col.facilitator"), *counts,
                                                               label("col.visio_hours")],
              [row(g.key or label("unknown"), g) + [g.visio_hours] for g in data.by_facilitator]),
    ]


def report_tables(data: ReportData, label: Labels) -> list[Table]:
    tables = [Table("headline", label("section.headline"), [label("figure"), label("value")], headline_rows(data, label))]
    if data.trend:
        tables.append(trend_table(data, label))
    if data.by_arrondissement:
        tables.append(arrondissement_table(data, label))
    tables.append(Table("cancellations", label("section.cancellations"), [label("col.reason"), label("col.count")],
                        [[label.enum("reason", reason), count] for reason, count in data.cancel_reasons]))
    over_time_rows: list[list[Cell]] = [
        [day if data.by_week else label.month(day), count] for day, count in data.held_over_time]
    tables.append(Table("over_time", label("section.over_time_week" if data.by_week else "section.over_time_month"),
                        [label("col.week" if data.by_week else "col.month"), label("col.held")], over_time_rows))
    cancellation = {g.key: g.cancellation_rate for g in data.by_country}
    tables.append(Table("countries", label("section.countries"),
                        [label("col.country"), label("col.duos"), label("col.held"), label("col.planned"),
                         label("col.cancellation_rate")],
                        [[label.country(line.country), line.duos, line.sessions_held, line.sessions_planned,
                          percent(cancellation.get(line.country))] for line in data.countries]))
    tables.extend(_breakdowns(data, label))
    tables.append(Table("duos", label("section.duos"), [
        label("col.paris_school"), label("col.arrondissement"), label("col.class"), label("col.partner_school"), label("col.city"),
        label("col.country"), label("col.facilitator"), label("col.status"), label("col.held"), label("col.planned"),
        label("col.last_exchange"), label("col.children_paris"), label("col.children_partner"), label("col.highlights"),
    ], [[line.paris_school, line.arrondissement, line.paris_class, line.partner_school, line.partner_city,
         label.country(line.country), line.facilitator, label.enum("status", line.status), line.sessions_held,
         line.sessions_planned, line.last_exchange, line.children_paris, line.children_partner, line.highlights]
        for line in data.duos]))
    tables.append(Table("quiet", label("section.quiet"), [
        label("col.paris_school"), label("col.partner_school"), label("col.city"), label("col.facilitator"), label("col.status"),
        label("col.planned")],
        [[line.paris_school, line.partner_school, line.partner_city, line.facilitator,
          label.enum("status", line.status), line.sessions_planned] for line in data.quiet_duos]))
    tables.append(Table("consent", label("section.consent"), [
        label("col.channel"), label("col.cleared"), label("col.refused"), label("col.unknown"), label("col.expired"),
        label("col.total")],
        [[label(f"channel.{line.channel}"), line.cleared, line.refused, line.unknown, line.expired, line.total]
         for line in data.consent]))
    if data.is_single_duo:
        tables.append(Table("timeline", label("section.timeline"), [
            label("col.date"), label("col.kind"), label("col.status"), label("col.minutes"), label("col.present"), label("col.note")],
            [[entry.start_utc.astimezone(PARIS).date(), label.enum("kind", entry.kind),
              label.enum("session", entry.status), entry.minutes, _present(entry.present_paris, entry.present_partner),
              label.enum("reason", entry.note) if entry.status == "cancelled" else entry.note]
             for entry in data.timeline]))
    for table in tables:
        table.sheet = label(f"sheet.{table.key}")
    return tables


def _present(paris: int | None, partner: int | None) -> str:
    if paris is None and partner is None:
        return ""
    return f"{'' if paris is None else paris} / {'' if partner is None else partner}"
