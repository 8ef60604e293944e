"""Markets in the text: the movers of a day or a range of days."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from telereader.cli.common import EXIT_OK, parse_day, print_json, say
from telereader.cli.registry import command
from telereader.core.messages import sentence

if TYPE_CHECKING:
    from telereader.core.store import Store


@command(
    "movers",
    help=("列出一天（或一段日期）的异动个股与题材", "list the stocks and themes that moved on a day"),
    json=True,
)
def movers(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.movers import movers as movers_of

    rows = []
    for summary in store.days():
        if not args.day <= summary.day <= args.to:
            continue
        for item in store.iter_items_on(summary.day):
            for mover in movers_of(item.title, item.body):
                rows.append((item, mover))
    if args.json:
        print_json(
            [
                {
                    "day": item.day.isoformat(),
                    "time": item.time.isoformat(timespec="minutes"),
                    "item_id": item.id,
                    "theme": mover.theme,
                    "stock": mover.stock,
                    "move": mover.move,
                }
                for item, mover in rows
            ]
        )
        return EXIT_OK
    if not rows:
        say(sentence("no_movers", day=args.day, to=args.to))
    for item, mover in rows:
        theme = mover.theme or "—"
        say(f"{item.time:%Y-%m-%d %H:%M}  {theme}  {mover.stock}  {mover.move}  [{item.id}]")
    return EXIT_OK


@movers.arguments
def movers_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("day", metavar="DAY", help="2026-01-14")
    parser.add_argument("--to", metavar="DAY", help=sentence("movers_to_help"))


@movers.checks
def movers_checks(args: argparse.Namespace) -> None:
    args.day = parse_day(args.day)
    args.to = parse_day(args.to) if args.to else args.day
