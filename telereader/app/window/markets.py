"""How the window shows the market layer (mixin): the catch-up's progress in the status bar, and
what follows once a day's market rows are ready."""

from __future__ import annotations

from telereader.app.i18n import tr

PROGRESS_SHOWN_MS = 4000


class Markets:
    def _markets_progress(self, done: int, pending: int) -> None:
        if self.market_catch_up.closed:
            return  # the window has closed, and its library connection with it
        self.status.say(
            tr("正在提取个股与题材：%1/%2 天").replace("%1", str(done)).replace("%2", str(pending)),
            PROGRESS_SHOWN_MS,
        )

    def _markets_finished(self, result) -> None:
        if self.market_catch_up.closed:
            return
        if result is None:
            self.status.say(tr("个股与题材提取没有完成，下次启动时继续"), 8000)
