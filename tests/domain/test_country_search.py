from __future__ import annotations

from classesduo.domain.country_search import rank_countries

NAMES_EN = {"FR": "France", "CF": "Central African Republic", "TF": "French Southern Territories",
            "DE": "Germany", "KR": "South Korea", "FI": "Finland", "AF": "Afghanistan"}
NAMES_FR = {"FR": "France", "CF": "République centrafricaine", "TF": "Terres australes françaises",
            "DE": "Allemagne", "KR": "Corée du Sud", "FI": "Finlande", "AF": "Afghanistan"}


def test_an_exact_code_comes_first() -> None:
    assert rank_countries("FR", NAMES_EN)[0] == "FR"
    assert rank_countries("fr", NAMES_FR)[0] == "FR"
    assert rank_countries("cf", NAMES_EN)[0] == "CF"


def test_names_in_the_interface_language_match_without_accents() -> None:
    assert rank_countries("allem", NAMES_FR) == ["DE"]
    assert rank_countries("coree", NAMES_FR) == ["KR"]
    assert rank_countries("korea", NAMES_EN) == ["KR"]  # a word of the name
    assert rank_countries("fran", NAMES_FR)[:2] == ["FR", "TF"]
    assert rank_countries("", NAMES_EN) == [] and rank_countries("zz", NAMES_EN) == []
