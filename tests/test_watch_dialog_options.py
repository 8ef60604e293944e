"""The watchlists dialog's sharper alerts: options, a bad pattern refused by line, the preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from telereader.app.dialogs.suggestions import SuggestionRow
from telereader.app.dialogs.watchlists import WatchlistDialog
from telereader.app.tasks import in_library
from telereader.core.importer import import_paths
from telereader.core.keywords import WatchOptions
from telereader.core.store import Store
from telereader.core.watchlists import hits, save_watchlist, watchlists
from tests.conftest import FIXTURES, SAMPLE

WAIT_MS = 10_000


class WritesAtOnce:
    """The dialog's writes, done on the spot in a connection of their own (as the writer
    thread would, in order)."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir

    def change_watchlists(self, work, on_done, on_failed) -> None:
        try:
            result = in_library(self.data_dir, work)()
        except Exception as error:  # handed to the dialog, as the writer thread would
            on_failed(error)
        else:
            on_done(result)

    def wait(self, timeout_ms: int) -> None:
        pass


@pytest.fixture
def dialog(qtbot, store: Store, monkeypatch):
    # Not under test here, and its first run loads jieba (seconds): no word suggestions.
    monkeypatch.setattr(SuggestionRow, "show_for", lambda _row, *_args: None)
    import_paths(store, [SAMPLE, FIXTURES / "small.md"])
    save_watchlist(store, "海关", ["海关"])
    opened = WatchlistDialog(store, WritesAtOnce(store.path.parent))
    qtbot.addWidget(opened)
    yield opened
    opened.done(0)  # as closing it does: the background counts end first


def test_a_bad_pattern_names_its_line_and_is_never_saved(dialog, qtbot, store, monkeypatch):
    monkeypatch.setattr(dialog, "language", "zh")
    dialog.keywords.setPlainText("海关\n/宁德(时代/")
    assert "第 2 行" in dialog.state.text() and "缺少右括号" in dialog.state.text()
    assert not dialog._apply_timer.isActive()
    dialog.apply_keywords()  # leaving the list or closing: still not saved
    assert [k.line for k in watchlists(store)[0].keywords] == ["海关"]
    dialog.keywords.setPlainText("海关\n/宁德(时代|汽车)/")  # corrected: saved as typing pauses
    qtbot.waitUntil(lambda: len(watchlists(store)[0].keywords) == 2, timeout=WAIT_MS)


def test_the_options_boxes_change_the_list_and_its_hits(dialog, qtbot, store):
    everywhere = hits(store, "海关")[1]
    row = dialog.options_row
    assert row.alert.isChecked() and not row.titles_only.isChecked()
    row.titles_only.setChecked(True)
    row.alert.setChecked(False)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert watchlists(store)[0].options == WatchOptions(titles_only=True, alert=False)
    assert 0 < hits(store, "海关")[1] < everywhere
    assert row.titles_only.isChecked() and not row.alert.isChecked()  # kept after the reload


def type_line(qtbot, dialog, text: str) -> None:
    """A new line typed at the end of the keywords, character by character (QTest's key
    clicks take ASCII only)."""
    dialog.keywords.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(dialog.keywords, Qt.Key.Key_Return)
    for character in text:
        dialog.keywords.insertPlainText(character)


def test_the_preview_counts_the_line_being_typed_before_it_is_saved(dialog, qtbot, store):
    type_line(qtbot, dialog, "/总署/")
    qtbot.waitUntil(lambda: dialog.preview.text().startswith("这一行命中 11 条"), timeout=WAIT_MS)
    assert "海关总署：" in dialog.preview.text()  # the newest titles follow the count
    type_line(qtbot, dialog, "/没有这种电报/")
    qtbot.waitUntil(lambda: dialog.preview.text() == "这一行目前没有命中", timeout=WAIT_MS)
    qtbot.keyClick(dialog.keywords, Qt.Key.Key_Up)  # the line above: its count again
    qtbot.waitUntil(lambda: dialog.preview.text().startswith("这一行命中 11 条"), timeout=WAIT_MS)
