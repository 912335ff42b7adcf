"""CSV import: the shipped samples, separators and BOM, every kind of bad row, re-import, updates."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from classesduo.domain.availability import WeeklyWindow
from classesduo.domain.enums import DuoStatus, SessionStatus, Side
from classesduo.paths import resources_dir
from classesduo.services.classes import list_classes
from classesduo.services.duos import list_duos
from classesduo.services.facilitators import list_facilitators
from classesduo.services.importing import KINDS, ImportRejected, import_file, reader
from classesduo.services.importing.fields import code_list, windows
from classesduo.services.schools import list_schools
from classesduo.services.sessions import list_sessions
from classesduo.services.workspace import Workspace

SAMPLES = resources_dir() / "samples"


def counts(ws: Workspace) -> tuple[int, ...]:
    return (len(list_schools(ws.db)), len(list_classes(ws.db)), len(list_facilitators(ws.db)),
            len(list_duos(ws.db)), len(list_sessions(ws.db)))


def import_samples(ws: Workspace) -> list:
    return [import_file(ws.db, kind, SAMPLES / f"{kind}.csv") for kind in KINDS]


def write(tmp_path: Path, text: str, name: str = "file.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def rejected(ws: Workspace, kind: str, path: Path) -> list[tuple[int | None, str, str]]:
    before = counts(ws)
    with pytest.raises(ImportRejected) as caught:
        import_file(ws.db, kind, path)
    assert counts(ws) == before, "a refused file must write nothing"
    return [(problem.line, problem.field, problem.message) for problem in caught.value.problems]


def test_samples_import_in_order_then_reimport_changes_nothing(workspace: Workspace) -> None:
    first = import_samples(workspace)
    assert [(s.added, s.updated, s.unchanged) for s in first] == [(4, 0, 0), (4, 0, 0), (2, 0, 0), (2, 0, 0),
                                                                  (6, 0, 0)]
    assert counts(workspace) == (4, 4, 2, 2, 6)
    again = import_samples(workspace)
    assert [(s.added, s.updated, s.unchanged) for s in again] == [(0, 0, 4), (0, 0, 4), (0, 0, 2), (0, 0, 2),
                                                                  (0, 0, 6)]
    assert counts(workspace) == (4, 4, 2, 2, 6)

    lepic = next(s for s in list_schools(workspace.db) if s.name == "École élémentaire Lepic")
    assert lepic.side is Side.PARIS and lepic.arrondissement == 18
    assert lepic.windows == [WeeklyWindow(1, time(15), time(16, 30)), WeeklyWindow(4, time(15), time(16, 30))]
    santiago = next(s for s in list_schools(workspace.db) if s.city == "Santiago")
    assert santiago.side is Side.PARTNER and santiago.timezone == "America/Santiago" and len(santiago.windows) == 5
    duo = next(d for d in list_duos(workspace.db) if d.partner.city == "Santiago")
    assert duo.duo.status is DuoStatus.ACTIVE and duo.facilitator == "Inès Moreau" and duo.duo.tools == [
        "visio", "email", "blog"]
    starts = {(v.duo_label.split(" ↔ ")[1], v.session.start_utc) for v in list_sessions(workspace.db)}
    # Paris 15:00 in March 2027 is 14:00 UTC (summer time starts on 28 March).
    assert ("Colegio Santa Rosa", datetime(2027, 3, 16, 14, tzinfo=UTC)) in starts
    # 09:00 in Toronto on 15 January is 14:00 UTC, i.e. 15:00 in Paris.
    assert ("École Marie-Victorin", datetime(2027, 1, 15, 14, tzinfo=UTC)) in starts


def test_samples_import_on_the_demo(demo_workspace: Workspace) -> None:
    before = counts(demo_workspace)
    import_samples(demo_workspace)
    after = counts(demo_workspace)
    assert [b - a for a, b in zip(before, after, strict=True)] == [4, 4, 2, 2, 6]


@pytest.mark.parametrize("separator", [",", ";"])
@pytest.mark.parametrize("bom", [False, True])
def test_comma_or_semicolon_with_or_without_bom(workspace: Workspace, tmp_path: Path, separator: str,
                                                bom: bool) -> None:
    header = separator.join(["Name", "City", "Country", "Time zone", "Languages", "Windows"])
    line = separator.join(["Escuela Nº 5", "Córdoba", "ar", "America/Argentina/Cordoba", "es",
                           '"Mon 09:00-12:00; Wed 09:00-12:00"'])
    summary = import_file(workspace.db, "schools", write(tmp_path, f"{header}\r\n{line}\r\n", bom=bom))
    assert (summary.added, summary.updated, summary.unchanged) == (1, 0, 0)
    (school,) = list_schools(workspace.db)
    assert (school.name, school.country, school.side, school.languages) == ("Escuela Nº 5", "AR", Side.PARTNER, ["es"])
    assert [w.weekday for w in school.windows] == [0, 2]


def test_every_bad_school_row_is_reported_and_nothing_written(workspace: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path, "\n".join([
        "name,city,country,timezone,side,arrondissement,languages,contact_email,windows",
        "Good school,Paris,FR,Europe/Paris,paris,3,fr,,",
        "Bad zone,Paris,FR,Europe/Pariss,paris,4,fr,,",
        "No arrondissement,Paris,FR,Europe/Paris,paris,,fr,,",
        ",Lyon,FR,Europe/Paris,partner,,fr,,",
        "Bad codes,Lima,XX,America/Lima,partner,,zz,not-an-email,Tue 16:00-15:00",
        "Bad window,Lima,PE,America/Lima,partner,,es,,Someday 9-10",
        "Good school,Paris,FR,Europe/Paris,paris,3,fr,,",
    ]), "schools.csv")
    problems = rejected(workspace, "schools", path)
    assert (3, "timezone") in [(line, field) for line, field, _ in problems]
    assert {(line, field) for line, field, _ in problems} == {
        (3, "timezone"), (4, "arrondissement"), (5, "name"), (6, "country"), (6, "languages"),
        (6, "contact_email"), (6, "windows"), (7, "windows"), (8, ""),
    }
    messages = {(line, field): message for line, field, message in problems}
    assert "Europe/Pariss" in messages[(3, "timezone")]
    assert "line 2" in messages[(8, "")]
    assert "16:00" in messages[(6, "windows")]


def test_problem_text_names_file_line_and_field(workspace: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path, "name,city,country,timezone\nA,Oslo,NO,Europe/Osloo\n", "schools.csv")
    with pytest.raises(ImportRejected) as caught:
        import_file(workspace.db, "schools", path)
    assert str(caught.value.problems[0]).startswith("schools.csv, line 2, field timezone: Unknown time zone")


def test_bad_class_facilitator_and_duo_rows(workspace: Workspace, tmp_path: Path) -> None:
    import_samples(workspace)
    classes = write(tmp_path, "school,name,level,pupil_count,teacher_email\n"
                              "Nowhere,CM1,CM1,3,\n"
                              "École élémentaire Lepic,CM2 B,,-2,nope\n"
                              "École élémentaire Lepic,CM2 C,CM2,many,\n")
    assert {(line, field) for line, field, _ in rejected(workspace, "classes", classes)} == {
        (2, "school"), (3, "level"), (3, "pupil_count"), (3, "teacher_email"), (4, "pupil_count")}
    people = write(tmp_path, "name,email,languages\nA,a@example.org,fr\nB,a@EXAMPLE.org,xx\n,bad,\n")
    assert {(line, field) for line, field, _ in rejected(workspace, "facilitators", people)} == {
        (3, ""), (3, "languages"), (4, "name"), (4, "email")}
    duos = write(tmp_path, "paris_school,paris_class,partner_school,partner_class,school_year,facilitator,tools,"
                           "status\n"
                           "Colegio Santa Rosa,4° básico A,École élémentaire Lepic,CM1 A,2026-2027,,,\n"
                           "École élémentaire Lepic,CM1 A,Colegio Santa Rosa,4° básico A,2026,Nobody,fax,done\n"
                           "École élémentaire Lepic,CM9,Colegio Santa Rosa,4° básico A,2026-2027,,,\n")
    problems = rejected(workspace, "duos", duos)
    assert {(line, field) for line, field, _ in problems} == {
        (2, "paris_class"), (2, "partner_class"), (3, "school_year"), (3, "facilitator"), (3, "tools"),
        (3, "status"), (4, "paris_class")}
    assert any("CM9" in message and "import the classes first" in message for _, _, message in problems)


def test_bad_session_rows_including_dst_gap_and_fold(workspace: Workspace, tmp_path: Path) -> None:
    import_samples(workspace)
    pair = "École élémentaire Lepic,CM1 A,Colegio Santa Rosa,4° básico A"
    path = write(tmp_path, "\n".join([
        "paris_school,paris_class,partner_school,partner_class,start,timezone,minutes,kind,status",
        f"{pair},2027-03-28 02:30,,45,visio,planned",       # spring-forward gap
        f"{pair},2026-10-25 02:30,,45,visio,planned",       # autumn fold
        f"{pair},2027-02-30 15:00,,45,visio,planned",       # no such date
        f"{pair},2027-01-12 15:00,Mars/Olympus,0,chat,maybe",
        f"{pair},2030-01-08 15:00,,45,visio,planned",       # no duo in 2029-2030
    ]), "sessions.csv")
    problems = rejected(workspace, "sessions", path)
    assert {(line, field) for line, field, _ in problems} == {
        (2, "start"), (3, "start"), (4, "start"), (5, "timezone"), (5, "minutes"), (5, "kind"), (5, "status"),
        (6, "partner_class")}
    messages = {(line, field): message for line, field, message in problems}
    assert "does not exist in Europe/Paris" in messages[(2, "start")]
    assert "happens twice" in messages[(3, "start")] and "2026-10-25 02:30+02:00" in messages[(3, "start")]
    assert "2029-2030" in messages[(6, "partner_class")]


def test_an_explicit_offset_settles_a_fold_and_french_dates_are_read(workspace: Workspace, tmp_path: Path) -> None:
    import_samples(workspace)
    pair = "École élémentaire Lepic;CM1 A;Colegio Santa Rosa;4° básico A"
    path = write(tmp_path, "paris_school;paris_class;partner_school;partner_class;start\n"
                           f"{pair};2026-10-25 02:30+01:00\n{pair};19/01/2027 15:00\n")
    assert import_file(workspace.db, "sessions", path).added == 2
    starts = {view.session.start_utc for view in list_sessions(workspace.db)}
    assert {datetime(2026, 10, 25, 1, 30, tzinfo=UTC), datetime(2027, 1, 19, 14, tzinfo=UTC)} <= starts


def test_one_changed_field_updates_one_row(workspace: Workspace, tmp_path: Path) -> None:
    import_samples(workspace)
    text = (SAMPLES / "classes.csv").read_text("utf-8-sig").replace(";24;", ";26;")
    summary = import_file(workspace.db, "classes", write(tmp_path, text))
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 3)
    assert {c.name: c.pupil_count for c in list_classes(workspace.db)}["CM1 A"] == 26
    sessions = (SAMPLES / "sessions.csv").read_text("utf-8").replace("2027-01-12 15:00,,45,visio,planned",
                                                                      "2027-01-12 15:00,,45,visio,cancelled")
    summary = import_file(workspace.db, "sessions", write(tmp_path, sessions, "s.csv"))
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 5)
    changed = next(v.session for v in list_sessions(workspace.db)
                   if v.session.start_utc == datetime(2027, 1, 12, 14, tzinfo=UTC))
    assert changed.status is SessionStatus.CANCELLED and changed.sequence == 1


def test_absent_columns_keep_stored_values(workspace: Workspace, tmp_path: Path) -> None:
    import_samples(workspace)
    path = write(tmp_path, "name,city,country,timezone\nÉcole élémentaire Lepic,paris,FR,Europe/Paris\n")
    summary = import_file(workspace.db, "schools", path)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 0)  # only the city's spelling changed
    lepic = next(s for s in list_schools(workspace.db) if s.name == "École élémentaire Lepic")
    assert lepic.arrondissement == 18 and lepic.contact_email == "ce.lepic@example.org" and len(lepic.windows) == 2


def test_dry_run_checks_and_writes_nothing(workspace: Workspace) -> None:
    summary = import_file(workspace.db, "schools", SAMPLES / "schools.csv", dry_run=True)
    assert summary.added == 4 and summary.dry_run and counts(workspace) == (0, 0, 0, 0, 0)


def test_files_that_cannot_be_read(workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("name,city,country,timezone\nÉcole,Paris,FR,Europe/Paris\n".encode("latin-1"))
    ((line, _, message),) = rejected(workspace, "schools", latin1)
    assert "UTF-8" in message and "line 2" in message
    with pytest.raises(ImportRejected) as caught:
        import_file(workspace.db, "schools", latin1)
    assert str(caught.value.problems[0]).startswith("latin1.csv: ")

    for text in ("", "\n\n  \n"):
        ((_, _, message),) = rejected(workspace, "schools", write(tmp_path, text, bom=True))
        assert "empty" in message

    ((line, _, message),) = rejected(workspace, "schools", write(tmp_path, "name;timezone\nA;Europe/Paris\n"))
    assert line == 1 and "Missing required column(s): city, country" in message
    problems = rejected(workspace, "schools", write(tmp_path, "name,city,country,timezone,colour\n"))
    assert "Unknown column(s): colour" in problems[0][2]
    problems = rejected(workspace, "schools", write(tmp_path, "name,city,country,timezone\na,b,FR,Europe/Paris,x,y\n"))
    assert problems[0][0] == 2 and "6 cells" in problems[0][2]
    assert "NUL" in rejected(workspace, "schools", write(tmp_path, "name,city\x00\n"))[0][2]

    monkeypatch.setattr(reader, "MAX_BYTES", 100)
    big = write(tmp_path, "name,city,country,timezone\n" + "a,b,FR,Europe/Paris\n" * 10)
    assert "too large" in rejected(workspace, "schools", big)[0][2]
    monkeypatch.setattr(reader, "MAX_BYTES", 50 * 1024 * 1024)
    monkeypatch.setattr(reader, "MAX_ROWS", 3)
    assert "more than 3 rows" in rejected(workspace, "schools", big)[0][2]
    missing = tmp_path / "missing.csv"
    assert "cannot be read" in rejected(workspace, "schools", missing)[0][2]


def test_header_only_file_imports_nothing_with_a_warning(workspace: Workspace, tmp_path: Path) -> None:
    summary = import_file(workspace.db, "schools", write(tmp_path, "name,city,country,timezone\n"))
    assert summary.total == 0 and summary.warnings


def test_cell_parsers() -> None:
    assert code_list("fr;es") == code_list("fr, es") == code_list(" FR es ") == ["fr", "es"]
    assert windows("Tue 15:00-16:30; ven. 15h-16h30") == [WeeklyWindow(1, time(15), time(16, 30)),
                                                          WeeklyWindow(4, time(15), time(16, 30))]
    for bad in ("Tue", "Blursday 10:00-11:00", "Tue 25:00-26:00"):
        with pytest.raises(ValueError):
            windows(bad)


def test_progress_is_reported_and_cancel_writes_nothing(workspace: Workspace) -> None:
    from classesduo.services.importing import ImportCancelled

    calls: list[tuple[int, int]] = []
    import_file(workspace.db, "schools", SAMPLES / "schools.csv", progress=lambda done, total: calls.append(
        (done, total)))
    assert calls and calls[-1] == (4, 8)
    with pytest.raises(ImportCancelled):
        import_file(workspace.db, "classes", SAMPLES / "classes.csv", cancelled=lambda: True)
    assert counts(workspace) == (4, 0, 0, 0, 0)


def test_trailing_separators_of_spreadsheets_are_ignored(workspace: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path, "name;city;country;timezone;;\nA;Oslo;NO;Europe/Oslo;;\n")
    assert import_file(workspace.db, "schools", path).added == 1
    bad = write(tmp_path, "name;city;country;timezone;\nB;Oslo;NO;Europe/Oslo;surprise\n")
    ((line, _, message),) = rejected(workspace, "schools", bad)
    assert line == 2 and "without a name" in message


def test_an_offset_or_zone_that_contradicts_the_schools_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    import_samples(workspace)
    pair = "École élémentaire Lepic,CM1 A,Colegio Santa Rosa,4° básico A"
    path = write(tmp_path, "\n".join([
        "paris_school,paris_class,partner_school,partner_class,start,timezone",
        f"{pair},2027-01-12 15:00+05:00,",                    # Paris is UTC+01:00 in January
        f"{pair},2027-01-12 15:00+01:00,America/Santiago",    # Santiago is UTC-03:00 then
        f"{pair},2027-01-12 15:00,Asia/Tokyo",                # neither school's zone
        f"{pair},2027-01-12 11:00,America/Santiago",          # the partner's own zone: fine
    ]), "sessions.csv")
    problems = rejected(workspace, "sessions", path)
    assert {(line, field) for line, field, _ in problems} == {(2, "start"), (3, "start"), (4, "timezone")}
    messages = {(line, field): message for line, field, message in problems}
    assert "+05:00" in messages[(2, "start")] and "Europe/Paris" in messages[(2, "start")]
    assert "Asia/Tokyo" in messages[(4, "timezone")]


def test_imported_schools_get_their_calendar_by_rule(workspace: Workspace, tmp_path: Path) -> None:
    """Schools imported from CSV started with no holidays at all (3,487 slots on school-holiday days)."""
    from datetime import date

    from classesduo.domain.enums import HolidaySource
    from classesduo.services.holidays import calendar_of_school

    text = ("name,city,country,timezone,arrondissement,subdivision\n"
            "École Parmentier,Paris,FR,Europe/Paris,11,\n"
            "École Saint-Jean,Québec,CA,America/Toronto,,QC\n")
    import_file(workspace.db, "schools", write(tmp_path, text))
    stored = {school.name: school for school in list_schools(workspace.db)}
    paris = calendar_of_school(stored["École Parmentier"])
    assert [p.source for p in paris.closures_on(date(2026, 12, 22))] == [HolidaySource.ZONE_C]  # Noël
    assert [p.source for p in paris.closures_on(date(2027, 5, 17))] == [HolidaySource.PUBLIC]  # Whit Monday
    quebec = calendar_of_school(stored["École Saint-Jean"])
    assert stored["École Saint-Jean"].subdivision == "QC"
    assert [p.origin.endswith("CA-QC") for p in quebec.closures_on(date(2027, 6, 24))] == [True]  # la Saint-Jean
    assert quebec.unknown_on(date(2027, 1, 12)) == "2026-2027"  # no school year entered: said, not guessed
    bad = write(tmp_path, "name,city,country,timezone,subdivision\nÉcole X,Québec,CA,America/Toronto,ZZ\n", "b.csv")
    assert [(line, field) for line, field, _message in rejected(workspace, "schools", bad)] == [(2, "subdivision")]
