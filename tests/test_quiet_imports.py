"""Imports stay out of the reader's way: a routine import is a line in the status bar with its
report a click away; only a problem opens the report by itself; an import never moves the
reader off the day and item they are reading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from telereader.app.window import MainWindow
from tests.conftest import FIXTURES
from tests.test_window import (  # noqa: F401  (fixtures)
    SAMPLE_DAY,
    SMALL_DAY,
    drop_and_wait,
    english,
    reader,
)
from tests.test_window_watch import answer

pytestmark = pytest.mark.gui

OTHER_DAY = dt.date(2026, 3, 5)
WAIT_MS = 10_000


def another_day(folder: Path, fixture: str = "small.md", day: dt.date = OTHER_DAY) -> Path:
    """A fixture's items on another digest day."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    path = folder / f"{day.isoformat()}-{fixture}"
    path.write_text(text.replace("2026-03-02", day.isoformat()), encoding="utf-8")
    return path


def status_widgets(window: MainWindow):
    return window.status.import_summary, window.status.report_button


def test_a_routine_import_says_what_it_brought_in_the_status_bar_without_a_dialog(
    reader, qtbot
):
    window = reader.open()
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
    summary, button = status_widgets(window)
    assert window.report_dialog is None  # nothing modal stands in the way
    assert summary.isVisible() and summary.text() == "Imported 1 file: 7 new items, 0 updated"
    assert button.isVisible() and button.text() == "Report"


def test_the_report_of_a_routine_import_opens_on_demand(reader, qtbot):
    window = reader.open()
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])  # the same bytes again
    summary, button = status_widgets(window)
    assert summary.text() == "Imported 1 file: nothing new"
    assert window.report_dialog is None
    button.click()
    dialog = window.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.index(0, 2).data() == "Unchanged"
    assert dialog.model.index(0, 5).data() == 7


def test_an_import_with_a_rejected_file_opens_the_report_by_itself(reader, qtbot):
    window = reader.open()
    report = drop_and_wait(qtbot, window, [FIXTURES / "small.md", FIXTURES / "picture.md"])
    assert report.rejected
    assert window.report_dialog is not None and window.report_dialog.isVisible()
    assert not window.status.report_button.isVisible()


def test_a_folder_without_digest_files_opens_the_report_instead_of_a_quiet_line(
    reader, qtbot, tmp_path
):
    """Nothing found is something to say: not "imported 0 files" in passing."""
    window = reader.open()
    empty = tmp_path / "pictures"
    empty.mkdir()
    (empty / "chart.png").write_bytes(b"\x89PNG\r\n")
    report = drop_and_wait(qtbot, window, [empty])
    assert report.files == []
    assert window.report_dialog is not None and window.report_dialog.isVisible()


def test_an_import_with_warnings_opens_the_report_by_itself(reader, qtbot):
    window = reader.open()
    report = drop_and_wait(qtbot, window, [FIXTURES / "bad-lines.md"])
    assert report.files[0].warnings
    assert window.report_dialog is not None and window.report_dialog.isVisible()


def test_the_next_import_clears_the_last_ones_line(reader, qtbot):
    window = reader.open()
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
    drop_and_wait(qtbot, window, [FIXTURES / "picture.md"])
    summary, button = status_widgets(window)
    assert not summary.isVisible() and not button.isVisible()


# ---- the reader stays where they are ----------------------------------------------------------


def test_an_import_keeps_the_day_and_the_item_being_read(reader, qtbot, tmp_path):
    window = reader.open()
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
    assert window.model.day == SMALL_DAY  # the first own day replaces the sample at once
    window.show_day(SAMPLE_DAY)
    window.move_selection(+1)
    window.move_selection(+1)
    reading = window.current_item()
    assert reading.day == SAMPLE_DAY
    drop_and_wait(qtbot, window, [another_day(tmp_path)])  # newer than anything shown
    assert window.model.day == SAMPLE_DAY
    assert window.current_item().id == reading.id
    assert OTHER_DAY in window.days  # the calendar has it, for when the reader wants it


