"""Reading the library in: import, and reading it out: days, items, show."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from telereader.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    describe_row,
    fail,
    level_name,
    parse_day,
    print_json,
    say,
)
from telereader.cli.json_rows import days_json, print_items_json
from telereader.cli.registry import IMPORTING_LOADS, command
from telereader.core.messages import render, sentence
from telereader.core.report_text import import_report_json

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from telereader.core.model import FileReport, ImportReport
    from telereader.core.store import Store


def import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")


# The import adds what the files hold, which importing them again restores; the automatic
# backup keeps the reader's own data (stars, notes, read marks, watchlists), so writes=False.
@command(
    "import",
    help=("导入电报文件或文件夹", "import digest files or folders"),
    json=True,
    arguments=import_arguments,
    loads=IMPORTING_LOADS,
)
def import_files(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.importer import import_paths

    with interrupt_cancels() as cancelled:
        report = import_paths(store, args.paths, cancelled=cancelled)
    freed = 0
    if not report.cancelled:  # nobody waits on the library here: compact it after a big import
        from telereader.core import compact

        if report.added >= compact.BIG_IMPORT:
            freed = compact.compact_if_worth_it(store.conn)
    if args.json:
        print_json(import_report_json(report))
    else:
        for file_report in report.files:
            say(describe_file(file_report))
        say(describe_total(report))
        if report.cancelled:
            say(sentence("import_cancelled"))
        if freed:
            say(sentence("library_compacted", mb=f"{freed / 1e6:.1f}"))
    if report.cancelled:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if report.rejected else EXIT_OK


@contextlib.contextmanager
def interrupt_cancels() -> Iterator[Callable[[], bool]]:
    """Ctrl-C during an import cancels it, even inside a huge file: the file being imported
    is rolled back and the report of the files before it is printed. A second Ctrl-C
    interrupts at once."""
    import signal
    import threading

    pressed = threading.Event()

    def on_interrupt(signum: int, frame: object) -> None:
        if pressed.is_set():
            raise KeyboardInterrupt
        pressed.set()

    if threading.current_thread() is not threading.main_thread():
        yield pressed.is_set
        return
    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield pressed.is_set
    finally:
        signal.signal(signal.SIGINT, previous)


def describe_file(report: FileReport) -> str:
    from telereader.core.model import FileStatus

    if report.status is FileStatus.REJECTED:
        assert report.reason is not None
        return sentence("file_rejected", path=report.path, reason=render(report.reason))
    head = f"{report.path} [{report.day} {level_name(report.level)}]"
    counts = {
        "head": head,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "folded": report.folded,
    }
    if report.status is FileStatus.UNCHANGED:
        line = sentence("file_unchanged", **counts)
    else:
        line = sentence("file_imported", **counts)
    return "\n".join([line, *(f"    {render(w)}" for w in report.warnings)])


def describe_total(report: ImportReport) -> str:
    return sentence(
        "import_total",
        files=len(report.files),
        added=report.added,
        updated=report.updated,
        rejected=len(report.rejected),
    )


@command("days", help=("列出有电报的日期", "list the digest days in the library"), json=True)
def days(args: argparse.Namespace, store: Store) -> int:
    listed = store.days()
    if args.json:
        print(days_json(listed))
        return EXIT_OK
    if not listed:
        say(sentence("library_empty"))
    for day in listed:
        say(
            sentence(
                "day_row",
                day=day.day,
                items=day.items,
                important=day.important,
                starred=day.starred,
                unread=day.unread,
            )
        )
    return EXIT_OK


@command("items", help=("列出一天的条目（按时间）", "list a day's items in time order"), json=True)
def items(args: argparse.Namespace, store: Store) -> int:
    listed = store.iter_items_on(args.day)  # printed as read: a day of any size, flat memory
    if args.json:
        print_items_json(listed)
        return EXIT_OK
    empty = True
    for item in listed:
        say(describe_row(item))
        empty = False
    if empty:
        say(sentence("no_items_on", day=args.day))
    return EXIT_OK


@items.arguments
def items_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("day", metavar="DAY", help="2026-01-14")


@items.checks
def items_checks(args: argparse.Namespace) -> None:
    args.day = parse_day(args.day)


@command("show", help=("显示一个条目的全文", "show one item in full"), json=True)
def show(args: argparse.Namespace, store: Store) -> int:
    item = store.item(args.item_id)
    if item is None:
        return fail(sentence("unknown_item", id=args.item_id))
    if args.json:
        print_json(item.to_json())
        return EXIT_OK
    lines = [
        f"{item.time:%Y-%m-%d %H:%M}  {level_name(item.level)}"
        + (f"  [{item.column}]" if item.column else "")
        + ("  ★" if item.starred else ""),
    ]
    if item.title:
        lines.append(f"【{item.title}】")
    lines.append(item.body)
    if item.source:
        lines.append(sentence("item_source", source=item.source))
    if item.note:
        lines.append(sentence("item_note", note=item.note))
    lines.append(f"id: {item.id}  ({sentence('item_digest_day')} {item.day})")
    say("\n".join(lines))
    return EXIT_OK


@show.arguments
def show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("item_id", metavar="ID")
