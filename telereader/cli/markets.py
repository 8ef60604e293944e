"""Markets in the text: the movers of a day or a range of days, and the names of companies and
themes the items mention. Both first bring the market rows of their days up to date
(core/markets.py catch_up), so they answer for days imported a moment ago."""

from __future__ import annotations

import datetime as dt
import sys

from telereader.cli.common import EXIT_OK, describe_row, fail, limit, parse_day, print_json, say
from telereader.cli.registry import CATCHING_UP_LOADS, command
from telereader.core.messages import pick, sentence

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from telereader.core.store import Store

SAY_PROGRESS_FROM = 30  # stale days: a catch-up this long says how far it is


@command(
    "movers",
    help=(
        "列出一天（或一段日期）的异动个股与题材",
        "list the stocks and themes that moved on a day",
    ),
    json=True,
    # a first run extracts the days it reads, a long one in worker processes
    loads=CATCHING_UP_LOADS,
)
def movers(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.markets import day_movers

    catch_up_between(store, args.day, args.to)
    rows = day_movers(store.conn, args.day, args.to)
    if args.json:
        print_json([row.to_json() for row in rows])
        return EXIT_OK
    if not rows:
        say(sentence("no_movers", day=args.day, to=args.to))
    for row in rows:
        say(
            f"{row.time:%Y-%m-%d %H:%M}  {row.theme or '—'}  {row.stock}  {row.move}  [{row.item_id}]"
        )
    return EXIT_OK


@movers.arguments
def movers_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("day", metavar="DAY", help="2026-01-14")
    parser.add_argument(
        "--to", metavar="DAY", help=pick(("到这一天为止（含）", "up to this day (included)"))
    )


@movers.checks
def movers_checks(args: argparse.Namespace) -> None:
    args.day = parse_day(args.day)
    args.to = parse_day(args.to) if args.to else args.day


@command(
    "names",
    help=(
        "列出条目提到的公司与题材及其条数",
        "list the companies and themes items mention, with counts",
    ),
    json=True,
    loads=CATCHING_UP_LOADS,
)
def names(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.markets import name_counts

    if args.change is not None:
        return change_name(args, store)
    if args.mine:
        from telereader.core.reader_names import reader_names

        entries = reader_names(store.conn)
        if args.json:
            print_json([entry.to_json() for entry in entries])
            return EXIT_OK
        for entry in entries:
            state = "hidden" if entry.hidden else "alias" if entry.alias_of else "added"
            target = f" → {entry.alias_of}" if entry.alias_of else ""
            say(f"{sentence('name_state_' + state)}  {entry.name}{target}")
        return EXIT_OK
    catch_up_between(store, args.day_from, args.day_to)
    rows = name_counts(store.conn, args.day_from, args.day_to, args.kind)
    if args.json:
        print_json([row.to_json() for row in rows])
        return EXIT_OK
    if not rows:
        say(sentence("no_names"))
    for row in rows:
        say(f"{row.count:>6}  {sentence('name_kind_' + row.kind)}  {row.name}")
    return EXIT_OK


@names.arguments
def names_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="day_from",
        metavar="DAY",
        help=pick(("从这一天起（含）", "from this day (included)")),
    )
    parser.add_argument(
        "--to",
        dest="day_to",
        metavar="DAY",
        help=pick(("到这一天为止（含）", "up to this day (included)")),
    )
    parser.add_argument("--kind", choices=("company", "theme"))
    edits = parser.add_mutually_exclusive_group()
    edits.add_argument(
        "--add",
        metavar="NAME",
        help=pick(("添加识别漏掉的名称", "add a name the text was not read for")),
    )
    edits.add_argument("--hide", metavar="NAME", help=pick(("隐藏错误的名称", "hide a wrong name")))
    edits.add_argument(
        "--alias",
        nargs=2,
        metavar=("ALIAS", "NAME"),
        help=pick(
            ("ALIAS 是 NAME 的别名（合并计数）", "ALIAS is another name of NAME (counted as one)")
        ),
    )
    edits.add_argument(
        "--forget",
        metavar="NAME",
        help=pick(("撤销对名称的添加、隐藏或别名", "undo an add, hide or alias")),
    )
    edits.add_argument(
        "--mine",
        action="store_true",
        help=pick(("列出自己添加、隐藏的名称和别名", "list your own names")),
    )


@names.checks
def names_checks(args: argparse.Namespace) -> None:
    args.day_from = parse_day(args.day_from) if args.day_from else None
    args.day_to = parse_day(args.day_to) if args.day_to else None
    args.change = next(
        (
            (action, value)
            for action, value in (
                ("add", args.add), ("hide", args.hide), ("alias", args.alias), ("forget", args.forget)
            )
            if value
        ),
        None,
    )  # fmt: skip


def change_name(args: argparse.Namespace, store: Store) -> int:
    """The reader's word on a name, kept as their data (a backup follows); the days whose text
    holds it are extracted again at once, so the next listing counts it."""
    from telereader.cli import after_change
    from telereader.core import reader_names

    action, value = args.change
    try:
        if action == "add":
            stale = reader_names.add_name(store, value, args.kind or "company")
        elif action == "hide":
            stale = reader_names.hide_name(store, value)
        elif action == "alias":
            stale = reader_names.alias_name(store, value[0], value[1])
        else:
            stale = reader_names.forget_name(store, value)
    except ValueError:
        return fail(sentence("not_a_name", name=str(value)))
    after_change(store)
    catch_up_between(store, None, None)
    name = value[0] if action == "alias" else value
    if args.json:
        print_json({"action": action, "name": name, "alias_of": value[1] if action == "alias" else None,
                    "days_read_again": stale})  # fmt: skip
    else:
        say(sentence("name_changed_" + action, name=name, days=stale))
    return EXIT_OK


def catch_up_between(store: Store, day_from: dt.date | None, day_to: dt.date | None) -> None:
    """Extract the stale days of the range, saying how far it is when that takes a while."""
    from telereader.core.markets import catch_up, stale_days

    stale = [
        day
        for day in stale_days(store.conn)
        if (day_from is None or day >= day_from) and (day_to is None or day <= day_to)
    ]
    if not stale:
        return

    def progress(done: int, total: int) -> None:
        if total >= SAY_PROGRESS_FROM and (done % 100 == 0 or done == total):
            print(sentence("markets_progress", done=done, total=total), file=sys.stderr)

    catch_up(store, stale, progress=progress)


@command(
    "related",
    help=(
        "列出与一个条目相关的条目（共同的公司、题材或措辞）",
        "list the items related to an item",
    ),
    json=True,
    loads=CATCHING_UP_LOADS,
)
def related(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.markets import catch_up
    from telereader.core.related import related as related_to

    item = store.item(args.item_id)
    if item is None:
        return fail(sentence("unknown_item", id=args.item_id))
    catch_up(store)  # names shared with any day count
    found = related_to(store.conn, item.id, args.limit)
    items = {row.item_id: store.item(row.item_id) for row in found}
    items = {item_id: other for item_id, other in items.items() if other is not None}
    if args.json:
        print_json(
            [
                {**items[row.item_id].to_json(), "why": list(row.why), "score": row.score}
                for row in found
                if row.item_id in items
            ]
        )
        return EXIT_OK
    if not found:
        say(sentence("no_related"))
    for row in found:
        if row.item_id in items:
            why = "、".join(sentence("why_wording") if w == "wording" else w for w in row.why)
            say(f"{describe_row(items[row.item_id])}  ({why})")
    return EXIT_OK


@related.arguments
def related_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("item_id", metavar="ID")
    parser.add_argument("--limit", type=limit, default=20, metavar="N")
