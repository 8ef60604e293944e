"""text → Digest: the header, the day-window boundary and the item lines, with warnings."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from telereader.core.mdescape import unescape_markup
from telereader.core.model import Digest, Kind, Level, ParsedItem, Problem, Refused

DEFAULT_BOUNDARY = dt.time(5, 30)
# Digest days the app holds: an item of the last day may happen on the next calendar day, and
# every date must survive that step, the calendar and the library's time keys.
EARLIEST_DAY = dt.date(1900, 1, 1)
LATEST_DAY = dt.date(2999, 12, 31)
CHECK_EVERY_LINES = 4096

_HEADER = re.compile(
    r"^#\s*(?P<outlet>[^【\n]*)【(?P<level>[^】\n]*)】\s*电报\s*[-–—]\s*"
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
)
_WINDOW = re.compile(
    r"^>\s*统计周期\s*[:：]\s*(?P<date>\d{4}-\d{1,2}-\d{1,2})\s+"
    r"(?P<h>\d{1,2})[:：](?P<min>\d{2})"
)
_ITEM = re.compile(r"^\*\*\[(?P<stamp>[^\]\n]{0,16})\]\*\*[ \t\u3000]*(?P<content>.*)$")
_STAMP = re.compile(r"^\s*(?P<h>\d{1,2})\s*[:：]\s*(?P<m>\d{2})\s*$")
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_FILE_NAME_DATE = re.compile(r"(?<!\d)(?P<y>20\d{2}|19\d{2})-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)(?!\d)")

# A trailing attribution such as " (新华社)" or "（财联社记者 王碧微）", after the end of a sentence.
_ATTRIBUTION = re.compile(
    r"(?<=[。！？!?.…”\"』」）)])\s*[（(](?P<source>[^()（）\n]{1,24})[)）]\s*$"
)
# A dateline: 财联社1月14日电， / 《科创板日报》14日讯， / 新华社北京1月14日电
_DATELINE = re.compile(
    r"^(?:《(?P<quoted>[^》\n]{1,16})》[\u4e00-\u9fff]{0,6}?|(?P<plain>[\u4e00-\u9fff]{2,10}?))"
    r"(?:\d{1,2}月)?\d{1,2}日(?:电|讯)"
)

LEVELS = {"普通": Level.NORMAL, "加红": Level.IMPORTANT}


def parse(text: str, file_name: str = "") -> Digest:
    """Parse a decoded digest; raise Refused when the text is not one. A file holding several
    digests (an export spanning days) gives its first: see `parse_all`."""
    return parse_all(text, file_name)[0]


@dataclass
class _Section:
    """One digest of a file while it is read: its header, window, items and warnings."""

    day: dt.date | None = None
    has_header: bool = False
    bad_day: Problem | None = None  # the header's date, when it is not one the app can hold
    level: Level = Level.NORMAL
    boundary: dt.time = DEFAULT_BOUNDARY
    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def digest(self, day: dt.date) -> Digest:
        return Digest(day, self.level, self.boundary, tuple(self.items), tuple(self.warnings))


def parse_all(
    text: str, file_name: str = "", check: Callable[[], None] | None = None
) -> list[Digest]:
    """Every digest in a decoded file, in file order: each `# 财联社【…】电报 - DAY` header starts
    one. Raise Refused when the text holds none."""
    return list(iter_digests(text, file_name, check))


def iter_digests(
    text: str, file_name: str = "", check: Callable[[], None] | None = None
) -> Iterator[Digest]:
    """The digests of a decoded file one at a time, each as soon as it is read (an export of
    ten years is never held as items whole). Raise Refused, at the end, when the text holds
    none, or at a digest whose day cannot be known. `check` is called every few thousand lines
    (it may raise to stop a cancelled import)."""
    section = _Section()
    found = 0
    seen_header = False
    # The item being read: its first line number, its content lines; None between items.
    current: tuple[int, dt.time, list[str]] | None = None
    skipping = False  # inside an item whose time was impossible: its extra lines go with it

    def finish() -> None:
        if current is not None:
            line, minute, parts = current
            section.items.append(
                parse_item(line, minute, parts[0] if len(parts) == 1 else "\n".join(parts))
            )

    for number, line in enumerate(_lines(text), start=1):
        if check is not None and number % CHECK_EVERY_LINES == 0:
            check()
        stripped = line.strip()
        if not stripped:
            continue
        if item_match := _ITEM.match(stripped):
            finish()
            current = None
            minute = _minute(_STAMP.match(item_match["stamp"]))
            if minute is None:
                section.warnings.append(
                    Problem("impossible_time", number, {"time": item_match["stamp"].strip()})
                )
                skipping = True
                continue
            skipping = False
            current = (number, minute, [item_match["content"].strip()])
            continue
        if stripped.startswith("#") and (header := _HEADER.match(stripped)):
            finish()
            current, skipping = None, False
            if section.has_header or section.items:
                if (digest := _finished(section, file_name)) is not None:
                    found += 1
                    yield digest
                section = _Section()
            section.has_header = seen_header = True
            section.day, section.bad_day = _header_day(header, number)
            level_name = header["level"].strip()
            if level_name in LEVELS:
                section.level = LEVELS[level_name]
            else:
                section.warnings.append(Problem("unknown_level", number, {"level": level_name}))
            continue
        if stripped.startswith(">"):
            if "统计周期" in stripped:
                window = _WINDOW.match(stripped)
                boundary = _clock(window["h"], window["min"]) if window else None
                if boundary is None:
                    section.warnings.append(Problem("bad_window", number))
                else:
                    section.boundary = boundary
            continue  # other quotes are the reader's notes in an export, not telegraph text
        if _SEPARATOR.match(stripped):
            continue
        if current is not None:
            current[2].append(stripped)  # a further paragraph of the item
        elif not skipping:
            section.warnings.append(Problem("orphan_text", number))
    finish()
    if (section.has_header or section.items) and (
        digest := _finished(section, file_name)
    ) is not None:
        found += 1
        yield digest
    if not found:
        raise Refused(Problem("no_digest_date" if seen_header else "not_digest"))


def _finished(section: _Section, file_name: str) -> Digest | None:
    """A section read whole as a digest; None for a header with nothing under it whose date
    is not known; Refused when items have no day."""
    if section.bad_day is not None:
        if not section.items:
            return None  # a header with an impossible date and nothing under it
        raise Refused(section.bad_day)
    day = section.day or day_from_file_name(file_name)
    if day is None:
        if not section.items:
            return None
        raise Refused(Problem("no_digest_date"))
    return section.digest(day)


def _lines(text: str) -> Iterator[str]:
    """The lines of a text one at a time: a split copies a big export's text whole."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def parse_item(line: int, minute: dt.time, content: str) -> ParsedItem:
    title, body, column = split_title(unescape_markup(content))  # as a Markdown export wrote it
    return ParsedItem(
        line=line,
        minute=minute,
        title=title,
        body=body,
        source=find_source(body),
        kind=Kind.TEASER if column else Kind.NEWS,
        column=column,
    )


