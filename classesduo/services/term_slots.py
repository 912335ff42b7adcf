"""The overlap finder for a whole programme: every duo's common times over a term, in one pass.

Loads every duo with both schools' calendars in three queries and every
occupying visio of the range in one, then applies the same rule as the
single-duo finder (:func:`classesduo.services.slot_search.search_duo`) to each
duo. Results are identical to calling
:func:`classesduo.services.scheduling.find_duo_slots` per duo.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

from classesduo.domain.enums import DuoStatus
from classesduo.domain.i18n import translate
from classesduo.domain.terms import TermDates, school_year_of, with_default_terms
from classesduo.services.busy_times import load_busy_times
from classesduo.services.duo_calendars import load_duo_calendars
from classesduo.services.errors import ServiceError
from classesduo.services.slot_search import SlotSearch, SlotViews, check_range, search_duo, utc_range
from classesduo.storage.database import Database

#: Progress is reported every this many duos.
PROGRESS_EVERY = 20


class SlotSearchCancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__(translate("scheduling", "The search for common times was cancelled."))


def find_slots_for_duos(db: Database, start: date, end: date, minutes: int = 45, step: int = 15,
                        buffer_minutes: int = 15, duo_ids: Collection[str] | None = None,
                        statuses: Collection[DuoStatus] | None = None,
                        progress: Callable[[int, int], None] | None = None,
                        cancelled: Callable[[], bool] | None = None) -> list[SlotSearch]:
    """Each duo's slots in [start, end] (Paris dates), in the order of the duo list.

    ``duo_ids`` limits the search (unknown ids are left out); None searches
    every duo. ``statuses`` keeps the duos with one of them (e.g. only the
    active ones). ``progress(done, total)`` is called as duos are done;
    ``cancelled()`` returning True stops with :class:`SlotSearchCancelled`.
    ValueError for a bad range or length.
    """
    check_range(start, end)
    with db.reading() as session:
        duos = load_duo_calendars(session, duo_ids, statuses)
        busy = load_busy_times(session, *utc_range(start, end))
    views = SlotViews()
    results: list[SlotSearch] = []
    for done, calendars in enumerate(duos):
        if cancelled is not None and cancelled():
            raise SlotSearchCancelled()
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(duos))
        results.append(search_duo(calendars, busy, start, end, minutes, step, buffer_minutes, views))
    if progress is not None:
        progress(len(duos), len(duos))
    return results


def current_term(terms: list[TermDates], today: date) -> TermDates:
    """The term containing ``today``, else the next one (summer: term 1 of the coming year).

    ``terms`` are the stored terms; the default ones fill the years without any.
    """
    years = {school_year_of(today), school_year_of(date(today.year + 1, today.month, 1))}
    known = with_default_terms(terms, years)
    return next((term for term in known if term.contains(today)),
                next((term for term in known if term.start > today), known[-1]))


def term_around(db: Database, today: date) -> TermDates:
    """:func:`current_term` among the stored terms (the default ones for years without any)."""
    from classesduo.services.terms import list_terms

    return current_term([TermDates(t.school_year, t.number, t.start, t.end) for t in list_terms(db)], today)
