"""The command line: the same core as the window, with JSON output for scripts.

main() sets up the streams, sends "Open with" files to the window, picks the command from the
registry (telereader/cli/registry.py), opens the library for it, keeps the automatic backup after
the commands that write, and turns errors into exit statuses. The commands themselves are one
function each in library, search, export, backup, watch, marks and desktop.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from telereader.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    data_dir,
    fail,
    warn,
)
from telereader.cli.quick_args import quick_reading
from telereader.cli.registry import Command, top_level_names
from telereader.core.messages import sentence

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from telereader.core.store import Store

__all__ = ["build_parser", "main"]


def __getattr__(name: str) -> object:
    """build_parser, imported when asked for: a plain command line never builds it."""
    if name == "build_parser":
        from telereader.cli.parser import build_parser

        return build_parser
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # In the one-folder app, the import's parsing processes start as this very program;
        # this lets them run their work and exit instead of starting a second window or command.
        import multiprocessing

        multiprocessing.freeze_support()
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    files = files_to_open(arguments)
    if files is not None:
        # `telereader FILE...`, as a file manager's "Open with" runs it: the window imports them
        from telereader.cli.parser import build_parser

        return open_window(build_parser(named=arguments).parse_args(files[0]), files[1])
    args = quick_reading(arguments) or parsed(arguments)
    chosen: Command | None = args.chosen
    if chosen is None:
        return open_window(args)
    # A read frees what it makes by reference counts as it goes: the cycle collector found
    # nothing in one and cost `days` 3 ms of its 3,650 days (issue 19). Off while it runs.
    pause_collector = gc.isenabled() and not chosen.writes and not chosen.may_load()
    if pause_collector:
        gc.disable()
    try:
        code = dispatch(chosen, args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit where it cannot be handled
        return code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as error:
        status = exit_status(error, args)
        if status is None:
            raise
        return status
    finally:
        if pause_collector:
            gc.enable()


def parsed(arguments: list[str]) -> argparse.Namespace:
    """The command line as argparse reads it: help, errors, and what quick_reading leaves."""
    from telereader.cli.parser import build_parser

    parser = build_parser(named=arguments)
    args, extra = parser.parse_known_args(arguments)
    if extra:
        if args.chosen is None or args.chosen.rest is None:
            parser.error(sentence("unrecognized_arguments", arguments=" ".join(extra)))
        getattr(args, args.chosen.rest).extend(extra)
    return args


def dispatch(chosen: Command, args: argparse.Namespace) -> int:
    """Check the arguments, open the library once, run the command and, when it wrote the
    reader's data, keep the automatic backup."""
    if chosen.check is not None:
        chosen.check(args)
    if not chosen.store:
        return chosen.run(args, None)
    from telereader.core.migrations import reporting_progress
    from telereader.core.store import Store

    if chosen.searches:  # before the library is opened (sqlite_memory.py); ~3 ms, so only then
        from telereader.core.sqlite_memory import memory_statistics_off

        memory_statistics_off()
    with reporting_progress(migration_printer()), Store.open(data_dir(args)) as store:
        code = chosen.run(args, store)
        if chosen.writes:
            after_change(store)
    return code


# Libraries from this many items take a while to migrate (a ten-year rebuild is minutes).
MIGRATION_PROGRESS_FROM = 20_000


def migration_printer():
    """A long migration's progress on stderr, a line per tenth, for libraries big enough."""
    printed: list[int] = []

    def report(done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if total >= MIGRATION_PROGRESS_FROM and tenth not in printed:
            printed.append(tenth)
            warn(sentence("search_index_rebuild", done=f"{done:,}", total=f"{total:,}"))

    return report


def after_change(store: Store) -> None:
    """The reader's data changed (and is committed): keep a rolling automatic backup (at most
    every few minutes). A backup that cannot be written (a full disk) is a warning, not a
    failure: the change itself is saved."""
    from telereader.core.messages import describe
    from telereader.core.userdata import keep_backup

    problem = keep_backup(store)
    if problem is not None:
        warn(sentence("auto_backup_failed", error=describe(problem)))


def exit_status(error: Exception, args: argparse.Namespace) -> int | None:
    """The exit status of a command that raised `error`, after telling the reader why; None
    for an error that is a bug, whose traceback is the report."""
    import sqlite3

    from telereader.core.library_errors import LibraryError, library_error
    from telereader.core.messages import render
    from telereader.core.store import LIBRARY_FILE, default_data_dir

    if isinstance(error, BrokenPipeError):
        # `telereader items … | head`: the reader stopped reading, which is not an error; as
        # Python's documentation advises, the rest of the output goes to devnull so that the
        # flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    if isinstance(error, LibraryError):
        return fail(render(error.problem))
    if isinstance(error, UsageError):
        return fail(str(error), EXIT_USAGE)
    if isinstance(error, sqlite3.Error):
        library = (data_dir(args) or default_data_dir()) / LIBRARY_FILE
        known = library_error(library, error)
        if known.problem.code != "library_unavailable":  # damaged, disk full, read-only
            return fail(render(known.problem))
        return fail(sentence("operation_failed", error=error))
    if isinstance(error, OSError):
        return fail(sentence("operation_failed", error=error))
    return None


def files_to_open(arguments: list[str]) -> tuple[list[str], list[Path]] | None:
    """(the options, the files) when the command line names files rather than a command."""
    commands = top_level_names()
    options: list[str] = []
    files: list[Path] = []
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        if argument == "--data-dir" and position + 1 < len(arguments):
            options += arguments[position : position + 2]
            position += 2
            continue
        if argument.startswith("--data-dir="):
            options.append(argument)
        elif argument in commands or argument.startswith("-"):
            return None
        else:
            files.append(Path(argument))
        position += 1
    return (options, files) if files else None


def open_window(args: argparse.Namespace, files: list[Path] | None = None) -> int:
    if os.environ.get("TELEREADER_NO_WINDOW"):
        return fail(sentence("window_disabled"))
    try:
        from telereader.app.main import run_app
    except ImportError as error:
        return fail(sentence("window_unavailable", error=error))
    return run_app(data_dir(args), files)
