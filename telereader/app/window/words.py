"""How the window shows the word layer (mixin): the catch-up's progress in the status bar, the
hot-word strip of the day shown with the 升温 list beside it, a click on a word = a search."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer

from telereader.app.i18n import tr
from telereader.app.tasks import in_library, run_task

RISING_DAYS = 7  # the 升温 list: the last week up to the day shown, against every day before
PROGRESS_SHOWN_MS = 4000
# Days skimmed past with [ and ] are not ranked, only the day the reader stops on; and the
# ranking's thread never competes with the day switch itself for the interpreter.
HOT_WORDS_AFTER_MS = 120


def ranked_words(store, day: dt.date) -> tuple[list, list]:
    """(hot words of `day`, rising words of the week up to it) as the strip shows them."""
    from telereader.core.hotwords import hot_words, rising_words

    last = day.isoformat()
    first = (day - dt.timedelta(days=RISING_DAYS - 1)).isoformat()
    hot = [(entry.word, entry.count) for entry in hot_words(store, last)]
    rising = [(e.word, e.count, e.new) for e in rising_words(store, first, last)]
    return hot, rising


class Words:
    def _words_progress(self, done: int, pending: int) -> None:
        if self.word_catch_up.closed:
            return  # the window has closed, and its library connection with it
        self.status.say(
            tr("正在统计词语：%1/%2 天").replace("%1", str(done)).replace("%2", str(pending)),
            PROGRESS_SHOWN_MS,
        )
        if done == 1 or done == pending:
            self.refresh_hot_words()  # newest days come first: the day shown is soon ready

    def _words_finished(self, result) -> None:
        if self.word_catch_up.closed:
            return
        if result is None:
            self.status.say(tr("词语统计没有完成，下次启动时继续"), 8000)
        self.refresh_hot_words()

    def hot_words_soon(self) -> None:
        """The strip follows the day shown once the reader stops on it."""
        timer = getattr(self, "_hot_words_timer", None)
        if timer is None:
            timer = self._hot_words_timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(HOT_WORDS_AFTER_MS)
            timer.timeout.connect(self.refresh_hot_words)
        timer.start()

    def refresh_hot_words(self) -> None:
        """The strip follows the day shown; ranked on a thread of its own (a few ms a day,
        but never on the UI thread while a catch-up writes)."""
        day = getattr(self.model, "day", None)
        self._hot_number = getattr(self, "_hot_number", 0) + 1
        number = self._hot_number
        if day is None:
            self.hot_strip.show_words([], [])
            return

        def done(words) -> None:
            if number == self._hot_number and not self.word_catch_up.closed:
                self.hot_strip.show_words(*words)

        run_task(in_library(self.data_dir, lambda store: ranked_words(store, day)), done,
                 lambda _error: None, pool=self._trend_pool, parent=self)  # fmt: skip

    def search_word(self, word: str) -> None:
        """A hot word clicked: search the whole library for it."""
        self.search.setText(word)
        self.run_search()
