"""What each session status means — the one place the app decides it.

=============  ===========  ==========  ===========  ========
status         takes time   logged      planned      held
=============  ===========  ==========  ===========  ========
``planned``    yes          no          yes          no
``held``       yes          yes         no           yes
``cancelled``  no           yes         no           no
``postponed``  no           yes         no           no
=============  ===========  ==========  ===========  ========

* **Takes someone's time**: the session occupies its classes and its facilitator
  (busy times for the slot finder, conflict flags, a facilitator's workload). A
  postponed session has been moved to a new planned one, so it no longer does.
* **Logged**: the session has an outcome recorded in the exchange log.
* **Planned**: still to happen, or to be logged once over.
* **Held**: it took place (reports count held sessions and children reached).

Adding a status means adding it to :class:`~classesduo.domain.enums.SessionStatus`, to the
sets below and to its label (``ui/formatting.py``); nothing else decides what it means.
"""

from __future__ import annotations

from classesduo.domain.enums import SessionStatus

#: Sessions that occupy their classes and facilitator: not cancelled, not moved elsewhere.
TAKES_TIME: tuple[SessionStatus, ...] = (SessionStatus.PLANNED, SessionStatus.HELD)
#: The outcomes a log can record (``planned`` is the absence of a log).
LOGGED: tuple[SessionStatus, ...] = (SessionStatus.HELD, SessionStatus.CANCELLED, SessionStatus.POSTPONED)
#: Still to happen or still to be logged.
PLANNED: tuple[SessionStatus, ...] = (SessionStatus.PLANNED,)
#: It took place.
HELD: tuple[SessionStatus, ...] = (SessionStatus.HELD,)
#: Outcomes that end a session where it was (it happened or it will not): the "no-show" history.
OUTCOME: tuple[SessionStatus, ...] = (SessionStatus.HELD, SessionStatus.CANCELLED)


def takes_time(status: SessionStatus | str) -> bool:
    return SessionStatus(status) in TAKES_TIME


def is_logged(status: SessionStatus | str) -> bool:
    return SessionStatus(status) in LOGGED


def is_planned(status: SessionStatus | str) -> bool:
    return SessionStatus(status) in PLANNED


def is_held(status: SessionStatus | str) -> bool:
    return SessionStatus(status) in HELD


__all__ = ["HELD", "LOGGED", "OUTCOME", "PLANNED", "TAKES_TIME", "is_held", "is_logged", "is_planned", "takes_time"]
