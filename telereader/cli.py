"""The command line: the same core as the window, with JSON output for scripts."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import multiprocessing
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from telereader import __version__, desktop
from telereader.core.backup import auto_backup, backup_text, restore_backup, write_backup
from telereader.core.export import FORMATS, Selection, export
from telereader.core.files import write_atomically
from telereader.core.importer import import_paths
from telereader.core.messages import current_language, render
from telereader.core.model import FileReport, FileStatus, ImportReport, Level, Problem
from telereader.core.search import DEFAULT_LIMIT, SearchFilter, search
from telereader.core.store import (
    LIBRARY_FILE,
    LibraryError,
    Store,
    StoredItem,
    default_data_dir,
    library_error,
)
from telereader.core.terminal import inert, inert_json
from telereader.core.watching import (
    add_keywords,
    hit_counts,
    hits,
    match_pending,
    remove_keywords,
    watchlist_named,
    watchlists,
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl-C
MAX_LIMIT = 1_000_000_000  # --limit: far beyond any library, well inside SQLite's integers
STANDARD_OUTPUT = Path("-")  # `-o -`


class UsageError(Exception):
    """A command line argument that cannot be understood; the message says which."""


def t(chinese: str, english: str) -> str:
    return english if current_language() == "en" else chinese


def main(argv: Sequence[str] | None = None) -> int:
    # In the one-folder app, the import's parsing processes start as this very program; this
    # lets them run their work and exit instead of starting a second window or command.
    multiprocessing.freeze_support()
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    files = files_to_open(arguments, parser)
    if files is not None:
        # `telereader FILE...`, as a file manager's "Open with" runs it: the window imports them
        return open_window(parser.parse_args(files[0]), files[1])
    args, extra = parser.parse_known_args(arguments)
    if extra:
        if args.command != "search":
            parser.error(t("无法识别的参数：", "unrecognized arguments: ") + " ".join(extra))
        args.query.extend(extra)  # `search 黄金 -黄金周`: an exclusion, not an option
    if args.command is None:
        return open_window(args)
    try:
        code = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit where it cannot be handled
        return code
    except BrokenPipeError:
        # `telereader items … | head`: the reader stopped reading, which is not an error; as
        # Python's documentation advises, the rest of the output goes to devnull so that the
        # flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except LibraryError as error:
        return fail(error.problem.message())
    except UsageError as error:
        return fail(str(error), EXIT_USAGE)
    except sqlite3.Error as error:
        library = (data_dir(args) or default_data_dir()) / LIBRARY_FILE
        known = library_error(library, error)
        if known.problem.code != "library_unavailable":  # damaged, disk full, read-only
            return fail(known.problem.message())
        return fail(t(f"操作失败：{error}", f"the operation failed: {error}"))
    except OSError as error:
        return fail(t(f"操作失败：{error}", f"the operation failed: {error}"))
    except KeyboardInterrupt:
        return 130


def fail(sentence: str, code: int = EXIT_FAILED) -> int:
    print(inert(f"telereader: {sentence}"), file=sys.stderr)
    return code


def warn(sentence: str) -> None:
    print(inert(f"telereader: {sentence}"), file=sys.stderr)


def say(text: str) -> None:
    """Print text for a reader: what came from files or the command line cannot drive the
    terminal (core/terminal.py)."""
    print(inert(text))


def limit(text: str) -> int:
    """--limit N: a whole number from 0 to MAX_LIMIT, or argparse's one-line refusal."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(
            t(
                f"应为 0 到 {MAX_LIMIT} 之间的整数，而不是 {text}",
                f"expected a whole number from 0 to {MAX_LIMIT}, not {text}",
            )
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help=t(
            "资料库所在文件夹（默认按系统惯例，或环境变量 TELEREADER_DATA_DIR）",
            "the folder of the library (default: the system's data folder, or TELEREADER_DATA_DIR)",
        ),
    )
    parser = argparse.ArgumentParser(
        prog="telereader",
        parents=[common],
        description=t(
            "财联社电报阅读器。不带命令时打开窗口。",
            "A reader for the Cailian Press telegraph digests. Without a command it opens the window.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"telereader {__version__}")
    parser.set_defaults(command=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], int], zh: str, en: str):
        sub = commands.add_parser(name, parents=[common], help=t(zh, en), description=t(zh, en))
        sub.set_defaults(run=run)
        return sub

    sub = command("import", run_import, "导入电报文件或文件夹", "import digest files or folders")
    sub.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add_json(sub)
    sub = command("days", run_days, "列出有电报的日期", "list the digest days in the library")
    add_json(sub)
    sub = command(
        "items", run_items, "列出一天的条目（按时间）", "list a day's items in time order"
    )
    sub.add_argument("day", metavar="DAY", help="2026-01-14")
    add_json(sub)
    sub = command("show", run_show, "显示一个条目的全文", "show one item in full")
    sub.add_argument("item_id", metavar="ID")
    add_json(sub)
    sub = command(
        "search",
        run_search,
        '在整个资料库中搜索（子串匹配；-词 排除；"短语"）',
        'search the whole library (substrings; -term excludes; "a phrase")',
    )
    sub.add_argument("query", nargs="*", metavar="QUERY")
    sub.add_argument("--from", dest="day_from", metavar="DAY", help=t("起始日期", "first day"))
    sub.add_argument("--to", dest="day_to", metavar="DAY", help=t("结束日期", "last day"))
    sub.add_argument(
        "--limit",
        type=limit,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=t("最多列出多少条（默认 100）", "how many items at most (default 100)"),
    )
    sub.add_argument("--important", action="store_true", help=t("只看加红", "important only"))
    sub.add_argument("--starred", action="store_true", help=t("只看星标", "starred only"))
    sub.add_argument(
        "--hide-teasers", action="store_true", help=t("隐藏付费栏目预告", "hide teasers")
    )
    sub.add_argument(
        "--watch",
        metavar="LIST",
        help=t("只在这个关注列表的命中中搜索", "only items this watchlist lights up"),
    )
    sub.add_argument(
        "--best",
        action="store_true",
        help=t("按相关度排序（默认最新在前）", "best match first (default: newest first)"),
    )
    add_json(sub)
    sub = command(
        "export",
        run_export,
        "导出条目（Markdown、CSV、JSON、HTML）",
        "export items (Markdown, CSV, JSON, HTML)",
    )
    sub.add_argument(
        "--starred", action="store_true", help=t("只导出星标条目", "starred items only")
    )
    sub.add_argument("--day", metavar="DAY", help=t("只导出这一天", "this day only"))
    sub.add_argument("--from", dest="day_from", metavar="DAY", help=t("起始日期", "first day"))
    sub.add_argument("--to", dest="day_to", metavar="DAY", help=t("结束日期", "last day"))
    sub.add_argument(
        "--watch", metavar="LIST", help=t("只导出这个关注列表的命中", "this watchlist's hits only")
    )
    sub.add_argument("--format", required=True, choices=FORMATS, help="md | csv | json | html")
    sub.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=t("写入文件（默认或 - 为标准输出）", "write to FILE (default, or -: standard output)"),
    )
    sub.add_argument(
        "--force", action="store_true", help=t("覆盖已有文件", "overwrite an existing FILE")
    )
    sub = command(
        "backup",
        run_backup,
        "把星标、笔记、已读和关注列表备份到一个 JSON 文件",
        "back up stars, notes, read marks and watchlists to one JSON file",
    )
    sub.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    sub.add_argument(
        "--force", action="store_true", help=t("覆盖已有文件", "overwrite an existing FILE")
    )
    sub = command(
        "restore",
        run_restore,
        "从备份恢复（按条目编号合并，不删除任何东西）",
        "restore a backup (merged by item id; nothing is removed)",
    )
    sub.add_argument("backup_file", type=Path, metavar="FILE")
    add_json(sub)
    watch = commands.add_parser(
        "watch",
        parents=[common],
        help=t("关注列表：关键词命中提醒", "watchlists: keywords that light up items"),
        description=t(
            "关键词一行一个：宁德时代|CATL 为同义词，黄金 -黄金周 排除，=AI 只匹配完整单词",
            "one keyword per argument: 宁德时代|CATL are synonyms, 黄金 -黄金周 excludes, "
            "=AI matches the whole word only",
        ),
    )
    watch_commands = watch.add_subparsers(dest="watch_command", metavar="COMMAND", required=True)
    sub = watch_commands.add_parser(
        "add",
        parents=[common],
        help=t("添加关键词（没有该列表时新建）", "add keywords (creating the list)"),
    )
    sub.add_argument("list_name", metavar="LIST")
    sub.add_argument("keywords", nargs="+", metavar="KEYWORD")
    sub.set_defaults(run=run_watch_add)
    sub = watch_commands.add_parser(
        "remove", parents=[common], help=t("删除关键词", "remove keywords")
    )
    sub.add_argument("list_name", metavar="LIST")
    sub.add_argument("keywords", nargs="+", metavar="KEYWORD")
    sub.set_defaults(run=run_watch_remove)
    sub = watch_commands.add_parser(
        "list", parents=[common], help=t("列出关注列表", "list the watchlists")
    )
    add_json(sub)
    sub.set_defaults(run=run_watch_list)
    sub = watch_commands.add_parser(
        "hits",
        parents=[common],
        help=t("列出命中的条目（最新在前）", "items the watchlists light up, newest first"),
    )
    sub.add_argument(
        "--list", dest="list_name", metavar="LIST", help=t("只看这个列表", "this list only")
    )
    sub.add_argument("--limit", type=limit, default=DEFAULT_LIMIT, metavar="N")
    add_json(sub)
    sub.set_defaults(run=run_watch_hits)
    sub = command("star", run_star, "给条目加星标", "star items")
    sub.add_argument("item_ids", nargs="+", metavar="ID")
    sub = command("unstar", run_unstar, "取消条目的星标", "unstar items")
    sub.add_argument("item_ids", nargs="+", metavar="ID")
    sub = command(
        "note",
        run_note,
        "写条目的笔记（空文本删除笔记）",
        "write an item's note (empty text removes it)",
    )
    sub.add_argument("item_id", metavar="ID")
    sub.add_argument("text", metavar="TEXT")
    sub = command(
        "install-desktop",
        run_install_desktop,
        "Linux：为当前用户安装菜单项、图标和“用 telereader 打开”",
        'Linux: install the menu entry, icon and "Open with telereader" for this user',
    )
    sub.add_argument(
        "--remove", action="store_true", help=t("移除已安装的文件", "remove what was installed")
    )
    return parser


