"""Free text that looks like it names a child: whole words, case and accents folded, common words only capitalised."""

from __future__ import annotations

from classesduo.domain.child_names import NameList, names_in

NAMES = NameList.parse(["# a comment", "Zoé", "Mehdi", "Léa", "Rose*", "Marie*", "Lou", ""])


def test_names_on_word_boundaries_with_folding() -> None:
    text = "Zoé Martin et Mehdi Benali ont présenté leur quartier ; zoe a chanté"
    assert names_in(text, NAMES) == ["Zoé", "Mehdi", "zoe"]
    assert names_in("Le léard, les Léandres, mehdiya", NAMES) == []  # never inside a word
    assert names_in("LEA et Léa", NAMES) == ["LEA", "Léa"]


def test_common_words_count_only_with_a_capital() -> None:
    assert names_in("une rose et la marie", NAMES) == []
    assert names_in("Rose a lu un poème", NAMES) == ["Rose"]


def test_hyphenated_names_by_parts() -> None:
    assert names_in("Marie-Lou a dessiné", NAMES) == ["Marie", "Lou"]
    assert names_in("", NAMES) == [] and names_in(None, NAMES) == []
