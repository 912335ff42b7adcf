"""Classes Duo: plan and record the City of Paris school exchanges."""

__version__ = "0.1.0"
APP_NAME = "classesduo"


def _use_shipped_tzdata() -> None:
    """Make every :mod:`zoneinfo` conversion read the ``tzdata`` package the app ships, never the host's.

    ``zoneinfo`` searches ``TZPATH`` (the system's tz database) before ``tzdata``, so two laptops
    with different system data would disagree on times (Casablanca from 2026-09-20 differs between
    2025b and 2026f). This runs once, when the package is first imported, before any module builds a
    ``ZoneInfo``: the GUI, the CLI and the tests all import ``classesduo`` first.
    """
    import zoneinfo

    zoneinfo.reset_tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()


def tz_database_version() -> str:
    """The IANA release of the shipped tz database, e.g. ``"2026f"``."""
    try:
        import tzdata
    except ImportError:  # pragma: no cover - tzdata is a dependency
        return "?"
    return str(getattr(tzdata, "IANA_VERSION", "?"))


def version_text() -> str:
    """``classesduo 0.1.0 (tz database 2026f)``: what ``--version`` prints."""
    return f"{APP_NAME} {__version__} (tz database {tz_database_version()})"


_use_shipped_tzdata()
