"""The word layer in the window: counted in the background, a strip of hot words over the list,
a click on a word searches for it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from telereader.app.widgets.trendchart import Bar, TrendChart
from tests.conftest import FIXTURES
from tests.test_window import (  # noqa: F401  (fixtures)
    IMPORT_TIMEOUT_MS,
    SAMPLE_DAY,
    SMALL_DAY,
    drop_and_wait,
    english,
    reader,
)
from tests.test_window_watch import make_watchlist
from tests.test_words import BACKGROUND, SURGE, write_day

WORDS_TIMEOUT_MS = 60_000


def test_the_first_start_counts_the_sample_day_in_the_background_and_shows_its_hot_words(
    reader, qtbot
):
    window = reader.open()
    assert window.model.day == SAMPLE_DAY
    qtbot.waitUntil(lambda: bool(window.hot_strip.words_shown()), timeout=WORDS_TIMEOUT_MS)
    shown = window.hot_strip.words_shown()
    assert shown[0] == "海关总署"  # the day's story (tests/test_words.py says why)
    assert not window.hot_strip.rising_label.isVisible()  # one day: nothing to rise against


def test_clicking_a_hot_word_searches_the_library_for_it(reader, qtbot):
    window = reader.open()
    qtbot.waitUntil(lambda: bool(window.hot_strip.buttons), timeout=WORDS_TIMEOUT_MS)
    button = window.hot_strip.buttons[0]
    with qtbot.waitSignal(window.search_service.finished, timeout=IMPORT_TIMEOUT_MS):
        button.click()
    assert window.search.text() == "海关总署"
    qtbot.waitUntil(lambda: window.list.model() is window.search_model, timeout=10_000)
    assert window.search_model.rowCount() == 11


def test_an_import_is_counted_after_it_and_the_rising_words_show_beside_the_hot_ones(
    reader, qtbot, tmp_path
):
    window = reader.open()
    qtbot.waitUntil(lambda: bool(window.hot_strip.buttons), timeout=WORDS_TIMEOUT_MS)
    paths = []
    for offset in range(4):
        day = dt.date(2026, 2, 1) + dt.timedelta(days=offset)
        d = f"{day.month}月{day.day}日"
        items = [text.format(d=d) for text in BACKGROUND]
        if offset == 3:
            items += [SURGE[1].format(d=d)] * 6
        paths.append(write_day(tmp_path, day, [f"{t}（第{n}条）" for n, t in enumerate(items)]))
    with qtbot.waitSignal(window.word_catch_up.finished, timeout=WORDS_TIMEOUT_MS):
        drop_and_wait(qtbot, window, paths)
    qtbot.waitUntil(lambda: not window.word_catch_up.running, timeout=WORDS_TIMEOUT_MS)
    window._load_day(dt.date(2026, 2, 4))
    qtbot.waitUntil(lambda: window.hot_strip.rising_label.isVisible(), timeout=10_000)
    assert "钒液流·new" in window.hot_strip.words_shown()


# ---- the trend chart ----------------------------------------------------------------------------


def search_and_wait(qtbot, window, text: str) -> None:
    with qtbot.waitSignal(window.search_service.finished, timeout=IMPORT_TIMEOUT_MS):
        window.search.setText(text)
        window.run_search()
    qtbot.waitUntil(lambda: window.trend_chart.isVisible(), timeout=IMPORT_TIMEOUT_MS)


def test_a_search_shows_its_matches_per_day_above_the_results_with_the_same_total(
    reader, qtbot, tmp_path
):
    window = reader.open()
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
    search_and_wait(qtbot, window, "黄金")
    chart = window.trend_chart
    assert chart.total == window.search_model.total > 0
    assert sum(bar.count for bar in chart.bars) == chart.total
    by_day = {bar.first_day: bar.count for bar in chart.bars}
    for day in (SAMPLE_DAY, SMALL_DAY):
        shown = [item for item in window.search_model._items if item.day == day]
        assert by_day[day] == len(shown)  # the search lists them all: fewer than a page


def test_hovering_a_bar_tells_its_count_and_clicking_it_opens_its_day(reader, qtbot):
    window = reader.open()
    search_and_wait(qtbot, window, "黄金")
    chart = window.trend_chart
    index = next(i for i, bar in enumerate(chart.bars) if bar.first_day == SAMPLE_DAY)
    qtbot.mouseMove(chart, chart.bar_centre(index))
    qtbot.waitUntil(lambda: chart.hovered == index, timeout=5000)
    assert chart.toolTip() == f"2026-01-14: {chart.bars[index].count} items"
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_centre(index))
    assert window.list.model() is window.model and window.model.day == SAMPLE_DAY
    assert not chart.isVisible()  # the day's list has no chart


def test_the_watch_view_charts_its_hits(reader, qtbot):
    window = reader.open()
    make_watchlist(qtbot, window, "黄金", ["黄金"])
    window.watch_button.click()
    assert window.watching
    qtbot.waitUntil(lambda: window.trend_chart.isVisible(), timeout=IMPORT_TIMEOUT_MS)
    assert window.trend_chart.total == window.hits_model.total > 0


def test_the_chart_paints_bars_without_a_display(qtbot):
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(300, 72)
    chart.show_bars([Bar("2026-01", dt.date(2026, 1, 1), 5), Bar("2026-02", dt.date(2026, 2, 1), 0)], 5)
    image = chart.grab().toImage()
    assert image.width() == 300
    assert chart.bar_at(chart.bar_centre(1).x()) == 1
    assert chart.bar_at(-5) is None


def test_editing_a_watchlist_offers_words_that_occur_with_its_keywords_and_adds_one(
    reader, qtbot
):
    window = reader.open()
    qtbot.waitUntil(lambda: not window.word_catch_up.running, timeout=WORDS_TIMEOUT_MS)
    dialog = make_watchlist(qtbot, window, "外贸", ["海关总署"])
    row = dialog.suggestions
    qtbot.waitUntil(lambda: bool(row.buttons), timeout=WORDS_TIMEOUT_MS)
    offered = [button.text() for button in row.buttons]
    assert "海关总署" not in offered
    assert "国新办" in offered  # its press conference is where the customs figures were given
    row.buttons[offered.index("国新办")].click()
    assert dialog.keywords.toPlainText().splitlines() == ["海关总署", "国新办"]


def test_more_hot_words_than_fit_never_widen_the_timeline(reader, qtbot):
    from PySide6.QtWidgets import QApplication

    window = reader.open()
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.hot_strip.isVisible(), timeout=WORDS_TIMEOUT_MS)
    QApplication.processEvents()
    width = window.list.viewport().width()
    long_words = [(f"一个相当长的热门词语第{number}个", 10) for number in range(10)]
    window.hot_strip.show_words(long_words, [(word, count, True) for word, count in long_words])
    QApplication.processEvents()
    assert window.list.viewport().width() == width  # the rows keep their measured heights
    shown = [button for button in window.hot_strip.buttons if button.isVisible()]
    assert 0 < len(shown) < 20  # the words that fit, best first
    assert window.hot_strip.words_shown() == [button.text() for button in shown]
    assert all(button.geometry().right() <= window.hot_strip.width() for button in shown)
    assert shown[0].text() == long_words[0][0]
