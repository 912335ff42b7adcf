"""Why two timetables never meet, in one sentence a facilitator can pass on.

E.g. "Tokyo is 8 h ahead: Paris 15:00 is 23:00 in Tokyo. The class in Tokyo is
available 08:30–15:30 local time that day."
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from classesduo.domain.availability import WeeklyWindow
from classesduo.domain.i18n import translate
from classesduo.domain.timezones import LocalTimeError, difference_hours, local_to_utc, utc_to_local

if TYPE_CHECKING:
    from classesduo.domain.scheduling import SchoolCalendar


def format_hours(hours: float) -> str:
    """``8.0`` -> ``"8 h"``, ``4.5`` -> ``"4 h 30"``, ``-5.75`` -> ``"5 h 45"`` (sign dropped)."""
    total = round(abs(hours) * 60)
    whole, rest = divmod(total, 60)
    return f"{whole} h" if rest == 0 else f"{whole} h {rest:02d}"


def _first_window(windows: Sequence[WeeklyWindow], on: date) -> WeeklyWindow | None:
    """The earliest window on ``on``'s weekday, else the first of the week."""
    usable = [window for window in windows if window.end > window.start]
    same_day = [window for window in usable if window.weekday == on.weekday()]
    candidates = same_day or usable
    return min(candidates, key=lambda window: (window.weekday, window.start)) if candidates else None


def explain_no_overlap(paris: SchoolCalendar, partner: SchoolCalendar, partner_city: str, on: date) -> str:
    """Why the two timetables do not meet, e.g. "Tokyo is 8 h ahead: Paris 15:00 is 23:00 in Tokyo."

    Uses the earliest Paris window of ``on``'s weekday and the real offsets on
    that date; if ``on`` has no Paris window, the first window of the week on
    the next date it applies. Then says when the partner class is free on its
    own local date.
    """
    paris_window = _first_window(paris.windows, on)
    if paris_window is None:
        return translate("scheduling", "The Paris class has no availability windows.")
    on += timedelta(days=(paris_window.weekday - on.weekday()) % 7)
    try:
        instant = local_to_utc(on, paris_window.start, paris.zone, fold=0)
    except LocalTimeError as error:  # only NonexistentLocalTime can happen with a fold
        return str(error)
    partner_local = utc_to_local(instant, partner.zone)
    partner_time = partner_local.strftime("%H:%M")
    day_shift = (partner_local.date() - on).days
    if day_shift > 0:
        partner_time = translate("scheduling", "{time} the next day").format(time=partner_time)
    elif day_shift < 0:
        partner_time = translate("scheduling", "{time} the day before").format(time=partner_time)
    hours = difference_hours(paris.zone, partner.zone, instant)
    values = {
        "city": partner_city,
        "hours": format_hours(hours),
        "paris_time": paris_window.start.strftime("%H:%M"),
        "partner_time": partner_time,
    }
    if hours > 0:
        sentence = translate("scheduling", "{city} is {hours} ahead: Paris {paris_time} is {partner_time} in {city}.")
    elif hours < 0:
        sentence = translate("scheduling", "{city} is {hours} behind: Paris {paris_time} is {partner_time} in {city}.")
    else:
        sentence = translate(
            "scheduling", "{city} has the same time as Paris: Paris {paris_time} is {partner_time} in {city}."
        )
    sentence = sentence.format(**values)

    partner_day = partner_local.date()
    partner_windows = sorted(
        (w for w in partner.windows if w.weekday == partner_day.weekday() and w.end > w.start),
        key=lambda w: w.start,
    )
    if partner_windows:
        hours_text = ", ".join(f"{w.start:%H:%M}–{w.end:%H:%M}" for w in partner_windows)
        detail = translate("scheduling", "The class in {city} is available {hours} local time that day.")
        return f"{sentence} {detail.format(city=partner_city, hours=hours_text)}"
    detail = translate("scheduling", "The class in {city} has no availability that day.")
    return f"{sentence} {detail.format(city=partner_city)}"
