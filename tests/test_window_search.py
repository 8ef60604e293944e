"""Searching the whole library from the window: as typed, off the UI thread, same as the CLI."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from benchmarks.synth import generate
from telereader.app.models import ItemRole
from telereader.core.importer import import_paths
from telereader.core.search import search
from telereader.core.store import Store
from tests.conftest import SAMPLE
from tests.test_window import Reader, english  # noqa: F401  (the English UI for every test)

SEARCH_TIMEOUT_MS = 10_000


@pytest.fixture
def library(tmp_path, qtbot):
    data_dir = tmp_path / "library"
    generate(tmp_path / "corpus", 8, dt.date(2025, 6, 1), 5)
    with Store.open(data_dir) as store:
        import_paths(store, [tmp_path / "corpus", SAMPLE], workers=0)
    reader = Reader(qtbot, data_dir)
    yield reader
    reader.finish()


def type_search(qtbot, window, text: str):
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.search.setFocus()
        window.search.clear()
        for char in text:  # as typed (QTest cannot type Chinese), one change per character
            window.search.insert(char)
    qtbot.waitUntil(lambda: window.searching and window.search_model.request.text == text)


def shown(window) -> list:
    model = window.list.model()
    return [model.index(row).data(ItemRole) for row in range(model.rowCount())]


def test_typing_searches_the_whole_library_newest_first(library, qtbot):
    window = library.open()
    type_search(qtbot, window, "黄金")
    results = shown(window)
    expected = search(window.store, "黄金", limit=100)
    assert [item.id for item in results] == [item.id for item in expected.items]
    assert len({item.day for item in results}) > 1  # results from many days, each with its day
    assert window.search_model.total == expected.total
    assert f"{expected.total} matches" in window.counts_label.text()
    assert window.detail.highlighted > 0  # the matched text is highlighted in the detail


def test_the_window_and_the_cli_agree(library, qtbot, capsys):
    from telereader.cli import main

    window = library.open()
    type_search(qtbot, window, "美联储 -褐皮书")
    main(
        [
            "--data-dir",
            str(library.data_dir),
            "search",
            "--json",
            "--limit",
            "100",
            "--",
            "美联储",
            "-褐皮书",
        ]
    )
    import json

    cli = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in cli["items"]] == [item.id for item in shown(window)]
    assert cli["total"] == window.search_model.total


def test_enter_opens_the_result_on_its_day_and_escape_returns_to_the_day(library, qtbot):
    window = library.open()
    type_search(qtbot, window, "降息")
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Down)
    chosen = window.current_item()
    qtbot.keyClick(window.list, Qt.Key.Key_Return)
    assert not window.searching
    assert window.model.day == chosen.day
    assert window.current_item().id == chosen.id
    assert window.search.text() == ""

    type_search(qtbot, window, "黄金")
    qtbot.keyClick(window.list, Qt.Key.Key_Escape)
    assert not window.searching
    assert window.model.day == chosen.day  # back to the day shown before the search
    assert window.search.text() == ""


def test_results_page_in_as_the_list_scrolls(library, qtbot):
    window = library.open()
    type_search(qtbot, window, "财联社")
    assert window.search_model.rowCount() == 100 < window.search_model.total
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.list.scrollToBottom()
        window.search_model.fetchMore()
    assert window.search_model.rowCount() == 200


def test_stale_answers_are_dropped_while_typing(library, qtbot):
    window = library.open()
    window.search.setFocus()
    for text in ("黄", "黄金", "黄金 -"):
        window.search_service.request(text, window.search_filter())
    window.search.setText("黄金 -")
    qtbot.waitUntil(
        lambda: window.searching and window.search_model.request.text == "黄金 -",
        timeout=SEARCH_TIMEOUT_MS,
    )
    assert window.search_model.total == search(window.store, "黄金").total


def test_filters_and_scope_narrow_the_search(library, qtbot):
    window = library.open()
    type_search(qtbot, window, "黄金")
    everything = window.search_model.total
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.filter_buttons["hide_teasers"].click()
    qtbot.waitUntil(lambda: window.search_model.request.search_filter.hide_teasers)
    assert all(item.kind != "teaser" for item in shown(window))
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.scope.setCurrentIndex(2)  # the last 7 days
    qtbot.waitUntil(lambda: window.search_model.request.search_filter.day_from is not None)
    assert window.search_model.total < everything
    newest = max(window.days)
    assert all(newest - dt.timedelta(days=6) <= item.day for item in shown(window))


def test_clearing_the_box_returns_to_the_day(library, qtbot):
    window = library.open()
    type_search(qtbot, window, "铜")
    window.search.clear()
    assert not window.searching
    assert window.list.model() is window.model


def test_search_within_one_watchlists_hits(library, qtbot):
    from telereader.core.watchlists import save_watchlist

    with Store.open(library.data_dir) as store:
        save_watchlist(store, "宏观", ["降息"])
    window = library.open()
    assert [window.watch_scope.itemText(i) for i in range(window.watch_scope.count())] == [
        "All items",
        "宏观",
    ]
    type_search(qtbot, window, "美联储")
    everywhere = window.search_model.total
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.watch_scope.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.search_model.request.search_filter.watchlist_id is not None)
    assert 0 < window.search_model.total < everywhere
    assert all("宏观" in item.watch for item in shown(window))


def test_a_new_search_interrupts_a_slow_one_still_running(library, qtbot, monkeypatch):
    import telereader.app.search_service as service_module

    real_search = service_module.search
    started = []

    def search_or_stall(store, text, **options):
        if text == "slow":
            started.append(True)
            store.db.execute(  # seconds of work inside SQLite, as a decade-long scan would be
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                "SELECT count(*) FROM n WHERE i < 300000000"
            ).fetchone()
        return real_search(store, text, **options)

    monkeypatch.setattr(service_module, "search", search_or_stall)
    window = library.open()
    service = window.search_service
    service.request("slow", window.search_filter())
    qtbot.waitUntil(lambda: bool(started), timeout=SEARCH_TIMEOUT_MS)
    began = __import__("time").perf_counter()
    with qtbot.waitSignal(service.finished, timeout=SEARCH_TIMEOUT_MS) as blocker:
        service.request("黄金", window.search_filter())
    assert blocker.args[0].text == "黄金"
    assert __import__("time").perf_counter() - began < 3

    service.request("slow", window.search_filter())  # closing never waits for a search
    qtbot.waitUntil(lambda: len(started) == 2, timeout=SEARCH_TIMEOUT_MS)
    began = __import__("time").perf_counter()
    library.close(window)
    assert __import__("time").perf_counter() - began < 3


def test_the_search_results_model_passes_the_model_tester(library, qtbot, qtmodeltester):
    window = library.open()
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.search.setText("黄金")
    assert window.search_model.rowCount() > 0
    qtmodeltester.check(window.search_model, force_py=True)
