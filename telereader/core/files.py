"""Writing files the reader keeps: whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, text: str) -> Path:
    """Write `text` as UTF-8 beside `path`, then move it into place: a crash or a full disk
    never leaves half a file, and an existing file stays as it was until the new one is whole."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        temporary.write_text(text, encoding="utf-8", newline="")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path
