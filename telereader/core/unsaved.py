"""Notes the library could not take (a full disk, a lock held too long) wait in a small file
beside it, `unsaved-notes.json`, until the window can write them: never lost on closing."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

UNSAVED_FILE = "unsaved-notes.json"
FORMAT = "telereader-unsaved-notes"


def unsaved_path(data_dir: Path) -> Path:
    return data_dir / UNSAVED_FILE


def load_unsaved(data_dir: Path) -> dict[str, str]:
    """The notes waiting to be written, item id → text; {} when there are none or the file
    cannot be read (it is then left where it is, for the reader to look at)."""
    try:
        data = json.loads(unsaved_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    notes = data.get("notes") if isinstance(data, dict) else None
    if not isinstance(notes, dict):
        return {}
    return {
        key: value
        for key, value in notes.items()
        if isinstance(key, str) and isinstance(value, str)
    }


def save_unsaved(data_dir: Path, notes: dict[str, str]) -> None:
    """Replace the file with `notes` (remove it when there are none), atomically: a crash
    leaves either the old file or the new one, whole. Raises OSError when it cannot."""
    path = unsaved_path(data_dir)
    if not notes:
        path.unlink(missing_ok=True)
        return
    text = json.dumps({"format": FORMAT, "notes": notes}, ensure_ascii=False, indent=1)
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
