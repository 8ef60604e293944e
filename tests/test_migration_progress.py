"""Opening a library made by an older version rebuilds its search index; a big one says how far
the rebuild is, on the command line and in the window, so that it never looks like a hang."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QProgressDialog

import telereader.cli as cli
from telereader.app import main as app_main
from telereader.app.dialogs import migration
from telereader.app.dialogs.migration import MigrationProgress
from telereader.cli import main
from telereader.core.importer import import_paths
from telereader.core.store import Store
from tests.conftest import FIXTURES


def library_of_version_4(directory: Path) -> None:
    """A library as version 5 left it: the letters-and-digits index, no day key ranges."""
    with Store.open(directory) as store:
        import_paths(store, [FIXTURES / "small.md"], workers=0)
        store.db.execute("DROP TABLE search_index")
        store.db.execute("DROP TABLE search_char_counts")
        store.db.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5(chars, pairs, content='', "
            "tokenize='unicode61 remove_diacritics 0')"
        )
        store.db.execute("ALTER TABLE day_counts DROP COLUMN min_seq")
        store.db.execute("ALTER TABLE day_counts DROP COLUMN max_seq")
        store.db.execute("PRAGMA user_version = 5")  # before the index of every character


def said_rebuilding(text: str) -> bool:
    return "重建搜索索引" in text or "rebuilding the search index" in text


def test_the_command_line_tells_how_far_a_long_rebuild_is(tmp_path, capsys, monkeypatch):
    library_of_version_4(tmp_path)
    monkeypatch.setattr(cli, "MIGRATION_PROGRESS_FROM", 1)
    assert main(["--data-dir", str(tmp_path), "search", "0.3%", "--json"]) == 0
    captured = capsys.readouterr()
    assert said_rebuilding(captured.err) and "7" in captured.err
    assert '"total": 1' in captured.out  # found through the rebuilt index
    assert main(["--data-dir", str(tmp_path), "search", "0.3%"]) == 0
    assert not said_rebuilding(capsys.readouterr().err)  # once only


def test_a_small_library_is_rebuilt_without_a_word(tmp_path, capsys):
    library_of_version_4(tmp_path)
    assert main(["--data-dir", str(tmp_path), "search", "0.3%"]) == 0
    assert not said_rebuilding(capsys.readouterr().err)


def test_the_window_shows_the_rebuild_in_a_dialog_until_it_is_done(qtbot):
    progress = MigrationProgress("zh", show_from=1)
    progress(0, 10)
    dialog = progress.dialog
    assert dialog is not None and dialog.isVisible()
    assert "10" in dialog.labelText() and said_rebuilding(dialog.labelText())
    progress(10, 10)
    assert dialog.value() == 10 and "10 / 10" in dialog.labelText()
    progress.close()
    assert progress.dialog is None and not dialog.isVisible()


def test_opening_an_old_library_in_the_window_migrates_it_and_closes_the_dialog(
    qtbot, tmp_path, monkeypatch
):
    library_of_version_4(tmp_path)
    shown = []
    monkeypatch.setattr(migration, "SHOW_FROM_ITEMS", 1)
    original = MigrationProgress.__call__

    def spy(self, done, total):
        original(self, done, total)
        shown.append((done, total, self.dialog is not None and self.dialog.isVisible()))

    monkeypatch.setattr(MigrationProgress, "__call__", spy)
    store = app_main.open_library(tmp_path, "zh")
    try:
        assert store is not None
        assert store.db.execute("PRAGMA user_version").fetchone()[0] >= 6
        assert shown[0] == (0, 7, True) and shown[-1] == (7, 7, True)
        assert not any(
            isinstance(widget, QProgressDialog) and widget.isVisible()
            for widget in QApplication.topLevelWidgets()
        )
    finally:
        store.close()
