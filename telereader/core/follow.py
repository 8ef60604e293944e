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

from telereader.core.walk import DIGEST_SUFFIXES

# Long enough for a program writing a file in pieces to finish a piece, short enough that a
# finished file is on screen within a few seconds (docs/benchmarks.md measures it).
SETTLE_S = 1.0
RESCAN_S = 2.0  # how often the folders are looked at again, with or without a watcher


# A look may take at most this share of one core: a folder so big that a look costs more is
# looked at less often (the watcher still brings its changes at once).
MAX_CPU_SHARE = 0.005

# (size, modification time in ns, inode): what changes when a file's bytes are rewritten, grown
# or replaced. A plain tuple: a look builds one a file, thousands every few seconds.
Signature = tuple[int, int, int]


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
        self._handed: dict[str, Signature] = {}  # the signature each file had when handed out
        self._seen: dict[str, _Sighting] = {}
        self.cost_s = 0.0  # the CPU time the last look took

    def next_look_in(self, every_s: float = RESCAN_S) -> float:
        """Seconds until the next periodic look: `every_s`, or longer for a folder so big that a
        look would take more than MAX_CPU_SHARE of a core."""
        return max(every_s, self.cost_s / MAX_CPU_SHARE)

    def look(self) -> list[Path]:
        """The files to import now, in folder order; each is handed out once per change."""
        began = time.process_time()
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
                since = min(now, signature[1] / 1e9) if sighting is None else now
                sighting = self._seen[path] = _Sighting(signature, since)
            if now - sighting.since >= self.settle_s:
                ready.append(Path(path))
                self._handed[path] = signature
                del self._seen[path]
        self.cost_s = time.process_time() - began
        return sorted(ready)

    @property
    def files(self) -> list[Path]:
        """The files seen at the last look (a watcher may watch them for changes)."""
        return [Path(p) for p in [*self._handed, *(p for p in self._seen if p not in self._handed)]]

    @property
    def waiting(self) -> int:
        """Files changed but not settled yet (still being written, or just written)."""
        return len(self._seen)

    def _signatures(self) -> dict[str, Signature]:
        found: dict[str, Signature] = {}
        for folder in self.folders:
            # a folder gone for now (an unplugged drive, a folder renamed) gives nothing: its
            # files are forgotten, and read again when it comes back
            found.update(signatures(folder))
        return found


def signatures(root: Path) -> dict[str, Signature]:
    """The digest-like files under `root` with their signatures, by the rules of walk.collect
    (hidden files and folders skipped, a link back into a folder walked once) but with one
    stat a file and no path resolving: a look every few seconds must cost next to nothing."""
    found: dict[str, Signature] = {}
    visited: set[tuple[int, int]] = set()
    folders: list[Path | str] = [root]
    while folders:
        folder = folders.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    folders.append(entry.path)
                elif entry.name.lower().endswith(DIGEST_SUFFIXES) and entry.is_file():
                    stat = entry.stat()
                    found[entry.path] = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
            except OSError:
                continue  # deleted between the listing and the look
    return found
