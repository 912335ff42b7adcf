"""``classesduo report``: format from the extension, exit 2 with one clear line for bad input."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from classesduo.cli import main
from classesduo.services.workspace import open_workspace
from tests.services.report_fixture import build_fixture


@pytest.fixture
def fixture_dir(data_dir: Path):  # noqa: ANN201
    workspace = open_workspace(str(data_dir))
    ids = build_fixture(workspace)
    workspace.close()
    return data_dir, ids


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_csv_for_a_term_and_scope(capsys, fixture_dir, tmp_path: Path) -> None:  # noqa: ANN001
    data_dir, ids = fixture_dir
    target = tmp_path / "zoe.csv"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "report", "--term", "2026-2027/1",
                         "--scope", f"facilitator:{ids.zoe}", "--lang", "en", "--semicolon", "-o", str(target))
    assert (code, err) == (0, "") and str(target) in out
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[1] == ["Facilitator: Zoé Lefèvre"]
    assert ["Sessions held", "3"] in rows and ["Duos in the report", "2"] in rows


def test_custom_range_xlsx(capsys, fixture_dir, tmp_path: Path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    data_dir, _ = fixture_dir
    target = tmp_path / "oct.xlsx"
    code, _, err = run(capsys, "--data-dir", str(data_dir), "report", "--from", "2026-10-01", "--to", "2026-10-31",
                       "-o", str(target))
    assert code == 0, err
    sheet = load_workbook(target)["Chiffres clés"]
    assert sheet["A3"].value == "Du 01/10/2026 au 31/10/2026"
    assert {row[0]: row[1] for row in sheet.iter_rows(min_row=6, values_only=True)}["Séances tenues"] == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--term", "2031-2032/1"], "unknown term 2031-2032/1 (known terms: 2026-2027/1, 2026-2027/2, 2026-2027/3)"),
    (["--term", "2026/1"], "not a school year"),
    (["--term", "2026-2027/1", "--scope", "planet:1"], "unknown scope 'planet:1'"),
    (["--term", "2026-2027/1", "--scope", "duo:nope"], "no duo with id nope"),
    (["--term", "2026-2027/1", "--scope", "country:JP"], "no partner school in country JP"),
    (["--from", "2026-10-01"], "give --term"),
    (["--from", "2026-10-31", "--to", "2026-10-01"], "the end date is before the start date"),
])
def test_bad_input_exits_2(capsys, fixture_dir, tmp_path: Path, args: list[str], message: str) -> None:  # noqa: ANN001
    data_dir, _ = fixture_dir
    code, _, err = run(capsys, "--data-dir", str(data_dir), "report", *args, "-o", str(tmp_path / "r.csv"))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r.csv").exists()


def test_unknown_extension_and_misplaced_semicolon(capsys, fixture_dir, tmp_path: Path) -> None:  # noqa: ANN001
    data_dir, _ = fixture_dir
    code, _, err = run(capsys, "--data-dir", str(data_dir), "report", "--term", "2026-2027/1", "-o", "r.txt")
    assert code == 2 and "name it .pdf, .csv or .xlsx" in err
    code, _, err = run(capsys, "--data-dir", str(data_dir), "report", "--term", "2026-2027/1", "--semicolon",
                       "-o", "r.pdf")
    assert code == 2 and "--semicolon only applies" in err


def test_pdf_from_a_fresh_process(fixture_dir, tmp_path: Path) -> None:  # noqa: ANN001
    """The CLI makes its own offscreen QApplication (QtCharts needs one)."""
    from pypdf import PdfReader

    data_dir, _ = fixture_dir
    target = tmp_path / "r.pdf"
    env = {key: value for key, value in __import__("os").environ.items()
           if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "-m", "classesduo", "--data-dir", str(data_dir), "report", "--term",
                             "2026-2027/1", "--lang", "en", "-o", str(target)],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    text = " ".join("".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "Whole programme" in text and "École Émile-Zola" in text
