"""``classesduo bundle export -o FILE.zip [--duo ID]`` and ``classesduo bundle import FILE.zip``."""

from __future__ import annotations

import argparse
from pathlib import Path

from classesduo.commands.common import iso_date, open_for
from classesduo.domain.i18n import english_plural
from classesduo.domain.text import escape_controls


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("bundle", help="move duos with their schools, sessions, logs and media between "
                                                "laptops (docs/bundles.md)")
    actions = parser.add_subparsers(dest="bundle_action", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    export = actions.add_parser("export", help="write a bundle zip file")
    export.add_argument("-o", "--output", type=Path, required=True, help="the .zip file to write")
    export.add_argument("--duo", action="append", metavar="ID", help="only this duo (repeat for several); "
                                                                     "default: everything")
    export.add_argument("--include-without-consent", action="store_true",
                        help="also carry media whose exchange consent is refused, unknown or expired on the export "
                             "day (left out by default; the bundle records that you included them)")
    export.add_argument("--on", type=iso_date, help="decide consent as of this day (default today)")
    export.set_defaults(handler=run_export)
    load = actions.add_parser("import", help="import a bundle (all or nothing; a backup is taken first)")
    load.add_argument("file", type=Path)
    load.add_argument("--take-theirs", action="append", default=[], metavar="ID",
                      help="a record changed on both laptops: take the bundle's copy (repeat for several)")
    load.add_argument("--keep-mine", action="append", default=[], metavar="ID",
                      help="a record changed on both laptops: keep this laptop's copy and stop reporting it")
    load.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    from classesduo.services.bundles import export_bundle

    from classesduo.commands.common import output_file

    result = export_bundle(open_for(args), output_file(args.output), args.duo, on=args.on,
                           include_uncleared=args.include_without_consent)
    for item in result.left_out:
        print(f"left out  {item.id}  {escape_controls(item.original_name)}: {item.reason}")
    for item in result.included_without_consent:
        print(f"included without consent  {item.id}  {escape_controls(item.original_name)}: {item.reason}")
    rows = ", ".join(english_plural(f"{count} {table.replace('_', ' ')}(s)", count)
                     for table, count in result.rows.items() if count)
    print(f"Bundle written: {args.output} ({rows or 'no rows'}); images re-encoded without metadata: "
          f"{result.cleaned_images}.")
    if result.left_out:
        print(english_plural(f"{len(result.left_out)} media item(s) without valid exchange consent on "
                             f"{result.on.isoformat()} left out (--include-without-consent carries them).",
                             len(result.left_out)))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from classesduo.services.bundles import import_bundle

    summary = import_bundle(open_for(args), args.file, take_theirs=set(args.take_theirs),
                            keep_mine=set(args.keep_mine))
    print(f"Bundle imported: {escape_controls(summary.describe())}; {summary.media_files} new media files.")
    for conflict in summary.conflicts:
        print(f"changed on both laptops: {conflict.table} {conflict.id} ({escape_controls(conflict.label)}): "
              f"here {conflict.mine_updated_at:%Y-%m-%d %H:%M} UTC, in the bundle "
              f"{conflict.theirs_updated_at:%Y-%m-%d %H:%M} UTC; this laptop's copy kept")
    if summary.conflicts:
        print("Decide with --take-theirs ID or --keep-mine ID (import the same bundle again).")
    return 0
