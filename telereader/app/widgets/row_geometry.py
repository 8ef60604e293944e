"""The measures of a timeline row that depend only on the font, worked out once per font (a
list asks for hundreds of rows' sizes at a time, and font metrics are not free)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF

from telereader.app.i18n import tr

PADDING = 6
MARKER = 3  # the unread bar's width at the row's left
BADGE_EXTRA = 8 + PADDING  # a badge's frame and the gap after it


def small_font(font: QFont) -> QFont:
    """The time column's second line (次日, the date): a little smaller."""
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(font.pointSizeF() * 0.85)
    else:
        small.setPixelSize(max(8, int(font.pixelSize() * 0.85)))
    return small


@dataclass
class FontFacts:
    font: QFont
    em: float  # a CJK character's advance
    line_spacing: float
    height: int  # a line of the font
    small_height: int  # a line of the time column's second line
    text_left: dict[bool, int]  # where the text starts, without / with the date under the time
    metrics: QFontMetrics
    small: QFont  # the time column's second line
    small_ascent: int
    _badges: dict[str, int] = field(default_factory=dict)

    def badge_width(self, text: str) -> int:
        width = self._badges.get(text)
        if width is None:
            width = self._badges[text] = self.metrics.horizontalAdvance(text)
        return width + BADGE_EXTRA

    def badges_width(self, texts) -> int:
        return sum(self.badge_width(text) for text in texts)


_FACTS: dict[str, FontFacts] = {}


def facts(font: QFont, key: str | None = None) -> FontFacts:
    """The facts of `font`; `key` is its QFont.key() when the caller has it already."""
    key = key or font.key()
    found = _FACTS.get(key)
    if found is None:
        metrics, small = QFontMetricsF(font), QFontMetrics(small_font(font))
        whole = QFontMetrics(font)
        time_width = QFontMetrics(font).horizontalAdvance("00:00")

        def left(show_day: bool) -> int:
            under = small.horizontalAdvance("0000-00-00" if show_day else tr("次日"))
            return MARKER + PADDING + max(time_width, under + 4) + PADDING * 2

        found = _FACTS[key] = FontFacts(
            font=QFont(font),
            em=metrics.horizontalAdvance("中"),
            line_spacing=metrics.lineSpacing(),
            height=whole.height(),
            small_height=small.height(),
            text_left={False: left(False), True: left(True)},
            metrics=whole,
            small=small_font(font),
            small_ascent=small.ascent(),
        )
    return found

