"""Opening the library says what is wrong: a full disk, a read-only place, another program's
lock, a data folder that is not a folder. Only real damage is offered recovery, never while
another program has the file open, and recovery never leaves a library smaller than it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from telereader.app import main as app_main
from telereader.cli import main
from telereader.core import library_errors, recovery
from telereader.core import store as store_module
from telereader.core.importer import import_paths
from telereader.core.messages import render
from telereader.core.recovery import in_use_elsewhere, start_afresh
from telereader.core.store import LIBRARY_FILE, LibraryError, Store
from tests.conftest import SAMPLE

SQLITE_IOERR_SHMSIZE = 4874  # what a real full tmpfs gave when SQLite made the -shm file
SQLITE_CANTOPEN = 14  # what a real read-only mount gave
SQLITE_FULL = 13
SQLITE_READONLY = 8


@pytest.fixture
def library(data_dir: Path) -> Path:
    with Store.open(data_dir) as store:
        import_paths(store, [SAMPLE])
        store.set_note(store.items_on(store.days()[0].day)[0].id, "不能丢的笔记")
    return data_dir


def fingerprint(data_dir: Path) -> tuple[list[str], str]:
    """The names in the data folder and the library's bytes."""
    names = sorted(path.name for path in data_dir.iterdir())
    return names, hashlib.sha256((data_dir / LIBRARY_FILE).read_bytes()).hexdigest()


def first_read_fails(monkeypatch, code: int, message: str) -> None:
    """SQLite fails the first read of the file with `code`, as the real failure did."""
    real_connect = sqlite3.connect

    class Connection:
        def __init__(self, *args, **kwargs):
            self._conn = real_connect(*args, **kwargs)

        def execute(self, sql, *args):
            if sql == "PRAGMA user_version":
                error = sqlite3.OperationalError(message)
                error.sqlite_errorcode = code
                raise error
            return self._conn.execute(sql, *args)

        def close(self):
            self._conn.close()

    monkeypatch.setattr(store_module.sqlite3, "connect", Connection)


def opening_error(data_dir: Path) -> LibraryError:
    with pytest.raises(LibraryError) as caught:
        Store.open(data_dir)
    return caught.value


def cli_error(data_dir: Path, capsys) -> str:
    assert main(["--data-dir", str(data_dir), "days"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # one sentence
    return err


# ---- what it is ----------------------------------------------------------------------------------


def test_another_programs_exclusive_lock_is_busy_not_damage(library, monkeypatch, capsys):
    before = fingerprint(library)
    other = sqlite3.connect(library / LIBRARY_FILE, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 100)
    try:
        assert opening_error(library).problem.code == "library_busy"
        err = cli_error(library, capsys)
        assert "in use by another program" in err and "not a telereader library" not in err
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert fingerprint(library)[1] == before[1]
    assert not list(library.glob("*set-aside*"))


@pytest.mark.parametrize(
    ("code", "message"),
    [(SQLITE_FULL, "database or disk is full"), (SQLITE_IOERR_SHMSIZE, "disk I/O error")],
)
def test_a_full_disk_says_the_disk_is_full(library, monkeypatch, capsys, code, message):
    first_read_fails(monkeypatch, code, message)
    monkeypatch.setattr(library_errors, "_free_bytes", lambda _path: 0)
    assert opening_error(library).problem.code == "disk_full"
    err = cli_error(library, capsys)
    assert "disk is full" in err and "not a telereader library" not in err


@pytest.mark.parametrize(
    ("code", "message"),
    [(SQLITE_CANTOPEN, "unable to open database file"), (SQLITE_READONLY, "attempt to write")],
)
def test_a_read_only_place_says_read_only(library, monkeypatch, capsys, code, message):
    first_read_fails(monkeypatch, code, message)
    monkeypatch.setattr(library_errors, "_read_only_place", lambda _path: True)
    assert opening_error(library).problem.code == "library_read_only"
    assert "read-only" in cli_error(library, capsys)


def test_a_file_that_is_not_a_database_is_still_called_so(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / LIBRARY_FILE).write_bytes(b"this is a shopping list, not a library\n" * 100)
    assert opening_error(data_dir).problem.code == "not_a_library"


def test_a_data_folder_that_is_a_file_is_named_in_one_sentence(tmp_path, capsys):
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("oops", encoding="utf-8")
    error = opening_error(not_a_folder)
    assert error.problem.code == "data_dir_not_folder"
    err = cli_error(not_a_folder, capsys)
    assert str(not_a_folder) in err and "is a file, not a folder" in err
    assert "File exists" not in err


def test_a_data_folder_that_is_a_looping_link_is_named_in_one_sentence(tmp_path, capsys):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert opening_error(loop).problem.code == "data_dir_link_broken"
    err = cli_error(loop, capsys)
    assert str(loop) in err and "loops or leads nowhere" in err and "File exists" not in err


# ---- the window: no recovery unless it is damage, and the file is free --------------------------


@pytest.fixture
def window_messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _parent, _title, text: shown.append(text))
    )

    def no_recovery(*_args, **_kwargs):
        raise AssertionError("recovery was offered")

    monkeypatch.setattr("telereader.app.dialogs.recovery.offer_recovery", no_recovery)
    return shown


