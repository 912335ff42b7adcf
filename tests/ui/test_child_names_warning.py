"""The log form and the report preview warn when free text looks like it names a child, before any export."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from classesduo.domain.reports import ReportPeriod, ReportScope
from classesduo.services.child_names import names_in_text, report_name_warnings
from classesduo.services.reports.data import build_report


def test_the_log_form_warns_while_typing(qtbot, demo_workspace) -> None:  # noqa: ANN001
    from classesduo.ui.log_form import LogForm

    form = LogForm(demo_workspace, datetime(2026, 11, 28, 12, tzinfo=UTC))
    qtbot.addWidget(form)
    assert form.names_warning.isHidden()
    form.activities_edit.setPlainText("Zoé et Mehdi ont présenté leur quartier")  # the example
    assert not form.names_warning.isHidden() and "Zoé, Mehdi" in form.names_warning.text()
    form.activities_edit.setPlainText("Les élèves ont présenté leur quartier")
    assert form.names_warning.isHidden()
    form.notes_edit.setPlainText("Bravo à Léa")
    assert not form.names_warning.isHidden()


def test_the_report_preview_warns_before_export(qtbot, demo_workspace) -> None:  # noqa: ANN001
    from classesduo.ui.pages.report_preview import ReportPreview

    data = build_report(demo_workspace.db, ReportPeriod(date(2026, 9, 1), date(2026, 12, 31), "2026-2027/1"),
                        ReportScope(), as_of=date(2026, 11, 28))
    assert report_name_warnings(data) == []  # the demo's texts name no child
    named = replace(data, duos=[replace(data.duos[0], highlights="Zoé et Mehdi ont présenté leur quartier"),
                                *data.duos[1:]])
    preview = ReportPreview()
    qtbot.addWidget(preview)
    preview.set_data(data, "fr")
    assert preview.names_warning.isHidden()
    preview.set_data(named, "fr")
    assert not preview.names_warning.isHidden() and "Zoé, Mehdi" in preview.names_warning.text()
    assert data.duos[0].paris_school in preview.names_warning.toolTip()


def test_names_of_the_duos_schools_are_no_children() -> None:
    assert names_in_text("Visite de l'Escuela Juan B. Alberdi", known=["Escuela N.º 12 Juan B. Alberdi"]) == []
    assert names_in_text("Juan a chanté") == ["Juan"]
