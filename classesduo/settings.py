"""User preferences, declared once with their defaults, saved as JSON in the config folder."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass
class Settings:
    #: "" follows the system locale; otherwise "fr" or "en".
    language: str = ""
    #: A duo with no exchange for this many weeks is listed as gone quiet.
    quiet_weeks: int = 3
    #: Minutes kept free around a facilitator's sessions by the overlap finder.
    buffer_minutes: int = 15
    #: Name kept in the history of log edits; "" uses the operating system's user name.
    user_name: str = ""
    #: Media and log text are erased this many school years after a duo's year ends.
    retention_years: int = 1
    #: Set once the first-run offer of demo data has been answered.
    demo_offered: bool = False
    #: Shared mode: a database URL (e.g. postgresql+psycopg://user@host/classesduo); "" uses the data folder.
    db_url: str = ""
    #: Shared mode: the media folder every team member sees (e.g. a network share); "" uses the data folder.
    media_dir: str = ""
    #: The main window's size and position (``QWidget.saveGeometry``, base64); "" lets the window choose.
    window_geometry: str = ""
    #: The main window's toolbars and docks (``QMainWindow.saveState``, base64).
    window_state: str = ""
    #: The area shown when the app was closed ("home", "schools", …); "" opens Home.
    last_area: str = ""
    #: A folder kept up to date with the subscription feeds (``classesduo feed``) after every change; "" none.
    feed_folder: str = ""
    #: Splitter positions and table column widths, base64 ``saveState`` keyed by "page/kind/index".
    view_states: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as error:
            log.warning("settings file %s unreadable (%s); using defaults", path, error)
            return cls()
        known = {f.name: f.type for f in fields(cls)}
        defaults = cls()
        values = {}
        for name in known:
            value = raw.get(name, getattr(defaults, name)) if isinstance(raw, dict) else getattr(defaults, name)
            if type(value) is not type(getattr(defaults, name)):
                log.warning("setting %s has a bad value %r; using the default", name, value)
                value = getattr(defaults, name)
            values[name] = value
        return cls(**values)

    def save(self, path: Path) -> None:
        from classesduo.storage.atomic import write_text_atomic  # not needed to show the window (start-up)

        write_text_atomic(path, json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n")
