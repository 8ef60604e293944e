"""The sample day shipped inside the package, for the first start on an empty library."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_days() -> list[Path]:
    folder = resources.files("telereader.seeds")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".md"))
