"""Report figures against numbers computed by hand from report_fixture.py."""

from __future__ import annotations

from datetime import date

import pytest

from classesduo.domain.reports import ReportPeriod, ReportScope, ScopeKind, parse_scope, validate_period
from classesduo.services.errors import NotFoundError
from classesduo.services.reports.data import ReportCancelled, build_report, bucket_starts
from classesduo.services.reports.model import ConsentLine, CountryLine
from tests.services.report_fixture import AS_OF, build_fixture

TERM = ReportPeriod(date(2026, 9, 1), date(2026, 12, 31), "2026-2027/1")


@pytest.fixture
def ids(workspace):  # noqa: ANN001, ANN201
    return build_fixture(workspace)


def report(workspace, scope: ReportScope = ReportScope(), period: ReportPeriod = TERM):  # noqa: ANN001, ANN201
    return build_report(workspace.db, period, scope, as_of=AS_OF, media_root=workspace.media.root)


def test_programme_headline(workspace, ids) -> None:  # noqa: ANN001
    h = report(workspace).headline
    assert (h.duos, h.active_duos) == (3, 2)  # the proposed duo without sessions is left out
    assert (h.paris_schools, h.partner_schools, h.arrondissements, h.countries) == (2, 3, 2, 3)
    # held: 15/09, 20/10, 31/12 (last day) and 10/11; the 1 January sessions (UTC and Paris) are out.
    assert (h.sessions_held, h.sessions_cancelled, h.sessions_postponed, h.sessions_to_log) == (4, 2, 1, 2)
    assert h.sessions_planned == 8
    assert h.visio_minutes == 40 + 45 + 55 and h.visio_hours == 2.3
    # Duo 1: most present 24, but 20/10 has no Paris count, so its class size (25); duo 2: 20; duo 3: nothing held.
    assert (h.children_paris, h.children_partner) == (25 + 20, 20 + 17)
    assert (h.media_shared, h.media_cleared_publication) == (3, 1)


def test_tables_of_the_programme(workspace, ids) -> None:  # noqa: ANN001
    data = report(workspace)
    assert data.cancel_reasons == [("", 1), ("technical", 1)]
    assert data.by_week
    assert data.held_over_time[0] == (date(2026, 8, 31), 0) and len(data.held_over_time) == 18
    assert {day: count for day, count in data.held_over_time if count} == {
        date(2026, 9, 14): 1, date(2026, 10, 19): 1, date(2026, 11, 9): 1, date(2026, 12, 28): 1}
    assert data.countries == [CountryLine("AR", 1, 3, 4), CountryLine("CA", 1, 1, 3), CountryLine("SN", 1, 0, 1)]
    lines = {line.duo_id: line for line in data.duos}
    d1 = lines[ids.d1]
    assert (d1.paris_school, d1.arrondissement, d1.partner_city, d1.facilitator) == (
        "École Émile-Zola", 11, "Buenos Aires", "Zoé Lefèvre")
    assert (d1.sessions_held, d1.sessions_planned, d1.last_exchange) == (3, 4, date(2026, 12, 31))
    assert (d1.children_paris, d1.children_partner) == (25, 20)
    assert d1.highlights == "-Lettres de fin d'année"
    assert lines[ids.d2].highlights == "Quiz sur Montréal"
    assert [line.duo_id for line in data.quiet_duos] == [ids.d3]
    # consent_until applies to every use: photo b has expired for all of them.
    assert data.consent == [ConsentLine("exchange", 2, 0, 0, 1), ConsentLine("reports", 1, 1, 1, 0),
                            ConsentLine("publication", 1, 1, 0, 1)]
    assert data.timeline == [] and data.photos == []


