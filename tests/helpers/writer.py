"""A process that writes to a data folder and reports each commit, for the kill and backup tests.

Run as ``python -m tests.helpers.writer DATA_DIR``: it imports the app once, then
for each line ``go N`` on stdin forks a child that commits transactions numbered
N, N+1, … forever, printing ``commit K`` after each commit returns. The parent
prints ``child PID`` and, when the child dies, ``dead PID``. Forking from this
clean process (no Qt, no threads) makes 30+ kills take seconds, not minutes.

Commits alternate between one row (a facilitator, like a log save) and a real
bundle import (``import_bundle``: its backup, then a school and its 40 classes in
one transaction).
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

NAMESPACE = uuid.UUID("0c3a6f1e-5d0b-4f7e-8a0e-2f6b1c9d7e11")
BIG = 40


def row_ids(number: int) -> list[tuple[str, str]]:
    """(table, id) of every row commit ``number`` writes."""
    if number % 2:
        return [("facilitator", str(uuid.uuid5(NAMESPACE, f"f{number}")))]
    return [("school", str(uuid.uuid5(NAMESPACE, f"s{number}")))] + [
        ("class_group", str(uuid.uuid5(NAMESPACE, f"c{number}-{i}"))) for i in range(BIG)]


def bundle_for(number: int, folder: Path) -> Path:
    """A bundle holding commit ``number``'s school and classes."""
    import json
    import zipfile

    stamp = "2026-11-28T10:00:00+00:00"
    common = {"created_at": stamp, "updated_at": stamp, "version": 1, "archived": False}
    ids = row_ids(number)
    school = {"id": ids[0][1], "name": f"École {number}", "side": "paris", "city": "Paris", "country": "FR",
              "arrondissement": 1, "timezone": "Europe/Paris", "languages": ["fr"], "contact_email": "", **common}
    classes = [{"id": row_id, "school_id": school["id"], "name": f"CM{i}", "level": "CM1", "pupil_count": 20,
                "teacher_name": "x" * 200, "teacher_email": "", **common} for i, (_t, row_id) in enumerate(ids[1:])]
    manifest = {"format": "classesduo-bundle", "format_version": 1, "app_version": "test", "created_at": stamp,
                "tables": {"school": [school], "class_group": classes}}
    path = folder / f"bundle-{number}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
    return path


def write_forever(data_dir: str, start: int) -> None:
    import tempfile

    from classesduo.services.bundles import import_bundle
    from classesduo.services.workspace import open_workspace
    from classesduo.storage.models import FacilitatorRow

    workspace = open_workspace(data_dir, check=False)
    scratch = Path(tempfile.mkdtemp(prefix="writer-"))
    number = start
    while True:
        ids = row_ids(number)
        if number % 2:
            with workspace.db.transaction() as session:
                session.add(FacilitatorRow(id=ids[0][1], name=f"commit {number}"))
        else:
            summary = import_bundle(workspace, bundle_for(number, scratch))
            assert summary.added["class_group"] == BIG
        sys.stdout.write(f"commit {number}\n")
        sys.stdout.flush()
        number += 1


def main() -> None:
    data_dir = sys.argv[1]
    import classesduo.services.bundles  # noqa: F401 - import once, before forking
    import classesduo.services.workspace  # noqa: F401
    import classesduo.storage.models  # noqa: F401

    sys.stdout.write("ready\n")
    sys.stdout.flush()
    for line in sys.stdin:
        command, start = line.split()
        if command != "go":
            continue
        pid = os.fork()
        if pid == 0:
            import faulthandler

            faulthandler.dump_traceback_later(8, exit=True)  # a stuck child says where, then ends
            try:
                write_forever(data_dir, int(start))
            except BaseException:
                import traceback

                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(1)
        sys.stdout.write(f"child {pid}\n")
        sys.stdout.flush()
        os.waitpid(pid, 0)
        sys.stdout.write(f"dead {pid}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
