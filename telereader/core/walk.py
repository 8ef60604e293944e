"""Which files an import tries, and their bytes: folders walked for digest-like files, each
file read whole once it is known to be one a digest could be."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from telereader.core.model import Problem, Refused

DIGEST_SUFFIXES = (".md", ".markdown", ".txt")
# A day's digest is ~300 KB and a year's export ~17 MB, so a ten-year export is ~170 MB; a
# file over this many bytes is not a digest or an export of ours.
MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Candidate:
    """A path to import, or a path that already failed while walking (a loop, a missing file)."""

    path: Path
    problem: Problem | None = None


def collect(paths: Iterable[Path | str]) -> list[Candidate]:
    """Files named directly are always tried; folders are walked for digest-like files,
    skipping hidden files and folders and never following a link back into itself."""
    found: list[Candidate] = []
    seen_files: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(c for c in _walk(path) if _first_time(c, seen_files))
        elif path.exists() or path.is_symlink():
            candidate = Candidate(path)
            if _first_time(candidate, seen_files):
                found.append(candidate)
        else:
            found.append(Candidate(path, Problem("not_found")))
    return found


def _first_time(candidate: Candidate, seen: set[Path]) -> bool:
    if candidate.problem:
        return True
    try:
        key = candidate.path.resolve()
    except (OSError, RuntimeError):
        return True
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(root: Path) -> Iterator[Candidate]:
    visited: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[Candidate]:
        try:
            info = folder.stat()
        except OSError as error:
            yield Candidate(folder, unreadable(error))
            return
        identity = (info.st_dev, info.st_ino)
        if identity in visited:
            yield Candidate(folder, Problem("folder_loop"))
            return
        visited.add(identity)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield Candidate(folder, unreadable(error))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(path)
            elif entry.name.lower().endswith(DIGEST_SUFFIXES):
                yield Candidate(path)

    yield from visit(root)


def read_bytes(path: Path) -> bytes:
    """The file's bytes; Refused when it cannot be a digest (missing, unreadable, huge)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise Refused(Problem("not_found")) from None
    except OSError as error:
        raise Refused(unreadable(error)) from error
    if not path.is_file():
        raise Refused(Problem("not_regular"))
    if info.st_size > MAX_FILE_BYTES:
        raise Refused(
            Problem(
                "too_large",
                params={"size": _megabytes(info.st_size), "limit": _megabytes(MAX_FILE_BYTES)},
            )
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise Refused(unreadable(error)) from error


def unreadable(error: OSError) -> Problem:
    return Problem("unreadable", params={"error": error.strerror or str(error)})


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"
