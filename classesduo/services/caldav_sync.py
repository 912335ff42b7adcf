"""Live calendars over CalDAV (the ``caldav`` library): push every visio of a scope with its own UID.

A data folder connects one CalDAV calendar (a collection URL such as
``https://cloud.example.org/remote.php/dav/calendars/camille/classes-duo/``) for the
programme or for one facilitator's duos. ``sync/caldav.json`` in the data folder
(0600) records the account and, per event, what was last pushed: its resource URL,
the server's ETag and the SEQUENCE. The password is never written there: it goes to
the system keyring (``keyring``) when one is available, otherwise it is asked for
each time (``CLASSESDUO_CALDAV_PASSWORD`` for scripts).

A sync:

* reads the calendar's ETags (one PROPFIND);
* pushes each visio whose SEQUENCE is above the one last pushed (new ones with
  ``If-None-Match: *``, others with ``If-Match`` the last ETag): plan, move, postpone,
  cancel — the same UID, so the server updates the event;
* deletes on the server the events of sessions deleted here (``If-Match``);
* never overwrites a change made on the server: an event whose ETag differs from the
  last one pushed (edited or deleted by someone else), a 412 or any refusal is
  reported and left alone until the user chooses (``force``: push ours anyway);
* saves the state after each accepted request, so a server that goes away mid-sync
  leaves the rest *waiting*: the queue is what differs between the database and the
  state file, so work done offline is pushed by the next sync.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from classesduo.domain.calendar_identity import session_uid
from classesduo.domain.enums import SessionKind
from classesduo.domain.i18n import translate
from classesduo.services.errors import ServiceError
from classesduo.services.ics_export import ExportScope, new_calendar, scope_sessions, session_event
from classesduo.services.views import SessionView
from classesduo.storage.atomic import private_folder, write_text_atomic
from classesduo.storage.database import Database

STATE_FILE = Path("sync") / "caldav.json"

KEYRING_SERVICE = "classesduo-caldav"
PASSWORD_ENV = "CLASSESDUO_CALDAV_PASSWORD"


class SyncUnavailable(ServiceError):
    """No calendar connected, or no password to reach it."""


@dataclass
class Account:
    url: str  # the calendar collection, ending with "/"
    username: str
    facilitator_id: str | None = None  # None: the whole programme


@dataclass
class Pushed:
    href: str
    etag: str
    sequence: int


@dataclass
class SyncState:
    account: Account | None = None
    items: dict[str, Pushed] = field(default_factory=dict)  # UID -> what the server got last
    last_sync: str = ""  # ISO instant of the last complete sync


@dataclass
class SyncReport:
    pushed: list[str] = field(default_factory=list)  # UIDs created or updated on the server
    deleted: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (UID, what happened)
    waiting: int = 0  # not pushed because the server did not answer
    offline: str = ""  # why the server could not be reached (empty: it answered throughout)

    @property
    def complete(self) -> bool:
        return not self.offline and not self.conflicts


# --- state --------------------------------------------------------------------------------------------------


def state_path(data_dir: Path) -> Path:
    return Path(data_dir) / STATE_FILE


def load_state(data_dir: Path) -> SyncState:
    path = state_path(data_dir)
    if not path.exists():
        return SyncState()
    try:
        raw = json.loads(path.read_text("utf-8"))
        account = Account(**raw["account"]) if raw.get("account") else None
        items = {uid: Pushed(**item) for uid, item in raw.get("items", {}).items()}
    except (ValueError, KeyError, TypeError) as error:
        raise ServiceError(translate("services", "The CalDAV sync state {path} is damaged ({error}); connect the "
                                                 "calendar again.").format(path=path, error=error)) from error
    return SyncState(account, items, raw.get("last_sync", ""))


def save_state(data_dir: Path, state: SyncState) -> None:
    path = state_path(data_dir)
    private_folder(path.parent)
    write_text_atomic(path, json.dumps({"account": asdict(state.account) if state.account else None,
                                        "items": {uid: asdict(item) for uid, item in state.items.items()},
                                        "last_sync": state.last_sync}, indent=1, sort_keys=True))


def connect(data_dir: Path, url: str, username: str, facilitator_id: str | None = None) -> SyncState:
    """Connect a calendar (replacing any other; what was pushed to the previous one is forgotten)."""
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise ServiceError(translate("services", "A CalDAV calendar address starts with https:// (or http://), "
                                                 "not {url!r}.").format(url=url))
    state = SyncState(Account(url if url.endswith("/") else url + "/", username.strip(), facilitator_id or None))
    save_state(data_dir, state)
    return state


def disconnect(data_dir: Path) -> None:
    state_path(data_dir).unlink(missing_ok=True)


# --- password -----------------------------------------------------------------------------------------------


def _keyring():  # noqa: ANN202 - the keyring module, or None when no real backend exists
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring configuration means none
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def keyring_available() -> bool:
    return _keyring() is not None


def _key(account: Account) -> str:
    return f"{account.username}@{account.url}"


def store_password(account: Account, password: str) -> bool:
    """Keep the password in the system keyring; False if there is none (then it is asked each time)."""
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(KEYRING_SERVICE, _key(account), password)
    except Exception:  # noqa: BLE001 - a locked or refusing keyring: ask each time instead
        return False
    return True


def stored_password(account: Account) -> str | None:
    """The password from the environment (scripts) or the keyring; None: ask the user."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    ring = _keyring()
    if ring is None:
        return None
    try:
        return ring.get_password(KEYRING_SERVICE, _key(account))
    except Exception:  # noqa: BLE001
        return None


