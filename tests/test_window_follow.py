"""File → 自动导入文件夹… (issue 18): the window imports what lands in the followed folders by
itself, quietly (a line in the status bar, no dialog), remembers the folders across starts and
stops following when it closes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from telereader.app.window import MainWindow
from tests.conftest import FIXTURES
from tests.test_window import SMALL_DAY, english, reader  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui

WAIT_MS = 20_000


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def land(source: Path, target: Path) -> None:
    """Write a file as a fetching program does: under another name, then renamed into place."""
    partial = target.with_name("." + target.name + ".part")
    shutil.copy(source, partial)
    os.replace(partial, target)


def day_rows(window: MainWindow) -> int:
    return window.model.rowCount() if window.model.day == SMALL_DAY else 0


def test_a_file_landing_in_a_followed_folder_is_imported_without_a_dialog(reader, qtbot, inbox):
    window = reader.open()
    window.follow_folders([inbox])
    land(FIXTURES / "small.md", inbox / "2026-03-02.md")
    qtbot.waitUntil(lambda: SMALL_DAY in window.days, timeout=WAIT_MS)
    qtbot.waitUntil(window.status.import_summary.isVisible, timeout=WAIT_MS)
    assert window.status.import_summary.text() == "Imported 1 file: 7 new items, 0 updated"
    assert window.report_dialog is None


def test_the_day_shown_grows_when_its_file_grows_in_the_folder(reader, qtbot, inbox):
    window = reader.open()
    target = inbox / "2026-03-02.md"
    shutil.copy2(FIXTURES / "small.md", target)  # there before the reader follows the folder
    window.follow_folders([inbox])
    qtbot.waitUntil(lambda: SMALL_DAY in window.days, timeout=WAIT_MS)
    window.show_day(SMALL_DAY)
    qtbot.waitUntil(lambda: day_rows(window) == 7, timeout=WAIT_MS)
    land(FIXTURES / "small-later-capture.md", target)  # the day's later capture replaces it
    qtbot.waitUntil(lambda: day_rows(window) == 8, timeout=WAIT_MS)
    assert window.model.day == SMALL_DAY  # the reader stays where they were
    assert window.report_dialog is None


def test_a_refused_file_in_a_followed_folder_opens_no_dialog(reader, qtbot, inbox):
    window = reader.open()
    window.follow_folders([inbox])
    land(FIXTURES / "picture.md", inbox / "picture.md")
    qtbot.waitUntil(window.status.report_button.isVisible, timeout=WAIT_MS)
    assert window.report_dialog is None
    assert window.importer.last_report.rejected  # one click on Report away


def test_the_followed_folders_are_chosen_in_a_dialog_and_remembered(reader, qtbot, inbox):
    window = reader.open()
    dialog = window.choose_followed_folders()
    dialog.add_folder(inbox)
    dialog.add_folder(inbox)  # once only
    dialog.accept()
    assert window.following.folders == [inbox]
    reader.close(window)
    again = reader.open()
    assert again.following.folders == [inbox]
    dialog = again.choose_followed_folders()
    assert dialog.folders() == [inbox]
    dialog.list.setCurrentRow(0)
    dialog.remove.click()
    dialog.accept()
    assert again.following.folders == []
    reader.close(again)
    assert reader.open().following.folders == []


def test_closing_the_window_stops_following(reader, qtbot, inbox):
    window = reader.open()
    window.follow_folders([inbox])
    following = window.following
    qtbot.waitUntil(lambda: str(inbox) in following.watcher.directories(), timeout=WAIT_MS)
    window.close()
    assert following.follower is None
    assert following.watcher.directories() == []
