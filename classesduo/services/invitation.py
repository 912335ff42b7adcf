"""A ready-to-send invitation e-mail for a visio, in French and the partner's language.

The second language is the partner school's when it is English or Spanish,
otherwise English. The texts are fixed per language on purpose (not passed
through the app's translator): the mail goes to people whatever language the
app itself is shown in. Day and month names come from QLocale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote

from classesduo.domain.timezones import wall_clock
from classesduo.services.scheduling import DuoCalendars

def _long(moment: datetime, locale_name: str, pattern: str) -> str:
    """Day and month names from QLocale (the one source of the app's date words), the time as HH:MM."""
    from PySide6.QtCore import QDate, QLocale

    day = QLocale(locale_name).toString(QDate(moment.year, moment.month, moment.day), pattern)
    return f"{day} {wall_clock(moment)}"


def _fr(moment: datetime) -> str:
    return _long(moment, "fr_FR", "dddd d MMMM yyyy 'à'")


def _en(moment: datetime) -> str:
    return _long(moment, "en_GB", "dddd d MMMM yyyy 'at'")


def _es(moment: datetime) -> str:
    return _long(moment, "es_ES", "dddd d 'de' MMMM 'de' yyyy 'a las'")


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
    french = "\n".join([
        "Bonjour,",
        "",
        f"La visio Classes Duo entre {view.paris.school} ({view.paris.class_name}) et "
        f"{view.partner.school} ({view.partner.class_name}) prévue ci-dessous est annulée :" if cancelled else
        f"La prochaine visio Classes Duo entre {view.paris.school} ({view.paris.class_name}) et "
        f"{view.partner.school} ({view.partner.class_name}) aura lieu :",
        f"  • à Paris : {_fr(paris_start)}–{wall_clock(end_paris)}",
        f"  • à {city} : {_fr(partner_start)}–{wall_clock(end_partner)} (heure locale)",
        f"Durée : {minutes} minutes.",
        f"Lien de la visio : {link}",
        f"Animation : {facilitator}",
        "",
        *([f"À préparer : {prepare}"] if prepare and not cancelled else []),
        "Merci de vous connecter quelques minutes en avance pour vérifier le son et l'image.",
        "",
        "Bien cordialement,",
        facilitator,
    ])
    if language == "es":
        other = "\n".join([
            "Hola:",
            "",
            f"La videollamada de Classes Duo entre {view.paris.school} ({view.paris.class_name}) y "
            f"{view.partner.school} ({view.partner.class_name}) prevista a continuación se cancela:" if cancelled else
            f"La próxima videollamada de Classes Duo entre {view.paris.school} ({view.paris.class_name}) y "
            f"{view.partner.school} ({view.partner.class_name}) será:",
            f"  • en {city}: {_es(partner_start)}–{wall_clock(end_partner)} (hora local)",
            f"  • en París: {_es(paris_start)}–{wall_clock(end_paris)}",
            f"Duración: {minutes} minutos.",
            f"Enlace de la videollamada: {link}",
            f"Facilitador(a): {facilitator}",
            "",
            *([f"Para preparar: {prepare}"] if prepare and not cancelled else []),
            "Les pedimos conectarse unos minutos antes para comprobar el sonido y la imagen.",
            "",
            "Saludos cordiales,",
            facilitator,
        ])
        subject = (f"Visio Classes Duo — {paris_start:%d/%m/%Y} {wall_clock(paris_start)} (Paris) / "
                   f"videollamada {wall_clock(partner_start)} ({city})")
    else:
        other = "\n".join([
            "Hello,",
            "",
            f"The Classes Duo video call between {view.paris.school} ({view.paris.class_name}) and "
            f"{view.partner.school} ({view.partner.class_name}) planned below is cancelled:" if cancelled else
            f"The next Classes Duo video call between {view.paris.school} ({view.paris.class_name}) and "
            f"{view.partner.school} ({view.partner.class_name}) will take place:",
            f"  • in {city}: {_en(partner_start)}–{wall_clock(end_partner)} (local time)",
            f"  • in Paris: {_en(paris_start)}–{wall_clock(end_paris)}",
            f"Length: {minutes} minutes.",
            f"Video call link: {link}",
            f"Facilitator: {facilitator}",
            "",
            *([f"To prepare: {prepare}"] if prepare and not cancelled else []),
            "Please join a few minutes early to check sound and picture.",
            "",
            "Best regards,",
            facilitator,
        ])
        subject = (f"Visio Classes Duo — {paris_start:%d/%m/%Y} {wall_clock(paris_start)} (Paris) / "
                   f"video call {wall_clock(partner_start)} ({city})")
    if cancelled:
        subject = ("ANNULÉ / CANCELLED — " if language == "en" else
                   "ANNULÉ / CANCELADO — " if language == "es" else "ANNULÉ — ") + subject
    if language == "fr":
        subject = subject.split(" / ")[0]
    body = f"{french}\n" if language == "fr" else f"{french}\n\n— — —\n\n{other}\n"
    recipients = [address for address in (calendars.paris_contact, calendars.partner_contact,
                                          calendars.facilitator_email) if address]
    return Invitation(recipients, subject, body, language)


def _zone(name: str):  # noqa: ANN202
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)
