"""The word layer in the window: counted in the background, a strip of hot words over the list,
a click on a word searches for it."""

from __future__ import annotations

from tests.test_window import (  # noqa: F401  (fixtures)
    IMPORT_TIMEOUT_MS,
    SAMPLE_DAY,
    drop_and_wait,
    english,
    reader,
)
from tests.test_words import BACKGROUND, SURGE, write_day

WORDS_TIMEOUT_MS = 60_000


def test_the_first_start_counts_the_sample_day_in_the_background_and_shows_its_hot_words(
    reader, qtbot
):
    window = reader.open()
    assert window.model.day == SAMPLE_DAY
    qtbot.waitUntil(lambda: window.hot_strip.isVisible(), timeout=WORDS_TIMEOUT_MS)
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
    import datetime as dt

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
    assert window.hot_strip.rising_label.isVisible()
    assert "钒液流·new" in window.hot_strip.words_shown()