def test_scopes(workspace, ids) -> None:  # noqa: ANN001
    arr = report(workspace, parse_scope("arrondissement:11"))
    assert {line.duo_id for line in arr.duos} == {ids.d1, ids.d3}
    assert (arr.headline.active_duos, arr.headline.sessions_planned) == (1, 5)
    country = report(workspace, parse_scope("country:ca"))
    assert [line.duo_id for line in country.duos] == [ids.d2]
    assert (country.headline.sessions_held, country.headline.media_shared) == (1, 1)
    person = report(workspace, ReportScope(ScopeKind.FACILITATOR, ids.zoe))
    assert person.scope_label == "Zoé Lefèvre" and {line.duo_id for line in person.duos} == {ids.d1, ids.d3}


def test_one_duo_adds_timeline_and_cleared_photos(workspace, ids) -> None:  # noqa: ANN001
    data = report(workspace, ReportScope(ScopeKind.DUO, ids.d1))
    assert data.scope_label == "École Émile-Zola (CM1 A) ↔ Escuela Bernardino Rivadavia, Buenos Aires"
    assert [entry.status for entry in data.timeline] == ["held", "cancelled", "postponed", "held", "held"]
    assert data.timeline[1].note == "technical" and data.timeline[3].minutes == 45
    assert [photo.caption for photo in data.photos] == ["Photo a"]  # b: reports refused; c: outside the term


def test_custom_range_and_months(workspace, ids) -> None:  # noqa: ANN001
    october = report(workspace, period=ReportPeriod(date(2026, 10, 1), date(2026, 10, 31)))
    assert (october.headline.sessions_held, october.headline.sessions_cancelled) == (1, 1)
    assert october.headline.duos == 3  # active duos of the school year stay in the report
    year = report(workspace, period=ReportPeriod(date(2026, 9, 1), date(2027, 7, 10)))
    assert not year.by_week and year.held_over_time[4] == (date(2027, 1, 1), 2)
    assert year.headline.sessions_held == 6


def test_unknown_scope_targets(workspace, ids) -> None:  # noqa: ANN001
    for scope in ("duo:nope", "facilitator:nope", "country:JP", "arrondissement:20"):
        with pytest.raises(NotFoundError):
            report(workspace, parse_scope(scope))


def test_progress_and_cancel(workspace, ids) -> None:  # noqa: ANN001
    seen: list[tuple[int, int]] = []
    build_report(workspace.db, TERM, ReportScope(), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] and len(seen) == seen[-1][1]
    with pytest.raises(ReportCancelled):
        build_report(workspace.db, TERM, ReportScope(), cancelled=lambda: True)


def test_empty_database(workspace) -> None:  # noqa: ANN001
    data = report(workspace)
    assert data.headline.duos == 0 and data.duos == [] and all(count == 0 for _, count in data.held_over_time)


@pytest.mark.parametrize(("text", "expected"), [
    ("programme", ReportScope()),
    ("arrondissement:05", ReportScope(ScopeKind.ARRONDISSEMENT, "5")),
    ("country:jp", ReportScope(ScopeKind.COUNTRY, "JP")),
    ("duo:abc", ReportScope(ScopeKind.DUO, "abc")),
])
def test_parse_scope(text: str, expected: ReportScope) -> None:
    assert parse_scope(text) == expected


@pytest.mark.parametrize("text", ["planet:1", "arrondissement:21", "arrondissement:x", "country:JPN", "duo:",
                                  "programme:3"])
def test_parse_scope_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_scope(text)


def test_period_validation_and_buckets() -> None:
    assert validate_period(date(2026, 9, 2), date(2026, 9, 1))
    assert validate_period(date(2026, 9, 1), date(2027, 12, 1))
    assert validate_period(date(2026, 9, 1), date(2026, 9, 1)) is None
    assert bucket_starts(ReportPeriod(date(2026, 11, 15), date(2027, 2, 1)), by_week=False) == [
        date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1)]


def test_names_sort_without_accents_and_numbers_in_order() -> None:
    from classesduo.domain.text import natural_key as text_key

    names = ["Zola", "École 10", "Ecole 2", "école 1", "Émile"]
    assert sorted(names, key=text_key) == ["école 1", "Ecole 2", "École 10", "Émile", "Zola"]
