"""The "blog" album: a static HTML folder for one duo and term, with only items cleared for publication.

Consent is decided by :func:`classesduo.domain.consent.is_cleared` on the day
of the export. Images are re-encoded by :func:`classesduo.services.clean_images.clean_jpeg`
(pixels only), so no EXIF, GPS, XMP, IPTC, comment or text chunk of the original survives. Videos and audio are copied as they are.
Text documents and PDFs are not part of an album.

The album is built in a temporary folder beside the target and moved into
place at the end: a cancelled or failed export leaves the target untouched.
Every link is relative, so index.html opens from the folder with no server.
"""

from __future__ import annotations

import html
import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from classesduo.domain.consent import ConsentChannel, is_cleared
from classesduo.domain.enums import MediaKind
from classesduo.domain.i18n import translate
from classesduo.domain.terms import parse_term_label
from classesduo.domain.timezones import paris_today
from classesduo.services.clean_images import clean_jpeg
from classesduo.services.duos import get_duo
from classesduo.services.errors import ServiceError
from classesduo.services.media import MediaFilter, MediaView, list_media
from classesduo.services.terms import ensure_default_terms
from classesduo.services.workspace import Workspace

log = logging.getLogger(__name__)

MARKER = ".classesduo-album"
FULL_SIZE = 1600
THUMB_SIZE = 320
_IMAGE_KINDS = {MediaKind.PHOTO, MediaKind.DRAWING}


class AlbumCancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__(translate("MediaAlbum", "Album export cancelled; nothing was written."))


@dataclass
class AlbumReport:
    folder: Path
    included: int = 0
    left_out_consent: int = 0  # not cleared for publication on the day of export
    left_out_kind: int = 0  # documents and PDFs
    problems: list[tuple[str, str]] = field(default_factory=list)


def export_album(workspace: Workspace, duo_id: str, term_label: str, folder: Path,
                 on: date | None = None, progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, lang: str = "fr") -> AlbumReport:
    """Write the album in ``lang`` (its title and texts, like a report: not the GUI's language)."""
    from classesduo.services.wording import check_language, wording

    try:
        words = wording(check_language(lang))
    except ValueError as error:
        raise ServiceError(str(error)) from error
    on = on or paris_today()
    is_cancelled = cancelled or (lambda: False)
    try:
        year, number = parse_term_label(term_label)
    except ValueError as error:
        raise ServiceError(str(error)) from error
    term = next(t for t in ensure_default_terms(workspace.db, year) if t.number == number)
    duo = get_duo(workspace.db, duo_id)
    _check_target(folder)
    views = list_media(workspace.db, where=MediaFilter(duo_id=duo_id, start=term.start, end=term.end))
    report = AlbumReport(folder)
    chosen: list[MediaView] = []
    for view in sorted(views, key=lambda v: (v.when, v.item.original_name)):
        if not is_cleared(view.item, ConsentChannel.PUBLICATION, on):
            report.left_out_consent += 1
        elif view.item.kind not in _IMAGE_KINDS | {MediaKind.VIDEO, MediaKind.AUDIO}:
            report.left_out_kind += 1
        else:
            chosen.append(view)
    folder.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        entries = []
        for index, view in enumerate(chosen):
            if is_cancelled():
                raise AlbumCancelled()
            entry = _export_item(workspace, view, build, report)
            if entry:
                entries.append(entry)
            if progress:
                progress(index + 1, len(chosen) + 1)
        title = words.translate("MediaAlbum", "{paris} and {partner} — term {term}").format(
            paris=duo.paris.school, partner=duo.partner.school, term=term_label)
        empty = words.translate("MediaAlbum", "No item of this term is cleared for publication.")
        (build / "index.html").write_text(_page(title, duo.paris.city, duo.partner.city, entries, empty, lang),
                                          encoding="utf-8")
        (build / MARKER).write_text("album\n", encoding="utf-8")
        if is_cancelled():
            raise AlbumCancelled()
        _swap_into_place(build, folder)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    report.included = len(entries)
    if progress:
        progress(1, 1)
    log.info("album for duo %s term %s: %d items in %s", duo_id, term_label, report.included, folder)
    return report