def add_json(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--json", action="store_true", help=t("输出 JSON，便于脚本处理", "print JSON for scripts")
    )


def data_dir(args: argparse.Namespace) -> Path | None:
    # --data-dir may stand before or after the command; absent, the store picks the default
    return getattr(args, "data_dir", None)


def open_store(args: argparse.Namespace) -> Store:
    return Store.open(data_dir(args))


def print_json(value: object) -> None:
    print(inert_json(value))


def print_json_array(values: Iterable[object]) -> None:
    """Print `values` as print_json prints a list, each as it comes: memory stays flat."""
    opening = "["
    for value in values:
        sys.stdout.write(opening + "\n  " + inert_json(value).replace("\n", "\n  "))
        opening = ","
    sys.stdout.write("[]\n" if opening == "[" else "\n]\n")


def parse_day(text: str) -> dt.date:
    cleaned = text.strip()
    for pattern in ("%Y-%m-%d", "%Y%m%d", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise UsageError(render(Problem("bad_day", params={"day": text})))


# ---- commands -------------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    with open_store(args) as store, interrupt_cancels() as cancelled:
        report = import_paths(store, args.paths, cancelled=cancelled)
    if args.json:
        print_json(report.to_json())
    else:
        for file_report in report.files:
            say(describe_file(file_report))
        say(describe_total(report))
        if report.cancelled:
            say(
                t(
                    "已取消：正在导入的文件没有写入，之前的文件已完整导入",
                    "cancelled: the file being imported was not written; "
                    "the files before it are complete",
                )
            )
    if report.cancelled:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if report.rejected else EXIT_OK


@contextlib.contextmanager
def interrupt_cancels() -> Iterator[Callable[[], bool]]:
    """Ctrl-C during an import cancels it, even inside a huge file: the file being imported
    is rolled back and the report of the files before it is printed. A second Ctrl-C
    interrupts at once."""
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
    if report.status is FileStatus.REJECTED:
        assert report.reason is not None
        return t(
            f"{report.path}：拒绝 — {report.reason.message()}",
            f"{report.path}: rejected — {report.reason.message()}",
        )
    head = f"{report.path} [{report.day} {level_name(report.level)}]"
    if report.status is FileStatus.UNCHANGED:
        line = t(
            f"{head}：与上次导入相同，未变 {report.unchanged} 条",
            f"{head}: same as imported before, {report.unchanged} unchanged",
        )
    else:
        line = t(
            f"{head}：新增 {report.added}，更新 {report.updated}，未变 {report.unchanged}，"
            f"合并重复 {report.folded}",
            f"{head}: {report.added} added, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.folded} folded",
        )
    return "\n".join([line, *(f"    {w.message()}" for w in report.warnings)])


def describe_total(report: ImportReport) -> str:
    files, rejected = len(report.files), len(report.rejected)
    return t(
        f"共 {files} 个文件：新增 {report.added} 条，更新 {report.updated} 条，拒绝 {rejected} 个文件",
        f"{files} files: {report.added} items added, {report.updated} updated, "
        f"{rejected} files rejected",
    )


def level_name(level: Level | None) -> str:
    if level is Level.IMPORTANT:
        return t("加红", "important")
    return t("普通", "normal")


def run_days(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        days = store.days()
    if args.json:
        print_json([day.to_json() for day in days])
        return EXIT_OK
    if not days:
        say(
            t(
                "资料库是空的：先用 telereader import 导入电报文件",
                "the library is empty: import digest files with telereader import",
            )
        )
    for day in days:
        say(
            t(
                f"{day.day}  {day.items:5} 条  加红 {day.important:4}  星标 {day.starred:4}  "
                f"未读 {day.unread:5}",
                f"{day.day}  {day.items:5} items  {day.important:4} important  "
                f"{day.starred:4} starred  {day.unread:5} unread",
            )
        )
    return EXIT_OK


def run_items(args: argparse.Namespace) -> int:
    day = parse_day(args.day)
    with open_store(args) as store:
        items = store.iter_items_on(day)  # printed as read: a day of any size, flat memory
        if args.json:
            print_json_array(item.to_json() for item in items)
            return EXIT_OK
        empty = True
        for item in items:
            say(describe_row(item))
            empty = False
    if empty:
        say(t(f"{day} 没有条目", f"no items on {day}"))
    return EXIT_OK


def describe_row(item: StoredItem) -> str:
    flags = (
        ("★" if item.starred else " ")
        + ("✎" if item.note else " ")
        + ("红" if item.level is Level.IMPORTANT else " ")
    )
    column = f"[{item.column}] " if item.column else ""
    headline = " ".join(item.headline.split())
    if len(headline) > 60:
        headline = headline[:59] + "…"
    return f"{item.id}  {item.time:%H:%M}  {flags} {column}{headline}"


def run_show(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        item = store.item(args.item_id)
    if item is None:
        return fail(render(Problem("unknown_item", params={"id": args.item_id})))
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
        lines.append(t(f"来源：{item.source}", f"source: {item.source}"))
    if item.note:
        lines.append(t(f"笔记：{item.note}", f"note: {item.note}"))
    lines.append(f"id: {item.id}  ({t('电报日', 'digest day')} {item.day})")
    say("\n".join(lines))
    return EXIT_OK


def run_search(args: argparse.Namespace) -> int:
    search_filter = SearchFilter(
        day_from=parse_day(args.day_from) if args.day_from else None,
        day_to=parse_day(args.day_to) if args.day_to else None,
        important_only=args.important,
        starred_only=args.starred,
        hide_teasers=args.hide_teasers,
    )
    text = " ".join(args.query)
    with open_store(args) as store:
        if args.watch is not None:
            watchlist = watchlist_named(store, args.watch)
            if watchlist is None:
                raise LibraryError(Problem("watch_unknown", params={"name": args.watch}))
            search_filter = dataclasses.replace(search_filter, watchlist_id=watchlist.id)
        result = search(
            store, text, limit=args.limit, search_filter=search_filter, best_first=args.best
        )
    if args.json:
        print_json(result.to_json())
        return EXIT_OK
    for item in result.items:
        say(f"{item.day}  " + describe_row(item))
    say(
        t(
            f"共 {result.total} 条匹配，用时 {result.elapsed_ms:.1f} 毫秒",
            f"{result.total} matches in {result.elapsed_ms:.1f} ms",
        )
    )
    return EXIT_OK


def run_watch_add(args: argparse.Namespace) -> int:
    return change_keywords(args, add_keywords)


def run_watch_remove(args: argparse.Namespace) -> int:
    return change_keywords(args, remove_keywords)


def change_keywords(args: argparse.Namespace, change: Callable) -> int:
    with open_store(args) as store:
        watchlist = change(store, args.list_name, args.keywords)
        total = hit_counts(store).get(watchlist.id, 0)
        after_change(store)
    say(
        t(
            f"{watchlist.name}：{len(watchlist.keywords)} 个关键词，命中 {total} 条",
            f"{watchlist.name}: {len(watchlist.keywords)} keywords, {total} hits",
        )
    )
    return EXIT_OK


def run_watch_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        match_pending(store)  # anything an interrupted import left to match
        counts = hit_counts(store)
        lists = [(w, counts.get(w.id, 0)) for w in watchlists(store)]
    if args.json:
        print_json([w.to_json() | {"hits": total} for w, total in lists])
        return EXIT_OK
    if not lists:
        say(
            t(
                "还没有关注列表：用 telereader watch add 列表名 关键词 新建",
                "no watchlists yet: create one with telereader watch add LIST KEYWORD",
            )
        )
    for watchlist, total in lists:
        keywords = "、".join(k.line for k in watchlist.keywords) or t(
            "（无关键词）", "(no keywords)"
        )
        say(
            t(
                f"{watchlist.name}（命中 {total}）：{keywords}",
                f"{watchlist.name} ({total} hits): {keywords}",
            )
        )
    return EXIT_OK


def run_watch_hits(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        match_pending(store)
        items, total = hits(store, args.list_name, limit=max(0, args.limit))
    if args.json:
        print_json([item.to_json() for item in items])
        return EXIT_OK
    for item in items:
        say(f"{item.day}  " + describe_row(item) + f"  [{'、'.join(item.watch)}]")
    say(t(f"共命中 {total} 条", f"{total} hits"))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    if args.day and (args.day_from or args.day_to):
        raise UsageError(t("--day 不能与 --from/--to 同用", "--day cannot go with --from/--to"))
    day_from = parse_day(args.day or args.day_from) if (args.day or args.day_from) else None
    day_to = parse_day(args.day or args.day_to) if (args.day or args.day_to) else None
    if args.output == STANDARD_OUTPUT:
        args.output = None
    if args.output is not None and args.output.exists() and not args.force:
        raise UsageError(
            t(
                f"{args.output} 已存在；加 --force 覆盖",
                f"{args.output} exists; add --force to overwrite it",
            )
        )
    with open_store(args) as store:
        watchlist_id = None
        if args.watch is not None:
            watchlist = watchlist_named(store, args.watch)
            if watchlist is None:
                raise LibraryError(Problem("watch_unknown", params={"name": args.watch}))
            watchlist_id = watchlist.id
        selection = Selection(args.starred, day_from, day_to, watchlist_id)
        text = export(selection.items(store), args.format)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    write_atomically(args.output, text)
    return EXIT_OK


def run_backup(args: argparse.Namespace) -> int:
    if args.output == STANDARD_OUTPUT:
        with open_store(args) as store:
            sys.stdout.write(backup_text(store))
        return EXIT_OK
    if args.output.exists() and not args.force:
        raise UsageError(
            t(
                f"{args.output} 已存在；加 --force 覆盖",
                f"{args.output} exists; add --force to overwrite it",
            )
        )
    with open_store(args) as store:
        write_backup(store, args.output)
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        report = restore_backup(store, args.backup_file)
        after_change(store)
    if args.json:
        print_json(report.to_json())
    else:
        say(t(
            f"恢复了 {report.stars} 个星标、{report.notes} 条笔记、{report.reads} 个已读标记、"
            f"{report.watchlists} 个关注列表；{report.waiting} 个条目尚未导入，导入其日期后自动关联",
            f"restored {report.stars} stars, {report.notes} notes, {report.reads} read marks, "
            f"{report.watchlists} watchlists; {report.waiting} items are not in this library yet "
            "and attach when their day is imported",
        ))  # fmt: skip
    return EXIT_OK


def after_change(store: Store) -> None:
    """The reader's data changed (and is committed): keep a rolling automatic backup (at most
    every few minutes). A backup that cannot be written (a full disk) is a warning, not a
    failure: the change itself is saved."""
    try:
        auto_backup(store, store.path.parent)
    except OSError as error:
        warn(
            t(
                f"已保存，但自动备份没能写入：{error.strerror or error}",
                f"saved, but the automatic backup could not be written: {error.strerror or error}",
            )
        )


def run_install_desktop(args: argparse.Namespace) -> int:
    if not sys.platform.startswith("linux"):
        raise UsageError(
            t("只在 Linux 上需要安装菜单项", "the menu entry is installed on Linux only")
        )
    if args.remove:
        removed = desktop.remove()
        say(t(f"已移除 {len(removed)} 个文件", f"removed {len(removed)} files"))
        return EXIT_OK
    written = desktop.install()
    say(desktop.describe(written))
    say(
        t(
            f"已安装 {len(written)} 个文件；菜单里可找到 telereader，Markdown 文件可“用 telereader 打开”",
            f"installed {len(written)} files; telereader is in the menu and opens Markdown files",
        )
    )
    return EXIT_OK


def run_star(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.set_starred(args.item_ids, True)
        after_change(store)
    return EXIT_OK


def run_unstar(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.set_starred(args.item_ids, False)
        after_change(store)
    return EXIT_OK


def run_note(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.set_note(args.item_id, args.text)
        after_change(store)
    return EXIT_OK


def files_to_open(
    arguments: list[str], parser: argparse.ArgumentParser
) -> tuple[list[str], list[Path]] | None:
    """(the options, the files) when the command line names files rather than a command."""
    commands = next(
        action.choices for action in parser._actions if isinstance(action.choices, dict)
    )
    options: list[str] = []
    files: list[Path] = []
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        if argument == "--data-dir" and position + 1 < len(arguments):
            options += arguments[position : position + 2]
            position += 2
            continue
        if argument.startswith("--data-dir="):
            options.append(argument)
        elif argument in commands or argument.startswith("-"):
            return None
        else:
            files.append(Path(argument))
        position += 1
    return (options, files) if files else None


def open_window(args: argparse.Namespace, files: list[Path] | None = None) -> int:
    if os.environ.get("TELEREADER_NO_WINDOW"):
        return fail(t("窗口已被禁用", "the window is disabled"))
    try:
        from telereader.app.main import run_app
    except ImportError as error:
        return fail(t(f"无法加载窗口界面：{error}", f"cannot load the window: {error}"))
    return run_app(data_dir(args), files)
