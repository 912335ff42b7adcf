"""Charts count sessions: whole, distinct ticks and uncut labels at every scope (one duo included)."""

from __future__ import annotations

from datetime import date

import pytest

from classesduo.domain.reports import ReportPeriod, ReportScope, ScopeKind
from classesduo.services.reports.charts import count_ticks, countries_chart, over_time_chart
from classesduo.services.reports.data import build_report
from classesduo.services.reports.labels import labels_for
from tests.services.report_fixture import AS_OF, build_fixture

TERM = ReportPeriod(date(2026, 9, 1), date(2026, 12, 31), "2026-2027/1")


def _value_axis(chart):  # noqa: ANN001, ANN202
    from PySide6 import QtCharts

    return next(axis for axis in chart.axes() if isinstance(axis, QtCharts.QValueAxis))


def _tick_labels(axis) -> list[str]:  # noqa: ANN001
    count = axis.tickCount()
    values = [axis.min() + index * (axis.max() - axis.min()) / (count - 1) for index in range(count)]
    assert all(value == int(value) for value in values), values
    return [axis.labelFormat() % value for value in values]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_count_axes_have_whole_distinct_ticks_at_every_scope(qapp, workspace, lang: str) -> None:  # noqa: ANN001
    ids = build_fixture(workspace)
    label = labels_for(lang)
    for scope in (ReportScope(ScopeKind.DUO, ids.d1), ReportScope(ScopeKind.DUO, ids.d3), ReportScope()):
        data = build_report(workspace.db, TERM, scope, as_of=AS_OF)
        tops = (max(count for _, count in data.held_over_time),
                max([line.sessions_planned for line in data.countries], default=0))
        for chart, top in zip((over_time_chart(data, label), countries_chart(data, label)), tops, strict=True):
            axis = _value_axis(chart)
            labels = _tick_labels(axis)
            assert len(labels) == len(set(labels)) >= 2, labels  # was 0, 0, 0, 0, 1
            assert not axis.truncateLabels()  # the country chart's axis read "…" everywhere
            assert axis.max() >= max(top, 1)


def test_count_ticks() -> None:
    assert count_ticks(0) == (1, 1) and count_ticks(1) == (1, 1) and count_ticks(3) == (3, 1)
    assert count_ticks(7) == (8, 2) and count_ticks(12) == (15, 5) and count_ticks(48) == (50, 10)
    assert count_ticks(430) == (500, 100)
