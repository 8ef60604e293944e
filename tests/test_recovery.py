"""A library that cannot be used: damaged, not a database, or from a newer telereader. The reader
is told in one sentence, offered the latest automatic backup in a new library or a new library,
and the bad file is set aside, never deleted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from telereader.app.dialogs.recovery import offer_recovery
from telereader.cli import main
from telereader.core.backup import auto_backup
from telereader.core.importer import import_paths
from telereader.core.recovery import (
    DAMAGE_MARKER,
    check,
    open_unless_marked,
    set_aside,
    start_afresh,
)
from telereader.core.store import LIBRARY_FILE, LibraryError, Store
from tests.conftest import SAMPLE
from tests.test_window import IMPORT_TIMEOUT_MS, english, reader  # noqa: F401

PAGE = 4096


def used_library(data_dir: Path) -> list[str]:
    """A library with the sample, two stars and a note, and its automatic backup; returns the
    starred ids."""
    with Store.open(data_dir) as store:
        import_paths(store, [SAMPLE])
        ids = [row[0] for row in store.db.execute("SELECT id FROM items ORDER BY seq LIMIT 2")]
        store.set_starred(ids, True)
        store.set_note(ids[0], "记得看年报")
        auto_backup(store, data_dir)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return ids


def damage_page(data_dir: Path, page: int = 3) -> None:
    """Overwrite one page of the library with garbage, as a failing disk would."""
    library = data_dir / LIBRARY_FILE
    data = bytearray(library.read_bytes())
    data[(page - 1) * PAGE : page * PAGE] = b"\xa5" * PAGE
    library.write_bytes(bytes(data))


def make_newer(data_dir: Path) -> None:
    conn = sqlite3.connect(data_dir / LIBRARY_FILE)
    conn.execute("PRAGMA user_version = 999")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def cli(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


# ---- the command line: one sentence, non-zero ---------------------------------------------------


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (lambda d: (d / LIBRARY_FILE).write_bytes(b"PK\x03\x04 not a database" * 100), "not a telereader library"),
        (make_newer, "newer telereader"),
    ],
)  # fmt: skip
def test_the_cli_says_in_one_sentence_what_is_wrong_and_changes_nothing(
    capsys, data_dir, spoil, words
):
    used_library(data_dir)
    spoil(data_dir)
    before = (data_dir / LIBRARY_FILE).read_bytes()
    code, err = cli(capsys, "--data-dir", str(data_dir), "days")
    assert code == 1
    assert words in err and err.count("\n") == 1
    assert (data_dir / LIBRARY_FILE).read_bytes() == before


def test_the_cli_calls_a_damaged_library_damaged(capsys, data_dir):
    used_library(data_dir)
    damage_page(data_dir, page=2)  # the items table's root: every read of items fails
    code, err = cli(capsys, "--data-dir", str(data_dir), "items", "2026-01-14")
    assert code == 1
    assert "is damaged" in err and "automatic backup" in err and err.count("\n") == 1


# ---- the core: check, set aside, start afresh ----------------------------------------------------


def test_the_check_finds_a_damaged_page_and_passes_a_sound_library(data_dir):
    used_library(data_dir)
    with Store.open(data_dir) as store:
        assert check(store) == []
    damage_page(data_dir)
    with Store.open(data_dir) as store:  # opening reads too little to notice
        assert store.day_counts()
        found = check(store)
    assert found and "Page 3" in found[0]


def test_setting_aside_renames_and_never_overwrites(data_dir):
    used_library(data_dir)
    original = (data_dir / LIBRARY_FILE).read_bytes()
    first = set_aside(data_dir)
    assert not (data_dir / LIBRARY_FILE).exists()
    assert first.read_bytes() == original
    Store.open(data_dir).close()
    second = set_aside(data_dir)
    assert second != first and first.read_bytes() == original and second.exists()


def test_starting_afresh_restores_the_latest_automatic_backup(data_dir):
    starred = used_library(data_dir)
    damage_page(data_dir)
    recovery = start_afresh(data_dir, from_backup=True)
    with recovery.store as store:
        assert recovery.set_aside_as.exists()
        assert recovery.restored.stars == 2 and recovery.restored.notes == 1
        assert recovery.restored.waiting == 2  # their items come back with the next import
        import_paths(store, [SAMPLE])
        assert {row[0] for row in store.db.execute("SELECT item_id FROM stars")} == set(starred)
        assert store.item(starred[0]).note == "记得看年报"
        assert check(store) == []


# ---- the window ----------------------------------------------------------------------------------


def press(name: str):
    """A chooser that clicks the button named `name` in the recovery question and OK after."""

    def choose(box: QMessageBox):
        if box.objectName() != "recovery":
            return None
        return next(button for button in box.buttons() if button.objectName() == name)

    return choose


def test_the_window_offers_the_backup_for_a_library_that_is_not_one(qapp, data_dir):
    starred = used_library(data_dir)
    (data_dir / LIBRARY_FILE).write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 5000)
    with pytest.raises(LibraryError) as refused:
        open_unless_marked(data_dir)
    assert refused.value.problem.code == "not_a_library"
    store = offer_recovery(refused.value.problem, data_dir, "en", choose=press("restore"))
    assert store is not None
    with store:
        import_paths(store, [SAMPLE])
        assert {row[0] for row in store.db.execute("SELECT item_id FROM stars")} == set(starred)
    kept = list(data_dir.glob(f"{LIBRARY_FILE}.set-aside-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"\x89PNG")


def test_the_reader_may_leave_everything_as_it_is(qapp, data_dir):
    used_library(data_dir)
    make_newer(data_dir)
    before = (data_dir / LIBRARY_FILE).read_bytes()
    with pytest.raises(LibraryError) as refused:
        open_unless_marked(data_dir)
    assert refused.value.problem.code == "newer_library"
    assert offer_recovery(refused.value.problem, data_dir, "en", choose=press("leave")) is None
    assert (data_dir / LIBRARY_FILE).read_bytes() == before
    assert not list(data_dir.glob("*.set-aside-*"))


def test_a_new_empty_library_when_there_is_no_backup(qapp, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / LIBRARY_FILE).write_bytes(b"garbage" * 1000)
    with pytest.raises(LibraryError) as refused:
        open_unless_marked(data_dir)
    store = offer_recovery(refused.value.problem, data_dir, "en", choose=press("fresh"))
    with store:
        assert store.days() == []


def test_damage_found_while_reading_is_reported_and_recovery_offered_at_the_next_start(
    reader, qtbot, data_dir
):
    used_library(data_dir)
    damage_page(data_dir)
    window = reader.open(wait_for_sample=False)
    qtbot.waitUntil(lambda: getattr(window, "damage_notice", None) is not None, timeout=10_000)
    assert "damaged" in window.damage_notice.text()
    assert "Page 3" in (data_dir / DAMAGE_MARKER).read_text(encoding="utf-8")
    reader.close(window)
    with pytest.raises(LibraryError) as refused:
        open_unless_marked(data_dir)
    assert refused.value.problem.code == "library_damaged"
    store = offer_recovery(refused.value.problem, data_dir, "en", choose=press("restore"))
    assert store is not None and not (data_dir / DAMAGE_MARKER).exists()
    store.close()


def test_a_sound_library_raises_no_alarm(reader, qtbot, data_dir):
    window = reader.open(wait_for_sample=False)
    with qtbot.waitSignal(window.integrity.checked, timeout=10_000) as checked:
        window.start_import([SAMPLE])
    assert checked.args == [[]]  # the check ran to its end and found nothing
    assert getattr(window, "damage_notice", None) is None
    assert not (data_dir / DAMAGE_MARKER).exists()
