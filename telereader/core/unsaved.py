"""Notes the library could not take (a full disk, a lock held too long) wait in a small file
beside it, `unsaved-notes.json`, until the window can write them: never lost on closing.

Each kept note carries the library's note it was based on (the text the library held when the
reader began typing, "" for none). The next start writes a note back only while the library
still holds that text; a note changed meanwhile elsewhere (`telereader note`) is never
overwritten without asking: the kept note stays in the file and the reader is told.

A file that cannot be read whole (cut short, hand-edited, an entry that is not text) is never
overwritten or removed: it is renamed aside, `unsaved-notes.unreadable-<time>.json`, and the
reader is told where it went.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

UNSAVED_FILE = "unsaved-notes.json"
FORMAT = "telereader-unsaved-notes"


@dataclass(frozen=True)
class KeptNote:
    text: str
    based_on: str | None  # the library's note the text was typed over; None: not known


@dataclass
class Loaded:
    notes: dict[str, KeptNote] = field(default_factory=dict)
    set_aside: Path | None = None  # the file could not be read whole and was moved here


def unsaved_path(data_dir: Path) -> Path:
    return data_dir / UNSAVED_FILE


def load_unsaved(data_dir: Path) -> Loaded:
    """The notes waiting to be written, item id → KeptNote. A file that cannot be read whole is
    renamed aside (its readable notes are still returned): nothing in it is lost."""
    path = unsaved_path(data_dir)
    if not path.exists():
        return Loaded()
    notes, whole = _read(path)
    return Loaded(notes, None if whole else set_aside(path))


def save_unsaved(data_dir: Path, notes: dict[str, KeptNote]) -> Path | None:
    """Replace the file with `notes` (remove it when there are none), atomically: a crash
    leaves either the old file or the new one, whole. A file there that cannot be read whole is
    renamed aside first, never overwritten: returns where it went. Raises OSError when it
    cannot write."""
    path = unsaved_path(data_dir)
    aside = None
    if path.exists() and not _read(path)[1]:
        aside = set_aside(path)
    if not notes:
        path.unlink(missing_ok=True)
        return aside
    entries = {key: {"text": note.text, "based_on": note.based_on} for key, note in notes.items()}
    text = json.dumps({"format": FORMAT, "notes": entries}, ensure_ascii=False, indent=1)
    handle, temporary = tempfile.mkstemp(prefix=".unsaved-", suffix=".tmp", dir=data_dir)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(data_dir)
    return aside


def set_aside(path: Path) -> Path:
    """Rename `path` to a free `unsaved-notes.unreadable-<time>[-n].json` beside it (an
    existing file of that name is never replaced)."""
    stamp = f"{dt.datetime.now():%Y%m%d-%H%M%S}"
    for number in range(1000):
        suffix = f"-{number}" if number else ""
        target = path.with_name(f"unsaved-notes.unreadable-{stamp}{suffix}.json")
        try:
            os.link(path, target)  # fails when the name is taken
        except FileExistsError:
            continue
        except OSError:  # no hard links here (some file systems): check, then rename
            if target.exists():
                continue
            os.replace(path, target)
            return target
        path.unlink()
        _sync_folder(path.parent)
        return target
    raise FileExistsError(path)


def _read(path: Path) -> tuple[dict[str, KeptNote], bool]:
    """(the notes that could be read, whether the whole file could)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}, False
    entries = data.get("notes") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        return {}, False
    notes = {}
    for key, entry in entries.items():
        note = _entry(entry)
        if note is not None:
            notes[key] = note
    return notes, len(notes) == len(entries)


def _entry(entry: object) -> KeptNote | None:
    if isinstance(entry, str):  # written before notes carried what they were based on
        return KeptNote(entry, None)
    if not isinstance(entry, dict):
        return None
    text, based_on = entry.get("text"), entry.get("based_on")
    if not isinstance(text, str) or not (based_on is None or isinstance(based_on, str)):
        return None
    return KeptNote(text, based_on)


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not every system lets a folder be opened (Windows): the rename still stands
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
