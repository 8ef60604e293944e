"""Fonts and colours: Chinese never as boxes, badges readable in light and dark palettes."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
)

# Families that cover Simplified Chinese on Linux, Windows and macOS, best first.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "SimHei",
    "SimSun",
    "Droid Sans Fallback",
    "AR PL UMing CN",
)


def cjk_family() -> str | None:
    """A font family that renders Simplified Chinese, or None when the system has none."""
    families = QFontDatabase.families()
    available = set(families)
    for family in CJK_FAMILIES:
        if family in available:
            return family
    for family in families:
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    return None


def apply_cjk_font(app: QApplication) -> str | None:
    """Put a CJK family first in the application font, keeping the platform's size."""
    family = cjk_family()
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *[f for f in app.font().families() if f != family]])
        app.setFont(font)
    return family


@dataclass(frozen=True)
class Colours:
    important: QColor
    teaser: QColor
    star: QColor
    note: QColor
    dim: QColor
    shade: QColor  # the calendar's shading of days with items
    highlight: QColor  # background of searched terms
    on_highlight: QColor  # their text

    @classmethod
    def for_palette(cls, palette: QPalette) -> Colours:
        """The colours for `palette`, made once per palette: rows and calendar cells ask for
        them dozens of times per repaint (measured: 40 µs a time, 1.5 ms of a day switch)."""
        key = palette.cacheKey()
        made = _MADE.get(key)
        if made is None:
            if len(_MADE) >= 16:  # palettes come and go with style changes: keep a few
                _MADE.clear()
            made = _MADE[key] = cls._made_for(palette)
        return made

    @classmethod
    def _made_for(cls, palette: QPalette) -> Colours:
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        if dark:
            return cls(
                important=QColor("#ff8a80"),
                teaser=QColor("#b39ddb"),
                star=QColor("#ffd54f"),
                note=QColor("#80cbc4"),
                dim=quieter_text(palette),
                shade=QColor("#4fc3f7"),
                highlight=QColor("#8d6e00"),
                on_highlight=QColor("#ffffff"),
            )
        return cls(
            important=QColor("#c62828"),
            teaser=QColor("#5e35b1"),
            star=QColor("#e6a100"),
            note=QColor("#00796b"),
            dim=quieter_text(palette),
            shade=QColor("#0277bd"),
            highlight=QColor("#ffe082"),
            on_highlight=QColor("#000000"),
        )


_MADE: dict[int, Colours] = {}  # by QPalette.cacheKey(), which changes with the palette


def quieter_text(palette: QPalette) -> QColor:
    """Text a step quieter than the list's: the palette's disabled text, unless the palette
    (a hand-made dark one, say) gives it the normal text's colour; then text mixed halfway
    towards the base, which still reads (about 4:1 on the base)."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    if contrast(disabled, base) < contrast(text, base) * 0.8:
        return disabled
    return tint(text, base, 0.55)


def tint(colour: str | QColor, base: QColor, strength: float = 0.35) -> QColor:
    """`colour` laid thinly over `base`: a watchlist's colour as a background text stays
    readable on, in light and dark palettes alike."""
    over = QColor(colour)
    return QColor.fromRgbF(
        base.redF() + (over.redF() - base.redF()) * strength,
        base.greenF() + (over.greenF() - base.greenF()) * strength,
        base.blueF() + (over.blueF() - base.blueF()) * strength,
    )


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours: 1 (the same) to 21 (black on white)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class FilterButton(QToolButton):
    """A checkable tool button whose checked state shows in any palette: when checked it is
    drawn in the highlight colours, as a selected row is (some styles draw a checked tool
    button barely darker than an unchecked one, which a dark palette makes invisible)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.isChecked():
            super().paintEvent(event)
            return
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        palette = option.palette
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(
                group, QPalette.ColorRole.Button, palette.color(group, QPalette.ColorRole.Highlight)
            )
            palette.setColor(
                group,
                QPalette.ColorRole.ButtonText,
                palette.color(group, QPalette.ColorRole.HighlightedText),
            )
        option.palette = palette
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)


def icon_folder() -> Path:
    """resources/icons inside the installed package (or the frozen app)."""
    return Path(str(resources.files("telereader.resources"))) / "icons"


def app_icon() -> QIcon:
    """The application icon at every size shipped, for the window, the tray and the taskbar."""
    icon = QIcon()
    for png in sorted((icon_folder() / "hicolor").glob("*/apps/telereader.png")):
        icon.addFile(str(png))
    return icon
