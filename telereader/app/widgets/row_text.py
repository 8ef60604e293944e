"""What a timeline row says, as plain text and styled runs, before anything is painted: the
title, the body whole (its dateline dropped) or a search result's passage, the source at the end,
the note in the notes view; and where searched terms and watchlist keywords are marked.

Pure (no painting), so that tests can read exactly what a row shows.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from telereader.app.i18n import tr
from telereader.app.widgets.highlight import Mark, marks
from telereader.core.keywords import Watchlist
from telereader.core.model import Kind
from telereader.core.store import StoredItem
from telereader.core.text import attribution_start, dateline_end, one_line

LINE_BREAK = "\u2028"  # QTextLayout's forced line break; one character, so offsets stay
ELLIPSIS = "…"
JOINER = "\u2060"  # WORD JOINER: no line break here (a source is not split over two lines)


class Style(enum.Enum):
    TITLE = "title"
    BODY = "body"
    SOURCE = "source"
    NOTE = "note"
    BREAK = "break"  # the line break between the title and the body


@dataclass(frozen=True)
class Run:
    start: int
    end: int
    style: Style


@dataclass(frozen=True)
class RowText:
    text: str
    runs: tuple[Run, ...]
    marks: tuple[Mark, ...]
    cut: bool  # the text was shortened before layout: the row ends in "…" whatever fits

    @property
    def plain(self) -> str:
        """The whole row's text as a reader sees it."""
        return self.text.replace(JOINER, "")

    def styled(self, style: Style) -> str:
        """The text of the runs of `style`, as a reader sees it."""
        shown = (self.text[run.start : run.end] for run in self.runs if run.style is style)
        return "".join(shown).replace(JOINER, "")


@dataclass(frozen=True)
class Stamp:
    """The row's time column: the time, and under it the real date (rows from many days) or
    a 次日 tag (an after-midnight item of a day's timeline, which happened the next day)."""

    time: str
    under: str
    next_day: bool


def stamp(item: StoredItem, show_day: bool) -> Stamp:
    # not strftime: it imports the time module at every call, through PySide's import hook
    time = item.time
    clock = f"{time.hour:02d}:{time.minute:02d}"
    if show_day:
        return Stamp(clock, time.date().isoformat(), False)
    next_day = time.date() > item.day
    return Stamp(clock, tr("次日") if next_day else "", next_day)


def shown_body(item: StoredItem, limit: int | None = None) -> str:
    """The body without its opening dateline and without the trailing attribution that names
    the source (the row shows the source itself, at its end); at most `limit` characters."""
    body = item.body
    start, end = dateline_end(body), attribution_start(body, item.source)
    end = end if end > start else len(body)
    if limit is not None:
        end = min(end, start + limit + 1)  # one more: the caller sees that it was cut
    return body[start:end]


def row_text(
    item: StoredItem,
    *,
    snippet: str | None = None,
    note: str | None = None,
    terms: Sequence[str] = (),
    watchlists: Sequence[Watchlist] = (),
    max_chars: int | None = None,
    similar: str = "",
) -> RowText:
    """The row of `item`. `snippet` (a search result's passage) replaces the body; `note` (the
    notes view) follows it on a line of its own. `max_chars` bounds the body given to the
    layout: a row shows a dozen lines at most, and an item can hold tens of kilobytes.
    `similar` (the day's row standing for a story sent more than once) ends the row, quiet."""
    parts: list[tuple[str, Style]] = []
    if item.title:
        parts.append((one_line(item.title, 400), Style.TITLE))
    body = snippet if isinstance(snippet, str) else shown_body(item, max_chars)
    cut = max_chars is not None and len(body) > max_chars
    if cut:
        body = body[:max_chars]
    body = body.strip().replace("\r\n", "\n").replace("\n", LINE_BREAK)
    if body:
        if parts:
            parts.append((LINE_BREAK, Style.BREAK))
        parts.append((body, Style.BODY))
    if item.source and not cut:
        source = JOINER.join(f"（{item.source}）")
        parts.append((" " + source if parts else source, Style.SOURCE))
    if note:
        parts.append((LINE_BREAK + "✎ " + one_line(note, 300), Style.NOTE))
    if similar:
        parts.append((LINE_BREAK + similar, Style.SOURCE))
    runs, position = [], 0
    for text, style in parts:
        runs.append(Run(position, position + len(text), style))
        position += len(text)
    text = "".join(text for text, _style in parts)
    found = tuple(marks(text, item, terms, watchlists)) if terms or item.watch else ()
    return RowText(text, tuple(runs), found, cut)


def quieter(item: StoredItem) -> bool:
    """A column's teaser is not news: its row is drawn in the quieter colour."""
    return item.kind is Kind.TEASER
