"""SQLite's memory statistics, turned off for the process when it is safe, so that statements on
several connections run side by side on several cores (count_split.py).

SQLite counts every allocation under one process-wide mutex unless built with
SQLITE_DEFAULT_MEMSTATUS=0 (its recommended option; Debian's build, which Python links here,
keeps it on and also leaves lookaside out, so FTS5 allocates for nearly every page it reads).
Two threads counting index matches then spend their time taking turns on that mutex: each of
two halves of a count took ~40 ms side by side against ~16 ms alone, where two processes took
16 ms each (docs/benchmarks.md, count15). The statistics serve only `sqlite3_memory_used` and a
soft heap limit, which nothing here uses.

The switch (`sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0)`) is only allowed while SQLite is shut
down, and shutting it down under an open connection would break that connection. So it is made
once per process, before any library is opened (the window's `run_app`, the CLI's `search`, the
search bench), on the very library Python's sqlite3 uses, and only when that library holds no
memory at all: no connection open.
Otherwise nothing changes and `memory_statistics_off()` says False (and counts are not split).
"""

from __future__ import annotations

import ctypes
import sqlite3

_SQLITE_CONFIG_MEMSTATUS = 9
_SQLITE_OK = 0
_state: bool | None = None


def memory_statistics_off() -> bool:
    """Whether SQLite keeps no memory statistics in this process, turning them off the first
    time this is asked if no connection is open then."""
    global _state
    if _state is None:
        try:
            _state = _turn_off()
        except (OSError, AttributeError):  # no such library or symbol: leave SQLite as it is
            _state = False
    return _state


def _library() -> ctypes.CDLL:
    """The SQLite library of Python's own sqlite3 module: looked up through the module itself,
    whose dependencies hold it (a copy found elsewhere would be configured in vain)."""
    import _sqlite3

    return ctypes.CDLL(_sqlite3.__file__)


def _turn_off() -> bool:
    library = _library()
    library.sqlite3_memory_used.restype = ctypes.c_int64
    probe = sqlite3.connect(":memory:")
    probe.execute("SELECT 1").fetchone()
    counted = library.sqlite3_memory_used()  # > 0: this library, counting
    probe.close()
    if counted <= 0 or library.sqlite3_memory_used() != 0:
        return False  # another copy of SQLite, or connections open: leave it alone
    if library.sqlite3_shutdown() != _SQLITE_OK:
        return False
    configured = library.sqlite3_config(_SQLITE_CONFIG_MEMSTATUS, ctypes.c_int(0))
    if library.sqlite3_initialize() != _SQLITE_OK or configured != _SQLITE_OK:
        return False
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("SELECT 1").fetchone()
        return library.sqlite3_memory_used() == 0
    finally:
        probe.close()
