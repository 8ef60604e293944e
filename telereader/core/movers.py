"""Movers as the telegraphs write them: which theme moved and which stocks moved with it.

A mover item reads like 【互联金融板块持续走高 拉卡拉20cm涨停】…互联金融板块盘中持续走高，拉卡拉、君正集团
涨停，同花顺涨超10%创历史新高…: a theme clause (a name before 概念/板块/股, then market speak), then
clauses that list stocks with their move. Everything here is read off the text by rules, so the
same item always gives the same movers; no list of company names is needed or bundled. A name
is only taken from a clause that ends in a move, and is never market speak itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"(?:\d+|[一二两三四五六七八九十]+)"
_PERCENT = r"\d+(?:\.\d+)?%"
# How a stock's move is written, longest forms first so 20cm涨停 wins over 涨停.
MOVE = re.compile(
    "|".join(
        (
            rf"{_NUMBER}天{_NUMBER}板",
            rf"(?:20|30)cm{_NUMBER}连板",
            r"(?:20|30)cm涨停",
            rf"{_NUMBER}连板",
            r"(?:触及|逼近)?(?:涨停|跌停)",
            r"地天板|天地板|封板|炸板",
            rf"(?:涨|跌)(?:超|逾|近|约)?{_PERCENT}",
            r"(?:涨|跌)幅(?:靠前|居前)",
            r"跟涨|跟跌|大幅冲高|冲高|大涨|大跌",
        )
    )
)
# Words between a stock's name and its move that belong to neither (拉升触及涨停, 等快速跟涨).
_BETWEEN = re.compile(
    r"(?:等|均|此前|一度|盘中|午后|早盘|尾盘|盘初|拉升|快速|再度|直线|双双|纷纷|集体|全线|先后|一字|个股)+$"
)
# A theme clause: its name, the word that makes it a theme, then how it moved.
# How a theme moved: adverbs (持续, 午后 …), then the move itself (走高, 异动拉升 …).
_MARKET_SPEAK = (
    "(?:持续|反复|震荡|集体|全线|快速|再度|午后|盘中|早盘|尾盘|直线|继续|大幅)*"
    "(?:异动拉升|异动|拉升|走高|走强|活跃|冲高|回升|上涨|大涨|爆发|反弹|走低|下挫|跳水|回落|"
    "下跌|走弱|调整|领涨|领跌|涨幅居前|跌幅居前|表现活跃|多股涨停|涨停潮)"
)
_WHEN = r"(?:今日|盘中|午后|早盘|尾盘|盘初|开盘|午前|随后|日内|A股|港股|美股)"
THEME_CLAUSE = re.compile(
    rf"^{_WHEN}*(?P<names>[\u4e00-\u9fffA-Za-z0-9、]{{2,30}}?)"
    rf"(?P<kind>概念股|概念|板块|股(?!份|票)|题材|赛道){_WHEN}*{_MARKET_SPEAK}"
)
_STOCK_NAME = re.compile(r"^\*?(?:ST|N|C|XD|XR|DR)?[\u4e00-\u9fffA-Za-z0-9]{2,8}$")
# Never a company: pieces of market speak, indices, the market as a whole.
_NOT_A_NAME = re.compile(
    r"指数|指$|板块|概念|主力|资金|合约|期货|市场|个股|两市|沪指|深成|创业板|科创|北证|"
    r"持续|走高|活跃|异动|拉升|震荡|反复|冲高|回升|午后|盘中|早盘|尾盘|消息|涨|跌|成交|收盘|开盘|"
    r"现货|伦敦|纽约|COMEX|人民币|美元|其中|此外|另外|以及|相关|多股|多只|部分|题材|赛道"
)
_THEME_NAME = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]{2,10}$")
_NOT_A_THEME = re.compile(r"指数|主力|资金|个股|两市|市场|[涨跌]|消息")
_CLAUSES = re.compile(r"[，,。；;！!？?\n\s]+")
_LEADS = re.compile(r"^(?:其中|此外|另外|个股方面|个股上|具体来看|此前|同时)+")
# Items whose movers are stocks: a theme clause, or a passage about single stocks.
_ABOUT_STOCKS = re.compile(r"个股方面|个股上|个股中")


@dataclass(frozen=True, slots=True)
class Mover:
    theme: str | None  # the theme it moved with, as the item names it (互联金融)
    stock: str
    move: str  # as written: 20cm涨停, 两连板, 触及涨停, 涨超10%, 跟涨 …


def themes_of(clause: str) -> list[str]:
    """The themes a clause says moved (互联金融板块持续走高 → 互联金融; 券商、保险板块涨幅居前 →
    券商, 保险), or none."""
    found = THEME_CLAUSE.match(clause.strip())
    if not found:
        return []
    names = [name for name in found["names"].split("、") if name]
    if not all(_THEME_NAME.match(name) and not _NOT_A_THEME.search(name) for name in names):
        return []
    return names


def theme_of(clause: str) -> str | None:
    """The (first) theme a clause says moved, or None."""
    return next(iter(themes_of(clause)), None)


def themes(title: str | None, body: str) -> list[str]:
    """Every theme the item says moved, in reading order, once each."""
    seen: dict[str, None] = {}
    for clause in _clauses(title, body):
        for theme in themes_of(clause):
            seen.setdefault(theme)
    return list(seen)


def movers(title: str | None, body: str) -> list[Mover]:
    """The stocks an item says moved, each once (the title's wording first: it is the most
    specific, 20cm涨停 where the body says 涨停), each with the theme of the clause before it."""
    clauses = _clauses(title, body)
    if not any(theme_of(clause) for clause in clauses) and not _ABOUT_STOCKS.search(body):
        return []  # an index or a futures contract moving is not a stock moving
    found: dict[str, Mover] = {}
    title_theme = next((t for t in map(theme_of, _clauses(title, "")) if t), None)
    theme = None
    for clause in clauses:
        theme = theme_of(clause) or theme
        for stock, move in stock_moves(clause):
            found.setdefault(stock, Mover(theme or title_theme, stock, move))
    return list(found.values())


def stock_moves(clause: str) -> list[tuple[str, str]]:
    """(stock, move) for a clause that lists stocks then their move (拉卡拉、君正集团涨停)."""
    clause = _LEADS.sub("", clause.strip())
    if theme_of(clause):
        return []
    move = MOVE.search(clause)
    if not move or move.start() == 0:
        return []
    names = _BETWEEN.sub("", clause[: move.start()])
    stocks = [name.strip() for name in names.split("、")]
    if not stocks or not all(is_stock_name(name) for name in stocks):
        return []
    return [(name, move.group()) for name in stocks]


def is_stock_name(name: str) -> bool:
    return bool(_STOCK_NAME.match(name)) and not _NOT_A_NAME.search(name.lstrip("*"))


def _clauses(title: str | None, body: str) -> list[str]:
    parts = [*(_CLAUSES.split(title) if title else ()), *_CLAUSES.split(body)]
    return [part for part in parts if part]
