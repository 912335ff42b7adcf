"""The gallery's long actions besides import: the album export and the end-of-year erasure.

Both ask through the page's Dialogs and run through :func:`run_with_progress`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
        page.dialogs.info(page, translate("MediaPage", "Album exported"), translate(
            "MediaPage", "{included} item(s) written to {folder}.\n{left} item(s) not cleared for publication "
                         "were left out; {docs} document(s) are not part of albums.").format(
            included=report.included, folder=Path(report.folder) / "index.html",  # type: ignore[attr-defined]
            left=report.left_out_consent, docs=report.left_out_kind))  # type: ignore[attr-defined]

    page.operation = run_with_progress(page, translate("MediaPage", "Exporting the album…"), work, done,
                                       page.show_failure)

def apply_retention(page: MediaPage) -> None:
    if page.workspace is None or page.is_busy():
        return
    from classesduo.services.media_retention import erase_expired, expired_duos

    years, today = page.settings().retention_years, page.today()
    duos = expired_duos(page.workspace, today, years)
    if not duos:
        page.dialogs.info(page, translate("MediaPage", "Retention"), translate(
            "MediaPage", "Nothing is older than the retention period ({years} school year(s) after a duo's "
                         "year).").format(years=years))
        return
    lines = [translate("MediaPage", "{label} ({year}): {media} media, {logs} log(s)").format(
        label=d.label, year=d.school_year, media=d.media, logs=d.logs) for d in duos[:15]]
    if len(duos) > 15:
        lines.append(translate("MediaPage", "… and {count} more duos").format(count=len(duos) - 15))
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
            "MediaPage", "Erased {media} media and the text of {logs} log(s) in {duos} duo(s).").format(
            media=result.media_rows, logs=result.logs_cleared, duos=result.duos))  # type: ignore[attr-defined]

    page.operation = run_with_progress(
        page, translate("MediaPage", "Erasing old media…"),
        lambda progress, cancelled: erase_expired(workspace, today, years), done, page.show_failure)
