"""Counted messages read right in English for one and for many: no "(s)" left on screen, no "1 duos"."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from classesduo.services.importing.report import ImportRejected, Problem
from classesduo.services.media_import import ImportReport


@pytest.mark.parametrize(("count", "expected"), [(1, "1 file imported."), (2, "2 files imported."),
                                                 (0, "0 files imported.")])
def test_media_import_summary(count: int, expected: str) -> None:
    report = ImportReport(imported=[object()] * count)  # type: ignore[list-item]
    assert report.summary().splitlines()[0] == expected


def test_refused_import_counts_its_problems() -> None:
    one = ImportRejected([Problem("pupils.csv", "bad", line=3)])
    assert str(one).startswith("1 problem; nothing was imported.")
    two = ImportRejected([Problem("pupils.csv", "bad", line=3), Problem("pupils.csv", "worse", line=4)])
    assert str(two).startswith("2 problems; nothing was imported.")


def _agree(text: str, noun: str) -> bool:
    """Every "N noun(s)" in ``text`` is singular exactly when N is 1, and there is at least one."""
    found = re.findall(rf"\b(\d+) ({noun}s?)\b", text)
    return bool(found) and all((count == "1") == (word == noun) for count, word in found)


def test_cli_retention_and_album_count_in_words(capsys: pytest.CaptureFixture[str], demo_dir: Path,
                                                tmp_path: Path) -> None:
    from classesduo.cli import main

    assert main(["--data-dir", str(demo_dir), "media", "retention", "--today", "2028-09-15"]) == 0
    out = capsys.readouterr().out
    assert "(s)" not in out and _agree(out, "log")
    duo = "259bd54f-0be7-55bb-9772-5f4e7b0b8a3d"  # the demo's Seoul duo: one drawing cleared in term 1
    assert main(["--data-dir", str(demo_dir), "media", "album", duo, "--term", "2026-2027/1", "-o",
                 str(tmp_path / "album"), "--on", date(2026, 12, 1).isoformat()]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 item in ") and "(s)" not in out, out
    assert main(["--data-dir", str(demo_dir), "media", "retention", "--today", "2028-09-15", "--erase"]) == 0
    out = capsys.readouterr().out
    assert "(s)" not in out and _agree(out, "log") and _agree(out, "duo") and _agree(out, "file"), out


def test_cli_erase_counts_in_words(capsys: pytest.CaptureFixture[str], demo_dir: Path, tmp_path: Path) -> None:
    from PIL import Image

    from classesduo.cli import main

    duo = "aaf8f738-ff85-5243-b329-faf6b9ed0784"  # the demo's Mexico duo, given one photo here
    photo = tmp_path / "one.png"
    Image.new("RGB", (40, 30), (200, 100, 50)).save(photo)
    assert main(["--data-dir", str(demo_dir), "media", "import", duo, str(photo)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(demo_dir), "erase", "duo", duo, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "1 media item, 1 file;" in out and _agree(out, "session"), out


def test_counted_messages_go_through_a_plural_context() -> None:
    """A "%n …(s)" message passed to a widget's ``self.tr`` or to ``translate`` shows its "(s)" in English (English
    has no .qm) and, outside a ``tr()`` on a Context, is not extracted as a plural for French: ``Plural.tr`` it."""
    import ast

    root = Path(__file__).resolve().parents[1] / "classesduo"
    offenders = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            widget_tr = (isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name)
                         and func.value.id == "self")
            plain = isinstance(func, ast.Name) and func.id == "translate"
            texts = [arg.value for arg in node.args[:2] if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            if (widget_tr or plain) and any("%n" in text and ("(s)" in text or "(es)" in text) for text in texts):
                offenders.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    assert offenders == []
