"""backup and restore: the reader's own data (stars, notes, read marks, watchlists) as JSON."""

from __future__ import annotations

import sys
from pathlib import Path

from telereader.cli.common import EXIT_OK, STANDARD_OUTPUT, print_json, refuse_overwrite, say
from telereader.cli.registry import command
from telereader.core.messages import pick
from telereader.core.report_text import restore_summary

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from telereader.core.store import Store


@command(
    "backup",
    help=(
        "把星标、笔记、已读和关注列表备份到一个 JSON 文件",
        "back up stars, notes, read marks and watchlists to one JSON file",
    ),
    loads=("telereader.core.backup",),
)
def backup(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.backup import backup_text, write_backup

    if args.output == STANDARD_OUTPUT:
        sys.stdout.write(backup_text(store))
    else:
        write_backup(store, args.output)
    return EXIT_OK


@backup.arguments
def backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    parser.add_argument(
        "--force", action="store_true", help=pick(("覆盖已有文件", "overwrite an existing FILE"))
    )


@backup.checks
def backup_checks(args: argparse.Namespace) -> None:
    if args.output != STANDARD_OUTPUT:
        refuse_overwrite(args.output, args.force)


@command(
    "restore",
    help=(
        "从备份恢复（按条目编号合并，不删除任何东西）",
        "restore a backup (merged by item id; nothing is removed)",
    ),
    writes=True,
    json=True,
)
def restore(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.backup import restore_backup

    report = restore_backup(store, args.backup_file)
    if args.json:
        print_json(report.to_json())
        return EXIT_OK
    say(restore_summary(report))
    return EXIT_OK


@restore.arguments
def restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup_file", type=Path, metavar="FILE")
