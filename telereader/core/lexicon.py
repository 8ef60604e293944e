"""The library's own words: theme and company names learnt from its market reports.

The telegraphs report every theme that moves in one shape — a title such as
`【低空经济概念午后异动 万丰奥威触及涨停】` or `【油气股午后异动拉升 通源石油涨超10%】`, a body that
lists the movers (`拉卡拉、君正集团等涨停`). The theme (低空经济) comes before 概念/板块/股; the
companies are the names the market report follows with 涨停/涨超/触及... jieba knows few of these
(宁德时代 → 宁德/时代), so they are added to its dictionary whole (wordcut.WordCutter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from telereader.core.store import Store

_NAME = r"[A-Za-z\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff]{1,7}?"
_MOVE = r"(?:午后|早盘|盘中|尾盘)?(?:异动|反复|持续|走高|走强|拉升|活跃|震荡|大涨|集体|快速|冲高|爆发|再度)"
_THEME = re.compile(rf"^(?:午后|早盘|盘中|尾盘)?({_NAME})(?:概念股?|板块|股{_MOVE})")
# The movers of a title's second half: 杭钢股份、数据港双双涨停 / 万丰奥威触及涨停 / 腾景科技涨超10%
_TITLE_MOVER = re.compile(
    r"(?:^|、)([A-Za-z\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff]{1,5}?)"
    r"(?=、|\d+cm|触及|双双|涨停|跌停|涨超|跌超|领涨|大涨|跌|涨|等)"
)
# The movers a body lists: 拉卡拉、君正集团、同花顺等涨停
_BODY_LIST = re.compile(
    r"((?:[A-Za-z\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff]{1,5}、)+"
    r"[A-Za-z\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff]{1,5}?)"
    r"(?=等(?:个股)?(?:涨停|跌停|跟涨|大涨|涨超|纷纷|均|走强)|纷纷|均涨|涨停|跟涨)"
)
# Titles worth reading for names: a cheap filter the library runs in SQL.
TITLE_MARKERS = ("概念", "板块", "股")
THEME = "theme"
COMPANY = "company"


def learn(items: Iterable[tuple[str | None, str]]) -> dict[str, str]:
    """Theme and company names from market reports: {name: THEME or COMPANY}."""
    learnt: dict[str, str] = {}
    for title, body in items:
        if not title:
            continue
        headline = title.rsplit("：", 1)[-1]  # 主力资金监控：计算机板块净流入超93亿
        theme = _THEME.match(headline)
        if theme is None:
            continue
        learnt.setdefault(theme.group(1), THEME)
        if " " in headline:
            for name in _TITLE_MOVER.findall(headline.split(" ", 1)[1]):
                learnt.setdefault(name, COMPANY)
        for listed in _BODY_LIST.findall(body):
            for name in listed.split("、"):
                learnt.setdefault(name, COMPANY)
    return learnt


def learn_from_library(store: Store, day_from: str | None = None) -> int:
    """Learn from the library's market reports (of `day_from` on); how many names are new."""
    markers = " OR ".join("title LIKE ?" for _ in TITLE_MARKERS)
    params: list = [f"%{marker}%" for marker in TITLE_MARKERS]
    since = ""
    if day_from is not None:
        since = " AND day >= ?"
        params.append(day_from)
    rows = store.db.execute(f"SELECT title, body FROM items WHERE ({markers}){since}", params)
    learnt = learn(rows)
    before = lexicon_size(store)
    with store.db.atomic():
        store.db.conn.executemany(
            "INSERT OR IGNORE INTO lexicon (word, source) VALUES (?, ?)", learnt.items()
        )
    return lexicon_size(store) - before


def lexicon_size(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM lexicon").fetchone()[0]


def lexicon_words(store: Store) -> tuple[str, ...]:
    """Every learnt name, in a stable order (a worker keeps its cutter while this stays)."""
    return tuple(row[0] for row in store.db.execute("SELECT word FROM lexicon ORDER BY word"))
