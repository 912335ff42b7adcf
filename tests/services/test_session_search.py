"""The log filter's folded copy of each session's text (``search_text``) follows every way a session is written."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

from classesduo.domain.entities import SessionLog
from classesduo.domain.enums import SessionStatus
from classesduo.domain.exchange_log import LogEntry
from classesduo.services import exchange_log
from classesduo.services.bundles import export_bundle, import_bundle
from classesduo.services.session_pages import SessionQuery, count_sessions
from classesduo.services.workspace import Workspace

from .log_helpers import make_programme, paris_instant, plan

LOGGED = (SessionStatus.HELD, SessionStatus.CANCELLED, SessionStatus.POSTPONED)


def _found(workspace: Workspace, text: str) -> int:
    return count_sessions(workspace.db, SessionQuery(statuses=LOGGED, text=text))


def _held(activities: str, notes: str = "") -> LogEntry:
    return LogEntry(SessionStatus.HELD, SessionLog(present_paris=20, present_partner=18, actual_minutes=40,
                                                   activities=activities, notes=notes))


def test_the_filter_ignores_accents_and_case_in_activities_and_notes(workspace: Workspace) -> None:
    """On SQLite and PostgreSQL alike: the text is folded when it is written."""
    duo = make_programme(workspace, paris_name="Ecole A", partner_name="Escuela B").duo_id
    session = plan(workspace, duo, paris_instant(date(2026, 11, 3)))
    exchange_log.log_session(workspace.db, session.id, _held("Chanson d'ÉTÉ", "Très réussi"))
    for text in ("ete", "ÉTÉ", "chanson ete", "tres REUSSI", "réussi"):
        assert _found(workspace, text) == 1, text
    assert _found(workspace, "ete reussi") == 1  # one word from each field
    assert _found(workspace, "hiver") == 0


def test_editing_the_log_updates_what_the_filter_finds(workspace: Workspace) -> None:
    duo = make_programme(workspace, paris_name="Ecole A", partner_name="Escuela B").duo_id
    session = plan(workspace, duo, paris_instant(date(2026, 11, 3)))
    saved = exchange_log.log_session(workspace.db, session.id, _held("Chanson"))
    exchange_log.log_session(workspace.db, session.id, _held("Dessins d'élèves"), version=saved.version)
    assert _found(workspace, "chanson") == 0
    assert _found(workspace, "eleves") == 1


def test_a_bundle_neither_carries_nor_loses_the_folded_text(workspace: Workspace, tmp_path: Path,
                                                           empty_template: Path) -> None:
    duo = make_programme(workspace, paris_name="Ecole A", partner_name="Escuela B").duo_id
    session = plan(workspace, duo, paris_instant(date(2026, 11, 3)))
    exchange_log.log_session(workspace.db, session.id, _held("Chanson d'été"))
    bundle = tmp_path / "duo.zip"
    export_bundle(workspace, bundle)
    with zipfile.ZipFile(bundle) as archive:
        rows = json.loads(archive.read("manifest.json"))["tables"]["exchange_session"]
    assert rows and all("search_text" not in row for row in rows)  # derived: recomputed on import

    from classesduo.services.workspace import open_workspace

    other_dir = tmp_path / "other"
    shutil.copytree(empty_template, other_dir)
    other = open_workspace(str(other_dir))
    try:
        import_bundle(other, bundle)
        assert _found(other, "ete") == 1
        # an edited copy of the same session (a later change) replaces the text, and the folded copy with it
        # an edit made on the laptop that sent the bundle: its change history gains one change after ours
        from classesduo.domain.change_history import extended, new_change

        edited = {**rows[0], "activities": "Théâtre",
                  "change_history": extended(rows[0]["change_history"], new_change())}
        newer = tmp_path / "newer.zip"
        with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(newer, "w") as target:
            for entry in source.infolist():
                data = source.read(entry)
                if entry.filename == "manifest.json":
                    manifest = json.loads(data)
                    manifest["tables"]["exchange_session"] = [edited]
                    data = json.dumps(manifest).encode()
                target.writestr(entry, data)
        import_bundle(other, newer)
        assert _found(other, "ete") == 0
        assert _found(other, "theatre") == 1
    finally:
        other.close()
