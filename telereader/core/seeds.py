"""The sample day shipped inside the package, for the first start on an empty library."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path


def sample_days() -> list[Path]:
    folder = resources.files("telereader.seeds")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".md"))


def sample_dates() -> set[dt.date]:
    """The digest days of the bundled sample files (their names carry them)."""
    dates = set()
    for path in sample_days():
        found = re.search(r"\d{4}-\d{2}-\d{2}", path.name)
        if found:
            dates.add(dt.date.fromisoformat(found.group()))
    return dates
