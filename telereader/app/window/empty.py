"""What an empty list says: why it is empty and what to do about it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telereader.app.i18n import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from telereader.app.window import MainWindow

FILTERED = QT_TR_NOOP("筛选后没有条目：清除筛选（筛选按钮）即可看到全部")
NO_RESULTS = QT_TR_NOOP("没有找到匹配的条目：检查拼写，或扩大日期范围")
NO_WATCHLISTS = QT_TR_NOOP("还没有关注列表：在 关注 → 管理关注列表…（Ctrl+Shift+L）中建一个")
NO_HITS = QT_TR_NOOP("关注列表还没有命中：在 管理关注列表…（Ctrl+Shift+L）中添加关键词")
NO_DAYS = QT_TR_NOOP("还没有电报：导入文件（Ctrl+O），或把文件拖到窗口里")
EMPTY_DAY = QT_TR_NOOP("这一天没有条目：选日历上另一天")


def empty_text(window: MainWindow) -> str:
    """The text the list shown paints when it has no rows ("" while it has some)."""
    model = window.list.model()
    if model.rowCount() > 0:
        return ""
    filtered = window.current_filter().is_active
    if window.searching:
        return tr(NO_RESULTS)
    if window.across:
        return tr(FILTERED) if filtered else tr(window.across_model.view.empty)
    if window.watching:
        if not window.watchlists:
            return tr(NO_WATCHLISTS)
        return tr(FILTERED) if filtered else tr(NO_HITS)
    if window.model.day is None:
        return tr(NO_DAYS)
    return tr(FILTERED) if window.model.day_total else tr(EMPTY_DAY)
