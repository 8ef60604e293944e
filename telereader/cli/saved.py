"""saved: the saved searches, with their unread and total results as the window counts them."""

from __future__ import annotations

from telereader.cli.common import EXIT_OK, print_json, say
from telereader.cli.registry import command
from telereader.core.messages import sentence

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from telereader.core.store import Store


@command(
    "saved",
    help=(
        "列出保存的搜索及其未读数（用 search --saved 名字 运行）",
        "list the saved searches with their unread counts (run one with search --saved NAME)",
    ),
    json=True,
    searches=True,
)
def list_saved(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.saved_searches import (
        reference_day,
        run_saved,
        saved_searches,
        unread_counts,
    )

    today = reference_day(store)  # as the window counts them
    unread = unread_counts(store, today)
    rows = [
        (saved, unread[saved.id], run_saved(store, saved, today, limit=0).total)
        for saved in saved_searches(store)
    ]
    if args.json:
        print_json([saved.to_json() | {"unread": n, "total": total} for saved, n, total in rows])
        return EXIT_OK
    if not rows:
        say(sentence("no_saved_searches"))
    for saved, n, total in rows:
        say(sentence("saved_row", name=saved.name, unread=n, total=total, query=saved.query))
    return EXIT_OK
