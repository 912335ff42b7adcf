"""A ready-to-send invitation e-mail for a visio, in French and the partner's language.

The second language is the partner school's when it is English or Spanish,
otherwise English. The words come from the app's one translation pipeline
(:mod:`classesduo.services.wording`: the ``.ts``/``.qm`` files, context
``InvitationText``) in each part's own language, never the GUI's: the mail goes to
people whatever language the app itself is shown in. English is the source text,
French comes from ``classesduo_fr.ts``, Spanish from ``classesduo_es.ts`` (a
document-only language). ``{placeholders}`` are filled after translation; day and
month names come from QLocale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote

from classesduo.domain.timezones import wall_clock
from classesduo.services.scheduling import DuoCalendars
from classesduo.services.wording import DocumentContext, wording

# The invitation's words; pyside6-lupdate takes the context from this name.
InvitationText = DocumentContext("InvitationText")


def _when(moment: datetime, lang: str) -> str:
    """Day and month names from QLocale (the one source of the app's date words), the time as HH:MM."""
    pattern = InvitationText.tr("dddd d MMMM yyyy", lang=lang)  # a QLocale pattern
    day = wording(lang).formatted_date(moment, pattern)
    return InvitationText.tr("{day} at {time}", lang=lang).format(day=day, time=wall_clock(moment))


def _part(lang: str, view, city: str, paris: tuple[datetime, datetime], partner: tuple[datetime, datetime],  # noqa: ANN001
          minutes: int, link: str, facilitator: str, prepare: str, cancelled: bool) -> str:
    """One language's part of the body; it lists its reader's place first (Paris in French, else the partner's)."""
    schools = {"paris_school": view.paris.school, "paris_class": view.paris.class_name,
               "partner_school": view.partner.school, "partner_class": view.partner.class_name}
    in_paris = "  • " + InvitationText.tr("in Paris: {start}–{end}", lang=lang).format(
        start=_when(paris[0], lang), end=wall_clock(paris[1]))
    in_city = "  • " + InvitationText.tr("in {city}: {start}–{end} (local time)", lang=lang).format(
        city=city, start=_when(partner[0], lang), end=wall_clock(partner[1]))
    if cancelled:
        intro = InvitationText.tr("The Classes Duo video call between {paris_school} ({paris_class}) and "
                                  "{partner_school} ({partner_class}) planned below is cancelled:", lang=lang)
    else:
        intro = InvitationText.tr("The next Classes Duo video call between {paris_school} ({paris_class}) and "
                                  "{partner_school} ({partner_class}) will take place:", lang=lang)
    to_prepare = InvitationText.tr("To prepare: {prepare}", lang=lang).format(prepare=prepare)
    return "\n".join([
        InvitationText.tr("Hello,", lang=lang),
        "",
        intro.format(**schools),
        *((in_paris, in_city) if lang == "fr" else (in_city, in_paris)),
        InvitationText.tr("Length: %n minute(s).", "", minutes, lang),
        InvitationText.tr("Video call link: {link}", lang=lang).format(link=link),
        InvitationText.tr("Facilitator: {name}", lang=lang).format(name=facilitator),
        "",
        *([to_prepare] if prepare and not cancelled else []),
        InvitationText.tr("Please join a few minutes early to check sound and picture.", lang=lang),
        "",
        InvitationText.tr("Best regards,", lang=lang),
        facilitator,
    ])


@dataclass(frozen=True)
class Invitation:
    recipients: list[str]
    subject: str
    body: str
    second_language: str  # "en" or "es" ("fr": French only)

    def mailto_url(self) -> str:
        """A ``mailto:`` URL with every part percent-encoded (RFC 6068)."""
        to = ",".join(quote(address, safe="@") for address in self.recipients)
        return f"mailto:{to}?subject={quote(self.subject, safe='')}&body={quote(self.body, safe='')}"


def second_language(partner_languages: tuple[str, ...] | list[str]) -> str:
    for code in partner_languages:
        if code in ("en", "es"):
            return code
    return "en"


def invitation(calendars: DuoCalendars, start_utc: datetime, minutes: int, visio_link: str, *,
               language: str | None = None, prepare: str = "", cancelled: bool = False) -> Invitation:
    """The bilingual text; ``language`` forces the second language (``fr``: French only), ``prepare`` is what
    to prepare (the last held session's follow-up), ``cancelled`` words it as a cancellation."""
    view = calendars.view
    paris_zone, partner_zone = calendars.paris.zone, calendars.partner.zone
    paris_start = start_utc.astimezone(_zone(paris_zone))
    partner_start = start_utc.astimezone(_zone(partner_zone))
    end_utc = start_utc + timedelta(minutes=minutes)  # in UTC: a clock change inside the visio keeps its length
    end_paris = end_utc.astimezone(_zone(paris_zone))
    end_partner = end_utc.astimezone(_zone(partner_zone))
    city = view.partner.city
    facilitator = view.facilitator or "—"
    link = visio_link or "—"
    language = language or second_language(calendars.partner_languages)
    paris, partner = (paris_start, end_paris), (partner_start, end_partner)
    french = _part("fr", view, city, paris, partner, minutes, link, facilitator, prepare, cancelled)
    other = (_part(language, view, city, paris, partner, minutes, link, facilitator, prepare, cancelled)
             if language != "fr" else "")
    subject = InvitationText.tr("Classes Duo video call — {date} {time} (Paris)", lang="fr").format(
        date=wording("fr").date(paris_start.date()), time=wall_clock(paris_start))
    if language != "fr":
        subject += " / " + InvitationText.tr("video call {time} ({city})", lang=language).format(
            time=wall_clock(partner_start), city=city)
    if cancelled:
        cancelled_words = [InvitationText.tr("CANCELLED", lang="fr")]
        if language != "fr":
            cancelled_words.append(InvitationText.tr("CANCELLED", lang=language))
        subject = " / ".join(cancelled_words) + " — " + subject
    body = f"{french}\n" if language == "fr" else f"{french}\n\n— — —\n\n{other}\n"
    recipients = [address for address in (calendars.paris_contact, calendars.partner_contact,
                                          calendars.facilitator_email) if address]
    return Invitation(recipients, subject, body, language)


def _zone(name: str):  # noqa: ANN202
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)
