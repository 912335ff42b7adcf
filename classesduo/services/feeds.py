"""Subscription feeds: one ``.ics`` per facilitator, per school and for the programme, in one folder.

For a synced folder (Nextcloud, Dropbox…) or a web server's directory: calendar
apps subscribe to a file's URL and follow it. Each file is the same ``.ics``
as ``classesduo ics`` (METHOD:PUBLISH, the sessions' UIDs and SEQUENCE, UTC
times), so a move or cancellation shows up at the next refresh. Files are
written atomically; ``.classesduo-feeds.json`` in the folder lists what was
written, so a feed that no longer has a reason to exist (a school deleted) is
removed — and nothing else in the folder is ever touched.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from classesduo.domain.enums import SessionKind
from classesduo.domain.text import fold
from classesduo.services.ics_export import build_calendar
from classesduo.services.sessions import list_sessions
from classesduo.storage.atomic import write_bytes_atomic, write_text_atomic
from classesduo.storage.database import Database
from classesduo.storage.models import ClassGroupRow, DuoRow, FacilitatorRow, SchoolRow

MANIFEST = ".classesduo-feeds.json"
PROGRAMME_FILE = "programme.ics"


@dataclass(frozen=True)
class FeedResult:
    written: list[Path]
    removed: list[Path]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:40] or "x"


def _file(kind: str, name: str, record_id: str) -> str:
    return f"{kind}-{_slug(name)}-{record_id[:8]}.ics"


def write_feeds(db: Database, folder: Path) -> FeedResult:
    """Write every feed into ``folder`` (created if needed); remove feeds written earlier that are gone."""
    folder = Path(folder)
    views = [view for view in list_sessions(db) if view.session.kind is SessionKind.VISIO]
    paris_class, partner_class = aliased(ClassGroupRow), aliased(ClassGroupRow)
    with db.reading() as session:
        duos = session.execute(
            select(DuoRow.id, DuoRow.facilitator_id, paris_class.school_id, partner_class.school_id)
            .join(paris_class, DuoRow.paris_class_id == paris_class.id)
            .join(partner_class, DuoRow.partner_class_id == partner_class.id)).all()
        facilitators = dict(session.execute(select(FacilitatorRow.id, FacilitatorRow.name)).all())
        schools = dict(session.execute(select(SchoolRow.id, SchoolRow.name)).all())
    by_duo = defaultdict(list)
    for view in views:
        by_duo[view.session.duo_id].append(view)
    feeds: dict[str, tuple[str, list]] = {PROGRAMME_FILE: ("Classes Duo", views)}
    for facilitator_id, name in facilitators.items():
        feeds[_file("facilitator", name, facilitator_id)] = (f"Classes Duo — {name}", [])
    for school_id, name in schools.items():
        feeds[_file("school", name, school_id)] = (f"Classes Duo — {name}", [])
    for duo_id, facilitator_id, paris_school, partner_school in duos:
        targets = [_file("school", schools[paris_school], paris_school),
                   _file("school", schools[partner_school], partner_school)]
        if facilitator_id in facilitators:
            targets.append(_file("facilitator", facilitators[facilitator_id], facilitator_id))
        for target in targets:
            feeds[target][1].extend(by_duo.get(duo_id, []))
    previous = _manifest(folder)
    written = []
    for name, (title, items) in sorted(feeds.items()):
        target = folder / name
        write_bytes_atomic(target, build_calendar(sorted(items, key=lambda v: v.session.start_utc), name=title))
        written.append(target)
    removed = []
    for name in sorted(set(previous) - set(feeds)):
        stale = folder / name
        if stale.parent == folder and stale.suffix == ".ics" and stale.exists():
            stale.unlink()
            removed.append(stale)
    write_text_atomic(folder / MANIFEST, json.dumps(sorted(feeds), indent=1))
    return FeedResult(written, removed)


def _manifest(folder: Path) -> list[str]:
    try:
        names = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return [name for name in names if isinstance(name, str) and "/" not in name and "\\" not in name]
