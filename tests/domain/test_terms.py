from datetime import date

import pytest

from classesduo.domain.terms import default_terms, parse_school_year, parse_term_label, school_year_of


def test_school_year_turns_over_in_august() -> None:
    assert school_year_of(date(2026, 7, 31)) == "2025-2026"
    assert school_year_of(date(2026, 8, 1)) == "2026-2027"
    assert school_year_of(date(2027, 1, 15)) == "2026-2027"


@pytest.mark.parametrize("text", ["2026", "2026-2028", "26-27", "", "2026/2027"])
def test_bad_school_years_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="school year"):
        parse_school_year(text)


def test_default_terms_cover_the_year_without_gaps() -> None:
    terms = default_terms("2026-2027")
    assert [t.number for t in terms] == [1, 2, 3]
    assert terms[0].start == date(2026, 9, 1) and terms[0].end == date(2026, 12, 31)
    assert terms[1].start == date(2027, 1, 1) and terms[1].end == date(2027, 3, 31)
    assert terms[2].start == date(2027, 4, 1) and terms[2].end == date(2027, 7, 10)
    assert terms[0].label == "2026-2027/1"


def test_term_labels() -> None:
    assert parse_term_label("2026-2027/2") == ("2026-2027", 2)
    with pytest.raises(ValueError):
        parse_term_label("2026-2027/4")
