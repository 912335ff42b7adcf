"""Shared fixtures: every test gets its own data folder; Qt runs offscreen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

# A 1920×1080 screen (the offscreen default is 800×800, smaller than the window): window geometry is
# restored as saved, and pages are checked at 1280×720 and 1366×768 within it.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(Path(__file__).with_name("offscreen_screen.json"))
os.environ.pop("CLASSESDUO_DB_URL", None)
os.environ.pop("CLASSESDUO_DATA_DIR", None)

import pytest  # noqa: E402

from classesduo.services.workspace import Workspace, open_workspace  # noqa: E402

#: The demo is built as of this day in tests, so its content never depends on the clock.
DEMO_TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture(autouse=True)
def _fresh_log_handlers() -> Iterator[None]:
    """Commands and windows attach a file handler to the root logger; each test starts without one."""
    import logging

    yield
    root = logging.getLogger()
    for handler in root.handlers[:]:
        if getattr(handler, "_classesduo", False):
            handler.close()
            root.removeHandler(handler)


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with a migrated, empty database, built once and copied per test."""
    folder = tmp_path_factory.mktemp("empty-template")
    open_workspace(str(folder)).close()
    return folder


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, empty_template: Path) -> Path:
    from classesduo.services.demo import load_demo

    folder = tmp_path_factory.mktemp("demo-template")
    shutil.copytree(empty_template, folder, dirs_exist_ok=True)
    workspace = open_workspace(str(folder))
    load_demo(workspace, today=DEMO_TODAY)
    workspace.close()
    return folder


def _copy(template: Path, target: Path) -> Path:
    shutil.copytree(template, target, dirs_exist_ok=True)
    return target


@pytest.fixture
def data_dir(tmp_path: Path, empty_template: Path) -> Path:
    return _copy(empty_template, tmp_path / "data")


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    ws = open_workspace(str(data_dir))
    yield ws
    ws.close()


@pytest.fixture
def demo_dir(tmp_path: Path, demo_template: Path) -> Path:
    return _copy(demo_template, tmp_path / "demo")


@pytest.fixture
def demo_workspace(demo_dir: Path) -> Iterator[Workspace]:
    ws = open_workspace(str(demo_dir))
    yield ws
    ws.close()


# PostgreSQL -------------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def pg_databases() -> Iterator[object]:
    from tests.pg import PgDatabases, server_url

    databases = PgDatabases(server_url())
    yield databases
    databases.close()


@pytest.fixture
def pg_url(pg_databases) -> Iterator[str]:  # noqa: ANN001
    """A fresh, migrated PostgreSQL database for this test (skips without CLASSESDUO_TEST_PG_URL)."""
    with pg_databases.fresh() as url:
        yield url
