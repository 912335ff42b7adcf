"""Public holidays already asked of the ``holidays`` package, kept in one small JSON file between runs.

A cache, nothing more (see :mod:`classesduo.domain.public_holidays`): a missing, unreadable or
damaged file is read as empty and rewritten; a file that cannot be written (a read-only folder, a
full disk) only means the package is asked again next time. Keys name the package's version, so a
write keeps only the current version's entries.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import date
from pathlib import Path

from classesduo.domain.public_holidays import Days
from classesduo.storage.atomic import private_folder, write_bytes_atomic

log = logging.getLogger(__name__)

FORMAT = 1


class HolidayFile:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._days: dict[str, Days] | None = None
        self._lock = threading.Lock()  # the start-up worker and the GUI thread may both read calendars

    def _loaded(self) -> dict[str, Days]:
        if self._days is None:
            self._days = {}
            try:
                content = json.loads(self.path.read_text(encoding="utf-8"))
                if content.get("format") == FORMAT:
                    self._days = {str(key): [(date.fromisoformat(day).isoformat(), str(name)) for day, name in days]
                                  for key, days in content["days"].items()}  # a bad day: the whole file ignored
            except FileNotFoundError:
                pass
            except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
                log.warning("public holidays cache %s ignored (%s); it will be written again", self.path, error)
        return self._days

    def get(self, key: str) -> Days | None:
        with self._lock:
            return self._loaded().get(key)

    def put(self, key: str, days: Days) -> None:
        version = key.split(",", 1)[0]  # "holidays 0.109"
        with self._lock:
            known = {k: v for k, v in self._loaded().items() if k.split(",", 1)[0] == version}
            known[key] = list(days)
            self._days = known
            try:
                private_folder(self.path.parent)
                text = json.dumps({"format": FORMAT, "days": known}, ensure_ascii=False, sort_keys=True)
                write_bytes_atomic(self.path, text.encode("utf-8"), durable=False)
            except OSError as error:
                log.info("public holidays cache %s not written (%s)", self.path, error)
