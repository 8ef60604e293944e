"""What the window keeps across starts: QSettings keys, restore and save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from telereader.app.panels.filters import FilterBar
from telereader.app.widgets.detail import DEFAULT_POINT_SIZE, DetailPane

SETTINGS_FILE = "window.ini"
GEOMETRY = "window/geometry"
SPLITTERS = {"main_splitter": "window/main_splitter", "left_splitter": "window/left_splitter"}
FILTER = "filters/{}"
POINT_SIZE = "reading/point_size"
DAY = "reading/day"
ITEM = "reading/item"
HINT_DISMISSED = "hint/dismissed"
SAMPLE_REMOVED = "library/sample_removed"  # the reader deleted the sample day: not again
OWN_DAYS = "library/own_days"  # the reader imported a day of their own: the sample hint is done
CHECKED_AT = "library/checked_at"


def open_settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


def restore(
    s: QSettings,
    window: QMainWindow,
    splitters: dict[str, QSplitter],
    filters: FilterBar,
    detail: DetailPane,
) -> None:
    geometry = s.value(GEOMETRY)
    if isinstance(geometry, QByteArray | bytes):
        window.restoreGeometry(QByteArray(geometry))
    for name, splitter in splitters.items():
        state = s.value(SPLITTERS[name])
        if isinstance(state, QByteArray | bytes):
            splitter.restoreState(QByteArray(state))
    filters.set_checked(
        {key: s.value(FILTER.format(key), False, type=bool) for key in filters.buttons}
    )
    detail.set_point_size(int(s.value(POINT_SIZE, DEFAULT_POINT_SIZE, type=int)))


def save(
    s: QSettings,
    window: QMainWindow,
    splitters: dict[str, QSplitter],
    filters: FilterBar,
    detail: DetailPane,
    day: object,
    item_id: str | None,
) -> None:
    s.setValue(GEOMETRY, window.saveGeometry())
    for name, splitter in splitters.items():
        s.setValue(SPLITTERS[name], splitter.saveState())
    for key, checked in filters.checked().items():
        s.setValue(FILTER.format(key), checked)
    s.setValue(POINT_SIZE, detail.point_size)
    if day:
        s.setValue(DAY, day.isoformat())
    if item_id:
        s.setValue(ITEM, item_id)
    s.sync()
