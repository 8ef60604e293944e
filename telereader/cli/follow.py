"""`telereader follow DIR...`: import what the folders hold, then keep importing what lands there."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from telereader.cli.common import EXIT_FAILED, EXIT_OK, UsageError, say
from telereader.cli.library import describe_file
from telereader.cli.registry import IMPORTING_LOADS, command
from telereader.core.messages import pick, sentence

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from telereader.core.model import ImportReport
    from telereader.core.store import Store

WAIT_SLICE_S = 0.5  # a stop is noticed within this while waiting for the next look


def follow_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folders", nargs="+", type=Path, metavar="DIR")
    parser.add_argument(
        "--every",
        type=float,
        default=None,
        metavar="SECONDS",
        help=pick(
            ("多久查看一次文件夹（默认 2 秒）", "how often the folders are looked at (default 2 s)")
        ),
    )
    parser.add_argument(
        "--once",
        action="store_true",
        help=pick(("导入现有文件后即退出", "import what is there, then exit")),
    )


@command(
    "follow",
    help=(
        "跟踪文件夹：自动导入新的和变化的电报文件",
        "follow folders: import new and changed digests",
    ),
    arguments=follow_arguments,
    loads=IMPORTING_LOADS,
)
def follow(args: argparse.Namespace, store: Store) -> int:
    """Until SIGTERM or Ctrl+C: each stop cancels the import under way (its file rolled back,
    every file before it complete) and exits 0."""
    from telereader.core.follow import RESCAN_S, Follower
    from telereader.core.importer import import_paths

    every = RESCAN_S if args.every is None else args.every
    follower = Follower(args.folders)
    if not args.once:
        say(sentence("follow_started", folders=", ".join(map(str, args.folders)), seconds=every))
        sys.stdout.flush()
    rejected = False
    with stop_signals() as stopped:
        while not stopped():
            ready = follower.look()
            if ready:
                report = import_paths(store, ready, cancelled=stopped)
                rejected |= bool(report.rejected)
                print_imports(report)
            if args.once:
                break
            wait_for(follower.next_look_in(every), stopped)
    if not args.once:
        say(sentence("follow_stopped"))
    return EXIT_FAILED if args.once and rejected else EXIT_OK


@follow.checks
def follow_checks(args: argparse.Namespace) -> None:
    if args.every is not None and not 0.1 <= args.every <= 3600:
        raise UsageError(f"--every {args.every}: 0.1 … 3600")


def print_imports(report: ImportReport) -> None:
    """A line per file that brought something or was refused; files the library already held
    say nothing (a folder looked at again after it came back, a file touched)."""
    from telereader.core.model import FileStatus

    for file_report in report.files:
        if file_report.status is not FileStatus.UNCHANGED:
            say(describe_file(file_report))
    if report.cancelled:
        say(sentence("import_cancelled"))
    sys.stdout.flush()  # a line per import as it happens, also into a pipe or a log


def wait_for(seconds: float, stopped: Callable[[], bool]) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not stopped() and (left := deadline - time.monotonic()) > 0:
        time.sleep(min(left, WAIT_SLICE_S))


@contextlib.contextmanager
def stop_signals() -> Iterator[Callable[[], bool]]:
    """SIGTERM and Ctrl+C ask to stop: the import under way is cancelled at its next check
    (the file being written rolled back) and the loop ends; a second Ctrl+C interrupts at once."""
    import signal
    import threading

    asked = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        if asked.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        asked.set()

    if threading.current_thread() is not threading.main_thread():
        yield asked.is_set
        return
    previous = {
        number: signal.signal(number, on_signal) for number in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield asked.is_set
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
