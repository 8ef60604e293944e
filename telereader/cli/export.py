"""export: items as Markdown, CSV, JSON or HTML, to a file or standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from telereader.cli.common import (
    EXIT_OK,
    STANDARD_OUTPUT,
    UsageError,
    parse_day,
    refuse_overwrite,
    watchlist_id,
)
from telereader.cli.registry import command
from telereader.core.messages import pick, sentence
from telereader.core.terminal import inert

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from telereader.core.store import Store


@command(
    "export",
    help=("导出条目（Markdown、CSV、JSON、HTML）", "export items (Markdown, CSV, JSON, HTML)"),
    loads=("telereader.core.export", "telereader.core.model"),
)
def export(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.export import export as export_items
    from telereader.core.export import selected
    from telereader.core.files import write_atomically
    from telereader.core.filters import ItemFilter

    chosen = None if args.watch is None else watchlist_id(store, args.watch)
    item_filter = ItemFilter(
        starred_only=args.starred, day_from=args.day_from, day_to=args.day_to, watchlist_id=chosen
    )
    text = export_items(selected(store, item_filter), args.format)
    if args.output is None:
        # A file format, verbatim into a pipe or a file; on a terminal, text from the digests
        # must not drive it (escape sequences can hide text or write the clipboard).
        sys.stdout.write(inert(text.replace("\r\n", "\n")) if sys.stdout.isatty() else text)
        return EXIT_OK
    write_atomically(args.output, text)
    return EXIT_OK


@export.arguments
def export_arguments(parser: argparse.ArgumentParser) -> None:
    from telereader.core.export import FORMATS

    add = parser.add_argument
    add("--starred", action="store_true", help=pick(("只导出星标条目", "starred items only")))
    add("--day", metavar="DAY", help=pick(("只导出这一天", "this day only")))
    add("--from", dest="day_from", metavar="DAY", help=pick(("起始日期", "first day")))
    add("--to", dest="day_to", metavar="DAY", help=pick(("结束日期", "last day")))
    add(
        "--watch",
        metavar="LIST",
        help=pick(("只导出这个关注列表的命中", "this watchlist's hits only")),
    )
    add("--format", required=True, choices=FORMATS, help="md | csv | json | html")
    add(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=pick(
            ("写入文件（默认或 - 为标准输出）", "write to FILE (default, or -: standard output)")
        ),
    )
    add("--force", action="store_true", help=pick(("覆盖已有文件", "overwrite an existing FILE")))


@export.checks
def export_checks(args: argparse.Namespace) -> None:
    if args.day and (args.day_from or args.day_to):
        raise UsageError(sentence("day_with_range"))
    first, last = (args.day, args.day) if args.day else (args.day_from, args.day_to)
    args.day_from = parse_day(first) if first else None
    args.day_to = parse_day(last) if last else None
    if args.output == STANDARD_OUTPUT:
        args.output = None
    refuse_overwrite(args.output, args.force)
