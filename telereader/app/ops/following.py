"""The window's followed folders: new and changed digest files imported by themselves.

core.follow.Follower decides what is ready (new or changed, and settled); this adds the timing:
a QFileSystemWatcher makes the next look come at once, a periodic rescan catches what the
watcher misses (network drives, editors that replace files, a folder that comes back), and a
file seen still settling is looked at again as soon as it may have settled. Each look walks the
folders on a thread of its own; what it hands out goes to the ImportController as a background
import (a line in the status bar, no dialog)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from telereader.app.ops.importing import ImportController
from telereader.app.tasks import run_task, serial_pool
from telereader.core.follow import RESCAN_S, SETTLE_S, Follower

SOON_MS = 150  # a burst of watcher events (a file written in pieces) makes one look
MAX_WATCHED_FILES = 256  # beyond these, a file's growth is caught by the rescan
CLOSE_WAIT_MS = 2000


class FolderFollowing(QObject):
    looked = Signal(list)  # the files a look handed to the import (may be empty)

    def __init__(self, importer: ImportController, parent: QObject | None = None):
        super().__init__(parent)
        self.importer = importer
        self.follower: Follower | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self.look_soon)
        self.watcher.fileChanged.connect(self.look_soon)
        self._pool = serial_pool(self)
        self._looking = False
        self._again = False  # something changed during a look: look once more after it
        self._rescan = self._timer(int(RESCAN_S * 1000), single=False)
        self._soon = self._timer(SOON_MS)
        self._settled = self._timer(int(SETTLE_S * 1000) + SOON_MS)
        importer.ended.connect(self._import_ended)

    def _timer(self, interval_ms: int, single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.look)
        return timer

    @property
    def folders(self) -> list[Path]:
        return list(self.follower.folders) if self.follower else []

    def follow(self, folders: Sequence[Path]) -> None:
        """Follow these folders from now on (none: stop); what they hold is imported first."""
        self.stop()
        if not folders:
            return
        self.follower = Follower(folders)
        self._rescan.start()
        self.look()

    def stop(self, wait_ms: int = 0) -> None:
        self.follower = None
        for timer in (self._rescan, self._soon, self._settled):
            timer.stop()
        watched = self.watcher.directories() + self.watcher.files()
        if watched:
            self.watcher.removePaths(watched)
        if wait_ms:
            self._pool.waitForDone(wait_ms)

    def look_soon(self, *_changed: str) -> None:
        if self.follower is not None:
            self._soon.start()

    def look(self) -> None:
        """Walk the folders on the look's thread; an import under way is let finish first (its
        end starts the next look), so followed files never queue behind a drop."""
        if self.follower is None:
            return
        if self._looking or self.importer.running:
            self._again = True
            return
        self._looking, self._again = True, False
        follower = self.follower
        run_task(
            follower.look,
            lambda ready: self._looked(follower, ready),
            lambda _error: self._looked(follower, []),
            pool=self._pool,
            parent=self,
        )

    def _looked(self, follower: Follower, ready: list[Path]) -> None:
        self._looking = False
        if follower is not self.follower:
            return  # stopped, or other folders chosen, while it looked
        self._watch(follower)
        self._rescan.setInterval(int(follower.next_look_in() * 1000))
        if follower.waiting:
            self._settled.start()
        if ready:
            self.importer.start(ready, background=True)
        elif self._again:
            self.look_soon()
        self.looked.emit(ready)

    def _import_ended(self) -> None:
        if self._again:
            self.look_soon()

    def _watch(self, follower: Follower) -> None:
        """Watch the folders that exist now (a folder that came back is watched again) and the
        files in them, up to MAX_WATCHED_FILES."""
        wanted = [str(f) for f in follower.folders if f.is_dir()]
        wanted += [str(f) for f in follower.files[:MAX_WATCHED_FILES]]
        watched = set(self.watcher.directories() + self.watcher.files())
        missing = [path for path in wanted if path not in watched]
        if missing:
            self.watcher.addPaths(missing)
