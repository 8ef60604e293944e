"""Following folders: which digest files are new or changed since the last look, and settled.

Another program writes the day's digest into a folder while the day goes on; the reader (the
window, or `telereader follow`) looks again every few seconds and imports what changed. A file
is handed out only once it has settled: the same size, modification time and inode at two looks
at least `settle_s` apart (or, at its first sight, untouched for `settle_s` already), so a file
still being written is never imported half-way. The importer itself skips bytes it has imported
before (by content hash), so a file touched without a change costs one read.

No Qt here: the window adds a file-system watcher that only makes the next look come sooner.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from telereader.core.walk import collect

# Long enough for a program writing a file in pieces to finish a piece, short enough that a
# finished file is on screen within a few seconds (docs/benchmarks.md measures it).
SETTLE_S = 1.0
RESCAN_S = 2.0  # how often the folders are looked at again, with or without a watcher


@dataclass(frozen=True)
class Signature:
    """What changes when a file's bytes are rewritten, grown or replaced."""

    size: int
    mtime_ns: int
    inode: int


@dataclass
class _Sighting:
    signature: Signature
    since: float  # the clock when this signature was first seen


class Follower:
    """Looks at `folders` on each `look()` and returns the files ready to import: new or
    changed since they were last handed out, and settled. A folder that is missing is skipped
    (and its files forgotten) until it comes back; a folder that comes back with its files is
    read again, and the importer finds what it already holds unchanged."""

    def __init__(
        self,
        folders: Iterable[Path | str],
        settle_s: float = SETTLE_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.folders = [Path(folder) for folder in folders]
        self.settle_s = settle_s
        self.clock = clock
        self._handed: dict[Path, Signature] = {}  # the signature each file had when handed out
        self._seen: dict[Path, _Sighting] = {}

    def look(self) -> list[Path]:
        """The files to import now, in folder order; each is handed out once per change."""
        now = self.clock()
        present = self._signatures()
        for gone in set(self._seen) - set(present):
            del self._seen[gone]
        for gone in set(self._handed) - set(present):
            del self._handed[gone]
        ready = []
        for path, signature in present.items():
            if self._handed.get(path) == signature:
                continue
            sighting = self._seen.get(path)
            if sighting is None or sighting.signature != signature:
                # first sight of this version: settled already if untouched for settle_s
                since = min(now, signature.mtime_ns / 1e9) if sighting is None else now
                sighting = self._seen[path] = _Sighting(signature, since)
            if now - sighting.since >= self.settle_s:
                ready.append(path)
                self._handed[path] = signature
                del self._seen[path]
        return ready

    @property
    def files(self) -> list[Path]:
        """The files seen at the last look (a watcher may watch them for changes)."""
        return [*self._handed, *(path for path in self._seen if path not in self._handed)]

    @property
    def waiting(self) -> int:
        """Files changed but not settled yet (still being written, or just written)."""
        return len(self._seen)

    def _signatures(self) -> dict[Path, Signature]:
        found: dict[Path, Signature] = {}
        for folder in self.folders:
            if not folder.is_dir():
                continue  # gone for now (an unplugged drive, a folder renamed): look again later
            for candidate in collect([folder]):
                if candidate.problem is not None:
                    continue
                try:
                    info = candidate.path.stat()
                except OSError:
                    continue  # deleted between the walk and the look
                if not os.path.isfile(candidate.path):
                    continue
                found[candidate.path] = Signature(info.st_size, info.st_mtime_ns, info.st_ino)
        return found
