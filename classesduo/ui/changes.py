"""What an operation changed, and which pages refresh for it (after Anki's ``OpChanges``).

Every action that writes says what kinds of records it changed — the sessions
(and their logs) of which duos, media, schools, duos, preferences — as a
:class:`Changes`. The window hands it to :class:`ChangeRouter`: the page on
screen refreshes if it shows one of those kinds, a hidden page that shows them
is marked stale and refreshes when it is next shown, and the others are left
alone. Nothing refreshes every page any more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Kind(Enum):
    SCHOOLS = "schools"  # schools, classes, facilitators, school calendars and terms
    DUOS = "duos"
    SESSIONS = "sessions"  # sessions and their logs
    MEDIA = "media"
    PREFERENCES = "preferences"


@dataclass(frozen=True)
class Changes:
    """The kinds of records an operation changed; ``duo_ids``: whose sessions or media (None: any duo's)."""

    kinds: frozenset[Kind]
    duo_ids: frozenset[str] | None = None

    @classmethod
    def of(cls, *kinds: Kind, duos: Iterable[str | None] | None = None) -> Changes:
        known = None if duos is None else frozenset(duo for duo in duos if duo)
        return cls(frozenset(kinds), known or None)

    @classmethod
    def everything(cls) -> Changes:
        """A restore, an import, the demo: anything may have changed."""
        return cls(frozenset(Kind))

    @classmethod
    def sessions(cls, *duo_ids: str | None) -> Changes:
        return cls.of(Kind.SESSIONS, duos=duo_ids if duo_ids else None)

    def concern(self, interests: frozenset[Kind], duo_id: str | None = None) -> bool:
        """Whether a view showing ``interests`` (for one duo, with ``duo_id``) must refresh."""
        shared = self.kinds & interests
        if not shared:
            return False
        if duo_id is None or self.duo_ids is None or shared - {Kind.SESSIONS, Kind.MEDIA}:
            return True
        return duo_id in self.duo_ids


_ALL_BUT_PREFERENCES = frozenset(Kind) - {Kind.PREFERENCES}
_NAMES = frozenset({Kind.SCHOOLS, Kind.DUOS})  # schools', classes', facilitators' and duos' names everywhere

#: What each page of the window shows, by its key in ``MainWindow.pages``.
PAGE_INTERESTS: dict[str, frozenset[Kind]] = {
    "home": frozenset(Kind),  # this week's sessions, logs to write, quiet duos (quiet weeks: a preference)
    "schools": _NAMES,
    "duos": _NAMES,
    "calendar": _NAMES | {Kind.SESSIONS, Kind.PREFERENCES},  # the buffer is a preference
    "log": _NAMES | {Kind.SESSIONS},
    "media": _NAMES | {Kind.MEDIA, Kind.SESSIONS},  # the selected duo's sessions to attach to
    "reports": _ALL_BUT_PREFERENCES,
    "duo": _ALL_BUT_PREFERENCES,  # one duo: its sessions, logs and media timeline
}


def shown_duo(page: Any) -> str | None:
    """The one duo a page is about (the duo page, the media page's filter), else None."""
    duo = getattr(page, "shown_duo_id", None)
    return duo() if callable(duo) else None


class ChangeRouter:
    """Refreshes the visible page for a change, and the hidden ones when they are next shown."""

    def __init__(self, pages: dict[str, Any], current: Callable[[], Any]) -> None:
        self._pages = pages
        self._current = current
        #: Keys of hidden pages that showed changed records; refreshed (and removed) when shown.
        self.stale: set[str] = set()

    def apply(self, changes: Changes, source: Any = None) -> None:
        """``source`` (the page that made the change) has refreshed itself already."""
        current = self._current()
        for key, page in self._pages.items():
            if not changes.concern(PAGE_INTERESTS.get(key, frozenset(Kind)), shown_duo(page)):
                continue
            if hasattr(page, "note_changes"):  # a page that keeps some records between refreshes
                page.note_changes(changes)
            if page is source:
                continue
            if page is current:
                self.stale.discard(key)
                page.refresh()
            else:
                self.stale.add(key)

    def mark_all_stale(self) -> None:
        current = self._current()
        for page in self._pages.values():
            if hasattr(page, "note_changes"):
                page.note_changes(Changes.everything())
        self.stale.update(key for key, page in self._pages.items() if page is not current)

    def shown(self, page: Any) -> None:
        """``page`` came on screen: refresh it if something it shows changed while it was hidden."""
        key = next((key for key, candidate in self._pages.items() if candidate is page), None)
        if key in self.stale:
            self.stale.discard(key)
            page.refresh()


__all__ = ["PAGE_INTERESTS", "ChangeRouter", "Changes", "Kind", "shown_duo"]
