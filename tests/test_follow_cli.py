"""`telereader follow DIR...` (issue 18): imports what the folder holds, then what lands there, a
line per import, until SIGTERM or Ctrl+C: exit 0, and every file in the library complete."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks import synth
from telereader.cli import main
from telereader.core.store import LIBRARY_FILE
from tests.conftest import ROOT, SAMPLE

TIMEOUT_S = 60
DAYS, ITEMS_PER_DAY = 120, 60  # a batch long enough to stop in the middle of


def eventually(condition: Callable[[], bool], timeout_s: float = TIMEOUT_S) -> None:
    """Wait for `condition`, looking every tenth of a second; fail after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.1)


class Following:
    """A `telereader follow` process whose output goes to a file the test reads as it grows."""

    def __init__(self, data_dir: Path, folder: Path, log: Path, *options: str) -> None:
        self.log = log
        self.stream = log.open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "telereader",
                "--data-dir",
                str(data_dir),
                "follow",
                "--every",
                "0.3",
                *options,
                str(folder),
            ],
            stdout=self.stream,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env={**os.environ, "TELEREADER_LANG": "en"},
        )

    @property
    def output(self) -> str:
        return self.log.read_text("utf-8", "replace")

    def stop(self, signum: int = signal.SIGTERM) -> int:
        self.process.send_signal(signum)
        try:
            return self.process.wait(timeout=TIMEOUT_S)
        finally:
            self.stream.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.stream.close()


@pytest.fixture
def following(tmp_path):
    started: list[Following] = []

    def start(folder: Path, *options: str) -> Following:
        started.append(Following(tmp_path / "library", folder, tmp_path / "out.log", *options))
        return started[-1]

    yield start
    for process in started:
        process.kill()


def items_per_day(data_dir: Path) -> dict[str, int]:
    """Read as a stranger would, never creating the library before the follower does."""
    try:
        conn = sqlite3.connect(f"file:{data_dir / LIBRARY_FILE}?mode=ro", uri=True)
    except sqlite3.OperationalError:
        return {}  # not created yet
    try:
        return dict(conn.execute("SELECT day, count(*) FROM items GROUP BY day"))
    except sqlite3.OperationalError:
        return {}  # not set up yet
    finally:
        conn.close()


def test_follow_once_imports_what_the_folder_holds_and_exits(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy2(SAMPLE, inbox / SAMPLE.name)
    library = ["--data-dir", str(tmp_path / "library")]
    assert main([*library, "follow", "--once", str(inbox)]) == 0
    out = capsys.readouterr().out
    assert "93 added" in out and SAMPLE.name in out
    assert main([*library, "follow", "--once", str(inbox)]) == 0
    assert capsys.readouterr().out == ""  # held already: nothing to say


def test_a_file_landing_while_following_is_imported_with_a_line(tmp_path, following):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    follower = following(inbox)
    eventually(lambda: "following" in follower.output)
    shutil.copy(SAMPLE, inbox / ".partial")  # written under a name the follower ignores...
    os.replace(inbox / ".partial", inbox / "today.md")  # ...then given its name, as fetchers do
    eventually(lambda: "today.md" in follower.output)
    assert "93 added" in follower.output
    assert items_per_day(tmp_path / "library") == {"2026-01-14": 93}
    assert follower.stop(signal.SIGINT) == 0
    assert follower.output.rstrip().endswith("stopped following")


def test_sigterm_in_the_middle_of_an_import_exits_0_with_every_file_complete(tmp_path, following):
    year = tmp_path / "year"
    synth.generate(year, DAYS, dt.date(2025, 1, 1), 7, items=ITEMS_PER_DAY, updates=0)
    for path in year.iterdir():
        os.utime(path, (time.time() - 60, time.time() - 60))  # written a while ago: settled
    follower = following(year)
    eventually(lambda: bool(items_per_day(tmp_path / "library")))  # the first file is in
    assert follower.stop() == 0
    days = items_per_day(tmp_path / "library")
    assert 0 < len(days) <= DAYS
    assert set(days.values()) == {ITEMS_PER_DAY}, "a file was half written"
    if len(days) < DAYS:
        assert "cancelled" in follower.output
    assert follower.output.rstrip().endswith("stopped following")
    conn = sqlite3.connect(tmp_path / "library" / LIBRARY_FILE)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
