"""``classesduo calendar …``: list, add, import, remove; bad files exit 2 and change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classesduo.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _new_school(capsys, data: str) -> str:  # noqa: ANN001
    from classesduo.domain.availability import default_windows
    from classesduo.domain.entities import School
    from classesduo.domain.enums import Side
    from classesduo.services.schools import save_school
    from classesduo.services.workspace import open_workspace

    workspace = open_workspace(data)
    try:
        school = save_school(workspace.db, School(
            name="Colegio X", side=Side.PARTNER, city="Santiago", country="CL", timezone="America/Santiago",
            windows=default_windows(Side.PARTNER)))
    finally:
        workspace.close()
    return school.id  # type: ignore[return-value]


def test_add_list_import_and_remove(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    school = _new_school(capsys, data)
    assert run(capsys, "--data-dir", data, "calendar", "add-year", "Colegio X", "2027", "2027-03-01",
               "2027-12-17")[0] == 0
    code, out, _ = run(capsys, "--data-dir", data, "calendar", "add-break", school, "Vacaciones de invierno",
                       "2027-07-12", "2027-07-23")
    assert code == 0 and "added" in out
    ics = tmp_path / "colegio.ics"
    ics.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Fiestas Patrias\r\n"
                   "DTSTART;VALUE=DATE:20270917\r\nDTEND;VALUE=DATE:20270921\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    code, out, _ = run(capsys, "--data-dir", data, "calendar", "import", school, str(ics))
    assert code == 0 and "added 1 break and 0 school years" in out
    code, out, _ = run(capsys, "--data-dir", data, "calendar", "list", school, "--from", "2027-09-01", "--to",
                       "2028-01-31", "--json")
    listed = json.loads(out)
    assert code == 0 and [y["name"] for y in listed["school_years"]] == ["2027"]
    assert {"Fiestas Patrias", "Vacaciones de invierno"} == {b["name"] for b in listed["breaks"]}
    assert any(c["name"] == "Fiestas Patrias" and c["source"] == "imported" for c in listed["closed"])
    assert listed["unknown"][0]["message"] == "Colegio X, Santiago: school holidays for 2028 are unknown — add them"
    code, out, _ = run(capsys, "--data-dir", data, "calendar", "list", school, "--from", "2027-09-01", "--to",
                       "2028-01-31")
    assert "2027-09-17 to 2027-09-20  Fiestas Patrias" in out and "school holidays for 2028 are unknown" in out
    assert run(capsys, "--data-dir", data, "calendar", "remove-break", school, "Fiestas Patrias")[0] == 0
    assert run(capsys, "--data-dir", data, "calendar", "remove-year", school, "2027")[0] == 0
    code, out, _ = run(capsys, "--data-dir", data, "calendar", "unknown", "--from", "2027-09-01", "--json")
    assert code == 0 and json.loads(out)[0]["school"] == "Colegio X"


def test_bad_files_exit_2_naming_the_line_or_event_and_change_nothing(capsys: pytest.CaptureFixture[str],
                                                                      tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    school = _new_school(capsys, data)
    bad_csv = tmp_path / "calendario.csv"
    bad_csv.write_text("kind,name,first_day,last_day\nbreak,Invierno,2027-07-12,2027-07-23\n"
                       "break,Septiembre,2027-09-31,2027-09-20\n")
    code, _, err = run(capsys, "--data-dir", data, "calendar", "import", school, str(bad_csv))
    assert code == 2 and "calendario.csv: line 3: first_day" in err
    bad_ics = tmp_path / "colegio.ics"
    bad_ics.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Bien\r\n"
                       "DTSTART;VALUE=DATE:20270917\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Mal\r\n"
                       "END:VEVENT\r\nEND:VCALENDAR\r\n")
    code, _, err = run(capsys, "--data-dir", data, "calendar", "import", school, str(bad_ics))
    assert code == 2 and "colegio.ics: event 2 ('Mal'): the event has no DTSTART" in err
    code, out, _ = run(capsys, "--data-dir", data, "calendar", "list", school, "--json")
    assert json.loads(out)["breaks"] == [] and json.loads(out)["school_years"] == []
    assert run(capsys, "--data-dir", data, "calendar", "list", "Nobody")[0] == 2
    assert run(capsys, "--data-dir", data, "calendar", "import", school, str(tmp_path / "missing.csv"))[0] == 2
    code, _, err = run(capsys, "--data-dir", data, "calendar", "add-year", school, "2028", "2028-12-01",
                       "2028-03-01")
    assert code == 2 and "ends before it starts" in err


def test_a_file_with_several_bad_lines_names_each_on_one_readable_line(capsys: pytest.CaptureFixture[str],
                                                                       tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    school = _new_school(capsys, data)
    bad_csv = tmp_path / "calendario.csv"
    bad_csv.write_text("kind,name,first_day,last_day\nbreak,Mal,2027-13-01,2027-13-05\n"
                       "break,,2027-09-13,2027-09-17\n")
    code, _, err = run(capsys, "--data-dir", data, "calendar", "import", school, str(bad_csv))
    assert code == 2 and err.count("\n") == 1 and "\\n" not in err
    assert ("calendario.csv: line 2: first_day: not a date (YYYY-MM-DD): '2027-13-01'; "
            "calendario.csv: line 2: last_day" in err) and "calendario.csv: line 3: name: empty" in err
