"""What each session status means — the one place the app decides it.

=============  ==========  ======  =================  =====  ==========
status         takes time  logged  counts as planned  held   not logged
=============  ==========  ======  =================  =====  ==========
``planned``    yes         no      yes                no     yes
``held``       yes         yes     yes                yes    no
``cancelled``  no          yes     yes                no     no
``postponed``  no          yes     no                 no     no
=============  ==========  ======  =================  =====  ==========

* **Takes someone's time**: the session occupies its classes and its facilitator
  (busy times for the slot finder, conflict flags, a facilitator's workload, calendar
  feeds' CONFIRMED). A postponed session has been moved to a new planned one, so it
  no longer does.
* **Logged**: the session has an outcome recorded in the exchange log.
* **Counts as planned**: it was on the programme at that time (reports' "sessions
  planned": held + cancelled + still to log); a postponed one is counted at its new time.
* **Held**: it took place (reports count held sessions and children reached).
* **Not logged**: still to happen, or to be logged once over (the "to log" list).

Adding a status means adding it to :class:`~classesduo.domain.enums.SessionStatus`, to the
sets below and to its label (``ui/formatting.py``); nothing else decides what it means.
"""

from __future__ import annotations

from classesduo.domain.enums import SessionStatus

#: Sessions that occupy their classes and facilitator: not cancelled, not moved elsewhere.
TAKES_TIME: tuple[SessionStatus, ...] = (SessionStatus.PLANNED, SessionStatus.HELD)
#: The outcomes a log can record (``planned`` is the absence of a log).
LOGGED: tuple[SessionStatus, ...] = (SessionStatus.HELD, SessionStatus.CANCELLED, SessionStatus.POSTPONED)
#: On the programme at their time (not moved elsewhere).
COUNTS_AS_PLANNED: tuple[SessionStatus, ...] = (SessionStatus.PLANNED, SessionStatus.HELD, SessionStatus.CANCELLED)
#: It took place.
HELD: tuple[SessionStatus, ...] = (SessionStatus.HELD,)
#: Still to happen or still to be logged.
NOT_LOGGED: tuple[SessionStatus, ...] = (SessionStatus.PLANNED,)
#: Outcomes that settle a session at its time (it happened or it will not): the "no-show" history.
OUTCOME: tuple[SessionStatus, ...] = (SessionStatus.HELD, SessionStatus.CANCELLED)


def takes_time(status: SessionStatus | str) -> bool:
    return SessionStatus(status) in TAKES_TIME


def is_logged(status: SessionStatus | str) -> bool:
    return SessionStatus(status) in LOGGED


def counts_as_planned(status: SessionStatus | str) -> bool:
    return SessionStatus(status) in COUNTS_AS_PLANNED


def is_held(status: SessionStatus | str) -> bool:
    return SessionStatus(status) in HELD


__all__ = ["COUNTS_AS_PLANNED", "HELD", "LOGGED", "NOT_LOGGED", "OUTCOME", "TAKES_TIME", "counts_as_planned",
           "is_held", "is_logged", "takes_time"]
