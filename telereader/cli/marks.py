"""star, unstar, note: the reader's marks on items."""

from __future__ import annotations

from telereader.cli.common import EXIT_OK
from telereader.cli.registry import command

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from telereader.core.store import Store


def item_ids(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("item_ids", nargs="+", metavar="ID")


@command("star", help=("给条目加星标", "star items"), writes=True, arguments=item_ids)
def star(args: argparse.Namespace, store: Store) -> int:
    store.set_starred(args.item_ids, True)
    return EXIT_OK


@command("unstar", help=("取消条目的星标", "unstar items"), writes=True, arguments=item_ids)
def unstar(args: argparse.Namespace, store: Store) -> int:
    store.set_starred(args.item_ids, False)
    return EXIT_OK


@command(
    "note",
    help=("写条目的笔记（空文本删除笔记）", "write an item's note (empty text removes it)"),
    writes=True,
)
def note(args: argparse.Namespace, store: Store) -> int:
    store.set_note(args.item_id, args.text)
    return EXIT_OK


@note.arguments
def note_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("item_id", metavar="ID")
    parser.add_argument("text", metavar="TEXT")
