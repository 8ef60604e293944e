"""The kinds of items and the problem codes: the part of the data model that reading the library
needs, kept apart from the import's data (core/model.py) so that a read command loads only this."""

from __future__ import annotations

from enum import StrEnum

from telereader.core.record import Record, factory


class Level(StrEnum):
    NORMAL = "normal"  # 普通: every telegraph of the day
    IMPORTANT = "important"  # 加红: the editors' selection


class Kind(StrEnum):
    NEWS = "news"
    TEASER = "teaser"  # 【【盘中宝】…】: an advert for a paid column, not news


class Problem(Record):
    """Something wrong with an input file, as a code plus parameters so any UI can word it.

    `line` is 1-based and None when the problem concerns the whole file.
    """

    code: str
    line: int | None = None
    params: dict[str, str] = factory(dict)
