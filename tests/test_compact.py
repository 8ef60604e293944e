"""A big import leaves free pages in the library file (the index's merged segments): the command
line's import gives them back when they are worth it, and leaves a library with little free
room as it is."""

from __future__ import annotations

import sqlite3

import pytest

from telereader.cli import main
from telereader.core import compact
from telereader.core.store import Store
from tests.conftest import FIXTURES, SAMPLE


def leave_free_pages(data_dir, megabytes: int) -> None:
    """Free pages inside the file, as an import's merges leave them."""
    with Store.open(data_dir) as store:
        store.db.execute("CREATE TABLE filler (blob BLOB)")
        store.db.execute(f"INSERT INTO filler VALUES (zeroblob({megabytes * 1024 * 1024}))")
        store.db.execute("DROP TABLE filler")


def file_room(data_dir) -> compact.Room:
    conn = sqlite3.connect(data_dir / "library.sqlite3")
    try:
        return compact.room(conn)
    finally:
        conn.close()


def test_a_big_import_gives_back_the_free_room_it_is_worth_giving_back(
    data_dir, capsys, monkeypatch
):
    monkeypatch.setattr(compact, "FREE_BYTES", 1024 * 1024)  # a test library is small
    monkeypatch.setattr(compact, "BIG_IMPORT", 1)
    assert main(["--data-dir", str(data_dir), "import", str(SAMPLE)]) == 0
    leave_free_pages(data_dir, 4)
    before = file_room(data_dir)
    assert before.worth_compacting
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "import", str(FIXTURES / "small.md")]) == 0
    said = capsys.readouterr().out
    assert "compacted the library" in said or "已整理资料库" in said  # the reader's language
    after = file_room(data_dir)
    assert after.free_bytes < 1024 * 1024
    assert after.file_bytes < before.file_bytes
    with Store.open(data_dir) as store:  # and nothing lost
        assert store.db.execute("SELECT count(*) FROM items").fetchone()[0] > 0


@pytest.mark.parametrize("megabytes", [0, 4])
def test_little_free_room_or_nothing_imported_leaves_the_file_as_it_is(
    data_dir, monkeypatch, megabytes
):
    monkeypatch.setattr(compact, "FREE_BYTES", 64 * 1024 * 1024 if megabytes else 1024 * 1024)
    monkeypatch.setattr(compact, "BIG_IMPORT", 1)
    assert main(["--data-dir", str(data_dir), "import", str(SAMPLE)]) == 0
    leave_free_pages(data_dir, megabytes or 4)
    before = file_room(data_dir)
    args = [str(FIXTURES / "small.md")] if megabytes else [str(SAMPLE)]  # SAMPLE: nothing new
    assert main(["--data-dir", str(data_dir), "import", *args]) == 0
    assert file_room(data_dir).file_bytes >= before.file_bytes  # not rewritten: no smaller


def test_a_small_import_into_a_roomy_library_does_not_wait_for_compaction(data_dir, monkeypatch):
    monkeypatch.setattr(compact, "FREE_BYTES", 1024 * 1024)
    assert main(["--data-dir", str(data_dir), "import", str(SAMPLE)]) == 0
    leave_free_pages(data_dir, 4)
    before = file_room(data_dir)
    assert main(["--data-dir", str(data_dir), "import", str(FIXTURES / "small.md")]) == 0
    assert file_room(data_dir).file_bytes >= before.file_bytes  # fewer items than BIG_IMPORT
