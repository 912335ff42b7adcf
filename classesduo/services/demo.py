"""A realistic, deterministic demo programme.

Every row gets a UUID derived from a stable key (``uuid5``), so loading the
demo twice finds the rows already there and adds nothing. Given the same
``today`` the content is identical on every machine; sessions before ``today``
are held, cancelled or left "to log", later ones are planned.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from classesduo.domain.availability import default_windows
from classesduo.domain.enums import (
    CancelReason,
    ConsentStatus,
    DuoStatus,
    HolidaySource,
    MediaKind,
    SessionKind,
    SessionStatus,
    Side,
)
from classesduo.domain.terms import default_terms, parse_school_year, school_year_bounds, school_year_of
from classesduo.domain.timezones import PARIS, PARIS_ZONE
from classesduo.services.demo_calendars import demo_partner_calendar
from classesduo.services.demo_catalog import ACTIVITIES, FACILITATORS, PARIS_SCHOOLS, PARTNER_SCHOOLS, PROJECTS
from classesduo.services.errors import translated_storage_errors
from classesduo.services.holidays import calendar_of
from classesduo.services.workspace import Workspace
from classesduo.storage.models import (
    AvailabilityWindowRow,
    Base,
    ClassGroupRow,
    DuoRow,
    ExchangeSessionRow,
    FacilitatorRow,
    HolidayPeriodRow,
    MediaItemRow,
    SchoolRow,
    SchoolYearRow,
    TermRow,
)

DEMO_NAMESPACE = uuid.UUID("6f1f7c8e-2b1d-4c7e-9a51-0c1a55e5d0e0")

Progress = Callable[[int, int], None]


class DemoCancelled(Exception):
    """The user cancelled; the transaction was rolled back and nothing was added."""


def demo_id(*key: object) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(str(part) for part in key)))


@dataclass
class DemoSummary:
    added: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


class _Loader:
    def __init__(self, session: Session, workspace: Workspace, today: date) -> None:
        self.session = session
        self.workspace = workspace
        self.today = today
        self.school_year = school_year_of(today)
        self.summary = DemoSummary()
        self.rng = random.Random(f"classesduo-demo-{self.school_year}")

    def add(self, row: Base) -> bool:
        """Add ``row`` unless a row with its id exists; True when added."""
        kind = type(row).__tablename__
        if self.session.get(type(row), row.id) is not None:  # type: ignore[attr-defined]
            self.summary.existing[kind] += 1
            return False
        self.session.add(row)
        self.summary.added[kind] += 1
        return True

    def facilitators(self) -> dict[str, str]:
        ids = {}
        for name, languages in FACILITATORS:
            row = FacilitatorRow(id=demo_id("facilitator", name), name=name, languages=languages,
                                 email=_email(name, "classesduo.example.org"))
            self.add(row)
            for language in languages[1:]:
                ids.setdefault(language, row.id)
        return ids

    def paris_school(self, index: int, name: str, arrondissement: int) -> ClassGroupRow:
        school = SchoolRow(
            id=demo_id("school", name), name=name, side=Side.PARIS, city="Paris", country="FR",
            arrondissement=arrondissement, timezone=PARIS_ZONE, languages=["fr"],
            contact_email=f"ce.{_slug(name)[:20]}@ac-paris.example.fr",
        )
        if self.add(school):
            school.windows = [AvailabilityWindowRow(weekday=w.weekday, start_time=w.start, end_time=w.end)
                              for w in default_windows(Side.PARIS)]
        group = ClassGroupRow(
            id=demo_id("class", name, "CM1"), school_id=school.id, name="CM1 " + "AB"[index % 2],
            level="CM1", pupil_count=22 + index % 6, teacher_name=f"Enseignant·e CM1 ({arrondissement}e)",
        )
        self.add(group)
        return group

    def partner_school(self, spec: tuple) -> ClassGroupRow:
        name, city, country, zone, languages, level, windows = spec
        school = SchoolRow(
            id=demo_id("school", name), name=name, side=Side.PARTNER, city=city, country=country,
            timezone=zone, languages=languages, contact_email=f"contact@{_slug(city)}.school.example",
        )
        if self.add(school):
            school.windows = [AvailabilityWindowRow(weekday=w.weekday, start_time=w.start, end_time=w.end)
                              for w in windows]
            subdivision, years, breaks = demo_partner_calendar(country, city, parse_school_year(self.school_year))
            school.subdivision = subdivision
            school.school_years = [SchoolYearRow(label=y.label, first_day=y.first_day, last_day=y.last_day,
                                                 origin=y.origin) for y in years]
            school.holidays = [HolidayPeriodRow(name=b.name, start_date=b.start, end_date=b.end, source=b.source,
                                                origin=b.origin) for b in breaks]
        group = ClassGroupRow(id=demo_id("class", name, level), school_id=school.id, name=level, level=level,
                              pupil_count=self.rng.randint(18, 30))
        self.add(group)
        return group

    def terms(self) -> None:
        for term in default_terms(self.school_year):
            self.add(TermRow(id=demo_id("term", term.school_year, term.number), school_year=term.school_year,
                             number=term.number, start_date=term.start, end_date=term.end))

    def duo(self, index: int, paris: ClassGroupRow, partner: ClassGroupRow, facilitator_id: str | None,
            partner_spec: tuple) -> DuoRow:
        languages = ["fr"] + [lang for lang in partner_spec[4] if lang != "fr"][:1]
        synchronous = _visio_possible(partner_spec, weekday=1 + 3 * (index % 2))
        status = DuoStatus.PAUSED if index == 10 else DuoStatus.PROPOSED if index == 11 else DuoStatus.ACTIVE
        row = DuoRow(
            id=demo_id("duo", paris.id, partner.id, self.school_year), paris_class_id=paris.id,
            partner_class_id=partner.id, school_year=self.school_year, facilitator_id=facilitator_id,
            languages=languages, project=PROJECTS[index % len(PROJECTS)],
            tools=["email", "visio", "blog"] if synchronous else ["email", "blog", "letters"],
            status=status,
            visio_link=f"https://visio.example.org/classes-duo-{index + 1:02d}" if synchronous else "",
            # paired at the start of the school year, so "gone quiet" counts from then
            created_at=datetime.combine(date(parse_school_year(self.school_year), 9, 1), time(9, 0),
                                        PARIS).astimezone(UTC),
        )
        self.add(row)
        return row

    def sessions(self, index: int, duo: DuoRow, paris: ClassGroupRow, partner: ClassGroupRow,
                 partner_spec: tuple) -> list[ExchangeSessionRow]:
        if duo.status is DuoStatus.PROPOSED:
            return []
        weekday = 1 + 3 * (index % 2)  # Tuesday or Friday
        synchronous = "visio" in duo.tools
        first = parse_school_year(self.school_year)
        day = date(first, 9, 15)
        day += timedelta(days=(weekday - day.weekday()) % 7)
        step = timedelta(weeks=2 if synchronous else 3)
        paris_calendar = calendar_of(Side.PARIS, PARIS_ZONE, "FR", "", (), (), ())
        _name, city, country, zone = partner_spec[:4]
        subdivision, years, breaks = demo_partner_calendar(country, city, first)
        partner_calendar = calendar_of(Side.PARTNER, zone, country, subdivision, (), breaks, years)
        created = []
        number = 0
        while day <= date(first + 1, 6, 26):
            if index == 10 and day > date(first, 11, 15):
                break  # the paused duo stopped in November
            start = datetime.combine(day, time(15, 0), PARIS).astimezone(UTC)
            # planned visios (from today) avoid the partner's breaks and the time between its school years; the
            # logged history stays as it was, and a visio on a partner's public holiday is left for the app to flag
            partner_closed = day >= self.today and any(
                closure.source is not HolidaySource.PUBLIC
                for closure in partner_calendar.closures_on(start.astimezone(ZoneInfo(zone)).date()))
            if paris_calendar.holiday_on(day) is None and not partner_closed:
                number += 1
                kind = SessionKind.VISIO if synchronous else (
                    SessionKind.EMAIL, SessionKind.BLOG_POST, SessionKind.LETTER)[number % 3]
                row = ExchangeSessionRow(
                    id=demo_id("session", duo.id, day.isoformat()), duo_id=duo.id, kind=kind, start_utc=start,
                    minutes=45 if synchronous else 30, visio_link=duo.visio_link,
                )
                self._outcome(row, day, paris, partner, index)
                if self.add(row):
                    created.append(row)
            day += step
        return created

    def _outcome(self, row: ExchangeSessionRow, day: date, paris: ClassGroupRow, partner: ClassGroupRow,
                 index: int) -> None:
        rng = random.Random(row.id)
        if day >= self.today:
            row.status = SessionStatus.PLANNED
            return
        recent = (self.today - day).days <= 14
        if recent and index % 3 == 0:
            row.status = SessionStatus.PLANNED  # not logged yet: shows up "to log"
            return
        if rng.random() < 0.12:
            row.status = SessionStatus.CANCELLED
            row.cancel_reason = rng.choice(list(CancelReason)).value
            row.notes = "Séance annulée, reportée à la prochaine date prévue."
        else:
            activity, tags = ACTIVITIES[rng.randrange(len(ACTIVITIES))]
            row.status = SessionStatus.HELD
            row.present_paris = max(0, paris.pupil_count - rng.randint(0, 4))
            row.present_partner = max(0, partner.pupil_count - rng.randint(0, 5))
            row.actual_minutes = row.minutes - rng.choice([0, 0, 5, 10])
            row.activities = activity
            row.activity_tags = tags
            row.languages_used = ["fr"]
            row.problems = "Son coupé quelques minutes." if rng.random() < 0.15 else ""
        row.logged_at = datetime.combine(day, time(18, 0), PARIS).astimezone(UTC)

    def media(self, index: int, duo: DuoRow, sessions: list[ExchangeSessionRow]) -> None:
        from classesduo.services.demo_images import draw_picture

        held = [s for s in sessions if s.status is SessionStatus.HELD][:3]
        for number, exchange in enumerate(held):
            seed = index * 10 + number
            data = draw_picture(seed)
            digest, stored = self.workspace.media.store_bytes(data, ".png")
            consent = (ConsentStatus.GRANTED, ConsentStatus.UNKNOWN, ConsentStatus.REFUSED)[seed % 3]
            self.add(MediaItemRow(
                id=demo_id("media", duo.id, digest), duo_id=duo.id, session_id=exchange.id,
                kind=MediaKind.DRAWING, file_hash=digest, stored_name=stored,
                original_name=f"dessin-{index + 1:02d}-{number + 1}.png", size_bytes=len(data),
                mime_type="image/png", taken_at=exchange.start_utc, side=Side.PARIS if number % 2 == 0 else Side.PARTNER,
                caption=f"Dessin de la séance du {exchange.start_utc:%d/%m/%Y}", identifiable_children=0,
                consent_exchange=ConsentStatus.GRANTED, consent_publication=consent, consent_reports=consent,
                consent_until=school_year_bounds(duo.school_year)[1],
            ))


def load_demo(
    workspace: Workspace,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Add the demo programme in one transaction; rows already present are left as they are."""
    today = today or date.today()
    steps = len(PARTNER_SCHOOLS) + 2
    with translated_storage_errors(), workspace.db.transaction() as session:
        loader = _Loader(session, workspace, today)
        by_language = loader.facilitators()
        loader.terms()
        _report(progress, 1, steps)
        for index, (paris_spec, partner_spec) in enumerate(zip(PARIS_SCHOOLS, PARTNER_SCHOOLS, strict=True)):
            if cancelled and cancelled():
                raise DemoCancelled()
            paris = loader.paris_school(index, *paris_spec)
            partner = loader.partner_school(partner_spec)
            facilitator = next((by_language[lang] for lang in partner_spec[4] if lang in by_language),
                               by_language.get("en"))
            session.flush()
            duo = loader.duo(index, paris, partner, facilitator, partner_spec)
            session.flush()
            created = loader.sessions(index, duo, paris, partner, partner_spec)
            session.flush()
            if index < 8:
                loader.media(index, duo, created)
            _report(progress, index + 2, steps)
        _report(progress, steps, steps)
        return loader.summary


def _visio_possible(partner_spec: tuple, weekday: int) -> bool:
    """Whether Paris 15:00–15:45 on ``weekday`` falls inside the partner's window (checked in October)."""
    zone, windows = partner_spec[3], partner_spec[6]
    day = date(2026, 10, 6) + timedelta(days=weekday - 1)
    start = datetime.combine(day, time(15, 0), PARIS).astimezone(ZoneInfo(zone))
    end = start + timedelta(minutes=45)
    return any(
        w.weekday == start.weekday() and w.start <= start.time() and end.time() <= w.end and end.date() == start.date()
        for w in windows
    )


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress:
        progress(done, total)


def _slug(text: str) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch if ch.isalnum() else "-" for ch in ascii_text.lower()).strip("-") or "school"


def _email(name: str, domain: str) -> str:
    return f"{_slug(name).replace('-', '.')}@{domain}"
