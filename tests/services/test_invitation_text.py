"""The invitation e-mail's words come from the one translation pipeline (wording, the .ts/.qm files)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

import classesduo.services.invitation as invitation_module
from classesduo.paths import resources_dir
from classesduo.services import wording as wording_module
from classesduo.services.invitation import invitation
from classesduo.services.reports.labels import labels_for
from classesduo.ui.translations import SUPPORTED

TRANSLATIONS = resources_dir() / "translations"


def _tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else (shutil.which(name) or name)


def _calendars(languages: tuple[str, ...] = ("es",)) -> SimpleNamespace:
    view = SimpleNamespace(paris=SimpleNamespace(school="École Vaugirard", class_name="CM2 A"),
                           partner=SimpleNamespace(school="Escuela 12", class_name="5B", city="Buenos Aires"),
                           facilitator="Léa Martin")
    return SimpleNamespace(view=view, paris=SimpleNamespace(zone="Europe/Paris"),
                           partner=SimpleNamespace(zone="America/Argentina/Buenos_Aires"),
                           partner_languages=languages, paris_contact="a@example.fr",
                           partner_contact="b@example.ar", facilitator_email="f@example.fr")


START = datetime(2027, 3, 16, 14, 0, tzinfo=UTC)


def test_the_invitation_code_holds_no_french_or_spanish_sentence() -> None:
    source = Path(invitation_module.__file__).read_text(encoding="utf-8")
    for word in ("Bonjour", "Hola", "Durée", "Duración", "cordialement", "Saludos", "ANNULÉ", "CANCELADO"):
        assert word not in source, f"{word!r} is hard-coded in services/invitation.py: put it in the .ts"


def test_the_three_languages_read_as_before() -> None:
    text = invitation(_calendars(), START, 45, "https://visio.example/x", prepare="Un dessin")
    assert text.subject == "Visio Classes Duo — 16/03/2027 15:00 (Paris) / videollamada 11:00 (Buenos Aires)"
    assert text.body.startswith("Bonjour,\n\nLa prochaine visio Classes Duo entre École Vaugirard (CM2 A) et "
                                "Escuela 12 (5B) aura lieu :\n  • à Paris : mardi 16 mars 2027 à 15:00–15:45\n")
    assert ("Hola:\n\nLa próxima videollamada de Classes Duo entre École Vaugirard (CM2 A) y Escuela 12 (5B) será:\n"
            "  • en Buenos Aires: martes 16 de marzo de 2027 a las 11:00–11:45 (hora local)\n") in text.body
    assert "Duración: 45 minutos.\n" in text.body and "Para preparar: Un dessin\n" in text.body
    english = invitation(_calendars(("ja",)), START, 45, "", cancelled=True)
    assert english.subject.startswith("ANNULÉ / CANCELLED — Visio Classes Duo — 16/03/2027 15:00 (Paris) / video call")
    assert "The Classes Duo video call between École Vaugirard (CM2 A) and Escuela 12 (5B) planned below is " \
           "cancelled:\n  • in Buenos Aires: Tuesday 16 March 2027 at 11:00–11:45 (local time)\n" in english.body
    assert invitation(_calendars(), START, 45, "", cancelled=True, language="fr").subject.startswith(
        "ANNULÉ — Visio Classes Duo — 16/03/2027 15:00 (Paris)")


@pytest.mark.parametrize(("language", "one", "many"), [("fr", "Durée : 1 minute.", "Durée : 90 minutes."),
                                                      ("en", "Length: 1 minute.", "Length: 90 minutes."),
                                                      ("es", "Duración: 1 minuto.", "Duración: 90 minutos.")])
def test_the_length_is_counted_in_words(language: str, one: str, many: str) -> None:
    line = "Length" if language == "en" else "Duración" if language == "es" else "Durée"

    def length(minutes: int) -> str:
        body = invitation(_calendars(), START, minutes, "", language=language).body
        return [row for row in body.splitlines() if row.startswith(line)][0]

    assert (length(1), length(90)) == (one, many)


@pytest.fixture
def fresh_wording():  # noqa: ANN201
    wording_module.wording.cache_clear()
    yield
    wording_module.wording.cache_clear()


def test_the_spanish_part_comes_from_the_spanish_qm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     fresh_wording) -> None:  # noqa: ANN001
    translations = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, translations)
    ts = translations / "classesduo_es.ts"
    ts.write_text(ts.read_text(encoding="utf-8").replace("<translation>Hola:</translation>",
                                                          "<translation>¡Buenos días!</translation>"), encoding="utf-8")
    subprocess.run([_tool("pyside6-lrelease"), str(ts)], check=True, capture_output=True)
    monkeypatch.setattr(wording_module, "resources_dir", lambda: tmp_path)
    body = invitation(_calendars(), START, 45, "").body
    assert "\n¡Buenos días!\n" in body and "Hola" not in body and body.startswith("Bonjour,\n")


def test_spanish_is_a_document_only_language() -> None:
    assert SUPPORTED == ("fr", "en")  # the GUI's languages
    with pytest.raises(ValueError, match="unknown language 'es'"):
        labels_for("es")  # no Spanish reports: their words are not translated
    assert wording_module.wording("es").month_name(3) == "marzo"  # but e-mails write Spanish


def test_every_invitation_string_has_spanish_and_the_spanish_qm_is_fresh(tmp_path: Path) -> None:
    ts = TRANSLATIONS / "classesduo_es.ts"
    text = ts.read_text(encoding="utf-8")
    contexts = re.findall(r"<context>\s*<name>InvitationText</name>(.*?)</context>", text, re.S)
    assert contexts and "unfinished" not in contexts[0] and "<translation></translation>" not in contexts[0]
    compiled = tmp_path / "es.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == (TRANSLATIONS / "classesduo_es.qm").read_bytes(), \
        "resources/translations/classesduo_es.qm is stale: run `make translations`"
