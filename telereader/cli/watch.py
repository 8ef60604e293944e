"""watch add | remove | list | hits: watchlists, keywords that light up items."""

from __future__ import annotations

from collections.abc import Callable

from telereader.cli.common import EXIT_OK, describe_row, limit, print_json, say
from telereader.cli.registry import command, group
from telereader.core.messages import pick, sentence

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from telereader.core.keywords import Watchlist
    from telereader.core.store import Store

group(
    "watch",
    help=("关注列表：关键词命中提醒", "watchlists: keywords that light up items"),
    description=(
        "关键词一行一个：宁德时代|CATL 为同义词，黄金 -黄金周 排除，=AI 只匹配完整单词，"
        "/宁德(时代|汽车)/ 为正则表达式",
        "one keyword per argument: 宁德时代|CATL are synonyms, 黄金 -黄金周 excludes, "
        "=AI matches the whole word only, /宁德(时代|汽车)/ is a regular expression",
    ),
)


def list_and_keywords(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("list_name", metavar="LIST")
    parser.add_argument("keywords", nargs="+", metavar="KEYWORD")


@command(
    "watch add",
    help=("添加关键词（没有该列表时新建）", "add keywords (creating the list)"),
    writes=True,
    arguments=list_and_keywords,
)
def add(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.watchlists import add_keywords

    return change_keywords(args, store, add_keywords)


@command(
    "watch remove",
    help=("删除关键词", "remove keywords"),
    writes=True,
    arguments=list_and_keywords,
)
def remove(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.watchlists import remove_keywords

    return change_keywords(args, store, remove_keywords)


def change_keywords(
    args: argparse.Namespace, store: Store, change: Callable[[Store, str, list[str]], Watchlist]
) -> int:
    from telereader.cli.common import UsageError
    from telereader.core.library_errors import LibraryError
    from telereader.core.messages import render
    from telereader.core.watchlists import checked_lines, hit_counts

    try:
        checked_lines(args.keywords)  # a pattern `re` refuses is a usage error: exit 2
    except LibraryError as refused:
        raise UsageError(render(refused.problem)) from None
    watchlist = change(store, args.list_name, args.keywords)
    total = hit_counts(store).get(watchlist.id, 0)
    say(
        sentence("watch_summary", name=watchlist.name, keywords=len(watchlist.keywords), hits=total)
    )
    return EXIT_OK


@command("watch list", help=("列出关注列表", "list the watchlists"), json=True)
def list_watchlists(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.watchlists import hit_counts, match_pending, watchlists

    match_pending(store)  # anything an interrupted import left to match
    counts = hit_counts(store)
    lists = [(w, counts.get(w.id, 0)) for w in watchlists(store)]
    if args.json:
        print_json([w.to_json() | {"hits": total} for w, total in lists])
        return EXIT_OK
    if not lists:
        say(sentence("no_watchlists"))
    for watchlist, total in lists:
        keywords = "、".join(k.line for k in watchlist.keywords) or sentence("watch_no_keywords")
        say(sentence("watch_row", name=watchlist.name, hits=total, keywords=keywords))
        if watchlist.options != type(watchlist.options)():
            say("  " + describe_options(watchlist))
    return EXIT_OK


_SWITCHES = {"on": True, "off": False}
_OPTION_NAMES = {
    "titles_only": ("只匹配标题", "titles only"),
    "important_only": ("只匹配加红", "加红 items only"),
    "alert": ("新命中时提醒", "alert on new hits"),
}


def describe_options(watchlist: Watchlist) -> str:
    options = watchlist.options.to_json()
    return "；".join(
        f"{pick(label)}：{pick(('开', 'on')) if options[key] else pick(('关', 'off'))}"
        for key, label in _OPTION_NAMES.items()
    )


def options_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("list_name", metavar="LIST")
    for key, label in _OPTION_NAMES.items():
        parser.add_argument(
            "--" + key.replace("_", "-"), dest=key, choices=_SWITCHES, help=pick(label)
        )


@command(
    "watch options",
    help=("列表的选项：只匹配标题、只匹配加红、新命中时提醒", "a list's options"),
    writes=True,
    arguments=options_arguments,
)
def set_list_options(args: argparse.Namespace, store: Store) -> int:
    from dataclasses import replace

    from telereader.core.watchlists import existing_watchlist, set_options

    watchlist = existing_watchlist(store, args.list_name)
    changes = {key: _SWITCHES[getattr(args, key)] for key in _OPTION_NAMES if getattr(args, key)}
    if changes:
        watchlist = set_options(store, watchlist.id, replace(watchlist.options, **changes))
    say(f"{watchlist.name}：" + describe_options(watchlist))
    return EXIT_OK


@command(
    "watch hits",
    help=("列出命中的条目（最新在前）", "items the watchlists light up, newest first"),
    json=True,
)
def list_hits(args: argparse.Namespace, store: Store) -> int:
    from telereader.core.watchlists import hits, match_pending

    match_pending(store)
    items, total = hits(store, args.list_name, limit=max(0, args.limit))
    if args.json:
        print_json([item.to_json() for item in items])
        return EXIT_OK
    for item in items:
        say(f"{item.day}  " + describe_row(item) + f"  [{'、'.join(item.watch)}]")
    say(sentence("hits_total", total=total))
    return EXIT_OK


@list_hits.arguments
def hits_arguments(parser: argparse.ArgumentParser) -> None:
    from telereader.core.search import DEFAULT_LIMIT

    parser.add_argument(
        "--list", dest="list_name", metavar="LIST", help=pick(("只看这个列表", "this list only"))
    )
    parser.add_argument("--limit", type=limit, default=DEFAULT_LIMIT, metavar="N")