def test_the_window_says_busy_and_offers_nothing_while_another_program_holds_the_lock(
    library, monkeypatch, window_messages, qapp
):
    before = fingerprint(library)
    other = sqlite3.connect(library / LIBRARY_FILE, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 100)
    try:
        assert app_main.run_app(library) == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(window_messages) == 1 and "in use by another program" in window_messages[0]
    assert fingerprint(library)[1] == before[1]
    assert not list(library.glob("*set-aside*"))


HOLD_OPEN = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT 1").fetchall()
conn.execute("PRAGMA journal_mode").fetchall()
try:
    conn.execute("SELECT count(*) FROM day_counts").fetchall()
except sqlite3.DatabaseError:
    pass
print("open", flush=True)
sys.stdin.read()
"""


def damage(data_dir: Path) -> None:
    with (data_dir / LIBRARY_FILE).open("r+b") as file:
        file.seek(0)
        file.write(b"garbage!" * 4)  # SQLite's header gone: not a database any more


def hold_open(data_dir: Path) -> subprocess.Popen:
    """Another program with the library open in WAL mode (it holds SQLite's -shm lock)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(data_dir / LIBRARY_FILE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "open"
    return holder


@pytest.mark.skipif(os.name != "posix", reason="SQLite's locks are probed with fcntl")
def test_a_damaged_library_another_program_has_open_is_not_set_aside(
    library, window_messages, qapp
):
    holder = hold_open(library)
    try:
        damage(library)
        before = fingerprint(library)
        assert in_use_elsewhere(library)
        with pytest.raises(LibraryError) as caught:
            start_afresh(library, from_backup=False)
        assert caught.value.problem.code == "library_busy"
        assert app_main.run_app(library) == 1  # says so; the recovery question never comes
        assert "in use by another program" in window_messages[0]
        assert fingerprint(library) == before
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert not in_use_elsewhere(library)


def test_recovery_without_room_for_a_new_library_changes_nothing(library, monkeypatch):
    damage(library)
    before = fingerprint(library)

    class Usage:
        free = 1000

    monkeypatch.setattr(recovery.shutil, "disk_usage", lambda _path: Usage)
    with pytest.raises(LibraryError) as caught:
        start_afresh(library, from_backup=False)
    assert caught.value.problem.code == "recovery_no_space"
    assert "not enough disk space" in render(caught.value.problem, "en")
    assert fingerprint(library) == before


def test_recovery_that_fills_the_disk_while_building_leaves_the_old_library_whole(
    library, monkeypatch
):
    damage(library)
    before = fingerprint(library)
    real_open = Store.open

    def full(directory=None):
        if Path(directory).name.startswith(".new-library-"):
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = SQLITE_FULL
            raise error
        return real_open(directory)

    monkeypatch.setattr(Store, "open", full)
    with pytest.raises(LibraryError) as caught:
        start_afresh(library, from_backup=False)
    assert caught.value.problem.code == "disk_full"
    assert fingerprint(library) == before  # no scraps, nothing renamed, nothing smaller


def test_recovery_of_real_damage_keeps_the_old_file_whole_beside_a_new_library(library):
    damage(library)
    damaged = (library / LIBRARY_FILE).read_bytes()
    done = start_afresh(library, from_backup=False)
    with done.store as store:
        assert store.days() == []
    assert done.set_aside_as.read_bytes() == damaged
    assert not list(library.glob(".new-library-*"))
