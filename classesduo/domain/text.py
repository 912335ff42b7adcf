"""Text matching and sorting as people expect it: case and accents do not matter ("ecole" finds "École"),
numbers sort by value ("CM1 2" before "CM1 10"). The one home of text folding: filters, sorts and
spelling recognition (levels, countries) all call :func:`fold`."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Names are folded again at each filter keystroke and cached; longer texts (a log's activities) are not.
_CACHED_LENGTH = 120


def fold(text: str | None) -> str:
    """Lower-case, accents removed: how every filter compares what is typed with what is stored."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    return _fold_name(text) if len(text) <= _CACHED_LENGTH else _fold_unicode(text)


@lru_cache(maxsize=16384)
def _fold_name(text: str) -> str:
    """Cached: a filter folds the same few thousand school and facilitator names at every keystroke."""
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_NUMBERS = re.compile(r"(\d+)")


def natural_key(text: str | None) -> tuple[object, ...]:
    """Sort key for names: folded like :func:`fold` (É with E), numbers in numeric order ("École 2" before "École 10").

    Text parts and numbers alternate in the key (it always starts with a text part), so any two keys compare.
    The GUI orders by the language (``ui/collation.py``, QCollator); exports and reports use this key.
    """
    return tuple(int(part) if index % 2 else part for index, part in enumerate(_NUMBERS.split(fold(text))))


#: Characters that reorder the text shown around them (bidi embeddings, overrides, isolates): a name holding
#: U+202E can display "gnp.exe" as "exe.png". Names are refused with them; output shows them escaped.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_bidi_control(text: str | None) -> bool:
    return bool(text) and any(ch in BIDI_CONTROLS for ch in text)


def escape_controls(text: str) -> str:
    """``text`` safe to print on one terminal line: control and bidi-control characters as ``\\n``, ``\\u202e``…

    A file name holding a newline cannot forge a line of output; ordinary text (accents, CJK) is unchanged."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or unicodedata.category(ch) == "Zs":  # spaces, the no-break ones too
            out.append(ch)
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def neutralised_name(name: str) -> str:
    """A file name as stored and shown: bidi controls and control characters replaced by U+FFFD, so it shows
    in its real order and on one line (the file itself keeps its content)."""
    if name.isprintable() and not has_bidi_control(name):
        return name
    return "".join("\ufffd" if ch in BIDI_CONTROLS or (not ch.isprintable() and unicodedata.category(ch) != "Zs")
                   else ch for ch in name)
