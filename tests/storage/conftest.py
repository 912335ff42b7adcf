"""This suite runs on SQLite and, when CLASSESDUO_TEST_PG_URL is set, on PostgreSQL too."""

import pytest

from tests.pg import backend_workspace

workspace = pytest.fixture(params=["sqlite", "postgresql"])(backend_workspace)
