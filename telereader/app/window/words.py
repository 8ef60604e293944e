"""How the window shows the word layer (mixin): the catch-up's progress in the status bar, the
hot-word strip of the day shown with the 升温 list beside it, a click on a word = a search."""

from __future__ import annotations

import datetime as dt

from telereader.app.i18n import tr

RISING_DAYS = 7  # the 升温 list: the last week up to the day shown, against every day before
PROGRESS_SHOWN_MS = 4000


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

    def refresh_hot_words(self) -> None:
        """The strip follows the day shown (a day's words are a few milliseconds to rank)."""
        from telereader.core.hotwords import hot_words, rising_words

        day = getattr(self.model, "day", None)
        if day is None:
            self.hot_strip.show_words([], [])
            return
        last = day.isoformat()
        first = (day - dt.timedelta(days=RISING_DAYS - 1)).isoformat()
        hot = hot_words(self.store, last)
        rising = rising_words(self.store, first, last)
        self.hot_strip.show_words(
            [(entry.word, entry.count) for entry in hot],
            [(entry.word, entry.count, entry.new) for entry in rising],
        )

    def search_word(self, word: str) -> None:
        """A hot word clicked: search the whole library for it."""
        self.search.setText(word)
        self.run_search()
