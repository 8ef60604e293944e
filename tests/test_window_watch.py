"""Watchlists, the Watch view, the new-hits notice, export, backup and restore, in the window,
driven as a reader would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from telereader.app.models import ItemRole
from telereader.app.widgets.calendar import to_qdate
from telereader.app.widgets.highlight import SEARCHED, marks
from telereader.app.widgets.look import tint
from telereader.core.importer import import_paths
from telereader.core.store import Store
from telereader.core.watchlists import watchlists
from tests.conftest import FIXTURES
from tests.test_window import (  # noqa: F401  (fixtures)
    IMPORT_TIMEOUT_MS,
    SAMPLE_DAY,
    SMALL_DAY,
    drop_and_wait,
    english,
    reader,
)

WAIT_MS = 10_000


def list_rows(window) -> list:
    """Every row of the list shown (a day's rows reach the view a page at a time)."""
    model = window.list.model()
    if hasattr(model, "show_all"):
        model.show_all()
    return [model.index(row, 0).data(ItemRole) for row in range(model.rowCount())]


def answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    """Answer every question box with `button`; returns the questions asked."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def wait_until_applied(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def make_watchlist(qtbot, window, name: str, keywords: list[str]):
    """Through the dialog, as a reader would: new list, keywords typed one per line."""
    dialog = window.edit_watchlists()
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.add_watchlist(name)
    assert dialog.current().name == name
    assert dialog.keywords.isEnabled() and dialog.keywords.toPlainText() == ""
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.keywords.setPlainText("\n".join(keywords))  # applies once typing pauses
    wait_until_applied(qtbot, dialog)
    return dialog


# ---- the watchlist dialog ------------------------------------------------------------------------


def test_a_new_watchlist_lights_up_the_sample_day_without_reimporting(reader, qtbot):
    window = reader.open()
    dialog = make_watchlist(qtbot, window, "持仓", ["黄金 -黄金周", "芯片|半导体", "=AI"])
    watchlist = watchlists(window.store)[0]
    assert [k.line for k in watchlist.keywords] == ["黄金 -黄金周", "芯片|半导体", "=AI"]
    lit = [item for item in list_rows(window) if "持仓" in item.watch]
    assert len(lit) > 5
    assert all(watchlist.matches(item.title, item.body) for item in lit)
    unlit = [item for item in list_rows(window) if "持仓" not in item.watch]
    assert not any(watchlist.matches(item.title, item.body) for item in unlit)
    assert window.calendar.hit_days[SAMPLE_DAY] == len(lit)
    assert "watchlist hit" in window.calendar.dateTextFormat(to_qdate(SAMPLE_DAY)).toolTip()
    assert "持仓" in dialog.lists.item(0).text()
    assert str(len(lit)) in dialog.state.text()


def test_keywords_typed_then_closing_the_dialog_at_once_are_still_applied(reader, qtbot):
    window = reader.open()
    dialog = window.edit_watchlists()
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.add_watchlist("宏观")
    dialog.keywords.setPlainText("美联储\n央行")
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.close()  # before the pause that would apply them
    assert [k.line for k in watchlists(window.store)[0].keywords] == ["美联储", "央行"]


def test_rename_recolour_and_delete_after_confirmation(reader, qtbot, monkeypatch):
    window = reader.open()
    dialog = make_watchlist(qtbot, window, "持仓", ["黄金"])
    hits_before = window.calendar.hit_days[SAMPLE_DAY]
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.rename_watchlist("自选")
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.recolour_watchlist("#123456")
    watchlist = watchlists(window.store)[0]
    assert (watchlist.name, watchlist.colour) == ("自选", "#123456")
    assert [k.line for k in watchlist.keywords] == ["黄金"]
    assert window.calendar.hit_days[SAMPLE_DAY] == hits_before
    assert window.watch_scope.findText("自选") > 0

    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog.delete_watchlist()
    assert "自选" in asked[0]
    assert len(watchlists(window.store)) == 1  # No keeps it

    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.delete_watchlist()
    assert watchlists(window.store) == []
    assert window.calendar.hit_days == {}
    assert not any(item.watch for item in list_rows(window))
    assert window.model.matching == 93  # items, stars and notes are untouched


def test_a_taken_name_is_refused_with_a_reason_and_nothing_changes(reader, qtbot, monkeypatch):
    window = reader.open()
    dialog = make_watchlist(qtbot, window, "持仓", ["黄金"])
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.add_watchlist("持仓2")
    dialog.rename_watchlist("持仓")
    qtbot.waitUntil(lambda: bool(warned), timeout=WAIT_MS)
    assert "持仓" in warned[0]
    assert sorted(w.name for w in watchlists(window.store)) == ["持仓", "持仓2"]


# ---- marks in the list and the detail ----------------------------------------------------------------


def test_keywords_are_marked_in_the_watchlist_colour_in_the_list_and_the_detail(reader, qtbot):
    window = reader.open()
    make_watchlist(qtbot, window, "持仓", ["黄金", "AI"])
    colour = watchlists(window.store)[0].colour
    background = tint(colour, window.detail.palette().color(window.detail.backgroundRole())).name()

    in_title = next(item for item in list_rows(window) if "AI" in (item.title or ""))
    headline_marks = marks(in_title.headline, in_title, (), window.delegate.watchlists)
    assert headline_marks and {m.colour for m in headline_marks} == {colour}
    assert {in_title.headline[m.start : m.end] for m in headline_marks} == {"AI"}
    window.show_day(in_title.day, in_title.id)
    detail = window.detail
    assert "持仓" in detail.meta.text()
    assert detail.title.textFormat() == Qt.TextFormat.RichText
    assert f"background:{background};'>AI</span>" in detail.title.text()

    in_body = next(item for item in list_rows(window) if "黄金" in item.body)
    window.show_day(in_body.day, in_body.id)
    selections = detail.body.extraSelections()
    assert selections
    assert {s.format.background().color().name() for s in selections} == {background}
    assert {s.cursor.selectedText() for s in selections} <= {"黄金", "AI"}
    assert "黄金" in {s.cursor.selectedText() for s in selections}


def test_searched_terms_are_marked_over_keyword_marks(reader, qtbot):
    window = reader.open()
    make_watchlist(qtbot, window, "持仓", ["黄金"])
    hit = next(item for item in list_rows(window) if "持仓" in item.watch)
    found = marks("现货黄金上涨", hit, ("黄金",), window.watchlists)
    assert [(m.start, m.end, m.colour) for m in found] == [(2, 4, SEARCHED)]


def test_an_item_the_list_does_not_hit_has_no_marks_even_if_a_word_appears(reader, qtbot):
    window = reader.open()
    make_watchlist(qtbot, window, "宏观", ["美联储 降息"])  # both words must occur
    miss = next(
        item
        for item in list_rows(window)
        if "美联储" in item.body and "降息" not in item.body and "降息" not in (item.title or "")
    )
    assert "宏观" not in miss.watch
    assert marks(miss.body, miss, (), window.watchlists) == []


# ---- the Watch view ----------------------------------------------------------------------------------


def test_the_watch_view_lists_hits_newest_first_filters_by_list_and_opens_on_the_day(
    reader, qtbot, tmp_path
):
    window = reader.open()
    small = tmp_path / "small.md"
    shutil.copy(FIXTURES / "small.md", small)
    drop_and_wait(qtbot, window, [small])
    assert window.report_dialog is None  # a routine import opens no dialog
    make_watchlist(qtbot, window, "黄金", ["黄金"])
    make_watchlist(qtbot, window, "央行", ["央行"])

    window.watch_button.click()
    assert window.watching
    shown = list_rows(window)
    assert len(shown) == window.hits_model.total
    assert shown[0].day == SMALL_DAY  # the newer day first
    assert [(i.day, i.time) for i in shown] == sorted(
        ((i.day, i.time) for i in shown), reverse=True
    )
    assert all(item.watch for item in shown)
    assert "watchlist hits" in window.counts_label.text().lower()

    window.watch_scope.setCurrentIndex(window.watch_scope.findText("央行"))
    assert list_rows(window) and all(
        i.watch == ("央行",) or "央行" in i.watch for i in list_rows(window)
    )
    assert all("央行" in (i.title or "") + i.body for i in list_rows(window))

    target = list_rows(window)[-1]
    window.list.setCurrentIndex(window.list.model().index(len(list_rows(window)) - 1, 0))
    window.enter()
    assert not window.watching
    assert window.model.day == target.day
    assert window.current_item().id == target.id


def test_escape_leaves_the_watch_view_for_the_day(reader, qtbot):
    window = reader.open()
    make_watchlist(qtbot, window, "持仓", ["黄金"])
    window.show_watch_view()
    assert window.watching
    window.escape()
    assert not window.watching
    assert window.list.model() is window.model


# ---- the new-hits notice ------------------------------------------------------------------------------


def test_an_import_with_new_hits_shows_a_banner_counting_them_per_watchlist(
    reader, qtbot, tmp_path
):
    window = reader.open()
    make_watchlist(qtbot, window, "黄金", ["黄金"])
    make_watchlist(qtbot, window, "央行", ["央行"])
    assert not window.banner.isVisible()
    small = tmp_path / "small.md"
    shutil.copy(FIXTURES / "small.md", small)
    report = drop_and_wait(qtbot, window, [small])
    assert report.new_hits == {"黄金": 1, "央行": 1}
    assert window.banner.isVisible()  # offscreen there is no system tray
    assert "黄金 1" in window.banner_text.text() and "央行 1" in window.banner_text.text()
    assert window.calendar.hit_days[SMALL_DAY] == 2
    qtbot.mouseClick(window.banner.findChild(type(window.watch_button), "hits_banner_show"),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert window.watching and not window.banner.isVisible()


def test_an_import_without_new_hits_raises_no_notice(reader, qtbot, tmp_path):
    window = reader.open()
    make_watchlist(qtbot, window, "无关", ["不会出现的词"])
    small = tmp_path / "small.md"
    shutil.copy(FIXTURES / "small.md", small)
    report = drop_and_wait(qtbot, window, [small])
    assert report.new_hits == {}
    assert not window.banner.isVisible()


def test_a_list_with_its_alert_off_lights_up_new_hits_in_the_watch_view_without_a_notice(
    reader, qtbot, tmp_path
):
    window = reader.open()
    dialog = make_watchlist(qtbot, window, "黄金", ["黄金"])
    dialog.options_row.alert.setChecked(False)
    wait_until_applied(qtbot, dialog)
    small = tmp_path / "small.md"
    shutil.copy(FIXTURES / "small.md", small)
    report = drop_and_wait(qtbot, window, [small])
    assert report.new_hits == {}
    assert not window.banner.isVisible()
    assert window.calendar.hit_days[SMALL_DAY] == 1  # the new item is lit all the same


# ---- export -----------------------------------------------------------------------------------------


def star_two_and_note_one(window) -> list[str]:
    items = list_rows(window)
    chosen = [items[3], items[40]]
    for item in chosen:
        window.set_starred(item.id, True)
    window.show_day(chosen[0].day, chosen[0].id)
    window.detail.note.setPlainText("先看业绩，再看估值。")
    window.detail.flush_note()
    return [item.id for item in chosen]


def export_and_wait(qtbot, window, key: str, fmt: str, path: Path):
    dialog = window.show_export(key)
    dialog.choose_format(fmt)
    assert dialog.choice().key == key
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as blocker:
        dialog.export_to(path)
    return blocker.args


def test_starred_items_export_to_markdown_that_imports_as_the_same_items(reader, qtbot, tmp_path):
    window = reader.open()
    starred = star_two_and_note_one(window)
    out = tmp_path / "starred.md"
    written, count = export_and_wait(qtbot, window, "starred", "md", out)
    assert (written, count) == (str(out), 2)
    assert "先看业绩，再看估值。" in out.read_text(encoding="utf-8")
    with Store.open(tmp_path / "fresh") as fresh:
        import_paths(fresh, [out])
        assert sorted(row[0] for row in fresh.db.execute("SELECT id FROM items")) == sorted(starred)
    assert str(out) in window.statusBar().currentMessage()


def test_starred_items_export_to_csv_with_a_bom_and_chinese_intact(reader, qtbot, tmp_path):
    window = reader.open()
    star_two_and_note_one(window)
    out = tmp_path / "starred.csv"
    export_and_wait(qtbot, window, "starred", "csv", out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("day,time,title,body")
    assert "先看业绩，再看估值。" in text


def test_export_offers_the_day_the_shown_list_and_each_watchlist(reader, qtbot, tmp_path):
    window = reader.open()
    make_watchlist(qtbot, window, "持仓", ["黄金"])
    window.filter_buttons["hide_teasers"].setChecked(True)
    dialog = window.show_export()
    keys = [choice.key for choice in dialog.choices]
    assert keys[:4] == ["starred", "day", "list", "hits"] and len(keys) == 5
    assert dialog.choice().key == "list"  # what the reader sees, unless asked otherwise
    dialog.close()
    out = tmp_path / "shown.json"
    _, count = export_and_wait(qtbot, window, "list", "json", out)
    assert count == window.model.shown < 93  # the rows seen (a folded near-duplicate is not)
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [entry["id"] for entry in exported] == [i.id for i in list_rows(window)]

    out = tmp_path / "hits.html"
    _, count = export_and_wait(qtbot, window, dialog.choices[4].key, "html", out)
    assert count == window.calendar.hit_days[SAMPLE_DAY]
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert not any(remote in page for remote in ("src=", "href=", "url("))


def test_an_existing_file_is_replaced_only_when_the_reader_agrees(
    reader, qtbot, tmp_path, monkeypatch
):
    window = reader.open()
    star_two_and_note_one(window)
    out = tmp_path / "starred.md"
    out.write_text("my own file", encoding="utf-8")
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog = window.show_export("starred")
    dialog.export_to(out)
    qtbot.wait(200)
    assert asked and str(out) in asked[0]
    assert out.read_text(encoding="utf-8") == "my own file"
    dialog.close()

    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    export_and_wait(qtbot, window, "starred", "md", out)
    assert out.read_text(encoding="utf-8").startswith("# 财联社")


def test_export_is_in_the_lists_context_menu(reader):
    window = reader.open()
    assert window.export_action in window.list.actions()
    assert window.export_action.shortcut().toString() == "Ctrl+E"


# ---- backup and restore -------------------------------------------------------------------------------


def test_back_up_then_restore_into_a_fresh_library_brings_everything_back(reader, qtbot, tmp_path):
    window = reader.open()
    starred = star_two_and_note_one(window)
    make_watchlist(qtbot, window, "持仓", ["黄金", "芯片"])
    backup = tmp_path / "backup.json"
    window.back_up(backup)
    qtbot.waitUntil(lambda: str(backup) in window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert json.loads(backup.read_text(encoding="utf-8"))["format"] == "telereader-backup"

    other = reader.__class__(qtbot, tmp_path / "other")
    try:
        fresh = other.open()
        fresh.restore(backup)
        qtbot.waitUntil(lambda: fresh.last_restore is not None, timeout=WAIT_MS)
        assert fresh.last_restore.stars == 2 and fresh.last_restore.notes == 1
        assert fresh.last_restore.watchlists == 1 and fresh.last_restore.waiting == 0
        assert {i.id for i in list_rows(fresh) if i.starred} == set(starred)
        assert fresh.store.item(starred[0]).note == "先看业绩，再看估值。"
        assert [w.name for w in fresh.watchlists] == ["持仓"]
        assert fresh.calendar.hit_days[SAMPLE_DAY] == window.calendar.hit_days[SAMPLE_DAY]
        assert any("持仓" in item.watch for item in list_rows(fresh))
    finally:
        other.finish()


def test_restoring_a_file_that_is_not_a_backup_says_so_and_changes_nothing(
    reader, qtbot, tmp_path, monkeypatch
):
    window = reader.open()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    not_backup = tmp_path / "notes.json"
    not_backup.write_text('{"hello": 1}', encoding="utf-8")
    window.restore(not_backup)
    qtbot.waitUntil(lambda: bool(warned), timeout=WAIT_MS)
    assert "notes.json" in warned[0]
    assert window.last_restore is None


@pytest.mark.parametrize("colour", ["#e53935", "#1e88e5"])
def test_tint_keeps_text_readable_on_light_and_dark_bases(colour):
    for base in (QColor("#ffffff"), QColor("#1e1e1e")):
        tinted = tint(colour, base)
        assert abs(tinted.lightness() - base.lightness()) < 100


def test_the_hits_model_keeps_qts_model_contract(reader, qtbot, qtmodeltester):
    window = reader.open()
    make_watchlist(qtbot, window, "持仓", ["AI", "黄金"])
    window.hits_model.PAGE = 5  # several pages, fetched as the view scrolls
    window.show_watch_view()
    assert window.hits_model.rowCount() == 5 < window.hits_model.total
    qtmodeltester.check(window.hits_model)
    while window.hits_model.canFetchMore():
        window.hits_model.fetchMore()
    assert window.hits_model.rowCount() == window.hits_model.total
    assert len({item.id for item in list_rows(window)}) == window.hits_model.total


def test_markup_in_a_marked_title_stays_text(reader, qtbot, tmp_path):
    """A title with HTML in it, lit by a watchlist (the detail then draws it as escaped rich
    text): the markup shows as characters and nothing in it becomes a tag or a link."""
    hostile = tmp_path / "hostile.md"
    hostile.write_text(
        "# 财联社【普通】电报 - 2026-05-01\n\n"
        '**[09:00]** 【黄金<a href="http://evil.example/">点我</a><img src=x onerror=alert(1)>】'
        "财联社5月1日电，<script>alert(1)</script>黄金大涨。\n",
        encoding="utf-8",
    )
    window = reader.open()
    make_watchlist(qtbot, window, "持仓", ["黄金"])
    drop_and_wait(qtbot, window, [hostile])
    assert window.report_dialog is None  # a routine import opens no dialog
    item = window.current_item()
    assert "持仓" in item.watch and "<a href" in item.title
    shown = window.detail.title.text()
    assert window.detail.title.textFormat() == Qt.TextFormat.RichText
    assert "<a href" not in shown and "<img" not in shown
    assert "&lt;a href=&quot;http://evil.example/&quot;&gt;" in shown
    assert window.detail.body.toPlainText().count("<script>") == 1  # shown as typed
    assert not window.detail.title.openExternalLinks()


# ---- edits that overlap writes still on the way ---------------------------------------------------


def test_typing_in_another_list_while_a_save_runs_keeps_the_selection_and_the_text(reader, qtbot):
    window = reader.open()
    dialog = make_watchlist(qtbot, window, "甲", ["黄金"])
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.add_watchlist("乙")
    dialog.lists.setCurrentRow(0)
    assert dialog.current().name == "甲"
    dialog.keywords.setPlainText("黄金\n白银")  # 甲 edited…
    dialog.lists.setCurrentRow(1)  # …and left at once: its save starts
    dialog.keywords.setPlainText("芯片")  # typing in 乙 while 甲's save runs
    wait_until_applied(qtbot, dialog)
    assert dialog.current().name == "乙"
    saved = {w.name: [k.line for k in w.keywords] for w in watchlists(window.store)}
    assert saved == {"甲": ["黄金", "白银"], "乙": ["芯片"]}
    assert dialog.keywords.toPlainText() == "芯片"


def test_renaming_right_after_typing_keeps_both_the_name_and_the_keywords(reader, qtbot):
    window = reader.open()
    dialog = make_watchlist(qtbot, window, "甲", ["黄金"])
    dialog.keywords.setPlainText("黄金\n白银")
    dialog.rename_watchlist("贵金属")  # before the typing pause
    dialog.keywords.setPlainText("黄金\n白银\n铂金")  # and typing on
    wait_until_applied(qtbot, dialog)
    (only,) = watchlists(window.store)
    assert only.name == "贵金属"
    assert [k.line for k in only.keywords] == ["黄金", "白银", "铂金"]


def test_back_up_and_restore_from_the_file_menu(reader, qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog

    window = reader.open()
    star_two_and_note_one(window)
    backup = tmp_path / "from-menu.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(backup), ""))
    window.findChild(QAction, "back_up").trigger()
    qtbot.waitUntil(lambda: str(backup) in window.statusBar().currentMessage(), timeout=WAIT_MS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    window.findChild(QAction, "restore").trigger()
    qtbot.waitUntil(lambda: window.last_restore is not None, timeout=WAIT_MS)
    assert window.last_restore.stars == 0  # the same library: nothing new to add
