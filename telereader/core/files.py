"""Writing files the reader keeps (exports and backups): whole or not at all, on the disk before
anything older is let go, and only ever as a regular file.

- The text goes to a temporary file of its own in the same folder (a short random name, so two
  writers never share one and a long file name still fits the 255-byte limit), is flushed to the
  disk, then renamed over the target; the folder is flushed after the rename.
- Only a regular file is replaced. A device, a FIFO, a socket or a folder is refused with a reason.
  A symbolic link is refused too, rather than written through: the link may point at a file the
  reader never named (a link planted in a shared folder, a run as root), and replacing the link
  itself would silently cut it. The reader can name the link's target instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from telereader.core.kinds import Problem
from telereader.core.store import LibraryError

_KINDS = (
    (stat.S_ISLNK, "symlink"),
    (stat.S_ISDIR, "folder"),
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
    (stat.S_ISSOCK, "socket"),
)


def check_target(path: Path) -> None:
    """Raise LibraryError (output_symlink, output_fifo, …) unless `path` is free or a regular file."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except NotADirectoryError:
        return  # the writing itself will say what is wrong with the folder
    kind = next((name for test, name in _KINDS if test(mode)), None)
    if kind is None and not stat.S_ISREG(mode):
        kind = "special"
    if kind is not None:
        params = {"path": str(path)}
        if kind == "symlink":
            params["target"] = os.readlink(path)
        raise LibraryError(Problem(f"output_{kind}", params=params))


def write_atomically(path: Path, text: str) -> Path:
    """Write `text` as UTF-8 beside `path`, then move it into place: a crash, a power cut or a
    full disk never leaves half a file, and an existing file stays as it was until the new one
    is whole and on the disk. Refuses (LibraryError) to replace anything but a regular file."""
    path = Path(path)
    check_target(path)
    folder = path.parent
    temporary, handle = _create_temporary(folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        check_target(path)  # checked again at the last moment: something may have appeared
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(folder)
    return path


def _create_temporary(folder: Path) -> tuple[Path, int]:
    """A new file of our own in `folder` (created exclusively, never followed through a link),
    with the permissions a new file gets there."""
    # O_BINARY: on Windows a descriptor is otherwise in text mode and doubles every CR.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    while True:
        temporary = folder / f".telereader-{secrets.token_hex(8)}.partial"
        try:
            return temporary, os.open(temporary, flags, 0o666)
        except FileExistsError:
            continue


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable. Where folders cannot be opened (Windows) or flushed
    (some network file systems), there is nothing more to do."""
    if os.name == "nt":
        return
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(handle)
