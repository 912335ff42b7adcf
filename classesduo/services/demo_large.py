"""A large, deterministic programme for measuring (``classesduo demo --scale large``).

2,000 schools, 4,000 classes, 1,000 duos over four school years, 100,000
sessions with logs and 200,000 media records. Media rows are metadata only,
except a few hundred that point at real drawn images, so the thumbnail path has
real files to read. Rows are written with bulk INSERTs in one transaction.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert

from classesduo.domain.enums import (
    CancelReason,
    ConsentStatus,
    DuoStatus,
    MediaKind,
    SessionKind,
    SessionStatus,
    Side,
)
from classesduo.domain.terms import default_terms
from classesduo.domain.timezones import PARIS, PARIS_ZONE
from classesduo.services.demo import DemoCancelled, demo_id
from classesduo.services.demo_catalog import ACTIVITIES, PARTNER_SCHOOLS
from classesduo.services.workspace import Workspace
from classesduo.storage.models import (
    AvailabilityWindowRow,
    ClassGroupRow,
    DuoRow,
    ExchangeSessionRow,
    FacilitatorRow,
    MediaItemRow,
    SchoolRow,
    TermRow,
)

CHUNK = 5_000


@dataclass(frozen=True)
class Scale:
    schools_per_side: int = 1_000
    facilitators: int = 60
    duos: int = 1_000
    sessions_per_duo: int = 100
    media_per_duo: int = 200
    real_images: int = 300
    school_years: tuple[str, ...] = ("2023-2024", "2024-2025", "2025-2026", "2026-2027")


LARGE = Scale()
#: The same shape, small enough for tests.
TINY = Scale(schools_per_side=20, facilitators=4, duos=10, sessions_per_duo=12, media_per_duo=5, real_images=3)


def load_large_demo(workspace: Workspace, scale: Scale = LARGE, today: date | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> dict[str, int]:
    """Write the programme unless it is already there; return row counts written per table."""
    today = today or date(2026, 11, 28)
    rng = random.Random("classesduo-large-demo")
    marker = demo_id("large", "school", "paris", 0)
    written: dict[str, int] = {}
    steps = 6

    def step(done: int) -> None:
        if cancelled and cancelled():
            raise DemoCancelled()
        if progress:
            progress(done, steps)

    with workspace.db.transaction() as session:
        if session.get(SchoolRow, marker) is not None:
            return written

        connection = session.connection()

        def bulk(row_cls: type, rows: list[dict]) -> None:
            # Core executemany on the table: the ORM's bulk path costs several times more per row.
            statement = insert(row_cls.__table__)
            for start in range(0, len(rows), CHUNK):
                connection.execute(statement, rows[start:start + CHUNK])
            written[row_cls.__tablename__] = written.get(row_cls.__tablename__, 0) + len(rows)

        now = datetime.now(UTC)
        stamps = {"created_at": now, "updated_at": now, "version": 1}
        facilitators = [demo_id("large", "facilitator", i) for i in range(scale.facilitators)]
        bulk(FacilitatorRow, [{"id": fid, "name": f"Intervenant·e {i + 1:03d}", "email": f"f{i + 1:03d}@example.org",
                               "languages": ["fr", ("es", "en", "ja", "it", "ko", "wo")[i % 6]], "archived": False,
                               **stamps} for i, fid in enumerate(facilitators)])
        bulk(TermRow, [{"id": demo_id("large", "term", t.school_year, t.number), "school_year": t.school_year,
                        "number": t.number, "start_date": t.start, "end_date": t.end, **stamps}
                       for year in scale.school_years for t in default_terms(year)])
        step(1)

        schools, windows, classes = [], [], []
        for side in (Side.PARIS, Side.PARTNER):
            for i in range(scale.schools_per_side):
                sid = demo_id("large", "school", side.value, i)
                if side is Side.PARIS:
                    arrondissement = 1 + i % 20
                    schools.append({"id": sid, "name": f"École élémentaire n° {i + 1:04d}", "side": side.value,
                                    "city": "Paris", "country": "FR", "arrondissement": arrondissement,
                                    "timezone": PARIS_ZONE, "languages": ["fr"], "contact_email": "",
                                    "archived": False, **stamps})
                    days, start, end = (1, 4), time(15, 0), time(16, 30)
                else:
                    spec = PARTNER_SCHOOLS[i % len(PARTNER_SCHOOLS)]
                    schools.append({"id": sid, "name": f"{spec[0]} #{i + 1:04d}", "side": side.value,
                                    "city": spec[1], "country": spec[2], "arrondissement": None, "timezone": spec[3],
                                    "languages": list(spec[4]), "contact_email": "", "archived": False, **stamps})
                    days, start, end = range(5), time(8, 30), time(16, 0)
                windows += [{"id": demo_id("large", "window", sid, day), "school_id": sid, "weekday": day,
                             "start_time": start, "end_time": end, **stamps} for day in days]
                for number in range(2):
                    classes.append({"id": demo_id("large", "class", sid, number), "school_id": sid,
                                    "name": f"CM{1 + number}" if side is Side.PARIS else f"Grade {4 + number}",
                                    "level": f"CM{1 + number}" if side is Side.PARIS else f"Grade {4 + number}",
                                    "pupil_count": 18 + (i + number) % 12, "teacher_name": "", "teacher_email": "",
                                    "archived": False, **stamps})
        bulk(SchoolRow, schools)
        bulk(AvailabilityWindowRow, windows)
        bulk(ClassGroupRow, classes)
        step(2)

        paris_classes = classes[:2 * scale.schools_per_side]  # Paris schools were added first
        partner_classes = classes[2 * scale.schools_per_side:]
        duos = []
        for i in range(scale.duos):
            year = scale.school_years[i % len(scale.school_years)]
            duos.append({"id": demo_id("large", "duo", i), "paris_class_id": paris_classes[i % len(paris_classes)]["id"],
                         "partner_class_id": partner_classes[(i * 7) % len(partner_classes)]["id"],
                         "school_year": year, "facilitator_id": facilitators[i % len(facilitators)],
                         "languages": ["fr", "es"], "project": "Correspondance et visios.", "tools": ["email", "visio", "blog"],
                         "status": (DuoStatus.CLOSED if year != scale.school_years[-1] else DuoStatus.ACTIVE).value,
                         "visio_link": f"https://visio.example.org/large-{i:04d}", **stamps})
        bulk(DuoRow, duos)
        step(3)

        sessions = []
        for i, duo in enumerate(duos):
            first = int(duo["school_year"][:4])
            day = date(first, 9, 8)
            for number in range(scale.sessions_per_duo):
                when = day + timedelta(days=(number * 7) // 3 + (1 if number % 3 else 0))
                start = datetime.combine(when, time(15, 0), PARIS).astimezone(UTC)
                kind = (SessionKind.VISIO, SessionKind.EMAIL, SessionKind.BLOG_POST)[number % 3]
                past = when < today
                roll = rng.random()
                status = (SessionStatus.PLANNED if not past else
                          SessionStatus.CANCELLED if roll < 0.1 else SessionStatus.HELD)
                activity, tags = ACTIVITIES[number % len(ACTIVITIES)]
                held = status is SessionStatus.HELD
                sessions.append({
                    "id": demo_id("large", "session", i, number), "duo_id": duo["id"], "series_id": None,
                    "kind": kind.value, "start_utc": start, "minutes": 45, "status": status.value,
                    "visio_link": "", "sequence": 0, "postponed_to_id": None,
                    "present_paris": 20 if held else None, "present_partner": 18 if held else None,
                    "actual_minutes": 45 if held else None,
                    "cancel_reason": CancelReason.TECHNICAL.value if status is SessionStatus.CANCELLED else "",
                    "activities": activity if held else "", "activity_tags": list(tags) if held else [],
                    "languages_used": ["fr"] if held else [], "problems": "", "follow_up": "", "notes": "",
                    "logged_at": start + timedelta(hours=3) if past else None, **stamps})
        bulk(ExchangeSessionRow, sessions)
        step(4)

        real = _real_images(workspace, scale.real_images)
        media = []
        first_real = len(duos) * scale.media_per_duo - len(real)  # the newest names: the gallery opens on them
        for i, duo in enumerate(duos):
            for number in range(scale.media_per_duo):
                index = i * scale.media_per_duo + number
                if index >= first_real:
                    digest, stored, size = real[index - first_real]
                else:
                    digest = hashlib.sha256(f"large-media-{index}".encode()).hexdigest()
                    stored, size = f"{digest[:2]}/{digest}.jpg", 2_500_000
                consent = (ConsentStatus.GRANTED, ConsentStatus.UNKNOWN, ConsentStatus.REFUSED)[index % 3].value
                media.append({
                    "id": demo_id("large", "media", i, number), "duo_id": duo["id"], "session_id": None,
                    "kind": MediaKind.PHOTO.value, "file_hash": digest, "stored_name": stored,
                    "original_name": f"photo-{index:06d}.jpg", "size_bytes": size, "mime_type": "image/jpeg",
                    "taken_at": None, "side": (Side.PARIS if number % 2 else Side.PARTNER).value,
                    "caption": "", "caption_partner": "", "tags": "", "identifiable_children": number % 4,
                    "consent_exchange": ConsentStatus.GRANTED.value, "consent_publication": consent,
                    "consent_reports": consent, "consent_until": None, **stamps})
        bulk(MediaItemRow, media)
        step(5)
    step(steps)
    return written


def _real_images(workspace: Workspace, count: int) -> list[tuple[str, str, int]]:
    from classesduo.services.demo_images import draw_picture

    images = []
    for seed in range(count):
        data = draw_picture(10_000 + seed, 800, 600)
        digest, stored = workspace.media.store_bytes(data, ".png")
        images.append((digest, stored, len(data)))
    return images
