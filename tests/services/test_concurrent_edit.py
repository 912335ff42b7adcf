"""Two people editing the same row through two connections (two laptops on one server): the second save is
refused with a clear message, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from classesduo.domain.entities import Facilitator
from classesduo.services.errors import ConcurrentEditError
from classesduo.services.facilitators import list_facilitators, save_facilitator
from classesduo.services.workspace import Workspace, open_workspace


def _get(db, facilitator_id: str) -> Facilitator:  # noqa: ANN001
    return next(person for person in list_facilitators(db) if person.id == facilitator_id)


def test_the_second_save_of_the_same_row_is_refused(workspace: Workspace) -> None:
    saved = save_facilitator(workspace.db, Facilitator(name="Camille", languages=["fr", "es"]))
    # a second person, with their own engine and connections on the same database
    other = open_workspace(str(workspace.paths.data_dir), workspace.db.url)
    try:
        mine = _get(workspace.db, saved.id)
        theirs = _get(other.db, saved.id)
        theirs.email = "camille@example.org"
        save_facilitator(other.db, theirs)
        mine.name = "Camille D."
        with pytest.raises(ConcurrentEditError, match="changed by someone else"):
            save_facilitator(workspace.db, mine)
        assert _get(workspace.db, saved.id).name == "Camille"
    finally:
        other.close()