# --- sync ---------------------------------------------------------------------------------------------------


def _scope_views(db: Database, account: Account) -> dict[str, SessionView]:
    views = scope_sessions(db, ExportScope(facilitator_id=account.facilitator_id))
    return {session_uid(view.session.id or ""): view for view in views if view.session.kind is SessionKind.VISIO}


def is_connected(data_dir: Path) -> bool:
    try:
        return load_state(data_dir).account is not None
    except ServiceError:
        return False


def pending(db: Database, state: SyncState) -> int:
    """How many changes wait to be pushed (no network): new or changed visios and deletions."""
    if state.account is None:
        return 0
    views = _scope_views(db, state.account)
    changed = sum(1 for uid, view in views.items()
                  if uid not in state.items or state.items[uid].sequence < view.session.sequence)
    return changed + sum(1 for uid in state.items if uid not in views)


def _event_body(view: SessionView, now: datetime) -> str:
    calendar = new_calendar(method="")  # a CalDAV resource carries no METHOD (RFC 4791 §4.1)
    calendar.add_component(session_event(view, now))
    return calendar.to_ical().decode("utf-8")


def _offline(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


def _is_network_error(error: Exception) -> bool:
    """No answer from the server (refused, reset, timed out, name not found), as opposed to a bug here."""
    return any(isinstance(item, OSError | TimeoutError) or type(item).__name__ in _NETWORK_ERRORS
               for item in (error, *_causes(error)))


_NETWORK_ERRORS = {"ConnectionError", "Timeout", "ConnectTimeout", "ReadTimeout", "NewConnectionError",
                   "MaxRetryError", "ProtocolError", "RemoteDisconnected"}


def _causes(error: BaseException) -> Iterable[BaseException]:
    seen = error.__cause__ or error.__context__
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


def sync(db: Database, data_dir: Path, password: str | None = None, *, force: Iterable[str] = (),
         now: datetime | None = None, client_factory: Callable[..., Any] | None = None) -> SyncReport:
    """Push what changed since the last sync; report conflicts and refusals; keep what could not be sent."""
    import caldav
    from caldav.elements import dav
    from caldav.lib import error as caldav_error

    state = load_state(data_dir)
    if state.account is None:
        raise SyncUnavailable(translate("services", "No CalDAV calendar is connected; connect one first."))
    account = state.account
    password = password if password is not None else stored_password(account)
    if password is None:
        raise SyncUnavailable(translate("services", "The CalDAV password is needed (no keyring on this computer)."))
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    forced = set(force)
    views = _scope_views(db, account)
    report = SyncReport()
    todo = [uid for uid, view in views.items()
            if uid not in state.items or state.items[uid].sequence < view.session.sequence or uid in forced]
    gone = [uid for uid in state.items if uid not in views]
    factory = client_factory or caldav.DAVClient
    client = factory(url=account.url, username=account.username, password=password, timeout=20)
    try:
        listing = client.propfind(account.url, props=["{DAV:}getetag"], depth=1)
        if listing.status == 404:
            raise ServiceError(translate("services", "There is no calendar at {url}.").format(url=account.url))
        server = {_path(href): props.get("{DAV:}getetag") or "" for href, props in
                  listing.expand_simple_props([dav.GetEtag()]).items()}
    except caldav_error.AuthorizationError as error:
        raise ServiceError(translate("services", "The CalDAV server refused the user name or password.")) from error
    except ServiceError:
        raise
    except Exception as error:  # noqa: BLE001 - no answer: everything waits
        if not _is_network_error(error):
            raise
        report.offline, report.waiting = _offline(error), len(todo) + len(gone)
        return report

    # Server-side changes to events that have nothing new here are reported too.
    for uid, pushed in state.items.items():
        if uid in views and uid not in todo:
            on_server = server.get(_path(pushed.href))
            if on_server is None:
                report.conflicts.append((uid, translate("services", "deleted on the server")))
            elif on_server != pushed.etag:
                report.conflicts.append((uid, translate("services", "changed on the server")))

    remaining = len(todo) + len(gone)
    try:
        for uid in todo:
            view = views[uid]
            pushed = state.items.get(uid)
            href = pushed.href if pushed else account.url + f"{view.session.id}.ics"
            on_server = server.get(_path(href))
            headers = {"Content-Type": "text/calendar; charset=utf-8"}
            if uid in forced:
                pass
            elif pushed is None:
                headers["If-None-Match"] = "*"
            elif on_server is None:
                report.conflicts.append((uid, translate("services", "deleted on the server")))
                remaining -= 1
                continue
            elif on_server != pushed.etag:
                report.conflicts.append((uid, translate("services", "changed on the server; not overwritten")))
                remaining -= 1
                continue
            else:
                headers["If-Match"] = pushed.etag
            response = client.put(href, _event_body(view, now), headers)
            remaining -= 1
            if response.status in (200, 201, 204):
                etag = response.headers.get("ETag") or _etag_of(client, href)
                state.items[uid] = Pushed(href, etag, view.session.sequence)
                save_state(data_dir, state)
                report.pushed.append(uid)
            elif response.status == 412:
                report.conflicts.append((uid, translate("services", "already on the server with other content; "
                                                                    "not overwritten") if pushed is None else
                                        translate("services", "changed on the server; not overwritten")))
            else:
                report.conflicts.append((uid, translate("services", "refused by the server ({status})").format(
                    status=response.status)))
        for uid in gone:
            pushed = state.items[uid]
            response = client.delete(pushed.href, {"If-Match": pushed.etag} if uid not in forced else {})
            remaining -= 1
            if response.status in (200, 204, 404):
                del state.items[uid]
                save_state(data_dir, state)
                report.deleted.append(uid)
            elif response.status == 412:
                report.conflicts.append((uid, translate("services", "changed on the server; not deleted")))
            else:
                report.conflicts.append((uid, translate("services", "refused by the server ({status})").format(
                    status=response.status)))
    except caldav_error.AuthorizationError as error:
        report.conflicts.append(("", translate("services", "refused by the server ({status})").format(
            status=str(error) or "401/403")))
        report.waiting = remaining
        return report
    except Exception as error:  # noqa: BLE001 - the server went away: the rest waits for the next sync
        if not _is_network_error(error):
            raise
        report.offline, report.waiting = _offline(error), remaining
        return report
    state.last_sync = now.isoformat()
    save_state(data_dir, state)
    return report


def _path(href: str) -> str:
    """The path of a resource URL, as a PROPFIND lists it."""
    from urllib.parse import unquote, urlsplit

    return unquote(urlsplit(href).path)


def _etag_of(client: Any, href: str) -> str:
    from caldav.elements import dav

    response = client.propfind(href, props=["{DAV:}getetag"], depth=0)
    props = response.expand_simple_props([dav.GetEtag()])
    return next(iter(props.values()), {}).get("{DAV:}getetag", "") if props else ""
