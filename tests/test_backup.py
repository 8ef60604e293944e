"""The reader's data leaves and comes back: backup, restore into any library, rolling copies."""

from __future__ import annotations

import json
import os

import pytest

from telereader.cli import main
from telereader.core.backup import (
    AUTO_FOLDER,
    auto_backup,
    latest_auto_backup,
    read_backup,
    restore_backup,
    write_backup,
)
from telereader.core.importer import import_paths
from telereader.core.store import LibraryError, Store
from telereader.core.watchlists import hits, save_watchlist, watchlists
from tests.conftest import FIXTURES, SAMPLE


def reader_data(store: Store) -> tuple:
    return (
        store.db.execute("SELECT item_id FROM stars ORDER BY item_id").fetchall(),
        store.db.execute("SELECT item_id, text FROM notes ORDER BY item_id").fetchall(),
        store.db.execute("SELECT item_id FROM reads ORDER BY item_id").fetchall(),
        [w.to_json() for w in watchlists(store)],
    )


@pytest.fixture
def used_store(store):
    import_paths(store, [SAMPLE, FIXTURES / "small.md"])
    items = [item for day in store.day_counts() for item in store.items_on(day)]
    store.set_starred([items[3].id, items[95].id], True)
    store.set_note(items[3].id, "关注后续")
    store.set_read([item.id for item in items[:10]])
    save_watchlist(store, "持仓", ["黄金", "宁德时代|CATL"])
    return store


def test_backup_then_restore_into_a_fresh_library_gives_back_everything(used_store, tmp_path):
    backup = write_backup(used_store, tmp_path / "backup.json")
    with Store.open(tmp_path / "fresh") as fresh:
        import_paths(fresh, [SAMPLE, FIXTURES / "small.md"])
        report = restore_backup(fresh, backup)
        assert (report.stars, report.notes, report.reads, report.watchlists) == (2, 1, 10, 1)
        assert report.waiting == 0
        assert reader_data(fresh) == reader_data(used_store)
        assert hits(fresh, "持仓")[1] == hits(used_store, "持仓")[1] > 0


def test_entries_for_items_not_imported_yet_attach_when_their_day_arrives(used_store, tmp_path):
    backup = write_backup(used_store, tmp_path / "backup.json")
    with Store.open(tmp_path / "fresh") as fresh:
        report = restore_backup(fresh, backup)
        assert report.waiting == 11  # 2 stars, 1 note, 10 reads on 11 distinct items
        import_paths(fresh, [SAMPLE, FIXTURES / "small.md"])
        assert reader_data(fresh) == reader_data(used_store)


def test_restoring_twice_changes_nothing_and_keeps_newer_notes(used_store, tmp_path):
    backup = write_backup(used_store, tmp_path / "backup.json")
    item_id = used_store.db.execute("SELECT item_id FROM notes").fetchone()[0]
    used_store.set_note(item_id, "更新过的笔记")
    report = restore_backup(used_store, backup)
    assert (report.stars, report.notes, report.reads, report.watchlists) == (0, 0, 0, 0)
    assert used_store.item(item_id).note == "更新过的笔记"


@pytest.mark.parametrize(
    ("content", "code"),
    [("not json", "backup_unreadable"), ('{"format": "other"}', "backup_not_ours"),
     ('{"format": "telereader-backup", "version": 99}', "backup_newer")],
)  # fmt: skip
def test_a_bad_backup_is_refused_and_changes_nothing(used_store, tmp_path, content, code):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    before = reader_data(used_store)
    with pytest.raises(LibraryError) as error:
        restore_backup(used_store, bad)
    assert error.value.problem.code == code
    assert reader_data(used_store) == before


def test_rolling_automatic_backups_keep_the_last_ten_and_skip_when_nothing_changed(
    used_store, tmp_path
):
    data_dir = tmp_path / "auto"
    first = auto_backup(used_store, data_dir, min_interval_s=0)
    assert first is not None and latest_auto_backup(data_dir) == first
    assert auto_backup(used_store, data_dir, min_interval_s=0) is None  # nothing changed
    items = used_store.items_on(next(iter(used_store.day_counts())))
    assert auto_backup(used_store, data_dir, min_interval_s=3600) is None  # too soon
    for number in range(12):
        used_store.set_note(items[number].id, f"笔记 {number}")
        written = auto_backup(used_store, data_dir, min_interval_s=0)
        assert written is not None
    assert len(list((data_dir / AUTO_FOLDER).glob("backup-*.json"))) == 10
    assert json.loads(latest_auto_backup(data_dir).read_text(encoding="utf-8"))["notes"][-1]["text"]


def test_cli_backup_restore_and_automatic_copies(capsys, used_store, tmp_path):
    data_dir = str(used_store.path.parent)
    target = tmp_path / "mine.json"
    assert main(["--data-dir", data_dir, "backup", "-o", str(target)]) == 0
    assert main(["--data-dir", data_dir, "backup", "-o", str(target)]) == 2
    assert "exists; add --force" in capsys.readouterr().err
    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "restore", str(target), "--json"]) == 0
    restored = json.loads(capsys.readouterr().out)
    assert restored["stars"] == 2 and restored["waiting"] == 11
    item_id = used_store.items_on(next(iter(used_store.day_counts())))[0].id
    assert main(["--data-dir", data_dir, "star", item_id]) == 0
    assert os.listdir(used_store.path.parent / AUTO_FOLDER)


@pytest.mark.parametrize(
    "hostile",
    [
        '{"format": "telereader-backup", "version": 1' + "1" * 5000 + "}",
        '{"format": "telereader-backup", "version": 1, "notes": [{"item_id": "x", "text": "\\ud800"}]}',
    ],
    ids=["a number of 5000 digits", "a lone surrogate in a note"],
)
def test_a_backup_python_cannot_hold_is_refused_in_one_sentence(tmp_path, hostile):
    path = tmp_path / "hostile.json"
    path.write_text(hostile, encoding="utf-8")
    with pytest.raises(LibraryError) as refused:
        read_backup(path)
    assert refused.value.problem.code == "backup_unreadable"


def test_a_backup_written_moments_ago_is_not_read_again_after_each_change(
    used_store, tmp_path, monkeypatch
):
    """After each change (each read mark) the automatic backup only looks at the newest file's
    age: it is not parsed nor the library copied while a backup is still recent."""
    from telereader.core import backup

    data_dir = tmp_path / "auto"
    assert auto_backup(used_store, data_dir, min_interval_s=3600) is not None
    reads, snapshots = [], []
    real_read, real_snapshot = backup.read_backup, backup.snapshot
    monkeypatch.setattr(backup, "read_backup", lambda path: reads.append(path) or real_read(path))
    monkeypatch.setattr(backup, "snapshot", lambda s: snapshots.append(s) or real_snapshot(s))
    item = used_store.items_on(next(iter(used_store.day_counts())))[0]
    for number in range(5):
        used_store.set_note(item.id, f"笔记 {number}")
        assert auto_backup(used_store, data_dir, min_interval_s=3600) is None  # too soon
    assert reads == [] and snapshots == []


def test_a_cut_short_newest_backup_does_not_count_as_recent(used_store, tmp_path):
    data_dir = tmp_path / "auto"
    auto_backup(used_store, data_dir, min_interval_s=0)
    newest = data_dir / AUTO_FOLDER / "backup-99991231-235959-000000.json"
    newest.write_text('{"format": "telereader-backup", "stars": [', "utf-8")
    assert auto_backup(used_store, data_dir, min_interval_s=3600) is not None
