"""Which countries a few typed letters mean, best first: "FR" is France, "allem" is Germany.

Order: the exact ISO code, then names starting with the text (in the interface's language, case
and accents ignored), then codes starting with it, then names containing it. "FR" therefore
lists France before the Central African Republic ("CF") or the French Southern Territories.
"""

from __future__ import annotations

from collections.abc import Mapping

from classesduo.domain.text import fold, natural_key


def rank_countries(text: str, names: Mapping[str, str], limit: int = 8) -> list[str]:
    """The codes of ``names`` (code -> name in the UI language) that ``text`` may mean, best first."""
    query = fold(text.strip())
    if not query:
        return []
    ranked: list[tuple[int, tuple[object, ...], str]] = []
    for code, name in names.items():
        folded_code, folded_name = code.lower(), fold(name)
        words = folded_name.replace("-", " ").split()
        if folded_code == query:
            rank = 0
        elif folded_name.startswith(query):
            rank = 1
        elif any(word.startswith(query) for word in words):
            rank = 2
        elif folded_code.startswith(query):
            rank = 3
        elif query in folded_name:
            rank = 4
        else:
            continue
        ranked.append((rank, natural_key(name), code))
    ranked.sort()
    return [code for _rank, _name, code in ranked[:limit]]
