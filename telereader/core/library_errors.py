"""What went wrong with the library file, in the reader's words: SQLite's result codes and the
system's error numbers decide it, never the wording of a message."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from telereader.core.kinds import Problem
from telereader.core.messages import render


class LibraryError(Exception):
    """The library cannot be used as asked; `problem` says why in words a user understands."""

    def __init__(self, problem: Problem):
        super().__init__(render(problem, "en"))
        self.problem = problem


# SQLite's primary result codes (the low byte of `sqlite_errorcode`, which may be extended)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_INTERRUPT = 3, 5, 6, 8, 9
SQLITE_IOERR = 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
LOW_SPACE_BYTES = 1 << 20  # with less free than this, an I/O error is taken for a full disk


def sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code of an error (Python 3.11+), or None."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(error: BaseException) -> bool:
    """SQLite's verdict on a file whose pages are not what they should be (by result code)."""
    return isinstance(error, sqlite3.DatabaseError) and sqlite_code(error) in (
        SQLITE_CORRUPT,
        SQLITE_NOTADB,
    )


def library_error(path: Path, error: BaseException) -> LibraryError:
    """The reader's sentence for an error of the library file: damaged, a full disk, a
    read-only place, another program holding it, or otherwise unavailable. Decided by SQLite's
    result code, or the system's error number for an error from the file system; never by the
    wording of a message, which changes between versions and languages."""
    code = sqlite_code(error)
    number = _errno(error)
    if is_damage(error):
        problem = "library_damaged"
    elif code == SQLITE_FULL or number == errno.ENOSPC:
        problem = "disk_full"
    elif code in (SQLITE_BUSY, SQLITE_LOCKED):
        problem = "library_busy"
    elif (
        code == SQLITE_READONLY
        or number in (errno.EROFS, errno.EACCES, errno.EPERM)
        or (code in (SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_IOERR) and _read_only_place(path))
    ):
        problem = "library_read_only"
    elif code == SQLITE_IOERR and _free_bytes(path) < LOW_SPACE_BYTES:
        problem = "disk_full"  # SQLite could not grow its shared-memory file: no space left
    else:
        problem = "library_unavailable"
    return LibraryError(Problem(problem, params={"path": str(path), "error": reason_of(error)}))


def _errno(error: BaseException) -> int | None:
    return error.errno if isinstance(error, OSError) else None


def _read_only_place(path: Path) -> bool:
    """The library's folder cannot be written here (a read-only mount, no permission)."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    return folder.exists() and not os.access(folder, os.W_OK)


def _free_bytes(path: Path) -> int:
    import shutil  # only when something went wrong: a read imports this module, not shutil

    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return LOW_SPACE_BYTES


def reason_of(error: BaseException) -> str:
    """What the system or SQLite said, for the end of the reader's sentence."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def not_a_folder(directory: Path) -> Problem:
    """The data dir is not a folder: a file, a link that loops, a link to nowhere."""
    if directory.is_symlink() or any(parent.is_symlink() for parent in directory.parents):
        code = "data_dir_link_broken"
    else:
        code = "data_dir_not_folder"
        for place in (directory, *directory.parents):
            if place.exists() and not place.is_dir():
                directory = place
                break
    return Problem(code, params={"path": str(directory)})
