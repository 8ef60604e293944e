"""Following a folder (issue 18): the files another program writes there are imported once they
have settled, each change once, and the folder may vanish and come back.

The follower's clock is the test's own: "a few seconds later" is a number, not a sleep."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from telereader.core.follow import Follower
from telereader.core.importer import import_paths
from tests.conftest import SAMPLE


class Clock:
    """Wall time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def later(self, seconds: float = 5) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def age(path: Path, seconds: float = 60) -> None:
    """Make a file look untouched for a while, as one written before the follower started."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_files_already_in_the_folder_are_imported_at_the_first_look(inbox, clock, store):
    shutil.copy(SAMPLE, inbox / SAMPLE.name)
    age(inbox / SAMPLE.name)
    follower = Follower([inbox], clock=clock)
    ready = follower.look()
    assert ready == [inbox / SAMPLE.name]
    assert import_paths(store, ready).added == 93
    clock.later()
    assert follower.look() == []  # nothing changed: nothing to do


def test_a_new_file_is_imported_once_it_has_settled(inbox, clock):
    follower = Follower([inbox], clock=clock)
    assert follower.look() == []
    shutil.copy(SAMPLE, inbox / "today.md")  # lands now: its time is this very moment
    assert follower.look() == []
    assert follower.waiting == 1
    clock.later()
    assert follower.look() == [inbox / "today.md"]
    clock.later()
    assert follower.look() == []


def test_a_file_written_in_two_halves_is_imported_whole(inbox, clock, store, sample_bytes):
    follower = Follower([inbox], clock=clock)
    target = inbox / "today.md"
    half = sample_bytes.index(b"**[12:", len(sample_bytes) // 2)
    target.write_bytes(sample_bytes[:half])
    assert follower.look() == []
    clock.later()
    with target.open("ab") as growing:  # the writer goes on before the next look
        growing.write(sample_bytes[half:])
    assert follower.look() == []  # changed since the last look: still being written
    clock.later()
    ready = follower.look()
    assert ready == [target]
    report = import_paths(store, ready)
    assert (report.added, len(report.files)) == (93, 1)


def test_a_grown_file_is_imported_again_with_only_its_new_items(inbox, clock, store, sample_bytes):
    target = inbox / "today.md"
    cut = sample_bytes.index(b"**[13:")
    target.write_bytes(sample_bytes[:cut])  # the capture up to noon
    age(target)
    follower = Follower([inbox], clock=clock)
    first = import_paths(store, follower.look())
    with target.open("ab") as growing:
        growing.write(sample_bytes[cut:])  # the afternoon arrives
    assert follower.look() == []
    clock.later()
    second = import_paths(store, follower.look())
    assert second.added == 93 - first.added > 0
    assert second.updated == 0


def test_a_replaced_file_is_imported_again(inbox, clock, store, sample_bytes):
    target = inbox / "today.md"
    cut = sample_bytes.index(b"**[13:")
    target.write_bytes(sample_bytes[:cut])
    age(target)
    follower = Follower([inbox], clock=clock)
    import_paths(store, follower.look())
    # an editor saves by writing a new file and renaming it over the old one
    fresh = inbox / ".today.md.swp"
    fresh.write_bytes(sample_bytes)
    os.replace(fresh, target)
    assert follower.look() == []  # just replaced: let it settle
    assert len(store.items_on(store.days()[0].day)) < 93
    clock.later()
    ready = follower.look()
    assert ready == [target]
    import_paths(store, ready)
    assert len(store.items_on(store.days()[0].day)) == 93


def test_a_file_touched_without_change_is_handed_out_and_found_unchanged(inbox, clock, store):
    target = inbox / SAMPLE.name
    shutil.copy(SAMPLE, target)
    age(target, 120)
    follower = Follower([inbox], clock=clock)
    import_paths(store, follower.look())
    age(target, 30)  # touched: a new time, the same bytes
    ready = follower.look()
    assert ready == [target]
    report = import_paths(store, ready)
    assert (report.added, report.updated, report.files[0].status.value) == (0, 0, "unchanged")


def test_a_deleted_folder_is_waited_for_and_read_again_when_it_comes_back(
    inbox, clock, store, sample_bytes
):
    target = inbox / "today.md"
    cut = sample_bytes.index(b"**[13:")
    target.write_bytes(sample_bytes[:cut])
    age(target)
    follower = Follower([inbox], clock=clock)
    import_paths(store, follower.look())
    shutil.rmtree(inbox)
    clock.later()
    assert follower.look() == []  # no folder: nothing, and no error
    clock.later()
    assert follower.look() == []
    inbox.mkdir()
    target.write_bytes(sample_bytes)  # back, with the day grown meanwhile
    os.utime(target, (clock.now, clock.now))  # written at this moment of the test's clock
    assert follower.look() == []  # just written: let it settle
    clock.later()
    ready = follower.look()
    assert ready == [target]
    import_paths(store, ready)
    assert len(store.items_on(store.days()[0].day)) == 93


def test_files_in_subfolders_are_followed_and_other_files_ignored(inbox, clock):
    (inbox / "2026" / "01").mkdir(parents=True)
    shutil.copy(SAMPLE, inbox / "2026" / "01" / SAMPLE.name)
    (inbox / "notes.pdf").write_bytes(b"%PDF-1.4")
    (inbox / ".hidden.md").write_text("x")
    follower = Follower([inbox], clock=clock)
    clock.later()
    assert follower.look() == [inbox / "2026" / "01" / SAMPLE.name]


def test_a_folder_too_big_to_look_at_cheaply_is_looked_at_less_often(inbox, clock):
    follower = Follower([inbox], clock=clock)
    follower.look()
    assert follower.next_look_in(2.0) == 2.0  # an empty folder costs next to nothing
    follower.cost_s = 0.05  # as a look at tens of thousands of files might
    assert follower.next_look_in(2.0) == pytest.approx(10.0)  # half a percent of a core
