"""Nothing let in, nothing half-written: fuzzed files and arguments, a full disk, a read-only
library, and no network, ever."""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import synth
from telereader.cli import main
from telereader.core.files import write_atomically
from telereader.core.importer import import_paths
from telereader.core.query import parse_query
from telereader.core.search import search
from telereader.core.store import LIBRARY_FILE, Store
from tests.conftest import FIXTURES, SAMPLE

SAMPLE_BYTES = SAMPLE.read_bytes()


@pytest.fixture(scope="module")
def fuzz_library(tmp_path_factory):
    """One library the fuzzed files all go into, as a long-suffering reader's would."""
    with Store.open(tmp_path_factory.mktemp("fuzz")) as store:
        import_paths(store, [SAMPLE])
        yield store


def mutated(data: bytes, seed: int, edits: int) -> bytes:
    """The sample with bytes flipped, dropped, doubled and spliced: what a bad disk, a bad
    download or a bad editor does."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(edits):
        if not out:
            break
        position = rng.randrange(len(out))
        action = rng.randrange(4)
        if action == 0:
            out[position] = rng.randrange(256)
        elif action == 1:
            del out[position : position + rng.randrange(1, 40)]
        elif action == 2:
            out[position:position] = out[position : position + rng.randrange(1, 200)]
        else:
            other = rng.randrange(len(out))
            out[position:position] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 9)))
            out[other : other + 3] = b"\x00\xff\xfe"[: len(out[other : other + 3])]
    return bytes(out)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.one_of(
        st.binary(max_size=3000),
        st.builds(mutated, st.just(SAMPLE_BYTES), st.integers(0, 2**32), st.integers(1, 60)),
        st.text(max_size=2000).map(lambda text: text.encode("utf-8")),
    )
)
def test_any_bytes_import_without_raising_and_leave_a_sound_library(fuzz_library, content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.md"
        path.write_bytes(content)
        report = import_paths(fuzz_library, [path])
    assert len(report.files) == 1
    assert fuzz_library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = dict(fuzz_library.db.execute("SELECT day, items FROM day_counts WHERE items > 0"))
    counted = dict(fuzz_library.db.execute("SELECT day, count(*) FROM items GROUP BY day"))
    assert kept == counted  # the counts the calendar reads stay true to the items


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=60))
def test_any_search_text_is_safe(fuzz_library, text):
    query = parse_query(text)
    result = search(fuzz_library, text, limit=5)
    assert result.total >= len(result.items)
    for item in result.items:
        assert query.matches(item.title, item.body)


_WORDS = ["import", "days", "items", "show", "search", "export", "backup", "restore", "watch",
          "add", "remove", "list", "hits", "star", "unstar", "note", "--json", "--format", "md",
          "csv", "--day", "2026-01-14", "20260114", "--from", "--to", "--limit", "-1", "0",
          "--watch", "--list", "--best", "--starred", "-o", "out.md", "--force", "--", "-",
          "黄金", "-黄金周", '"', "NEAR(", "*", "2026-02-30", "9999-99-99", "--version"]  # fmt: skip


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    arguments=st.lists(
        st.one_of(st.sampled_from(_WORDS), st.text(max_size=12)), min_size=1, max_size=6
    )
)
def test_any_command_line_ends_in_a_status_never_a_traceback(
    tmp_path_factory, monkeypatch, capsys, arguments
):
    folder = tmp_path_factory.mktemp("cli")
    monkeypatch.chdir(folder)  # -o FILE lands here
    monkeypatch.setenv("TELEREADER_NO_WINDOW", "1")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "share"))
    try:
        code = main(["--data-dir", str(folder / "lib"), *arguments])
    except SystemExit as exit_:  # argparse: usage errors (2), --help and --version (0)
        code = exit_.code
    capsys.readouterr()
    assert code in (0, 1, 2)


# ---- a full disk, a read-only library -------------------------------------------------------------


def month(folder: Path) -> list[Path]:
    return synth.generate(folder, 30, dt.date(2025, 3, 1), 3, items=60, updates=0)


def test_a_full_disk_stops_the_import_with_a_clear_message_and_nothing_half_written(
    tmp_path, monkeypatch, capsys
):
    data_dir = tmp_path / "lib"
    with Store.open(data_dir) as store:
        import_paths(store, [SAMPLE])
        store.set_note(store.items_on(dt.date(2026, 1, 14))[0].id, "满盘之前写的笔记")
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    real_open = Store.open

    def small_disk(directory=None):
        store = real_open(directory)
        store.db.execute(f"PRAGMA max_page_count = {pages + 300}")  # SQLite's own SQLITE_FULL
        return store

    month(tmp_path / "month")
    monkeypatch.setattr(Store, "open", small_disk)
    code = main(["--data-dir", str(data_dir), "import", str(tmp_path / "month")])
    err = capsys.readouterr().err
    assert code == 1
    assert "disk is full" in err and "intact" in err and err.count("\n") == 1
    monkeypatch.setattr(Store, "open", real_open)
    with Store.open(data_dir) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        per_day = store.day_counts()
        files = store.db.execute("SELECT count(*) FROM imported_files").fetchone()[0]
        assert 1 < files < 31  # some of the month got in before the disk filled
        assert all(count == 60 for day, count in per_day.items() if day.year == 2025)
        assert len(per_day) == files  # each file whole or not at all
        assert store.db.execute("SELECT text FROM notes").fetchone()[0] == "满盘之前写的笔记"


def test_a_read_only_library_says_so_and_changes_nothing(tmp_path, monkeypatch, capsys):
    data_dir = tmp_path / "lib"
    with Store.open(data_dir) as store:
        import_paths(store, [SAMPLE])
        first = store.items_on(dt.date(2026, 1, 14))[0].id
    real_open = Store.open

    def read_only(directory=None):
        store = real_open(directory)
        store.db.execute("PRAGMA query_only = 1")  # SQLite refuses writes as on a read-only disk
        return store

    monkeypatch.setattr(Store, "open", read_only)
    for args in (["star", first], ["note", first, "x"], ["import", str(FIXTURES / "small.md")]):
        code = main(["--data-dir", str(data_dir), *args])
        err = capsys.readouterr().err
        assert code == 1 and "read-only" in err and err.count("\n") == 1, (args, err)
    monkeypatch.setattr(Store, "open", real_open)
    with Store.open(data_dir) as store:
        assert not store.item(first).starred and store.item(first).note is None
        assert list(store.day_counts()) == [dt.date(2026, 1, 14)]


def test_an_export_that_cannot_be_finished_leaves_the_old_file_and_no_scraps(tmp_path, monkeypatch):
    target = tmp_path / "starred.md"
    target.write_text("the reader's earlier export", encoding="utf-8")

    def no_space(_source, _target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(OSError):
        write_atomically(target, "new text " * 1000)
    assert target.read_text(encoding="utf-8") == "the reader's earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["starred.md"]


# ---- no network, ever ----------------------------------------------------------------------------

NO_NETWORK = """
import socket, sys
class Refused(socket.socket):
    def __init__(self, family=-1, *args, **kwargs):
        if family in (socket.AF_INET, socket.AF_INET6, -1):
            raise RuntimeError("telereader tried to open a network socket")
        super().__init__(family, *args, **kwargs)
def refuse(*args, **kwargs):
    raise RuntimeError("telereader tried to open a network connection")
socket.socket = Refused
socket.create_connection = refuse
socket.getaddrinfo = refuse
from telereader.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    "arguments",
    [
        ["import", str(SAMPLE)],
        ["search", "--json", "黄金"],
        [],  # the window: opens offscreen, imports the sample day, quits
    ],
    ids=["import", "search", "window"],
)
def test_nothing_opens_a_network_connection(tmp_path, arguments):
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TELEREADER_SMOKE_TEST": "1",
        "TELEREADER_LANG": "en",
    }
    data_dir = tmp_path / "lib"
    Store.open(data_dir).close()
    if arguments and arguments[0] == "search":
        with Store.open(data_dir) as store:
            import_paths(store, [SAMPLE])
    done = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, "--data-dir", str(data_dir), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "network" not in done.stderr
    with sqlite3.connect(data_dir / LIBRARY_FILE) as conn:
        assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 93
