"""The words of a report, in French and English, independent of the GUI's language.

A report is written for its reader (the City reads French; a partner may read
English), so its language is a parameter of the export, not the language the
app happens to be shown in. The GUI's ``translate()`` follows the app's
language; these explicit tables do not. To add a language, add one dictionary
with the same keys (a test checks the keys match).
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from datetime import date
from functools import cache

LANGUAGES = ("fr", "en")

_EN: dict[str, str] = {
    "title": "Classes Duo — activity report",
    "subtitle": "City of Paris international school exchanges",
    "term": "Term {number}, {year}",
    "range": "From {start} to {end}",
    "made_on": "Made on {day}",
    "scope.programme": "Whole programme",
    "scope.arrondissement": "Paris {value}",
    "scope.country": "Partner country: {value}",
    "scope.facilitator": "Facilitator: {value}",
    "scope.duo": "Duo: {value}",
    "page": "Page {page} of {pages}",
    "section.headline": "Key figures",
    "section.cancellations": "Cancellation reasons",
    "section.over_time_week": "Sessions held per week",
    "section.over_time_month": "Sessions held per month",
    "section.countries": "Sessions by partner country",
    "section.duos": "Duos",
    "section.quiet": "Duos with no exchange in the period",
    "section.consent": "Consent coverage of the media shared",
    "section.timeline": "Timeline",
    "section.photos": "Photos",
    "section.notes": "How the figures are counted",
    "section.charts": "Charts",
    "figure": "Figure",
    "value": "Value",
    "h.duos": "Duos in the report",
    "h.active_duos": "Active duos (at least one exchange held)",
    "h.paris_schools": "Paris schools",
    "h.partner_schools": "Partner schools",
    "h.arrondissements": "Arrondissements covered",
    "h.countries": "Countries covered",
    "h.sessions_planned": "Sessions planned",
    "h.sessions_held": "Sessions held",
    "h.sessions_cancelled": "Sessions cancelled",
    "h.sessions_postponed": "Sessions postponed",
    "h.sessions_to_log": "Sessions planned, not yet logged (past or to come)",
    "h.visio_hours": "Hours of visio",
    "h.children_paris": "Children reached in Paris",
    "h.children_partner": "Children reached abroad",
    "h.media_shared": "Media shared",
    "h.media_erased": "of which erased after the retention period (counts kept)",
    "h.media_cleared_publication": "Media cleared for publication",
    "col.reason": "Reason",
    "col.count": "Sessions",
    "col.week": "Week of",
    "col.month": "Month",
    "col.held": "Held",
    "col.planned": "Planned",
    "col.country": "Country",
    "col.duos": "Duos",
    "col.paris_school": "Paris school",
    "col.arrondissement": "Arr.",
    "col.class": "Class",
    "col.partner_school": "Partner school",
    "col.city": "City",
    "col.facilitator": "Facilitator",
    "col.status": "Status",
    "col.last_exchange": "Last exchange",
    "col.children_paris": "Children (Paris)",
    "col.children_partner": "Children (partner)",
    "col.highlights": "Highlights",
    "col.children": "Children (Paris / partner)",
    "col.duo": "Duo",
    "col.channel": "Use",
    "col.cleared": "Cleared",
    "col.refused": "Refused",
    "col.unknown": "Unknown",
    "col.expired": "Expired",
    "col.total": "Total",
    "col.date": "Date",
    "col.kind": "Kind",
    "col.minutes": "Minutes",
    "col.present": "Present (Paris / partner)",
    "col.note": "What happened",
    "none": "None.",
    "no_reason": "not given",
    "channel.exchange": "Exchange between the classes",
    "channel.reports": "City reports",
    "channel.publication": "Publication",
    "status.proposed": "proposed", "status.active": "active", "status.paused": "paused", "status.closed": "closed",
    "session.planned": "planned", "session.held": "held", "session.cancelled": "cancelled",
    "session.postponed": "postponed",
    "kind.visio": "visio", "kind.email": "e-mail", "kind.blog_post": "blog post", "kind.letter": "letter",
    "reason.technical": "technical problem", "reason.partner_absent": "partner class absent",
    "reason.school_event": "school event", "reason.weather": "weather", "reason.strike": "strike",
    "reason.other": "other",
    "notes": (
        "Duos in the report: duos in the scope that are active or paused in the school year, plus any duo with "
        "a session in the period. Active duos: at least one exchange held in the period. Sessions planned: "
        "sessions scheduled in the period except postponed ones (held + cancelled + not yet logged). Hours of "
        "visio: actual length of the held visios (planned length when not logged). Children reached: for each "
        "duo, the largest presence logged at one held exchange (the class size when a held exchange has no "
        "count), summed over the duos. Media are counted in the period of their exchange; a consent is cleared "
        "when granted and not expired on the day the report is made."),
}

_FR: dict[str, str] = {
    "title": "Classes Duo — rapport d'activité",
    "subtitle": "Échanges scolaires internationaux de la Ville de Paris",
    "term": "Trimestre {number}, {year}",
    "range": "Du {start} au {end}",
    "made_on": "Établi le {day}",
    "scope.programme": "Ensemble du programme",
    "scope.arrondissement": "Paris {value}",
    "scope.country": "Pays partenaire : {value}",
    "scope.facilitator": "Animateur·rice : {value}",
    "scope.duo": "Duo : {value}",
    "page": "Page {page} sur {pages}",
    "section.headline": "Chiffres clés",
    "section.cancellations": "Motifs d'annulation",
    "section.over_time_week": "Séances tenues par semaine",
    "section.over_time_month": "Séances tenues par mois",
    "section.countries": "Séances par pays partenaire",
    "section.duos": "Duos",
    "section.quiet": "Duos sans échange sur la période",
    "section.consent": "Consentements des médias partagés",
    "section.timeline": "Chronologie",
    "section.photos": "Photos",
    "section.notes": "Méthode de calcul",
    "section.charts": "Graphiques",
    "figure": "Indicateur",
    "value": "Valeur",
    "h.duos": "Duos du rapport",
    "h.active_duos": "Duos actifs (au moins un échange tenu)",
    "h.paris_schools": "Écoles parisiennes",
    "h.partner_schools": "Écoles partenaires",
    "h.arrondissements": "Arrondissements couverts",
    "h.countries": "Pays couverts",
    "h.sessions_planned": "Séances prévues",
    "h.sessions_held": "Séances tenues",
    "h.sessions_cancelled": "Séances annulées",
    "h.sessions_postponed": "Séances reportées",
    "h.sessions_to_log": "Séances prévues, pas encore renseignées (passées ou à venir)",
    "h.visio_hours": "Heures de visio",
    "h.children_paris": "Enfants touchés à Paris",
    "h.children_partner": "Enfants touchés à l'étranger",
    "h.media_shared": "Médias partagés",
    "h.media_erased": "dont effacés après la durée de conservation (comptes gardés)",
    "h.media_cleared_publication": "Médias autorisés à la publication",
    "col.reason": "Motif",
    "col.count": "Séances",
    "col.week": "Semaine du",
    "col.month": "Mois",
    "col.held": "Tenues",
    "col.planned": "Prévues",
    "col.country": "Pays",
    "col.duos": "Duos",
    "col.paris_school": "École parisienne",
    "col.arrondissement": "Arr.",
    "col.class": "Classe",
    "col.partner_school": "École partenaire",
    "col.city": "Ville",
    "col.facilitator": "Animateur·rice",
    "col.status": "Statut",
    "col.last_exchange": "Dernier échange",
    "col.children_paris": "Enfants (Paris)",
    "col.children_partner": "Enfants (partenaire)",
    "col.highlights": "Temps forts",
    "col.children": "Enfants (Paris / part.)",
    "col.duo": "Duo",
    "col.channel": "Usage",
    "col.cleared": "Autorisés",
    "col.refused": "Refusés",
    "col.unknown": "Inconnus",
    "col.expired": "Expirés",
    "col.total": "Total",
    "col.date": "Date",
    "col.kind": "Type",
    "col.minutes": "Minutes",
    "col.present": "Présents (Paris / partenaire)",
    "col.note": "Déroulé",
    "none": "Aucun.",
    "no_reason": "non précisé",
    "channel.exchange": "Échange entre les classes",
    "channel.reports": "Rapports de la Ville",
    "channel.publication": "Publication",
    "status.proposed": "proposé", "status.active": "actif", "status.paused": "en pause", "status.closed": "terminé",
    "session.planned": "prévue", "session.held": "tenue", "session.cancelled": "annulée",
    "session.postponed": "reportée",
    "kind.visio": "visio", "kind.email": "courriel", "kind.blog_post": "article de blog", "kind.letter": "lettre",
    "reason.technical": "problème technique", "reason.partner_absent": "classe partenaire absente",
    "reason.school_event": "événement scolaire", "reason.weather": "météo", "reason.strike": "grève",
    "reason.other": "autre",
    "notes": (
        "Duos du rapport : duos du périmètre actifs ou en pause dans l'année scolaire, et tout duo ayant une "
        "séance sur la période. Duos actifs : au moins un échange tenu sur la période. Séances prévues : séances "
        "programmées sur la période hors séances reportées (tenues + annulées + à renseigner). Heures de visio : "
        "durée réelle des visios tenues (durée prévue si non renseignée). Enfants touchés : pour chaque duo, la "
        "plus forte présence notée lors d'un échange tenu (l'effectif de la classe si un échange tenu n'a pas de "
        "compte), additionnée sur les duos. Les médias sont comptés sur la période de leur échange ; un "
        "consentement est valable s'il est accordé et non expiré le jour où le rapport est établi."),
}

_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
}

TABLES = {"en": _EN, "fr": _FR}


@dataclass(frozen=True)
class Labels:
    lang: str

    def __call__(self, key: str, **values: object) -> str:
        text = TABLES[self.lang].get(key) or _EN.get(key, key)
        return text.format(**values) if values else text

    def date(self, day: date | None) -> str:
        if day is None:
            return ""
        return day.strftime("%d/%m/%Y") if self.lang == "fr" else day.isoformat()

    def month(self, day: date) -> str:
        return f"{_MONTHS[self.lang][day.month - 1]} {day.year}"

    def short_day(self, day: date) -> str:
        return day.strftime("%d/%m") if self.lang == "fr" else f"{day.day} {_MONTHS['en'][day.month - 1]}"

    def number(self, value: float) -> str:
        text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
        return text.replace(",", "\u202f").replace(".", ",") if self.lang == "fr" else text

    def enum(self, prefix: str, value: str) -> str:
        if not value:
            return self("no_reason") if prefix == "reason" else ""
        key = f"{prefix}.{value}"
        return self(key) if key in _EN else value

    def country(self, code: str) -> str:
        return country_name(code, self.lang)

    def arrondissement(self, number: int | None) -> str:
        if number is None:
            return ""
        if self.lang == "fr":
            return "1er" if number == 1 else f"{number}e"
        suffix = "st" if number == 1 else "nd" if number == 2 else "rd" if number == 3 else "th"
        return f"{number}{suffix}"


def labels_for(lang: str) -> Labels:
    if lang not in TABLES:
        raise ValueError(f"unknown report language {lang!r} (expected one of: {', '.join(LANGUAGES)})")
    return Labels(lang)


@cache
def country_name(code: str, lang: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    if lang == "en":
        return getattr(country, "common_name", None) or country.name
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext(country.name)
    except OSError:
        return country.name
