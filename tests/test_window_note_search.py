"""Searching from the window finds the reader's notes too: a note written in the window is found
by a word of it, its row marked ✎ with the note as its passage, and the search bar can search
the notes only."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks.synth import generate
from telereader.app.models import NOTE_MARK, SnippetRole
from telereader.core.importer import import_paths
from telereader.core.search import search
from telereader.core.store import Store
from tests.conftest import SAMPLE
from tests.test_window import Reader, english  # noqa: F401  (the English UI for every test)
from tests.test_window_search import SEARCH_TIMEOUT_MS, shown, type_search

NOTE = "回头对比黄金库存与 0.5% 的降准"


@pytest.fixture
def library(tmp_path, qtbot):
    data_dir = tmp_path / "library"
    generate(tmp_path / "corpus", 4, dt.date(2025, 6, 1), 5)
    with Store.open(data_dir) as store:
        import_paths(store, [tmp_path / "corpus", SAMPLE], workers=0)
    reader = Reader(qtbot, data_dir)
    yield reader
    reader.finish()


def noted_item(qtbot, window):
    """An item without 黄金 in its text, given a note through the window's writes."""
    item = next(i for i in window.store.items_on(dt.date(2025, 6, 2)) if "黄金" not in i.body + (i.title or ""))
    window.ops.save_note(item.id, NOTE)
    qtbot.waitUntil(lambda: window.store.item(item.id).note == NOTE, timeout=SEARCH_TIMEOUT_MS)
    return item


def test_a_word_of_a_note_written_in_the_window_finds_its_item_first_marked(library, qtbot):
    window = library.open()
    item = noted_item(qtbot, window)
    type_search(qtbot, window, "黄金")
    results = shown(window)
    text_matches = search(window.store, "黄金", limit=1000)
    assert [found.id for found in results[:1]] == [item.id]
    assert [found.id for found in results[1:]] == [found.id for found in text_matches.items][:99]
    assert window.search_model.total == text_matches.total + 1
    passage = window.search_model.index(0).data(SnippetRole)
    assert passage.startswith(NOTE_MARK) and "对比黄金库存" in passage
    # rows found in their text show the text's passage, unmarked
    assert all(
        not (window.search_model.index(row).data(SnippetRole) or "").startswith(NOTE_MARK)
        for row in range(1, window.search_model.rowCount())
    )


def test_the_search_bar_can_search_the_notes_only(library, qtbot):
    window = library.open()
    item = noted_item(qtbot, window)
    type_search(qtbot, window, "黄金")
    assert window.search_model.total > 1
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.search_bar.notes_only.setChecked(True)
    qtbot.waitUntil(lambda: window.search_model.total == 1, timeout=SEARCH_TIMEOUT_MS)
    assert [found.id for found in shown(window)] == [item.id]
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.search_bar.notes_only.setChecked(False)
    qtbot.waitUntil(lambda: window.search_model.total > 1, timeout=SEARCH_TIMEOUT_MS)
