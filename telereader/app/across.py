"""The views across days beside the Watch view: ONE table, so that a further view (a word, a
market) is a new row here, with its button, menu entry, counts and empty state following."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from telereader.app.i18n import QT_TR_NOOP
from telereader.core.filters import ItemFilter


@dataclass(frozen=True)
class AcrossView:
    id: str  # the view's name; its menu action is f"{id}_view"
    button: str  # QT_TR_NOOP: the button beside 最新一天 / 关注命中, and the menu entry
    tooltip: str  # QT_TR_NOOP
    counts: str  # QT_TR_NOOP: the status bar's count, %1 the number of items
    empty: str  # QT_TR_NOOP: what the empty list says: why, and what to do
    narrow: Callable[[ItemFilter], ItemFilter]  # the list's filters → the view's items
    shows_note: bool = False  # rows show the item's note under the headline
    title: str = ""  # shown before the counts, as is: the name of a name's view


def _starred(item_filter: ItemFilter) -> ItemFilter:
    return item_filter.replace(starred_only=True)


def _noted(item_filter: ItemFilter) -> ItemFilter:
    return item_filter.replace(noted_only=True)


ACROSS_VIEWS: tuple[AcrossView, ...] = (
    AcrossView(
        "starred",
        QT_TR_NOOP("所有星标"),
        QT_TR_NOOP("所有加了星标的条目，最新在前（Ctrl+Shift+S）"),
        QT_TR_NOOP("所有星标：%1 条 · 最新在前 · 回车打开所在日"),
        QT_TR_NOOP("还没有星标：选中条目后按 S 给它加星标"),
        _starred,
    ),
    AcrossView(
        "notes",
        QT_TR_NOOP("所有笔记"),
        QT_TR_NOOP("所有写了笔记的条目，最新在前（Ctrl+Shift+N）"),
        QT_TR_NOOP("所有笔记：%1 条 · 最新在前 · 回车打开所在日"),
        QT_TR_NOOP("还没有笔记：选中条目后按 N 写笔记"),
        _noted,
        shows_note=True,
    ),
)

BY_ID = {view.id: view for view in ACROSS_VIEWS}


NAME_VIEW_ID = "name"  # the view of one company or theme (its button opens the names' list)


def name_view(name: str, names: tuple[str, ...]) -> AcrossView:
    """Every item that names `name` (or one of `names`: it and its aliases), newest first."""

    def narrow(item_filter: ItemFilter) -> ItemFilter:
        return item_filter.replace(names=names)

    return AcrossView(
        NAME_VIEW_ID,
        QT_TR_NOOP("公司与题材"),
        QT_TR_NOOP("公司和题材及其条数：选一个看它跨日的所有条目和异动（Ctrl+Shift+C）"),
        QT_TR_NOOP("提到它的条目：%1 条 · 最新在前 · 回车打开所在日"),
        QT_TR_NOOP("没有条目提到它（个股与题材可能还在提取中）"),
        narrow,
        title=name,
    )
