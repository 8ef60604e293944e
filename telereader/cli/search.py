"""search: the whole library, as the window's search bar searches it."""

from __future__ import annotations

from telereader.cli.common import (
    EXIT_OK,
    UsageError,
    describe_row,
    limit,
    parse_day,
    print_json,
    say,
    watchlist_id,
)
from telereader.cli.registry import command
from telereader.core.messages import pick, sentence

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from telereader.core.search import SearchResult
    from telereader.core.store import Store


@command(
    "search",
    help=(
        '在整个资料库中搜索（子串匹配；-词 排除；"短语"）',
        'search the whole library (substrings; -term excludes; "a phrase")',
    ),
    json=True,
    rest="query",
    searches=True,
)
def search(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.filters import ItemFilter
    from telereader.core.note_search import search_with_notes

    if args.saved is not None:
        return run_saved_search(args, store)
    search_filter = ItemFilter(
        day_from=args.day_from,
        day_to=args.day_to,
        important_only=args.important,
        starred_only=args.starred,
        hide_teasers=args.hide_teasers,
        watchlist_id=None if args.watch is None else watchlist_id(store, args.watch),
    )
    text = " ".join(args.query)
    result = search_with_notes(
        store,
        text,
        limit=args.limit,
        search_filter=search_filter,
        best_first=args.best,
        notes_only=args.notes,
    )
    show_result(args, result)
    return EXIT_OK


def show_result(args: argparse.Namespace, result: SearchResult) -> None:
    if args.json:
        print_json(result.to_json())
        return
    for item in result.items:
        say(f"{item.day}  " + describe_row(item))
        if item.id in result.notes:  # found in the reader's note: the note under its row
            say("    ✎ " + " ".join(result.notes[item.id].split()))
    say(sentence("search_total", total=result.total, elapsed_ms=result.elapsed_ms))


def run_saved_search(args: argparse.Namespace, store: Store) -> int:
    """`search --saved NAME`: the saved search as the window runs it (its relative dates end on
    the library's newest day)."""
    from telereader.core.saved_searches import reference_day, run_saved, saved_named

    saved = saved_named(store, args.saved)
    show_result(args, run_saved(store, saved, reference_day(store), limit=args.limit))
    return EXIT_OK


@search.arguments
def search_arguments(parser: argparse.ArgumentParser) -> None:
    from telereader.core.search import DEFAULT_LIMIT

    add = parser.add_argument
    add("query", nargs="*", metavar="QUERY")
    add("--from", dest="day_from", metavar="DAY", help=pick(("起始日期", "first day")))
    add("--to", dest="day_to", metavar="DAY", help=pick(("结束日期", "last day")))
    add(
        "--limit",
        type=limit,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=pick(("最多列出多少条（默认 100）", "how many items at most (default 100)")),
    )
    add("--important", action="store_true", help=pick(("只看加红", "important only")))
    add("--starred", action="store_true", help=pick(("只看星标", "starred only")))
    add("--hide-teasers", action="store_true", help=pick(("隐藏付费栏目预告", "hide teasers")))
    add(
        "--watch",
        metavar="LIST",
        help=pick(("只在这个关注列表的命中中搜索", "only items this watchlist lights up")),
    )
    add(
        "--notes",
        action="store_true",
        help=pick(("只搜笔记", "search the notes only")),
    )
    add(
        "--saved",
        metavar="NAME",
        help=pick((
            "运行一个保存的搜索（它自己的搜索词和条件；相对日期算到今天）",
            "run a saved search (its own query and conditions; relative dates end on the newest day)",
        )),
    )  # fmt: skip
    add(
        "--best",
        action="store_true",
        help=pick(("按相关度排序（默认最新在前）", "best match first (default: newest first)")),
    )


@search.checks
def search_checks(args: argparse.Namespace) -> None:
    args.day_from = parse_day(args.day_from) if args.day_from else None
    args.day_to = parse_day(args.day_to) if args.day_to else None
    if args.saved is not None and args.query:
        raise UsageError(sentence("saved_and_query"))
