"""``classesduo report``: a termly report as PDF, CSV or XLSX (the format comes from the file name)."""

from __future__ import annotations

import argparse
from pathlib import Path

from classesduo.commands.common import UsageError, iso_date, open_for
from classesduo.services.wording import LANGUAGES  # one list of languages (wording.py)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report", help="write a termly report (PDF, CSV or XLSX)",
        description="Write the programme's report for a term or a date range. The format comes from the "
                    "extension of -o: .pdf, .csv or .xlsx.")
    parser.add_argument("--term", help="the term, e.g. 2026-2027/1")
    parser.add_argument("--from", dest="start", type=iso_date, metavar="DATE",
                        help="first day (YYYY-MM-DD); with --term, overrides the term's start")
    parser.add_argument("--to", dest="end", type=iso_date, metavar="DATE",
                        help="last day, included (YYYY-MM-DD); with --term, overrides the term's end")
    parser.add_argument("--scope", default="programme",
                        help="programme (default), arrondissement:11, country:JP, facilitator:ID or duo:ID")
    parser.add_argument("--lang", choices=list(LANGUAGES), default="fr", help="language of the report (default fr)")
    parser.add_argument("--semicolon", action="store_true",
                        help="CSV: separate with ';' and write decimal commas (French Excel)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.pdf, FILE.csv or FILE.xlsx")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from classesduo.domain.reports import ReportPeriod, parse_scope, validate_period
    from classesduo.domain.terms import parse_term_label
    from classesduo.services.reports.data import build_report
    from classesduo.services.reports.export import format_of, write_report
    from classesduo.services.terms import list_terms

    from classesduo.commands.common import output_file

    output = output_file(args.output)  # its folder must exist: a typo creates no folders
    try:
        kind = format_of(output)
        scope = parse_scope(args.scope)
        label = ""
        if args.term:
            year, number = parse_term_label(args.term)
            label = f"{year}/{number}"
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.semicolon and kind != "csv":
        raise UsageError("--semicolon only applies to a .csv report")
    if not args.term and not (args.start and args.end):
        raise UsageError("give --term (e.g. 2026-2027/1), or both --from and --to")
    workspace = open_for(args)
    try:
        start, end = args.start, args.end
        if label:
            terms = {f"{t.school_year}/{t.number}": t for t in list_terms(workspace.db)}
            if label not in terms:
                known = ", ".join(terms) or "none yet"
                raise UsageError(f"unknown term {label} (known terms: {known})")
            start, end = start or terms[label].start, end or terms[label].end
            if (start, end) != (terms[label].start, terms[label].end):
                label = ""  # a custom range, even if it starts from a term
        problem = validate_period(start, end)
        if problem:
            raise UsageError(f"{problem}: {start} to {end}")
        data = build_report(workspace.db, ReportPeriod(start, end, label), scope, media_root=workspace.media.root)
        from classesduo.services.child_names import report_name_warnings

        named = report_name_warnings(data)
        warning = ""
        if kind == "pdf":
            from classesduo.services.reports.fonts import ensure_application, font_warning

            ensure_application()
            warning = font_warning(data)
        write_report(data, output, args.lang, semicolon=args.semicolon)
    finally:
        workspace.close()
    print(f"report written to {output}")
    import sys

    for text in named:
        print(f"warning: this text of the report seems to name a child ({', '.join(text.names)}): {text.where}",
              file=sys.stderr)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    return 0
