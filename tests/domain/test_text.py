"""Folding text for filters: case and accents ignored; only short texts (names) are cached."""

from __future__ import annotations

from classesduo.domain import text


def test_fold_ignores_case_and_accents() -> None:
    assert text.fold("École Béranger") == "ecole beranger"
    assert text.fold("ÉTÉ d’Œuvre") == text.fold("été d’œuvre")
    assert text.fold("Straße") == "strasse"  # casefold, not lower
    assert text.fold(None) == "" and text.fold("") == ""
    assert text.fold("Plain ASCII") == "plain ascii"


def test_long_texts_are_folded_but_not_kept_in_the_cache() -> None:
    text._fold_name.cache_clear()
    text.fold("École Voltaire")
    long = "Chanson d’été, dessins et questions sur la rentrée. " * 10
    assert text.fold(long) == long.casefold().replace("é", "e")
    assert text._fold_name.cache_info().currsize == 1
