"""Translation hook for domain messages.

The domain has no Qt, yet its messages (validation errors, explanations) are
shown in the GUI in French or English. The GUI installs Qt's translator here;
the CLI and the tests keep the identity function, i.e. English source text.
``pyside6-lupdate`` extracts the ``translate("context", "text")`` calls.

Plural forms: ``translate("Context", "%n row(s)", None, n)`` (Qt's numerus
messages); ``%n`` is replaced by ``n``, and the .ts holds one form per plural
of the language ("%n ligne", "%n lignes").
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[..., str]  # (context, text[, disambiguation, n]) like QCoreApplication.translate


def _identity(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text.replace("%n", str(n)) if n >= 0 else text


_translator: Translator = _identity


def install(translator: Translator) -> None:
    global _translator
    _translator = translator


def translator() -> Translator:
    """The translator in place (Qt's in the GUI, the identity elsewhere)."""
    return _translator


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    if n < 0 and disambiguation is None:
        return _translator(context, text)
    return _translator(context, text, disambiguation, n)
