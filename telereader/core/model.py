"""Plain data shared by every step of the data path: file → decode → parse → fold → store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    NORMAL = "normal"  # 普通: every telegraph of the day
    IMPORTANT = "important"  # 加红: the editors' selection


class Kind(StrEnum):
    NEWS = "news"
    TEASER = "teaser"  # 【【盘中宝】…】: an advert for a paid column, not news


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file, as a code plus parameters so any UI can word it.

    `line` is 1-based and None when the problem concerns the whole file.
    """

    code: str
    line: int | None = None
    params: dict[str, str] = field(default_factory=dict)


class Refused(Exception):
    """A file that cannot be read as a digest; carries the reason."""

    def __init__(self, problem: Problem):
        super().__init__(problem.code)
        self.problem = problem


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedItem:
    """One item line as written in the file, before folding and identity."""

    line: int
    minute: dt.time
    title: str | None
    body: str
    source: str | None
    kind: Kind
    column: str | None

    @property
    def content(self) -> str:
        """The item's text as a whole, used to compare captures of the same story."""
        return f"【{self.title}】{self.body}" if self.title is not None else self.body


@dataclass(frozen=True)
class Digest:
    day: dt.date
    level: Level
    boundary: dt.time
    items: tuple[ParsedItem, ...]
    warnings: tuple[Problem, ...] = ()
    folded: int = 0

    def happened_at(self, minute: dt.time) -> dt.datetime:
        """Minutes before the window boundary belong to the next calendar day."""
        day = self.day if minute >= self.boundary else self.day + dt.timedelta(days=1)
        return dt.datetime.combine(day, minute)


@dataclass(frozen=True, slots=True)
class Item:
    """An item as the library stores it, ready to insert."""

    id: str
    day: dt.date
    time: dt.datetime
    title: str | None
    body: str
    source: str | None
    level: Level
    kind: Kind
    column: str | None
    position: int  # line in its file: keeps items of one minute in reading order


class FileStatus(StrEnum):
    IMPORTED = "imported"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


@dataclass
class FileReport:
    path: str
    status: FileStatus = FileStatus.IMPORTED
    day: dt.date | None = None  # the first digest day of the file
    days: list[dt.date] = field(default_factory=list)  # every digest day it holds
    level: Level | None = None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    folded: int = 0
    warnings: list[Problem] = field(default_factory=list)
    reason: Problem | None = None


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    cancelled: bool = False
    new_hits: dict[str, int] = field(default_factory=dict)  # watchlist name → items it now lights

    @property
    def rejected(self) -> list[FileReport]:
        return [f for f in self.files if f.status is FileStatus.REJECTED]

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def updated(self) -> int:
        return sum(f.updated for f in self.files)

    @property
    def days(self) -> list[dt.date]:
        """Digest days touched by this import, newest first."""
        touched = {
            day for f in self.files if f.status is FileStatus.IMPORTED for day in f.days or [f.day]
        }
        return sorted(touched, reverse=True)