def _check_target(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or (any(folder.iterdir()) and not (folder / MARKER).exists())):
        raise ServiceError(translate(
            "MediaAlbum", "{folder} is not empty and holds no earlier album; choose an empty or new folder.").format(
            folder=folder))


def _swap_into_place(build: Path, folder: Path) -> None:
    old = None
    if folder.exists():
        old = folder.with_name(f".{folder.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        folder.rename(old)
    build.rename(folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _export_item(workspace: Workspace, view: MediaView, build: Path, report: AlbumReport) -> dict[str, str] | None:
    item = view.item
    source = workspace.media.path_of(item.stored_name)
    entry = {"caption": item.caption, "caption_partner": item.caption_partner, "kind": item.kind.value,
             "name": item.original_name, "mime": item.mime_type,
             "partner_lang": next((code for code in view.duo_languages if code != "fr"), "")}
    if not source.exists():
        report.problems.append((item.original_name, translate("MediaAlbum", "the stored file is missing")))
        return None
    if item.kind in _IMAGE_KINDS:
        full = clean_jpeg(source, FULL_SIZE)
        thumb = clean_jpeg(source, THUMB_SIZE)
        if full is None or thumb is None:
            report.problems.append((item.original_name, translate("MediaAlbum", "the image could not be read")))
            return None
        entry["full"] = f"images/{item.file_hash}.jpg"
        entry["thumb"] = f"thumbs/{item.file_hash}.jpg"
        for relative, data in ((entry["full"], full), (entry["thumb"], thumb)):
            target = build / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return entry
    subfolder = "videos" if item.kind is MediaKind.VIDEO else "audio"
    entry["full"] = f"{subfolder}/{item.file_hash}{source.suffix}"
    (build / subfolder).mkdir(exist_ok=True)
    shutil.copyfile(source, build / entry["full"])
    return entry


def _page(title: str, paris_city: str, partner_city: str, entries: list[dict[str, str]], empty_text: str,
          lang: str) -> str:
    esc = html.escape
    cards = []
    for entry in entries:
        if "thumb" in entry:
            media = (f'<a href="{esc(entry["full"])}"><img src="{esc(entry["thumb"])}" '
                     f'alt="{esc(entry["caption"] or entry["name"])}" loading="lazy"></a>')
        elif entry["kind"] == MediaKind.VIDEO.value:
            media = f'<video controls preload="metadata" src="{esc(entry["full"])}"></video>'
        else:
            media = f'<audio controls preload="none" src="{esc(entry["full"])}"></audio>'
        captions = ""
        if entry["caption"]:
            captions += f'<p class="fr" lang="fr">{esc(entry["caption"])}</p>'
        if entry["caption_partner"]:
            lang = f' lang="{esc(entry["partner_lang"])}"' if entry["partner_lang"] else ""
            captions += f'<p class="partner"{lang}>{esc(entry["caption_partner"])}</p>'
        cards.append(f"<figure>{media}<figcaption>{captions}</figcaption></figure>")
    empty = esc(empty_text)
    body = "\n".join(cards) if cards else f"<p>{empty}</p>"
    return f"""<!DOCTYPE html>
<html lang="{esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; background: #fafafa; color: #222; }}
main {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 1.5em; }}
figure {{ margin: 0; background: #fff; padding: .8em; border-radius: 6px; box-shadow: 0 1px 3px #0002; }}
img, video {{ max-width: 100%; display: block; margin: auto; }}
audio {{ width: 100%; }}
.partner {{ color: #555; font-style: italic; }}
</style>
</head>
<body>
<h1>{esc(title)}</h1>
<p>{esc(paris_city)} ↔ {esc(partner_city)}</p>
<main>
{body}
</main>
</body>
</html>
"""