def test_an_import_that_touches_the_day_being_read_keeps_the_item(reader, qtbot, tmp_path):
    window = reader.open()
    drop_and_wait(qtbot, window, [another_day(tmp_path)])
    window.show_day(SAMPLE_DAY)
    window.show_day(OTHER_DAY)
    window.move_selection(+1)
    reading = window.current_item()
    report = drop_and_wait(qtbot, window, [another_day(tmp_path, "small-important.md")])
    assert report.days == [OTHER_DAY] and report.updated  # the day being read changed
    assert window.model.day == OTHER_DAY
    assert window.current_item().id == reading.id


def test_a_reader_on_the_sample_day_is_taken_to_their_first_own_day(reader, qtbot, tmp_path):
    window = reader.open()
    assert window.model.day == SAMPLE_DAY
    drop_and_wait(qtbot, window, [another_day(tmp_path)])
    assert window.model.day == OTHER_DAY


# ---- File → Delete day… --------------------------------------------------------------------


def delete_shown_day(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.events.day_deleted, timeout=WAIT_MS):
        window.actions_by_id["delete_day"].trigger()


def test_delete_day_asks_naming_the_day_and_its_count_and_cancel_keeps_it(
    reader, qtbot, monkeypatch
):
    window = reader.open()
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.actions_by_id["delete_day"].trigger()
    assert len(asked) == 1
    assert "2026-01-14" in asked[0] and "93" in asked[0]
    assert "stars, notes and read marks" in asked[0]
    assert window.days == [SAMPLE_DAY] and window.model.matching == 93


def test_deleting_the_day_shown_moves_to_the_nearest_remaining_day(
    reader, qtbot, monkeypatch, tmp_path
):
    window = reader.open()
    far = another_day(tmp_path, day=dt.date(2026, 6, 1))
    drop_and_wait(qtbot, window, [FIXTURES / "small.md", another_day(tmp_path), far])
    window.show_day(OTHER_DAY)
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    delete_shown_day(qtbot, window)
    assert OTHER_DAY not in window.days
    assert window.model.day == SMALL_DAY  # 3 days before, against 88 after
    assert window.calendar.mark(OTHER_DAY) is None


def test_the_sample_day_can_be_deleted_and_does_not_come_back(reader, qtbot, monkeypatch):
    window = reader.open()
    assert window.hint.isVisible()
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    delete_shown_day(qtbot, window)
    assert window.days == [] and window.model.rowCount() == 0
    assert window.current_item() is None
    assert not window.hint.isVisible()  # "this is sample data" is no longer true
    reader.close(window)
    again = reader.open(wait_for_sample=False)
    assert again.days == [] and not again.importer.running  # no sample imported again


def test_stars_and_notes_of_a_deleted_day_come_back_with_it(reader, qtbot, monkeypatch):
    window = reader.open()
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
    item = window.current_item()
    with qtbot.waitSignal(window.events.items_changed, timeout=WAIT_MS,
                          check_params_cb=lambda ids, kind: kind == "star"):  # fmt: skip
        window.toggle_star()
    window.ops.wait(WAIT_MS)
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    delete_shown_day(qtbot, window)
    assert window.model.day == SAMPLE_DAY and SMALL_DAY not in window.days
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])  # the same file imports again
    assert SMALL_DAY in window.days
    window.show_day(SMALL_DAY, item.id)
    assert window.current_item().id == item.id and window.current_item().starred


def test_delete_day_is_offered_in_the_file_menu(reader):
    window = reader.open()
    entries = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Delete this day…" in entries


def test_delete_day_is_refused_while_a_view_across_days_is_shown(reader, qtbot, monkeypatch):
    """The day behind 所有星标 is not the one on screen: nothing is offered for deletion."""
    window = reader.open()
    window.ops.set_starred([window.current_item().id], True)
    window.show_across_view("starred")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.actions_by_id["delete_day"].trigger()
    assert asked == []
    assert window.days == [SAMPLE_DAY]
