"""text → Digest: the header, the day-window boundary and the item lines, with warnings."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from telereader.core.mdescape import unescape_markup
from telereader.core.model import Digest, Kind, Level, ParsedItem, Problem, Refused

DEFAULT_BOUNDARY = dt.time(5, 30)

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
    level: Level = Level.NORMAL
    boundary: dt.time = DEFAULT_BOUNDARY
    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def digest(self, day: dt.date) -> Digest:
        return Digest(day, self.level, self.boundary, tuple(self.items), tuple(self.warnings))


def parse_all(text: str, file_name: str = "") -> list[Digest]:
    """Every digest in a decoded file, in file order: each `# 财联社【…】电报 - DAY` header starts
    one. Raise Refused when the text holds none."""
    sections = [_Section()]
    section = sections[0]
    # The item being read: its first line number, its content lines; None between items.
    current: tuple[int, dt.time, list[str]] | None = None
    skipping = False  # inside an item whose time was impossible: its extra lines go with it

    def finish() -> None:
        if current is not None:
            line, minute, parts = current
            section.items.append(
                parse_item(line, minute, parts[0] if len(parts) == 1 else "\n".join(parts))
            )

    for number, line in enumerate(text.split("\n"), start=1):
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
                section = _Section()
                sections.append(section)
            section.has_header = True
            section.day = _date(header["y"], header["m"], header["d"])
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

    digests = []
    for section in sections:
        if not section.has_header and not section.items:
            continue
        day = section.day or day_from_file_name(file_name)
        if day is None:
            if not section.items:
                continue  # a header with an impossible date and nothing under it
            raise Refused(Problem("no_digest_date"))
        digests.append(section.digest(day))
    if not digests:
        has_header = any(section.has_header for section in sections)
        raise Refused(Problem("no_digest_date" if has_header else "not_digest"))
    return digests


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


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
