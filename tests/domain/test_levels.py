"""Partner levels compared with French grades by the pupils' age."""

from __future__ import annotations

import pytest

from classesduo.domain.levels import grade_number


@pytest.mark.parametrize(("level", "grade"), [
    ("CP", 1), ("CE1", 2), ("ce2", 3), ("CM1", 4), ("cm 2", 5), ("6e", 6),
    ("4e année", 4), ("1re année", 1), ("Grade 4", 4), ("4th grade", 4), ("3rd Grade", 3),
    ("4.º grado", 4), ("4° año", 4), ("4.º de Primaria", 4), ("4º ano", 4), ("4. Klasse", 4),
    ("4年生", 4), ("4학년", 4), ("classe quarta", 4), ("Classe Quinta", 5), ("Year 5", 4),
])
def test_known_spellings(level: str, grade: int) -> None:
    assert grade_number(level) == grade


@pytest.mark.parametrize("level", ["", "Mixed", "Grade 12", "Kindergarten", "Year 0"])
def test_unknown_levels_give_none(level: str) -> None:
    assert grade_number(level) is None
