"""Shared fixtures. Qt runs offscreen in every test: no display is needed or used."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")  # as the app paints (app/main.py)
os.environ.setdefault("TELEREADER_LANG", "en")

from pathlib import Path

import pytest

from telereader.core.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "cls-telegraph-2026-01-14.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test may touch the real library: the default data dir points at a temporary one."""
    monkeypatch.setenv("TELEREADER_DATA_DIR", str(tmp_path_factory.mktemp("default-data")))
    monkeypatch.setenv("TELEREADER_LANG", "en")


@pytest.fixture(autouse=True)
def _qt_garbage_collected_here(request: pytest.FixtureRequest):
    """After a test with windows, collect its garbage on this (the Qt) thread. A closed
    window's Python-owned Qt objects in reference cycles wait for the cycle collector, which
    runs wherever memory is next allocated: on a worker thread of the next test (a search, the
    hot words), Qt objects destroyed there crashed the process (a worker's signal emit, seen
    once in a whole run)."""
    yield
    if request.node.get_closest_marker("gui") is not None:
        import gc

        gc.collect()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def store(data_dir: Path):
    with Store.open(data_dir) as opened:
        yield opened


@pytest.fixture
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture
def sample_text(sample_bytes: bytes) -> str:
    return sample_bytes.decode("utf-8")


GUI_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that needs Qt `gui`: `pytest -m "not gui"` runs the core tests alone."""
    for item in items:
        module = getattr(item, "module", None)
        source = getattr(module, "__dict__", {})
        imports_qt = any(
            getattr(value, "__name__", "").startswith(("PySide6", "telereader.app"))
            or (getattr(value, "__module__", "") and str(getattr(value, "__module__", "")).startswith(
                ("PySide6", "telereader.app")
            ))
            for value in source.values()
        )
        if GUI_FIXTURES & set(getattr(item, "fixturenames", ())) or imports_qt:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def no_catch_ups(monkeypatch):
    """The window's word and market catch-ups never start: for tests that look at something
    else, whose windows then close at once, and whose fakes of the library (a full disk) are
    not used by a catch-up's thread meanwhile."""
    from telereader.app.ops.markets import MarketCatchUp
    from telereader.app.ops.words import WordCatchUp

    for catch_up in (WordCatchUp, MarketCatchUp):
        monkeypatch.setattr(catch_up, "start", lambda self: None)
        monkeypatch.setattr(catch_up, "start_later", lambda self, delay_ms: None)
