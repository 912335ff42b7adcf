"""One translation pipeline: reports, e-mails and the GUI read the same .ts, with plural forms and QLocale formats."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from classesduo.domain.i18n import translate
from classesduo.paths import resources_dir
from classesduo.services.reports.labels import SOURCES, labels_for
from classesduo.services.wording import country_name, wording


def test_french_plural_forms_headless() -> None:
    fr = wording("fr")
    assert [fr.translate("Plural", "%n row(s)", None, n) for n in (0, 1, 2)] == ["0 ligne", "1 ligne", "2 lignes"]
    assert fr.translate("Plural", "%n item(s)", None, 1) == "1 élément"
    assert fr.translate("Plural", "%n duo(s)", None, 0) == "0 duo"
    assert fr.translate("Plural", "%n row(s)", None, 12345) == "12\u202f345 lignes"


def test_english_plural_forms_from_the_source_text() -> None:
    en = wording("en")
    assert [en.translate("Plural", "%n row(s)", None, n) for n in (0, 1, 2)] == ["0 rows", "1 row", "2 rows"]
    assert en.translate("Plural", "%n class(es)", None, 1) == "1 class"
    assert translate("Plural", "%n class(es)", None, 3) == "3 classes"  # the CLI's identity translator


def test_the_gui_translator_gives_the_same_plurals(qapp) -> None:  # noqa: ANN001
    from classesduo.ui.translations import Translations

    translations = Translations(qapp)
    try:
        translations.apply("fr")
        assert translate("Plural", "%n duo(s)", None, 0) == "0 duo"
        assert translate("Plural", "%n item(s)", None, 1) == "1 élément"
        assert translate("Plural", "%n row(s)", None, 2) == "2 lignes"
        translations.apply("en")
        assert translate("Plural", "%n row(s)", None, 1) == "1 row"
    finally:
        translations.apply("en")


def test_every_report_word_has_its_french_in_the_ts() -> None:
    tree = ET.parse(resources_dir() / "translations" / "classesduo_fr.ts")
    done = {message.findtext("source") for context in tree.getroot().iter("context")
            if context.findtext("name") == "Report" for message in context.iter("message")
            if (message.find("translation").get("type") is None and (message.findtext("translation") or "").strip())}
    assert sorted(set(SOURCES.values()) - done) == []
    assert labels_for("fr")("section.headline") == "Chiffres clés"


def test_dates_and_numbers_follow_the_language() -> None:
    fr, en = wording("fr"), wording("en")
    day = date(2026, 12, 2)
    assert (fr.date(day), fr.month(day), fr.long_date(day)) == ("02/12/2026", "déc. 2026", "mercredi 2 décembre 2026")
    assert (en.date(day), en.month(day)) == ("02/12/2026", "Dec 2026")
    assert fr.excel_date_format == "dd/mm/yyyy"
    assert fr.number(2.35) == "2,4" and en.number(1234567) == "1,234,567"


def test_country_names_are_the_usual_ones() -> None:
    assert country_name("KR", "fr") == "Corée du Sud"
    assert country_name("KR", "en") == "South Korea"
    assert country_name("CI", "fr") == "Côte d’Ivoire"
    assert labels_for("fr").country("US") == "États-Unis"
    assert country_name("XX", "fr") == "XX"
