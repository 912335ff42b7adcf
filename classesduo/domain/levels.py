"""School levels of partner countries mapped to the French primary grades.

Every level is reduced to a *grade number*: the year of primary school the
class is in, counted the French way, so CP = 1 (pupils aged 6–7), CE1 = 2,
CE2 = 3, CM1 = 4 (aged 9–10), CM2 = 5, 6e = 6. Two classes with the same
grade number have pupils of about the same age.

Recognised spellings (case, accents and spacing do not matter):

- French system (France, Senegal, Côte d'Ivoire…): ``CP``, ``CE1``, ``CE2``, ``CM1``, ``CM2``, ``6e``.
- A grade number followed or preceded by a word meaning "grade": ``4e année``
  (Québec), ``Grade 4`` (USA, Canada), ``4.º grado`` / ``4° año`` (Argentina,
  Mexico), ``4.º de Primaria`` (Spain), ``4º ano`` (Brazil, Portugal),
  ``4. Klasse`` (Germany), ``4年生`` (Japan), ``4학년`` (Korea), ``4年级`` (China).
- Italian ordinals: ``classe prima`` … ``classe quinta``.
- ``Year N`` (England and Wales, where pupils start a year earlier) is grade N − 1.

Anything else is *unknown* (``None``); the suggestion score then neither adds
nor removes points for the level and says so.
"""

from __future__ import annotations

import re
import unicodedata

from classesduo.domain.text import fold

FRENCH_GRADES: dict[str, int] = {"cp": 1, "ce1": 2, "ce2": 3, "cm1": 4, "cm2": 5, "6e": 6, "6eme": 6}
_ITALIAN = {"prima": 1, "seconda": 2, "terza": 3, "quarta": 4, "quinta": 5}
_GRADE_WORDS = r"(?:annee|an|grade|grado|ano|primaria|primary|klasse|classe|class|year|年生|年级|年級|学年|학년)"
_NUMBER_FIRST = re.compile(r"^(\d{1,2})\s*(?:[.º°ºª]|o|a|e|eme|er|re|th|st|nd|rd)*\s*(?:de\s+)?" + _GRADE_WORDS)
_WORD_FIRST = re.compile(r"^(?:grade|class|klasse|grado|ano)\s*(\d{1,2})$")
_YEAR = re.compile(r"^year\s*(\d{1,2})$")


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", fold(text)).split())


def grade_number(level: str) -> int | None:
    """The French-equivalent grade of ``level`` (CM1 → 4), or None when the spelling is not recognised."""
    text = _fold(level)
    if not text:
        return None
    compact = text.replace(" ", "")
    if compact in FRENCH_GRADES:
        return FRENCH_GRADES[compact]
    match = _YEAR.match(text)
    if match:
        number = int(match.group(1)) - 1
        return number if 1 <= number <= 8 else None
    for word, number in _ITALIAN.items():
        if re.search(rf"\b{word}\b", text):
            return number
    match = _NUMBER_FIRST.match(text) or _WORD_FIRST.match(text)
    if match:
        number = int(match.group(1))
        return number if 1 <= number <= 8 else None
    return None
