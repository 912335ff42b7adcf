"""Does a free text look like it names a child? (Logs and captions must count children, never name them.)

The test is a list of first names (``resources/data/first_names.txt``, loaded by
``services/child_names.py``) matched on whole words, with case and accents folded
("zoe" finds "Zoé"; "Léa" is not found in "léard"). A hyphenated word is tried
whole and by parts ("Marie-Lou"). A name that is also a common word (Rose, Pierre,
Marine…) is marked ``*`` in the list and counts only when written with a capital
letter. It is a warning, not a rule: the user decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from classesduo.domain.text import fold

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class NameList:
    names: frozenset[str]  # folded; count in any case
    capitalised_only: frozenset[str]  # folded; count only when the word starts with a capital

    @classmethod
    def parse(cls, lines: Iterable[str]) -> NameList:
        names, capitalised = set(), set()
        for line in lines:
            entry = line.strip()
            if not entry or entry.startswith("#"):
                continue
            if entry.endswith("*"):
                capitalised.add(fold(entry[:-1]))
            else:
                names.add(fold(entry))
        return cls(frozenset(names - capitalised), frozenset(capitalised))

    def _is_name(self, word: str) -> bool:
        folded = fold(word)
        return folded in self.names or (folded in self.capitalised_only and word[:1].isupper())


def names_in(text: str | None, names: NameList) -> list[str]:
    """The words of ``text`` that look like first names, as written, each once, in order of appearance."""
    found: dict[str, None] = {}
    for match in _WORD.finditer(text or ""):
        word = match.group(0)
        parts = [word] if names._is_name(word) else [p for p in re.split(r"[-'’]", word) if names._is_name(p)]  # noqa: SLF001
        for part in parts:
            found.setdefault(part, None)
    return list(found)
