"""``classesduo media import|album|retention``: the media library from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from classesduo.commands.common import UsageError, iso_date, open_for
from classesduo.domain.i18n import english_plural
from classesduo.domain.text import escape_controls
from classesduo.services.wording import LANGUAGES  # one list of languages (wording.py)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("media", help="import media, export an album, apply retention")
    actions = parser.add_subparsers(dest="media_command", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    add = actions.add_parser("import", help="copy files into a duo's media library")
    add.add_argument("duo_id", metavar="DUO_ID")
    add.add_argument("files", metavar="FILES", nargs="+",
                     help="photos, videos, audio, drawings, PDFs, text documents")
    add.add_argument("--side", choices=["paris", "partner"], default="paris", help="who made them (default paris)")
    add.add_argument("--session", metavar="ID", help="attach them to this session of the duo")
    add.add_argument("--drawing", action="store_true", help="images and PDFs are scanned drawings")
    add.set_defaults(handler=run_import)

    album = actions.add_parser("album", help="write a static HTML album of the items cleared for publication")
    album.add_argument("duo_id", metavar="DUO_ID")
    album.add_argument("--term", required=True, help="e.g. 2026-2027/1")
    album.add_argument("-o", "--output", required=True, metavar="FOLDER", help="a new or empty folder")
    album.add_argument("--on", type=iso_date, help="decide consent as of this day (default today)")
    album.add_argument("--lang", choices=list(LANGUAGES), default="fr", help="language of the album (default fr, "
                                                                          "like reports)")
    album.set_defaults(handler=run_album)

    retention = actions.add_parser("retention", help="list (or erase) media and logs past the retention period")
    retention.add_argument("--years", type=int, help="school years kept after a duo's year (default: settings)")
    retention.add_argument("--today", type=iso_date, help="as of this day (default today)")
    retention.add_argument("--erase", action="store_true", help="erase them (files, thumbnails, rows)")
    retention.set_defaults(handler=run_retention)


def run_import(args: argparse.Namespace) -> int:
    from classesduo.domain.enums import Side
    from classesduo.services.media_import import import_files

    paths = [Path(name) for name in args.files]
    report = import_files(open_for(args), args.duo_id, paths, Side(args.side), session_id=args.session,
                          as_drawing=args.drawing)
    for item in report.imported:
        print(f"imported  {item.id}  {item.kind.value:8} {escape_controls(item.original_name)}")
    for name in report.duplicates:
        print(f"duplicate {escape_controls(name)}: already in this duo")
    for name, reason in report.rejected:
        print(f"skipped   {escape_controls(name)}: {escape_controls(reason)}", file=sys.stderr)
    print(f"{len(report.imported)} imported, {len(report.duplicates)} already there, "
          f"{len(report.rejected)} skipped")
    return 0 if not report.rejected else 2


def run_album(args: argparse.Namespace) -> int:
    from classesduo.services.media_album import export_album

    from classesduo.commands.common import UsageError

    folder = Path(args.output).expanduser().resolve()
    if not folder.parent.is_dir():  # the album's own folder is created; a missing parent is a typo
        raise UsageError(f"the folder {folder.parent} does not exist (create it first, or check the path)")
    report = export_album(open_for(args), args.duo_id, args.term, folder,
                          on=args.on, lang=args.lang)
    for name, problem in report.problems:
        print(f"skipped {escape_controls(name)}: {escape_controls(problem)}", file=sys.stderr)
    print(english_plural(f"{report.included} item(s)", report.included) + f" in {report.folder / 'index.html'}; "
          f"{report.left_out_consent} not cleared for publication, "
          + english_plural(f"{report.left_out_kind} document(s) left out", report.left_out_kind))
    return 0


def run_retention(args: argparse.Namespace) -> int:

    from classesduo.paths import AppPaths
    from classesduo.services.media_retention import erase_expired, expired_duos
    from classesduo.settings import Settings

    workspace = open_for(args)
    years = args.years if args.years is not None else Settings.load(
        AppPaths.resolve(args.data_dir).settings_file).retention_years
    if years < 0:
        raise UsageError("--years must be 0 or more")
    from classesduo.domain.timezones import paris_today

    today = args.today or paris_today()
    duos = expired_duos(workspace, today, years)
    for duo in duos:
        print(f"{duo.duo_id}  {duo.school_year}  kept until {duo.kept_until}  {duo.media} media  "
              + english_plural(f"{duo.logs} log(s)", duo.logs) + f"  {duo.label}")
    if not duos:
        print("nothing is past the retention period")
        return 0
    if not args.erase:
        print("run again with --erase to erase them")
        return 0
    result = erase_expired(workspace, today, years)
    for problem in result.file_problems:
        print(f"could not remove {problem}", file=sys.stderr)
    print(f"erased {result.media_rows} media ("
          + english_plural(f"{result.files_removed} file(s)) and the text of ", result.files_removed)
          + english_plural(f"{result.logs_cleared} log(s) in ", result.logs_cleared)
          + english_plural(f"{result.duos} duo(s); anonymous counts kept; backups: ", result.duos)
          + f"{result.backups_scrubbed} scrubbed, {result.backups_removed} deleted (older schema)")
    return 0 if not result.file_problems else 1
