"""A timeline row's text laid out with QTextLayout (no widget, no HTML document per row): the
colours and weights of its runs, its lines wrapped to the row's width and capped at a dozen, the
first line starting after the badges."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette, QTextCharFormat, QTextLayout

from telereader.app.widgets.highlight import SEARCHED
from telereader.app.widgets.look import Colours, tint
from telereader.app.widgets.row_text import ELLIPSIS, RowText, Style
from telereader.core.model import Kind, Level
from telereader.core.store import StoredItem

MAX_LINES = 12  # a row shows this much of a long body; the detail shows the rest


@dataclass
class LaidOut:
    layout: QTextLayout
    height: float
    ellipsis_at: QPointF | None  # where "…" goes when the text did not fit in MAX_LINES


def run_colour(
    style: Style, item: StoredItem, colours: Colours, palette: QPalette, selected: bool
) -> QColor:
    """The colour of a run: 加红 titles red, teasers and sources quieter; on a selected row the
    highlight's text colour for all (the badges still say 加红 on their own chips)."""
    if selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    if style in (Style.SOURCE, Style.NOTE) or item.kind is Kind.TEASER:
        return colours.dim
    if style is Style.TITLE and item.level is Level.IMPORTANT:
        return colours.important
    return palette.color(QPalette.ColorRole.Text)


def mark_format(mark_colour: str, colours: Colours, palette: QPalette) -> QTextCharFormat:
    """A marked word: searched terms in the search colours, keywords on their list's colour laid
    thinly over the base, in the base's text colour, so they read the same on a selected row
    (where the row's own text is the highlight's)."""
    marked = QTextCharFormat()
    if mark_colour == SEARCHED:
        marked.setBackground(colours.highlight)
        marked.setForeground(colours.on_highlight)
    else:
        marked.setBackground(tint(mark_colour, palette.color(QPalette.ColorRole.Base)))
        marked.setForeground(palette.color(QPalette.ColorRole.Text))
    return marked


def formats(
    row: RowText,
    item: StoredItem,
    colours: Colours | None,
    palette: QPalette | None,
    selected: bool = False,
    bold_title: bool = True,
) -> list[QTextLayout.FormatRange]:
    """The runs' weights (and, given a palette, their colours and the marks over them)."""
    ranges = []
    for run in row.runs:
        styled = QTextLayout.FormatRange()
        styled.start, styled.length = run.start, run.end - run.start
        colour = None
        if colours is not None and palette is not None:
            colour = run_colour(run.style, item, colours, palette, selected)
        styled.format = _char_format(run.style is Style.TITLE and bold_title, colour)
        ranges.append(styled)
    if colours is not None and palette is not None:
        for mark in row.marks:
            marked = QTextLayout.FormatRange()
            marked.start, marked.length = mark.start, mark.end - mark.start
            key = (mark.colour, palette.cacheKey())
            made = _MARK_FORMATS.get(key)
            if made is None:
                if len(_MARK_FORMATS) > 64:
                    _MARK_FORMATS.clear()
                made = _MARK_FORMATS[key] = mark_format(mark.colour, colours, palette)
            marked.format = made
            ranges.append(marked)  # later ranges win where they overlap: marks over runs
    return ranges


# Formats are made once and shared (QTextCharFormat is implicitly shared): making them anew for
# every run of every row cost a fifth of laying a row out.
_CHAR_FORMATS: dict[tuple[bool, int | None], QTextCharFormat] = {}
_MARK_FORMATS: dict[tuple[str, int], QTextCharFormat] = {}


def _char_format(bold: bool, colour: QColor | None) -> QTextCharFormat:
    key = (bold, None if colour is None else colour.rgba())
    made = _CHAR_FORMATS.get(key)
    if made is None:
        if len(_CHAR_FORMATS) > 64:
            _CHAR_FORMATS.clear()
        made = QTextCharFormat()
        if bold:
            made.setFontWeight(QFont.Weight.Bold)
        if colour is not None:
            made.setForeground(colour)
        _CHAR_FORMATS[key] = made
    return made


def lay_out(
    row: RowText,
    font: QFont,
    ranges: list[QTextLayout.FormatRange],
    width: float,
    first_indent: float,
) -> LaidOut:
    """Wrap the text to `width`, the first line starting at `first_indent` (after the badges),
    at most MAX_LINES lines; a text that goes on ends its last line with "…"."""
    font, ellipsis = _unshaped(font)
    layout = QTextLayout(row.text, font)
    layout.setFormats(ranges)
    layout.setCacheEnabled(True)
    width = max(width, ellipsis * 4)
    y = 0.0
    ellipsis_at = None
    layout.beginLayout()
    for number in range(MAX_LINES):
        line = layout.createLine()
        if not line.isValid():
            break
        indent = min(first_indent, width / 2) if number == 0 else 0.0
        line.setLineWidth(width - indent)
        line.setPosition(QPointF(indent, y))
        last = number == MAX_LINES - 1
        goes_on = last and line.textStart() + line.textLength() < len(row.text)
        if goes_on:
            line.setLineWidth(width - indent - ellipsis)  # room for the "…"
        if row.cut or goes_on:  # shortened before layout, or this last line shown goes on
            end_x = indent + line.naturalTextWidth()
            ellipsis_at = QPointF(min(end_x, width - ellipsis), y + line.ascent())
        y += line.height()
    layout.endLayout()
    return LaidOut(layout, y, ellipsis_at)


_LAST_FONT: list[tuple[QFont, QFont, float]] = []  # the last font asked for, as used


def _unshaped(font: QFont) -> tuple[QFont, float]:
    """`font` without shaping, and the advance of "…" in it; made once per font (a copy, a
    style strategy and a metrics object were a tenth of laying a row out)."""
    if _LAST_FONT and _LAST_FONT[0][0] == font:
        return _LAST_FONT[0][1], _LAST_FONT[0][2]
    used = QFont(font)
    # Chinese needs no shaping (no ligatures, no joining): skipping it where the font allows
    # lays a row out in about half the time (measured: 13 against 24 ms for 300 rows)
    used.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    ellipsis = QFontMetricsF(used).horizontalAdvance(ELLIPSIS)
    _LAST_FONT[:] = [(QFont(font), used, ellipsis)]
    return used, ellipsis


class LayoutCache:
    """The last laid-out rows, by everything their layout depends on: a row measured for its
    height is painted from the same layout, and a row scrolled past is not laid out again."""

    def __init__(self, kept: int = 400):
        self._kept = kept
        self._layouts: OrderedDict[tuple, LaidOut] = OrderedDict()

    def get(self, key: tuple) -> LaidOut | None:
        found = self._layouts.get(key)
        if found is not None:
            self._layouts.move_to_end(key)
        return found

    def put(self, key: tuple, laid: LaidOut) -> None:
        self._layouts[key] = laid
        if len(self._layouts) > self._kept:
            self._layouts.popitem(last=False)

    def clear(self) -> None:
        self._layouts.clear()
