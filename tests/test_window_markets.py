"""The market layer in the window: movers, themes and near-duplicates extracted in the
background after the window shows and after each import, with the progress in the status bar."""

from __future__ import annotations

from telereader.core.importer import import_paths
from telereader.core.markets import day_movers, stale_days
from telereader.core.store import Store
from tests.conftest import FIXTURES
from tests.test_window import (  # noqa: F401  (fixtures)
    SAMPLE_DAY,
    SMALL_DAY,
    drop_and_wait,
    english,
    reader,
)

MARKETS_TIMEOUT_MS = 60_000


def extracted(window) -> list:
    with Store.open(window.data_dir) as store:
        return stale_days(store.conn)


def test_the_first_start_extracts_the_sample_days_movers_in_the_background(reader, qtbot):
    window = reader.open()
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    qtbot.waitUntil(lambda: not window.market_catch_up.running and not extracted(window),
                    timeout=MARKETS_TIMEOUT_MS)  # fmt: skip
    assert "Extracting stocks and themes: 1/1 days" in said
    with Store.open(window.data_dir) as store:
        movers = day_movers(store.conn, SAMPLE_DAY, SAMPLE_DAY)
    assert len(movers) == 67  # counted by hand (tests/test_movers.py)
    assert movers[0].stock  # each with its stock, move and time


def test_an_import_is_extracted_after_it_while_the_window_stays_usable(reader, qtbot):
    window = reader.open()
    qtbot.waitUntil(lambda: not extracted(window), timeout=MARKETS_TIMEOUT_MS)
    with qtbot.waitSignal(window.market_catch_up.finished, timeout=MARKETS_TIMEOUT_MS) as ended:
        drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
        window.show_day(SMALL_DAY)  # the reader goes on meanwhile
    assert ended.args[0] is not None
    qtbot.waitUntil(lambda: not window.market_catch_up.running, timeout=MARKETS_TIMEOUT_MS)
    assert extracted(window) == []


def test_a_library_imported_before_the_window_is_back_filled_once_it_shows(reader, qtbot):
    with Store.open(reader.data_dir) as store:
        import_paths(store, [FIXTURES / "small.md"], workers=0)
        assert stale_days(store.conn) == [SMALL_DAY]  # as a library made by an older version
    window = reader.open()
    qtbot.waitUntil(lambda: not extracted(window), timeout=MARKETS_TIMEOUT_MS)
    assert window.list.isEnabled()
