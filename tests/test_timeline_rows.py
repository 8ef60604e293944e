"""The timeline's rows: time, badges, the title in bold and the whole body wrapped (its dateline
dropped), the source quieter at the end; 加红 titles red, teasers quieter, unread marked by a bar;
次日 for after-midnight items; a search result's passage instead of the body; marks across title
and body; rows as tall as their text, a very long one capped."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from telereader.app.models import ItemRole
from telereader.app.widgets.delegate import MARKER, PADDING, ItemDelegate
from telereader.app.widgets.highlight import SEARCHED
from telereader.app.widgets.look import Colours, contrast
from telereader.app.widgets.row_layout import MAX_LINES, run_colour
from telereader.app.widgets.row_text import Style, row_text, stamp
from telereader.core.keywords import Watchlist, parse_keywords
from telereader.core.model import Kind, Level
from telereader.core.store import StoredItem
from tests.test_window import english, reader  # noqa: F401  (fixtures)
from tests.test_window_defects import dark_palette
from tests.test_window_watch import list_rows

DAY = dt.date(2026, 1, 14)
BODY = "财联社1月14日电，美国上周API原油库存增加527.8万桶，预期减少223.8万桶。"


def an_item(**changes) -> StoredItem:
    item = StoredItem(
        id="x1",
        day=DAY,
        time=dt.datetime(2026, 1, 14, 9, 30),
        title="美国API原油库存增加",
        body=BODY,
        source="财联社",
        level=Level.NORMAL,
        kind=Kind.NEWS,
        column=None,
        starred=False,
        note=None,
        read=False,
    )
    return item.replace(**changes)


# ---- what a row says -------------------------------------------------------------------------------


def test_a_row_shows_the_title_then_the_whole_body_without_its_dateline_and_the_source_last():
    row = row_text(an_item())
    assert row.styled(Style.TITLE) == "美国API原油库存增加"
    assert "美国上周API原油库存增加527.8万桶，预期减少223.8万桶。" in row.styled(Style.BODY)
    assert "财联社1月14日电" not in row.text
    assert "财联社" in row.styled(Style.SOURCE)
    assert [run.style for run in row.runs] == [Style.TITLE, Style.BREAK, Style.BODY, Style.SOURCE]
    assert row.runs[-1].end == len(row.text)


def test_an_untitled_row_is_the_body_alone():
    row = row_text(an_item(title=None))
    assert row.styled(Style.TITLE) == ""
    assert row.text.startswith("美国上周API原油库存")


def test_a_trailing_attribution_is_the_source_shown_once_at_the_end():
    row = row_text(an_item(body="国际金价再创新高。 (新华社)", source="新华社"))
    assert row.styled(Style.BODY).strip() == "国际金价再创新高。"
    assert row.plain.count("新华社") == 1
    assert "新华社" in row.styled(Style.SOURCE)


def test_a_search_results_passage_is_shown_instead_of_the_body():
    row = row_text(an_item(), snippet="…预期减少223.8万桶…")
    assert row.styled(Style.BODY) == "…预期减少223.8万桶…"
    assert "527.8" not in row.text
    assert row.styled(Style.TITLE) == "美国API原油库存增加"


def test_the_notes_view_shows_the_note_under_the_body():
    row = row_text(an_item(note="先看业绩"), note="先看业绩")
    assert "先看业绩" in row.styled(Style.NOTE)
    assert row.runs[-1].style is Style.NOTE


def test_searched_terms_and_keywords_are_marked_in_the_title_and_the_body():
    item = an_item(watch=("能源",))
    watchlist = Watchlist(1, "能源", "#2e7d32", tuple(parse_keywords("原油")))
    row = row_text(item, terms=("api",), watchlists=[watchlist])
    title = next(run for run in row.runs if run.style is Style.TITLE)
    searched = [m for m in row.marks if m.colour == SEARCHED]
    keyword = [m for m in row.marks if m.colour == "#2e7d32"]
    assert {row.text[m.start : m.end] for m in searched} == {"API"}
    assert any(m.start < title.end for m in searched) and any(m.start > title.end for m in searched)
    assert {row.text[m.start : m.end] for m in keyword} == {"原油"}
    assert any(m.start < title.end for m in keyword) and any(m.start > title.end for m in keyword)


def test_an_after_midnight_item_of_a_day_says_next_day_and_views_across_days_show_the_date():
    late = an_item(time=dt.datetime(2026, 1, 15, 0, 12))
    assert stamp(late, show_day=False).next_day
    assert stamp(late, show_day=False).under == "next day"  # the tests run in English (次日)
    assert stamp(an_item(), show_day=False).under == ""
    across = stamp(late, show_day=True)
    assert (across.time, across.under, across.next_day) == ("00:12", "2026-01-15", False)


def test_a_very_long_body_is_cut_before_layout():
    row = row_text(an_item(body="长" * 50_000), max_chars=4000)
    assert row.cut and len(row.text) < 4100


# ---- colours -------------------------------------------------------------------------------------


def palettes() -> list[QPalette]:
    return [QApplication.palette(), dark_palette()]


def test_an_important_title_is_red_in_light_and_dark_palettes_and_readable(qapp):
    important = an_item(level=Level.IMPORTANT)
    for palette in palettes():
        colours = Colours.for_palette(palette)
        title = run_colour(Style.TITLE, important, colours, palette, selected=False)
        assert title == colours.important
        assert title.red() > title.green() + 60 and title.red() > title.blue() + 60
        assert contrast(title, palette.color(QPalette.ColorRole.Base)) >= 4.5
        assert run_colour(Style.BODY, important, colours, palette, False) != colours.important


def test_a_teaser_is_quieter_than_news_and_a_selected_row_reads_in_the_highlight_colours(qapp):
    teaser = an_item(kind=Kind.TEASER, column="盘中宝")
    for palette in palettes():
        colours = Colours.for_palette(palette)
        base = palette.color(QPalette.ColorRole.Base)
        for style in (Style.TITLE, Style.BODY):
            news = run_colour(style, an_item(), colours, palette, False)
            quiet = run_colour(style, teaser, colours, palette, False)
            assert contrast(quiet, base) < contrast(news, base)
            chosen = run_colour(style, an_item(level=Level.IMPORTANT), colours, palette, True)
            assert contrast(chosen, palette.color(QPalette.ColorRole.Highlight)) >= 3


# ---- painting and sizes --------------------------------------------------------------------------


def option_for(window, width: int = 700) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(window.list)
    option.font = window.list.font()
    option.state |= QStyle.StateFlag.State_Enabled
    option.rect = QRect(0, 0, width, 40)
    return option


def paint(window, index, width: int = 700) -> QImage:
    option = option_for(window, width)
    option.rect = QRect(0, 0, width, window.delegate._measure(option, index))
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(window.list.palette().color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    window.delegate.paint(painter, option, index)
    painter.end()
    return image


def count_near(image: QImage, colour: QColor, area: QRect, distance: int = 60) -> int:
    found = 0
    for y in range(area.top(), min(area.bottom() + 1, image.height())):
        for x in range(area.left(), min(area.right() + 1, image.width())):
            pixel = image.pixelColor(x, y)
            delta = (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
            )
            found += delta <= distance
    return found


def test_no_row_of_the_sample_day_paints_its_dateline(reader):
    window = reader.open()
    model = window.list.model()
    model.show_all()
    rows = [ItemDelegate.row_of(model.index(r, 0)) for r in range(model.rowCount())]
    assert len(rows) > 50
    assert not [row.text for row in rows if "财联社1月14日电" in row.text or "14日讯" in row.text]
    stored = [item.body for item in list_rows(window)]
    assert sum("财联社1月14日电" in body for body in stored) > 20  # the library keeps it


def test_a_row_is_as_tall_as_its_body_and_a_very_long_one_is_capped(reader):
    window = reader.open()
    model, delegate = window.list.model(), window.delegate
    option = option_for(window, 600)
    heights = {}
    for name, body in (("short", "短"), ("long", "长句。" * 120), ("huge", "巨" * 60_000)):
        model._items[0] = an_item(id=name, title=None, body=body, source=None)
        heights[name] = delegate._measure(option, model.index(0, 0))  # what the row settles to
    line = heights["short"] - 2 * PADDING  # one line of text
    assert heights["long"] >= heights["short"] + 4 * line
    assert (MAX_LINES - 1) * line < heights["huge"] <= MAX_LINES * line + 2 * PADDING + 1
    # narrower rows wrap into more lines
    model._items[0] = an_item(id="long", title=None, body="长句。" * 120, source=None)
    narrow = delegate._measure(option_for(window, 400), model.index(0, 0))
    assert narrow > heights["long"]


def test_the_list_lays_rows_out_at_their_own_heights_and_scrolls_to_the_last(reader, qtbot):
    window = reader.open()
    window.resize(1400, 900)
    view = window.list
    assert not view.uniformItemSizes()
    model = view.model()
    model.show_all()
    last = model.index(model.rowCount() - 1, 0)
    view.select(last.data(ItemRole).id)
    qtbot.waitUntil(lambda: view.viewport().rect().intersects(view.visualRect(last)), timeout=5000)
    assert view.currentIndex().row() == model.rowCount() - 1
    heights = {view.visualRect(model.index(row, 0)).height() for row in range(model.rowCount())}
    assert len(heights) > 3


def test_an_unread_row_has_an_accent_bar_and_a_bolder_title_than_a_read_one(reader):
    window = reader.open()
    model = window.list.model()
    palette = window.list.palette()
    accent = palette.color(QPalette.ColorRole.Highlight)
    ink = palette.color(QPalette.ColorRole.Text)
    model._items[0] = an_item(read=False)
    unread = paint(window, model.index(0, 0))
    model._items[0] = an_item(read=True)
    read = paint(window, model.index(0, 0))
    bar = QRect(1, PADDING, MARKER, 10)
    assert count_near(unread, accent, bar) >= MARKER * 8
    assert count_near(read, accent, bar) == 0
    title_line = QRect(window.delegate._text_left(window.list.font(), False), PADDING, 300, 14)
    assert count_near(unread, ink, title_line, 150) > count_near(read, ink, title_line, 150)


def test_an_after_midnight_row_paints_a_next_day_tag_under_its_time(reader):
    window = reader.open()
    model = window.list.model()
    model._items[0] = an_item(time=dt.datetime(2026, 1, 15, 0, 12), read=True)
    late = paint(window, model.index(0, 0))
    model._items[0] = an_item(read=True)
    early = paint(window, model.index(0, 0))
    line = QFontMetrics(window.list.font()).height()
    under_time = QRect(MARKER + PADDING, PADDING + line, 40, line)
    dim = Colours.for_palette(window.list.palette()).dim
    assert count_near(late, dim, under_time, 90) > 10
    assert count_near(early, dim, under_time, 90) == 0


def test_rows_first_laid_out_at_an_estimate_get_their_exact_heights_when_idle(
    reader, qtbot, monkeypatch
):
    from telereader.app.widgets import row_heights

    monkeypatch.setattr(row_heights, "BUDGET_S", 0.0005)  # measure almost nothing at once
    window = reader.open()
    window.resize(1400, 900)
    view, model = window.list, window.list.model()
    window.show_day(model.index(0, 0).data(ItemRole).day)
    option = option_for(window)
    option.widget = view

    def laid_out_exactly() -> bool:
        rows = [model.index(row, 0) for row in range(model.rowCount())]
        exact = [window.delegate._measure(option, index) for index in rows]
        return [view.visualRect(index).height() for index in rows] == exact

    qtbot.waitUntil(laid_out_exactly, timeout=20_000)
    wide = view.visualRect(model.index(1, 0)).height()
    view.setFixedWidth(view.width() // 2)  # a narrower list wraps into more lines
    qtbot.waitUntil(lambda: view.visualRect(model.index(1, 0)).height() > wide, timeout=20_000)
    qtbot.waitUntil(laid_out_exactly, timeout=20_000)


def test_the_notes_view_row_shows_the_body_and_the_note_under_it(reader, qtbot):
    """NoteRole once had SnippetRole's value: the note replaced the body as if it were a
    search result's passage."""
    from tests.test_views_across_days import trigger, write_note

    window = reader.open()
    item = list_rows(window)[4]
    write_note(qtbot, window, item, "先看业绩，再看估值。")
    trigger(window, "notes_view")
    row = ItemDelegate.row_of(window.list.model().index(0, 0))
    assert row.styled(Style.NOTE) == "\u2028✎ 先看业绩，再看估值。"
    assert row.styled(Style.BODY) and "先看业绩" not in row.styled(Style.BODY)
