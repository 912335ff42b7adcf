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


def english_plural(text: str, n: int) -> str:
    """English plural of a source text marked with "(s)"/"(es)": "%n row(s)" → "1 row", "2 rows", "0 rows".

    English is the source language and has no .qm of its own, so its two forms are derived here; a
    source must read right with either ending (write "%n media item(s) left out", not "… is/are …").
    """
    for mark, ending in (("(es)", "es"), ("(s)", "s")):
        text = text.replace(mark, "" if n == 1 else ending)
    return text


class Context:
    """A translation context for plural messages: ``Plural.tr("%n row(s)", "", n)``.

    ``pyside6-lupdate`` marks a message as plural (numerus) only in a ``tr()`` call with a variable
    count, and takes the context from the name of the object ``tr`` is called on; so the object's
    variable must be spelled like its context (``Plural = Context("Plural")``).
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str = "", n: int = -1) -> str:
        return translate(self.name, text, disambiguation or None, n)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    if n < 0 and disambiguation is None:
        return _translator(context, text)
    result = _translator(context, text, disambiguation, n)
    return english_plural(result, n) if n >= 0 and ("(s)" in result or "(es)" in result) else result


#: The GUI's counted nouns ("%n row(s)", "%n duo(s)"…), one context for all of them.
Plural = Context("Plural")