def split_title(content: str) -> tuple[str | None, str, str | None]:
    """`【title】body` → (title, body, column); `【【column】title】body` is a column's teaser.

    A title whose closing bracket is missing (a capture cut mid-line) is no title: the whole
    content stays in the body so that nothing is lost.
    """
    if not content.startswith("【"):
        return None, content, None
    if not content.startswith("【【"):
        end = content.find("】")
        if end > 0 and "【" not in content[1:end]:
            return content[1:end].strip(), content[end + 1 :].strip(), None
    column = None
    column_end = -1
    if content.startswith("【【"):
        column_end = content.find("】", 2)
        if column_end > 2:
            column = content[2:column_end]
    depth = 0
    for index, char in enumerate(content):
        if char == "【":
            depth += 1
        elif char == "】":
            depth -= 1
            if depth == 0:
                title = content[1:index]
                if column is not None:
                    title = title[len(column) + 2 :]
                return title.strip(), content[index + 1 :].strip(), column
    if column is not None:
        return None, content[column_end + 1 :].strip(), column
    return None, content, None


def find_source(body: str) -> str | None:
    """The trailing attribution if there is one, else the outlet named in the dateline."""
    if body.rstrip().endswith((")", "）")) and (match := _ATTRIBUTION.search(body)):
        return match["source"].strip()
    if match := _DATELINE.match(body):
        return match["quoted"] or match["plain"]
    return None


def day_from_file_name(file_name: str) -> dt.date | None:
    for match in _FILE_NAME_DATE.finditer(file_name):
        day = _date(match["y"], match["m"], match["d"])
        if day is not None:
            return day
    return None


def _minute(stamp: re.Match[str] | None) -> dt.time | None:
    return _clock(stamp["h"], stamp["m"]) if stamp else None


@functools.cache
def _clock(hour: str, minute: str) -> dt.time | None:
    h, m = int(hour), int(minute)
    return dt.time(h, m) if 0 <= h <= 23 and 0 <= m <= 59 else None


def _header_day(header: re.Match[str], line: int) -> tuple[dt.date | None, Problem | None]:
    """The header's digest day, or the reason it cannot be one (named as written)."""
    written = f"{header['y']}-{header['m']}-{header['d']}"
    try:
        day = dt.date(int(header["y"]), int(header["m"]), int(header["d"]))
    except ValueError:
        return None, Problem("impossible_date", line, {"date": written})
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        return None, Problem(
            "date_out_of_range",
            line,
            {"date": written, "first": EARLIEST_DAY.isoformat(), "last": LATEST_DAY.isoformat()},
        )
    return day, None


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        found = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found if EARLIEST_DAY <= found <= LATEST_DAY else None
