"""What a backup file must hold, checked whole before a restore changes anything.

Written by hand (no schema library): every field the restore reads, with the type it must have.
The first thing that is wrong is named by where it stands (`stars[2].item_id`, counted from 0 as
in JSON tools) in one sentence. Fields the restore does not read are left alone, so a backup
with more in it (from a later telereader of the same format version) still restores.

    {"format": "telereader-backup", "version": 1,             version: a whole number ≤ ours
     "app": text, "written_at": text,                          both optional
     "stars":  [{"item_id": text, "starred_at": time?}],       every list optional
     "notes":  [{"item_id": text, "text": text, "updated_at": time?}],
     "reads":  [{"item_id": text, "read_at": time?}],
     "watchlists": [{"name": one-line text, "colour": "#rrggbb"?, "keywords": [text]?,
                     "titles_only": bool?, "important_only": bool?, "alert": bool?}],
     "saved_searches": [{"name": one-line text, "query": text, "conditions": {...}?}],
                                                               conditions: saved_searches.py
     "names": [{"name": one-line text, "kind": "company"|"theme"?, "hidden": bool?,
                "alias_of": one-line text?, "changed_at": time?}],
     "looked_days": [{"day": "YYYY-MM-DD", "looked_at": time?}]}

A keyword `/…/` must be a pattern Python's `re` takes (it would be refused when saved).

`time?` is an ISO 8601 time (2026-01-14T09:30:00), null or absent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from telereader.core.keywords import KeywordError, parse_keyword
from telereader.core.kinds import Problem
from telereader.core.markets_schema import MARKET_NAME_KINDS
from telereader.core.saved_searches import conditions_problem
from telereader.core.store import LibraryError
from telereader.core.watchlists import is_one_line_name

FORMAT = "telereader-backup"
FORMAT_VERSION = 1
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


class _Wrong(Exception):
    def __init__(self, code: str, field: str):
        super().__init__(code, field)
        self.code = code
        self.field = field


def check_backup(data: Any, path: Path) -> None:
    """Raise LibraryError unless `data` (a parsed JSON file) is a backup the restore can take."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LibraryError(Problem("backup_not_ours", params={"path": str(path)}))
    try:
        version = data.get("version", FORMAT_VERSION)
        if not _is_whole_number(version):
            raise _Wrong("backup_expects_number", "version")
        if version > FORMAT_VERSION:
            raise LibraryError(Problem("backup_newer", params={"path": str(path)}))
        for key in ("app", "written_at"):
            if key in data and not isinstance(data[key], str):
                raise _Wrong("backup_expects_text", key)
        for key, fields in _ENTRIES.items():
            for index, entry in enumerate(_list(data, key, key)):
                where = f"{key}[{index}]"
                if not isinstance(entry, dict):
                    raise _Wrong("backup_expects_object", where)
                for name, check in fields:
                    check(entry, name, f"{where}.{name}")
        for index, watchlist in enumerate(_list(data, "watchlists", "watchlists")):
            where = f"watchlists[{index}]"
            if not isinstance(watchlist, dict):
                raise _Wrong("backup_expects_object", where)
            _name(watchlist, "name", f"{where}.name")
            _colour(watchlist, "colour", f"{where}.colour")
            for option in ("titles_only", "important_only", "alert"):
                if not isinstance(watchlist.get(option, False), bool):
                    raise _Wrong("backup_expects_boolean", f"{where}.{option}")
            for number, keyword in enumerate(_list(watchlist, "keywords", f"{where}.keywords")):
                _keyword(keyword, f"{where}.keywords[{number}]")
        _check_saved_searches(data)
    except _Wrong as wrong:
        raise LibraryError(
            Problem(wrong.code, params={"path": str(path), "field": wrong.field})
        ) from None


def _keyword(keyword: Any, where: str) -> None:
    if not isinstance(keyword, str):
        raise _Wrong("backup_expects_text", where)
    try:
        parse_keyword(keyword)
    except KeywordError:
        raise _Wrong("backup_bad_regex", where) from None


def _check_saved_searches(data: dict) -> None:
    for index, saved in enumerate(_list(data, "saved_searches", "saved_searches")):
        where = f"saved_searches[{index}]"
        if not isinstance(saved, dict):
            raise _Wrong("backup_expects_object", where)
        _name(saved, "name", f"{where}.name")
        _text(saved, "query", f"{where}.query")
        conditions = saved.get("conditions")
        if conditions is not None:
            wrong = conditions_problem(conditions)
            if wrong is not None:
                raise _Wrong("backup_expects_object", f"{where}.conditions.{wrong}".rstrip("."))


def _is_whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _list(data: dict, key: str, where: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise _Wrong("backup_expects_list", where)
    return value


def _text(entry: dict, key: str, where: str) -> None:
    if key not in entry:
        raise _Wrong("backup_missing", where)
    if not isinstance(entry[key], str):
        raise _Wrong("backup_expects_text", where)


def _time(entry: dict, key: str, where: str) -> None:
    value = entry.get(key)
    if value is None:
        return
    if not isinstance(value, str):
        raise _Wrong("backup_expects_time", where)
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise _Wrong("backup_expects_time", where) from None


def _date(entry: dict, key: str, where: str) -> None:
    _text(entry, key, where)
    try:
        dt.date.fromisoformat(entry[key])
    except ValueError:
        raise _Wrong("backup_expects_date", where) from None


def _name(entry: dict, key: str, where: str) -> None:
    _text(entry, key, where)
    if not entry[key].strip() or not is_one_line_name(entry[key]):
        raise _Wrong("backup_expects_name", where)


def _colour(entry: dict, key: str, where: str) -> None:
    value = entry.get(key)
    if value is not None and not (isinstance(value, str) and _COLOUR.fullmatch(value)):
        raise _Wrong("backup_expects_colour", where)


def _kind(entry: dict, key: str, where: str) -> None:
    if entry.get(key) is not None and entry[key] not in MARKET_NAME_KINDS:
        raise _Wrong("backup_expects_kind", where)


def _flag(entry: dict, key: str, where: str) -> None:
    if entry.get(key) is not None and not isinstance(entry[key], bool):
        raise _Wrong("backup_expects_flag", where)


def _optional_name(entry: dict, key: str, where: str) -> None:
    if entry.get(key) is not None:
        _name(entry, key, where)


_Check = Callable[[dict, str, str], None]
_ENTRIES: dict[str, tuple[tuple[str, _Check], ...]] = {
    "stars": (("item_id", _text), ("starred_at", _time)),
    "notes": (("item_id", _text), ("text", _text), ("updated_at", _time)),
    "reads": (("item_id", _text), ("read_at", _time)),
    "names": (
        ("name", _name),
        ("kind", _kind),
        ("hidden", _flag),
        ("alias_of", _optional_name),
        ("changed_at", _time),
    ),
    "looked_days": (("day", _date), ("looked_at", _time)),
}
