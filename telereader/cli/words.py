"""words | trend: what the days are about, and how a search came and went."""

from __future__ import annotations

import sys

from telereader.cli.common import (
    EXIT_OK,
    UsageError,
    limit,
    parse_day,
    print_json,
    say,
    watchlist_id,
)
from telereader.cli.registry import CATCHING_UP_LOADS, command
from telereader.core.messages import pick, sentence

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from telereader.core.store import Store


def catch_up_words(store: Store) -> None:
    """Count the days no word statistics hold yet (a library imported from the command line,
    or before this version), saying how far it got on stderr."""
    from telereader.core.wordstats import catch_up, pending_days

    if not pending_days(store):
        return

    def progress(done: int, pending: int) -> None:
        if done == pending or done % 50 == 0:
            print(sentence("words_catching_up", done=done, pending=pending), file=sys.stderr)

    catch_up(store, progress=progress)


@command(
    "words",
    help=("某天（或一段日子）的热词；--rising 看升温的词", "hot words of a day or range; --rising"),
    json=True,
    # the days not counted yet are counted first: cut (jieba, in worker processes) and written
    loads=(*CATCHING_UP_LOADS, "jieba"),
)
def words(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.hotwords import hot_words, rising_words

    catch_up_words(store)
    first = args.day.isoformat()
    last = (args.day_to or args.day).isoformat()
    rank = rising_words if args.rising else hot_words
    scored = rank(store, first, last, limit=args.limit, min_count=args.min_count)
    if args.json:
        print_json([entry.to_json(args.rising) for entry in scored])
        return EXIT_OK
    for entry in scored:
        marker = pick(("  新", "  new")) if entry.new else ""
        say(f"{entry.word}\t{entry.count}\t{entry.score:.1f}{marker}")
    if not scored:
        say(sentence("words_none"))
    return EXIT_OK


@words.arguments
def words_arguments(parser: argparse.ArgumentParser) -> None:
    from telereader.core.hotwords import DEFAULT_LIMIT, MIN_COUNT

    add = parser.add_argument
    add("day", metavar="DAY")
    add("--to", dest="day_to", metavar="DAY", help=pick(("结束日期", "last day")))
    add("--limit", type=limit, default=DEFAULT_LIMIT, metavar="N",
        help=pick(("最多列出多少个词（默认 20）", "how many words at most (default 20)")))
    add("--min-count", type=limit, default=MIN_COUNT, metavar="N",
        help=pick(("至少出现在多少条中（默认 3）", "held by at least N items (default 3)")))
    add("--rising", action="store_true",
        help=pick(("升温的词：这几天远比之前多（对数似然比）",
                   "rising: far more frequent than before (log-likelihood)")))  # fmt: skip


@words.checks
def words_checks(args: argparse.Namespace) -> None:
    args.day = parse_day(args.day)
    args.day_to = parse_day(args.day_to) if args.day_to else None
    if args.day_to is not None and args.day_to < args.day:
        raise UsageError(sentence("words_range_backwards"))


@command(
    "trend",
    help=("搜索或关注列表每天/周/月的条数", "matching items per day, week or month"),
    json=True,
    rest="query",
    searches=True,
)
def trend(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.filters import ItemFilter
    from telereader.core.trend import trend as trend_of

    watched = None if args.watch is None else watchlist_id(store, args.watch)
    result = trend_of(
        store,
        " ".join(args.query),
        first=args.day_from,
        last=args.day_to,
        by=args.by,
        search_filter=ItemFilter(watchlist_id=watched),
    )
    if args.json:
        print_json(result.to_json())
        return EXIT_OK
    for point in result.points:
        say(f"{point.period}\t{point.count}")
    say(sentence("trend_total", total=result.total))
    return EXIT_OK


@trend.arguments
def trend_arguments(parser: argparse.ArgumentParser) -> None:
    from telereader.core.trend import PERIODS

    add = parser.add_argument
    add("query", nargs="*", metavar="QUERY")
    add("--from", dest="day_from", metavar="DAY", help=pick(("起始日期", "first day")))
    add("--to", dest="day_to", metavar="DAY", help=pick(("结束日期", "last day")))
    add("--by", choices=PERIODS, default="day",
        help=pick(("按天、周或月计数（默认按天）", "count per day, week or month (default day)")))
    add("--watch", metavar="LIST",
        help=pick(("只数这个关注列表的命中", "only items this watchlist lights up")))  # fmt: skip


@trend.checks
def trend_checks(args: argparse.Namespace) -> None:
    args.day_from = parse_day(args.day_from) if args.day_from else None
    args.day_to = parse_day(args.day_to) if args.day_to else None
    if not args.query and args.watch is None:
        raise UsageError(sentence("trend_needs_query"))
