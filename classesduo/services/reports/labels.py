"""The words of a report, in the report's language (independent of the GUI's), through the one pipeline.

A report is written for its reader (the City reads French; a partner may read
English), so its language is a parameter of the export, not the language the
app happens to be shown in. The words are English source text here, marked for
``pyside6-lupdate`` (context ``Report``) and translated from the same ``.ts`` as
the GUI by :mod:`classesduo.services.wording`, which also formats dates and
numbers with ``QLocale``. To add a language, see that module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from classesduo.services.wording import QT_TRANSLATE_NOOP, Wording, check_language, country_name, wording

#: key → English source text (its French is in resources/translations/classesduo_fr.ts, context "Report").
SOURCES: dict[str, str] = {
    'title': QT_TRANSLATE_NOOP("Report", 'Classes Duo — activity report'),
    'subtitle': QT_TRANSLATE_NOOP("Report", 'City of Paris international school exchanges'),
    'author': QT_TRANSLATE_NOOP("Report", 'City of Paris — Classes Duo programme'),
    'term': QT_TRANSLATE_NOOP("Report", 'Term {number}, {year}'),
    'range': QT_TRANSLATE_NOOP("Report", 'From {start} to {end}'),
    'made_on': QT_TRANSLATE_NOOP("Report", 'Made on {day}'),
    'scope.programme': QT_TRANSLATE_NOOP("Report", 'Whole programme'),
    'scope.arrondissement': QT_TRANSLATE_NOOP("Report", 'Paris {value}'),
    'scope.country': QT_TRANSLATE_NOOP("Report", 'Partner country: {value}'),
    'scope.facilitator': QT_TRANSLATE_NOOP("Report", 'Facilitator: {value}'),
    'scope.duo': QT_TRANSLATE_NOOP("Report", 'Duo: {value}'),
    'page': QT_TRANSLATE_NOOP("Report", 'Page {page} of {pages}'),
    'section.headline': QT_TRANSLATE_NOOP("Report", 'Key figures'),
    'section.cancellations': QT_TRANSLATE_NOOP("Report", 'Cancellation reasons'),
    'section.over_time_week': QT_TRANSLATE_NOOP("Report", 'Sessions held per week'),
    'section.over_time_month': QT_TRANSLATE_NOOP("Report", 'Sessions held per month'),
    'section.countries': QT_TRANSLATE_NOOP("Report", 'Sessions by partner country'),
    'section.duos': QT_TRANSLATE_NOOP("Report", 'Duos'),
    'section.quiet': QT_TRANSLATE_NOOP("Report", 'Duos with no exchange in the period'),
    'section.consent': QT_TRANSLATE_NOOP("Report", 'Consent coverage of the media shared'),
    'section.timeline': QT_TRANSLATE_NOOP("Report", 'Timeline'),
    'section.photos': QT_TRANSLATE_NOOP("Report", 'Photos'),
    'section.notes': QT_TRANSLATE_NOOP("Report", 'How the figures are counted'),
    'section.charts': QT_TRANSLATE_NOOP("Report", 'Charts'),
    # Sheet names of the XLSX: whole words, at most 31 characters in every language (Excel's limit).
    'sheet.headline': QT_TRANSLATE_NOOP("Report", 'Key figures'),
    'sheet.cancellations': QT_TRANSLATE_NOOP("Report", 'Cancellations'),
    'sheet.over_time': QT_TRANSLATE_NOOP("Report", 'Sessions held over time'),
    'sheet.countries': QT_TRANSLATE_NOOP("Report", 'By country'),
    'sheet.duos': QT_TRANSLATE_NOOP("Report", 'Duos'),
    'sheet.quiet': QT_TRANSLATE_NOOP("Report", 'Duos with no exchange'),
    'sheet.consent': QT_TRANSLATE_NOOP("Report", 'Consent'),
    'sheet.timeline': QT_TRANSLATE_NOOP("Report", 'Timeline'),
    'section.summary': QT_TRANSLATE_NOOP("Report", 'Summary'),
    'section.trend': QT_TRANSLATE_NOOP("Report", 'Trend against earlier periods'),
    'section.arrondissements': QT_TRANSLATE_NOOP("Report", 'By arrondissement'),
    'section.kinds': QT_TRANSLATE_NOOP("Report", 'By exchange kind'),
    'section.levels': QT_TRANSLATE_NOOP("Report", 'By class level (Paris)'),
    'section.languages': QT_TRANSLATE_NOOP("Report", 'By language of the duos'),
    'section.facilitators': QT_TRANSLATE_NOOP("Report", 'Facilitator workload'),
    'sheet.trend': QT_TRANSLATE_NOOP("Report", 'Trend'),
    'sheet.arrondissements': QT_TRANSLATE_NOOP("Report", 'By arrondissement'),
    'sheet.kinds': QT_TRANSLATE_NOOP("Report", 'By exchange kind'),
    'sheet.levels': QT_TRANSLATE_NOOP("Report", 'By level'),
    'sheet.languages': QT_TRANSLATE_NOOP("Report", 'By language'),
    'sheet.facilitators': QT_TRANSLATE_NOOP("Report", 'Facilitator workload'),
    'rate.held': QT_TRANSLATE_NOOP("Report", 'Held / planned and due (%)'),
    'rate.reach_paris': QT_TRANSLATE_NOOP("Report", 'Children reached / enrolled, Paris (%)'),
    'rate.reach_partner': QT_TRANSLATE_NOOP("Report", 'Children reached / enrolled, abroad (%)'),
    'rate.attendance_paris': QT_TRANSLATE_NOOP("Report", 'Average attendance, Paris (%)'),
    'rate.attendance_partner': QT_TRANSLATE_NOOP("Report", 'Average attendance, abroad (%)'),
    'rate.cancellation': QT_TRANSLATE_NOOP("Report", 'Cancellation rate (%)'),
    'card.held': QT_TRANSLATE_NOOP("Report", 'of the sessions due were held ({held} of {due})'),
    'card.reach': QT_TRANSLATE_NOOP("Report", 'of the pupils enrolled were reached ({reached} of {enrolled})'),
    'card.attendance': QT_TRANSLATE_NOOP("Report", 'average attendance at the exchanges held (Paris / abroad)'),
    'card.cancellation': QT_TRANSLATE_NOOP("Report", 'of the exchanges logged were cancelled ({cancelled})'),
    'trend.current': QT_TRANSLATE_NOOP("Report", 'This period'),
    'trend.previous': QT_TRANSLATE_NOOP("Report", 'Term before'),
    'trend.previous_range': QT_TRANSLATE_NOOP("Report", 'Period before'),
    'trend.year_before': QT_TRANSLATE_NOOP("Report", 'A year earlier'),
    'col.arrondissement_long': QT_TRANSLATE_NOOP("Report", 'Arrondissement'),
    'col.cancelled': QT_TRANSLATE_NOOP("Report", 'Cancelled'),
    'col.cancellation_rate': QT_TRANSLATE_NOOP("Report", 'Cancelled (%)'),
    'col.enrolled_paris': QT_TRANSLATE_NOOP("Report", 'Enrolled (Paris)'),
    'col.reach': QT_TRANSLATE_NOOP("Report", 'Reached / enrolled (%)'),
    'col.visio_hours': QT_TRANSLATE_NOOP("Report", 'Hours of visio'),
    'col.level': QT_TRANSLATE_NOOP("Report", 'Level'),
    'col.language': QT_TRANSLATE_NOOP("Report", 'Language'),
    'unknown': QT_TRANSLATE_NOOP("Report", 'not given'),
    'figure': QT_TRANSLATE_NOOP("Report", 'Figure'),
    'value': QT_TRANSLATE_NOOP("Report", 'Value'),
    'h.duos': QT_TRANSLATE_NOOP("Report", 'Duos in the report'),
    'h.active_duos': QT_TRANSLATE_NOOP("Report", 'Active duos (at least one exchange held)'),
    'h.paris_schools': QT_TRANSLATE_NOOP("Report", 'Paris schools'),
    'h.partner_schools': QT_TRANSLATE_NOOP("Report", 'Partner schools'),
    'h.arrondissements': QT_TRANSLATE_NOOP("Report", 'Arrondissements covered'),
    'h.countries': QT_TRANSLATE_NOOP("Report", 'Countries covered'),
    'h.sessions_planned': QT_TRANSLATE_NOOP("Report", 'Sessions planned'),
    'h.sessions_held': QT_TRANSLATE_NOOP("Report", 'Sessions held'),
    'h.sessions_cancelled': QT_TRANSLATE_NOOP("Report", 'Sessions cancelled'),
    'h.sessions_postponed': QT_TRANSLATE_NOOP("Report", 'Sessions postponed'),
    'h.sessions_to_log': QT_TRANSLATE_NOOP("Report", 'Sessions planned, not yet logged (past or to come)'),
    'h.visio_hours': QT_TRANSLATE_NOOP("Report", 'Hours of visio'),
    'h.children_paris': QT_TRANSLATE_NOOP("Report", 'Children reached in Paris'),
    'h.children_partner': QT_TRANSLATE_NOOP("Report", 'Children reached abroad'),
    'h.media_shared': QT_TRANSLATE_NOOP("Report", 'Media shared'),
    'h.media_erased': QT_TRANSLATE_NOOP("Report", 'of which erased since (retention)'),
    'h.media_cleared_publication': QT_TRANSLATE_NOOP("Report", 'Media cleared for publication'),
    'col.reason': QT_TRANSLATE_NOOP("Report", 'Reason'),
    'col.count': QT_TRANSLATE_NOOP("Report", 'Sessions'),
    'col.week': QT_TRANSLATE_NOOP("Report", 'Week of'),
    'col.month': QT_TRANSLATE_NOOP("Report", 'Month'),
    'col.held': QT_TRANSLATE_NOOP("Report", 'Held'),
    'col.planned': QT_TRANSLATE_NOOP("Report", 'Planned'),
    'col.country': QT_TRANSLATE_NOOP("Report", 'Country'),
    'col.duos': QT_TRANSLATE_NOOP("Report", 'Duos'),
    'col.paris_school': QT_TRANSLATE_NOOP("Report", 'Paris school'),
    'col.arrondissement': QT_TRANSLATE_NOOP("Report", 'Arr.'),
    'col.class': QT_TRANSLATE_NOOP("Report", 'Class'),
    'col.partner_school': QT_TRANSLATE_NOOP("Report", 'Partner school'),
    'col.city': QT_TRANSLATE_NOOP("Report", 'City'),
    'col.facilitator': QT_TRANSLATE_NOOP("Report", 'Facilitator'),
    'col.status': QT_TRANSLATE_NOOP("Report", 'Status'),
    'col.last_exchange': QT_TRANSLATE_NOOP("Report", 'Last exchange'),
    'col.children_paris': QT_TRANSLATE_NOOP("Report", 'Children (Paris)'),
    'col.children_partner': QT_TRANSLATE_NOOP("Report", 'Children (partner)'),
    'col.highlights': QT_TRANSLATE_NOOP("Report", 'Highlights'),
    'col.children': QT_TRANSLATE_NOOP("Report", 'Children (Paris / partner)'),
    'col.duo': QT_TRANSLATE_NOOP("Report", 'Duo'),
    'col.channel': QT_TRANSLATE_NOOP("Report", 'Use'),
    'col.cleared': QT_TRANSLATE_NOOP("Report", 'Cleared'),
    'col.refused': QT_TRANSLATE_NOOP("Report", 'Refused'),
    'col.unknown': QT_TRANSLATE_NOOP("Report", 'Unknown'),
    'col.expired': QT_TRANSLATE_NOOP("Report", 'Expired'),
    'col.total': QT_TRANSLATE_NOOP("Report", 'Total'),
    'col.date': QT_TRANSLATE_NOOP("Report", 'Date'),
    'col.kind': QT_TRANSLATE_NOOP("Report", 'Kind'),
    'col.minutes': QT_TRANSLATE_NOOP("Report", 'Minutes'),
    'col.present': QT_TRANSLATE_NOOP("Report", 'Present (Paris / partner)'),
    'col.note': QT_TRANSLATE_NOOP("Report", 'What happened'),
    'none': QT_TRANSLATE_NOOP("Report", 'None.'),
    'no_reason': QT_TRANSLATE_NOOP("Report", 'not given'),
    'channel.exchange': QT_TRANSLATE_NOOP("Report", 'Exchange between the classes'),
    'channel.reports': QT_TRANSLATE_NOOP("Report", 'City reports'),
    'channel.publication': QT_TRANSLATE_NOOP("Report", 'Publication'),
    'status.proposed': QT_TRANSLATE_NOOP("Report", 'proposed'),
    'status.active': QT_TRANSLATE_NOOP("Report", 'active'),
    'status.paused': QT_TRANSLATE_NOOP("Report", 'paused'),
    'status.closed': QT_TRANSLATE_NOOP("Report", 'closed'),
    'session.planned': QT_TRANSLATE_NOOP("Report", 'planned'),
    'session.held': QT_TRANSLATE_NOOP("Report", 'held'),
    'session.cancelled': QT_TRANSLATE_NOOP("Report", 'cancelled'),
    'session.postponed': QT_TRANSLATE_NOOP("Report", 'postponed'),
    'kind.visio': QT_TRANSLATE_NOOP("Report", 'visio'),
    'kind.email': QT_TRANSLATE_NOOP("Report", 'e-mail'),
    'kind.blog_post': QT_TRANSLATE_NOOP("Report", 'blog post'),
    'kind.letter': QT_TRANSLATE_NOOP("Report", 'letter'),
    'reason.technical': QT_TRANSLATE_NOOP("Report", 'technical problem'),
    'reason.partner_absent': QT_TRANSLATE_NOOP("Report", 'partner class absent'),
    'reason.school_event': QT_TRANSLATE_NOOP("Report", 'school event'),
    'reason.weather': QT_TRANSLATE_NOOP("Report", 'weather'),
    'reason.strike': QT_TRANSLATE_NOOP("Report", 'strike'),
    'reason.other': QT_TRANSLATE_NOOP("Report", 'other'),
    'notes': QT_TRANSLATE_NOOP("Report", 'Duos in the report: duos in the scope that are active or paused in the school year, plus any duo with a session in the period. Active duos: at least one exchange held in the period. Sessions planned: sessions scheduled in the period except postponed ones (held + cancelled + not yet logged). Hours of visio: actual length of the held visios (planned length when not logged). Children reached: for each duo, the largest presence logged at one held exchange (the class size when a held exchange has no count), summed over the duos. Media are counted in the period of their exchange; a consent is cleared when granted and not expired on the day the report is made.'),
}


@dataclass(frozen=True)
class Labels:
    lang: str

    @cached_property
    def words(self) -> Wording:
        return wording(self.lang)

    def __call__(self, key: str, **values: object) -> str:
        source = SOURCES.get(key, key)
        text = self.words.translate("Report", source)
        return text.format(**values) if values else text

    def date(self, day: date | None) -> str:
        return self.words.date(day)

    def month(self, day: date) -> str:
        return self.words.month(day)

    def short_day(self, day: date) -> str:
        return self.words.short_day(day)

    def number(self, value: float) -> str:
        return self.words.number(value)

    def enum(self, prefix: str, value: str) -> str:
        if not value:
            return self("no_reason") if prefix == "reason" else ""
        key = f"{prefix}.{value}"
        return self(key) if key in SOURCES else value

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
    check_language(lang)
    return Labels(lang)


__all__ = ["SOURCES", "Labels", "country_name", "labels_for"]
