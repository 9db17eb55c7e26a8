"""Shared fixtures: where ../shared is, a PostgreSQL URL, a temporary SQLite path, the pipeline up to
statements."""
from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

from linewatch.nlp.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
# benchmarks/sample_data.py (synthetic dashboard records) serves the tests and bench_web.py alike
sys.path.insert(0, str(REPO / "benchmarks"))
# scripts/calibration.py (the calibration table) is imported by its test like a module
sys.path.insert(0, str(REPO / "scripts"))
REQUIRE_SERVICES = os.environ.get("LINEWATCH_REQUIRE_SERVICES") == "1"


def _shared_dir() -> Path | None:
    env = os.environ.get("LINEWATCH_SHARED")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared", REPO / ".." / "shared"]:
        if (cand / "seed").is_dir():
            return cand.resolve()
    return None


@pytest.fixture(scope="session")
def pipe() -> Pipeline:
    """The pipeline up to statements, built once for the session: the tests of speakers and
    attributions read invented sentences through it."""
    return Pipeline(names=("segment", "parse", "mentions", "dates", "statements"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder (seed, dev set, eval data); tests skip without it."""
    path = _shared_dir()
    if path is None:
        pytest.skip("../shared is not present")
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'linewatch.db'}"


def _pg_admin_url() -> str:
    return os.environ.get("LINEWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def pg_url() -> str:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        if REQUIRE_SERVICES:
            raise
        pytest.skip("psycopg not installed")
    admin = _pg_admin_url()
    name = f"lw_test_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        if REQUIRE_SERVICES:
            raise
        pytest.skip(f"no PostgreSQL server: {exc}")
    base = admin.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Runs a test once on SQLite and once on a real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'linewatch.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def sqlite_store(sqlite_url: str):
    """An open store on a fresh SQLite file, closed after the test."""
    from linewatch.store import open_store

    st = open_store(sqlite_url)
    yield st
    st.close()
