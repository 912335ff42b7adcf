"""Translation hook for domain messages.

The domain has no Qt, yet its messages (validation errors, explanations) are
shown in the GUI in French or English. The GUI installs Qt's translator here;
the CLI and the tests keep the identity function, i.e. English source text.
``pyside6-lupdate`` extracts the ``translate("context", "text")`` calls.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] = lambda context, text: text


def install(translator: Callable[[str, str], str]) -> None:
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    return _translator(context, text)
