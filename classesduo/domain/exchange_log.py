"""Rules of the exchange log: the activity vocabulary, what a valid log is, and "school time".

A log records what happened at an exchange with counts only, never pupils' names.
Activity tags come from a closed vocabulary (:data:`ACTIVITY_TAGS`) so reports can
count them; anything else goes in the free text.

"Gone quiet" is measured in *school* days (Monday–Friday, inside a term, outside the
Paris school's holidays), so two weeks of Christmas holidays never make a duo look quiet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from classesduo.domain.availability import HolidayPeriod
from classesduo.domain.entities import SessionLog
from classesduo.domain.enums import CancelReason, SessionKind, SessionStatus
from classesduo.domain.i18n import translate
from classesduo.domain.session_status import counts_as_planned, is_logged
from classesduo.domain.terms import TermDates
from classesduo.domain.validation import FieldError, is_language_code

#: The documented activity tags, in the order forms show them.
ACTIVITY_TAGS: tuple[str, ...] = (
    "presentation", "song", "qa", "game", "drawing_exchange", "reading", "other",
)



@dataclass(slots=True)
class LogEntry:
    """What the user records about one exchange.

    ``postponed_to`` is the instant of the new planned session, for ``postponed`` only.
    """

    status: SessionStatus
    log: SessionLog
    postponed_to: datetime | None = None


def _count(value: int | None, field: str, pupils: int) -> list[FieldError]:
    if value is None:
        return []
    if value < 0:
        return [FieldError(field, translate("validation", "A number of pupils cannot be negative."))]
    if pupils > 0 and value > pupils:
        message = translate("validation", "{count} pupils present, but the class has only {pupils}.")
        return [FieldError(field, message.format(count=value, pupils=pupils))]
    return []


def validate_log_entry(entry: LogEntry, start_utc: datetime, now: datetime,
                       paris_pupils: int, partner_pupils: int,
                       kind: SessionKind | str = SessionKind.VISIO) -> list[FieldError]:
    """Check a log before it is stored; ``start_utc`` is the session's (planned) start.

    A held exchange of any kind needs both pupil counts: nothing is assumed, a count left empty is never
    "everyone" (the City's report counts the children each exchange reached).
    """
    errors: list[FieldError] = []
    log = entry.log
    if entry.status is SessionStatus.HELD:
        for field, value, pupils in (("present_paris", log.present_paris, paris_pupils),
                                     ("present_partner", log.present_partner, partner_pupils)):
            if value is None:
                message = translate("validation", "How many pupils were present? (the class has {pupils})")
                errors.append(FieldError(field, message.format(pupils=pupils)))
    if not is_logged(entry.status):
        errors.append(FieldError("status", translate(
            "validation", "Choose what happened: held, cancelled or postponed.")))
    if entry.status is SessionStatus.HELD and start_utc > now:
        errors.append(FieldError("status", translate(
            "validation", "This exchange is in the future: it cannot have been held yet.")))
    if entry.status is SessionStatus.CANCELLED:
        if not log.cancel_reason:
            errors.append(FieldError("cancel_reason", translate("validation", "Say why it was cancelled.")))
        elif log.cancel_reason not in {reason.value for reason in CancelReason}:
            message = translate("validation", "Unknown reason: {reason} (use {known})")
            errors.append(FieldError("cancel_reason", message.format(
                reason=log.cancel_reason, known=", ".join(reason.value for reason in CancelReason))))
    if entry.status is SessionStatus.POSTPONED:
        if entry.postponed_to is None or entry.postponed_to.tzinfo is None:
            errors.append(FieldError("postponed_to", translate("validation", "Give the new date and time.")))
        elif entry.postponed_to <= start_utc:
            errors.append(FieldError("postponed_to", translate(
                "validation", "The new date must be after the original one.")))
    errors += _count(log.present_paris, "present_paris", paris_pupils)
    errors += _count(log.present_partner, "present_partner", partner_pupils)
    if log.actual_minutes is not None and not 0 < log.actual_minutes <= 24 * 60:
        errors.append(FieldError("actual_minutes", translate(
            "validation", "The duration must be between 1 and 1440 minutes.")))
    bad_tags = [tag for tag in log.activity_tags if tag not in ACTIVITY_TAGS]
    if bad_tags:
        message = translate("validation", "Unknown activity tag: {tags} (use {known})")
        errors.append(FieldError("activity_tags", message.format(
            tags=", ".join(bad_tags), known=", ".join(ACTIVITY_TAGS))))
    bad_languages = [code for code in log.languages_used if not is_language_code(code)]
    if bad_languages:
        message = translate("validation", "Unknown language code (use ISO 639-1, e.g. fr, es): {codes}")
        errors.append(FieldError("languages_used", message.format(codes=", ".join(bad_languages))))
    return errors


def normalized_log(entry: LogEntry) -> SessionLog:
    """The log as stored: a reason only when cancelled, tags and languages de-duplicated in order."""
    log = entry.log
    return SessionLog(
        present_paris=log.present_paris,
        present_partner=log.present_partner,
        actual_minutes=log.actual_minutes,
        cancel_reason=log.cancel_reason if entry.status is SessionStatus.CANCELLED else "",
        activities=log.activities.strip(),
        activity_tags=[tag for tag in ACTIVITY_TAGS if tag in log.activity_tags],
        languages_used=list(dict.fromkeys(code.strip().lower() for code in log.languages_used if code.strip())),
        problems=log.problems.strip(),
        follow_up=log.follow_up.strip(),
        notes=log.notes.strip(),
    )


def is_school_day(day: date, terms: list[TermDates], holidays: list[HolidayPeriod]) -> bool:
    return (day.weekday() < 5 and any(term.contains(day) for term in terms)
            and not any(period.contains(day) for period in holidays))


def school_days_between(after: date, until: date, terms: list[TermDates], holidays: list[HolidayPeriod]) -> int:
    """School days ``d`` with ``after < d <= until``."""
    count = 0
    day = after + timedelta(days=1)
    while day <= until:
        if is_school_day(day, terms, holidays):
            count += 1
        day += timedelta(days=1)
    return count


def is_quiet(last_exchange: date, today: date, weeks: int, terms: list[TermDates],
             holidays: list[HolidayPeriod]) -> bool:
    """No exchange for ``weeks`` school weeks (5 school days each) since ``last_exchange``."""
    return school_days_between(last_exchange, today, terms, holidays) >= 5 * max(weeks, 1)


def same_exchange(kind: str, start_utc: datetime, minutes: int, other_kind: str, other_start: datetime,
                  other_minutes: int, other_status: SessionStatus | str) -> bool:
    """Whether an exchange logged at ``start_utc`` is the stored session ``other`` (not a new one).

    Same kind, still counted at that time (a postponed session was moved: its replacement is the one), and
    the two overlap in time: "Visio 15:00" logged by hand *is* the visio planned 15:00–15:45 of that duo.
    """
    if str(kind) != str(other_kind) or not counts_as_planned(other_status):
        return False
    end, other_end = start_utc + timedelta(minutes=max(minutes, 1)), other_start + timedelta(minutes=other_minutes)
    return other_start < end and start_utc < other_end
