"""What several commands share: exit statuses, printing, days, limits and watchlist names."""

from __future__ import annotations

import sys
from pathlib import Path

from telereader.core.messages import sentence
from telereader.core.terminal import inert, inert_json

# as typing.TYPE_CHECKING, without importing typing (3 ms a command line)
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from telereader.core.kinds import Level
    from telereader.core.store import Store, StoredItem

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl-C
MAX_LIMIT = 1_000_000_000  # --limit: far beyond any library, well inside SQLite's integers
STANDARD_OUTPUT = Path("-")  # `-o -`


class UsageError(Exception):
    """A command line argument that cannot be understood; the message says which."""


def fail(text: str, code: int = EXIT_FAILED) -> int:
    warn(text)
    return code


def warn(text: str) -> None:
    print(inert(f"telereader: {text}"), file=sys.stderr)


def say(text: str) -> None:
    """Print text for a reader: what came from files or the command line cannot drive the
    terminal (core/terminal.py)."""
    print(inert(text))


def print_json(value: object) -> None:
    print(inert_json(value))


def data_dir(args: argparse.Namespace) -> Path | None:
    # --data-dir may stand before or after the command; absent, the store picks the default
    return getattr(args, "data_dir", None)


def parse_day(text: str) -> dt.date:
    """2026-01-14, 20260114 or 2026/1/14. Read by hand: `strptime` imports _strptime and
    calendar, 3 ms of every `items DAY` (issue 19)."""
    import datetime as dt

    cleaned = text.strip()
    if len(cleaned) == 8 and cleaned.isdigit():
        parts = [cleaned[:4], cleaned[4:6], cleaned[6:]]
    else:
        parts = next((cleaned.split(mark) for mark in "-/" if cleaned.count(mark) == 2), [])
    widths = [(4, 4), (1, 2), (1, 2)]
    if len(parts) == 3 and all(
        part.isascii() and part.isdigit() and low <= len(part) <= high
        for part, (low, high) in zip(parts, widths, strict=True)
    ):
        try:
            return dt.date(*(int(part) for part in parts))
        except ValueError:
            pass
    raise UsageError(sentence("bad_day", day=text))


def limit(text: str) -> int:
    """--limit N: a whole number from 0 to MAX_LIMIT, or argparse's one-line refusal."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_LIMIT:
        import argparse  # only to refuse: argparse words it (cli/quick_args.py leaves it that)

        raise argparse.ArgumentTypeError(sentence("bad_limit", limit=MAX_LIMIT, text=text))
    return value


def refuse_overwrite(output: Path | None, force: bool) -> None:
    if output is not None and output.exists() and not force:
        raise UsageError(sentence("output_exists", path=output))


def watchlist_id(store: Store, name: str) -> int:
    """The id of the watchlist called `name`; a LibraryError names it when there is none."""
    from telereader.core.watchlists import existing_watchlist

    return existing_watchlist(store, name).id


def level_name(level: Level | None) -> str:
    from telereader.core.kinds import Level

    return sentence("level_important" if level is Level.IMPORTANT else "level_normal")


def describe_row(item: StoredItem) -> str:
    from telereader.core.kinds import Level

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
