"""What the window keeps across starts: QSettings keys, restore and save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from telereader.app.panels.filters import FilterBar
from telereader.app.widgets.detail import DEFAULT_POINT_SIZE, DetailPane
from telereader.app.window.columns import Columns

SETTINGS_FILE = "window.ini"
GEOMETRY = "window/geometry"
# The three columns' splitter. The two-column layout kept window/main_splitter and
# window/left_splitter: they are not read (their sizes mean other columns); saving removes them.
COLUMNS = "window/columns"
OLD_SPLITTERS = ("window/main_splitter", "window/left_splitter")
CALENDAR_SHOWN = "window/calendar_shown"
NEWEST_FIRST = "reading/newest_first"
FOLD_SIMILAR = "reading/fold_similar"  # near-duplicates folded under their story's row
FILTER = "filters/{}"
POINT_SIZE = "reading/point_size"
DAY = "reading/day"
ITEM = "reading/item"
HINT_DISMISSED = "hint/dismissed"
SAMPLE_REMOVED = "library/sample_removed"  # the reader deleted the sample day: not again
OWN_DAYS = "library/own_days"  # the reader imported a day of their own: the sample hint is done
CHECKED_AT = "library/checked_at"
FOLLOWED = "library/followed_folders"  # File → 自动导入文件夹…


def open_settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


def restore(
    s: QSettings,
    window: QMainWindow,
    columns: Columns,
    filters: FilterBar,
    detail: DetailPane,
) -> None:
    geometry = s.value(GEOMETRY)
    if isinstance(geometry, QByteArray | bytes):
        window.restoreGeometry(QByteArray(geometry))
    columns.restore(s.value(COLUMNS))
    filters.set_checked(
        {key: s.value(FILTER.format(key), False, type=bool) for key in filters.buttons}
    )
    detail.set_point_size(int(s.value(POINT_SIZE, DEFAULT_POINT_SIZE, type=int)))


def calendar_shown(s: QSettings) -> bool:
    return bool(s.value(CALENDAR_SHOWN, True, type=bool))


def newest_first(s: QSettings) -> bool:
    return bool(s.value(NEWEST_FIRST, False, type=bool))


def fold_similar(s: QSettings) -> bool:
    return bool(s.value(FOLD_SIMILAR, True, type=bool))


def save(
    s: QSettings,
    window: QMainWindow,
    columns: Columns,
    filters: FilterBar,
    detail: DetailPane,
    day: object,
    item_id: str | None,
) -> None:
    s.setValue(GEOMETRY, window.saveGeometry())
    s.setValue(COLUMNS, columns.saveState())
    for key in OLD_SPLITTERS:
        s.remove(key)
    for key, checked in filters.checked().items():
        s.setValue(FILTER.format(key), checked)
    s.setValue(POINT_SIZE, detail.point_size)
    if day:
        s.setValue(DAY, day.isoformat())
    if item_id:
        s.setValue(ITEM, item_id)
    s.sync()


def followed_folders(s: QSettings) -> list[Path]:
    value = s.value(FOLLOWED, [])
    if isinstance(value, str):  # an ini file gives one folder back as a plain string
        value = [value]
    return [Path(folder) for folder in value or [] if folder]


def set_followed_folders(s: QSettings, folders: list[Path]) -> None:
    if folders:
        s.setValue(FOLLOWED, [str(folder) for folder in folders])
    else:
        s.remove(FOLLOWED)
    s.sync()
