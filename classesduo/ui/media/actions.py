"""The gallery's long actions besides import: the album export and the end-of-year erasure.

Both ask through the page's Dialogs and run through :func:`run_with_progress`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from classesduo.domain.i18n import Plural
from classesduo.ui.operations import run_with_progress
from classesduo.ui.qt import QtCore, translate

if TYPE_CHECKING:
    from classesduo.ui.pages.media_page import MediaPage


def export_album(page: MediaPage) -> None:
    duo_id = page.duo_for(translate("MediaPage", "export its album"))
    if duo_id is None or page.is_busy():
        return
    term = page.filters.selected_term()
    if term is None:
        labels = [page.filters.term.itemData(i) for i in range(1, page.filters.term.count())]
        chosen = page.dialogs.choose_index(page, translate("MediaPage", "Export album"),
                                           translate("MediaPage", "Term:"), labels)
        if chosen is None:
            return
        label = labels[chosen]
    else:
        label = term.label
    folder = page.dialogs.choose_new_folder(page, translate("MediaPage", "Folder for the album (new or empty)"))
    if not folder:
        return
    from classesduo.services.media_album import export_album

    workspace, today = page.workspace, page.today()
    # Like the reports page's default: French when the app is shown in French.
    lang = "fr" if QtCore.QLocale().language() == QtCore.QLocale.Language.French else "en"

    def work(progress, cancelled):  # noqa: ANN001, ANN202
        return export_album(workspace, duo_id, label, Path(folder), on=today, progress=progress,
                            cancelled=cancelled, lang=lang)

    def done(report: object) -> None:
        page.dialogs.info(page, translate("MediaPage", "Album exported"), "\n".join((
            Plural.tr("%n item(s) written to {folder}.", "", report.included).format(  # type: ignore[attr-defined]
                folder=Path(report.folder) / "index.html"),  # type: ignore[attr-defined]
            Plural.tr("%n item(s) not cleared for publication left out.", "",
                      report.left_out_consent),  # type: ignore[attr-defined]
            Plural.tr("%n document(s) left out (not part of albums).", "",
                      report.left_out_kind))))  # type: ignore[attr-defined]

    page.operation = run_with_progress(page, translate("MediaPage", "Exporting the album…"), work, done,
                                       page.show_failure)

def apply_retention(page: MediaPage) -> None:
    if page.workspace is None or page.is_busy():
        return
    from classesduo.services.media_retention import erase_expired, expired_duos

    years, today = page.settings().retention_years, page.today()
    duos = expired_duos(page.workspace, today, years)
    if not duos:
        page.dialogs.info(page, translate("MediaPage", "Retention"), Plural.tr(
            "Nothing is older than the retention period (%n school year(s) after a duo's year).", "", years))
        return
    lines = [translate("MediaPage", "{label} ({year}): {media}, {logs}").format(
        label=d.label, year=d.school_year, media=Plural.tr("%n media item(s)", "", d.media),
        logs=Plural.tr("%n log(s)", "", d.logs)) for d in duos[:15]]
    if len(duos) > 15:
        lines.append(Plural.tr("… and %n more duo(s)", "", len(duos) - 15))
    text = translate("MediaPage", "These duos' media (files, thumbnails, records) and the text of their logs "
                                  "are past the retention period and will be erased for good. Only anonymous "
                                  "counts are kept for the reports.\n\n{list}\n\nErase them?").format(
        list="\n".join(lines))
    if not page.dialogs.confirm(page, translate("MediaPage", "Erase old media and logs"), text):
        return
    workspace = page.workspace

    def done(result: object) -> None:
        page.reload_media()
        page.data_changed.emit()
        page.dialogs.info(page, translate("MediaPage", "Retention"), translate(
            "MediaPage", "Erased {media} and the text of {logs} in {duos}.").format(
            media=Plural.tr("%n media item(s)", "", result.media_rows),  # type: ignore[attr-defined]
            logs=Plural.tr("%n log(s)", "", result.logs_cleared),  # type: ignore[attr-defined]
            duos=Plural.tr("%n duo(s)", "", result.duos)))  # type: ignore[attr-defined]

    page.operation = run_with_progress(
        page, translate("MediaPage", "Erasing old media…"),
        lambda progress, cancelled: erase_expired(workspace, today, years), done, page.show_failure)
