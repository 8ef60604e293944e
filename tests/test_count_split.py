"""A big search total is counted in parts over disjoint key ranges, side by side on the store's
extra read connections (core/count_split.py): the reader must see exactly the total one
statement counts, for every kind of query and filter, and small totals are never split."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import subprocess
import sys

import pytest

from benchmarks.synth import generate
from telereader.core import count_split
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.query import parse_query
from telereader.core.search import search, search_leaving_out
from telereader.core.store import Store

DAY_ONE = dt.date(2025, 6, 1)
QUERIES = [
    "财联社",  # a phrase of pairs
    "人民币",
    "美联储 降息",  # two terms
    "0.5%",  # punctuation
    "%",
    '"美联储 褐皮书"',  # a quoted phrase with a space
    "公司 -财联社",  # an exclusion the kept counts do not answer
    "日电 -美元 -黄金",  # several exclusions
    "上涨",  # a pair: its kept total, unless a filter asks for a count
]
FILTERS = {
    "none": ItemFilter(),
    "from the second day": ItemFilter(day_from=DAY_ONE + dt.timedelta(days=1)),
    "the middle days": ItemFilter(
        day_from=DAY_ONE + dt.timedelta(days=1), day_to=DAY_ONE + dt.timedelta(days=2)
    ),
    "加红": ItemFilter(important_only=True),
    "teasers hidden": ItemFilter(hide_teasers=True),
}


@pytest.fixture(scope="module")
def four_days(tmp_path_factory):
    """Four synthetic days of 150 items each."""
    root = tmp_path_factory.mktemp("count-split")
    generate(root / "corpus", 4, DAY_ONE, 7, items=150, updates=0)
    with Store.open(root / "library") as store:
        import_paths(store, [root / "corpus"], workers=0)
        yield store


def split_counts(monkeypatch):
    """Every count the index answers alone is split, into three parts (more than this
    machine's cores: the ranges, not the cores, make the total); returns the splits made."""
    made = []
    count = count_split.CountHelpers.count

    def counted(helpers, conn, statements):
        made.append(len(statements))
        return count(helpers, conn, statements)

    monkeypatch.setattr(count_split, "SPLIT_FROM_ENTRIES", 0)
    monkeypatch.setattr(count_split, "count_parts", lambda: 3)
    monkeypatch.setattr(count_split.CountHelpers, "count", counted)
    return made


def scanned(store: Store, text: str) -> int:
    query = parse_query(text)
    rows = store.conn.execute("SELECT title, body FROM items").fetchall()
    return sum(query.matches(title, body) for title, body in rows)


def totals(store: Store) -> dict[tuple[str, str], int]:
    return {
        (text, name): search(store, text, limit=0, search_filter=search_filter).total
        for text in QUERIES
        for name, search_filter in FILTERS.items()
    }


def test_totals_counted_in_parts_equal_the_totals_of_one_count(four_days, monkeypatch):
    whole = totals(four_days)
    assert four_days.count_helpers is None  # nothing in four days is worth a split
    for text in QUERIES:
        assert whole[(text, "none")] == scanned(four_days, text), text
    made = split_counts(monkeypatch)
    assert totals(four_days) == whole
    assert made and set(made) <= {2, 3}  # unfiltered: three parts; two days: two


def test_pages_do_not_change_when_the_total_is_split(four_days, monkeypatch):
    before = search(four_days, "财联社 -美元", limit=30, offset=10)
    split_counts(monkeypatch)
    after = search(four_days, "财联社 -美元", limit=30, offset=10)
    assert [item.id for item in after.items] == [item.id for item in before.items]
    assert after.total == before.total


def test_a_split_total_less_the_items_left_out(four_days, monkeypatch):
    first = search(four_days, "财联社 -美元", limit=5)
    left_out = tuple(
        row[0]
        for row in four_days.conn.execute(
            "SELECT seq FROM items WHERE id IN (?, ?, ?)", [item.id for item in first.items[:3]]
        )
    )
    made = split_counts(monkeypatch)
    rest = search_leaving_out(four_days, "财联社 -美元", limit=5, leave_out=left_out)
    assert made
    assert rest.total == first.total - 3
    assert not {item.id for item in rest.items} & {item.id for item in first.items[:3]}


def test_random_phrases_total_the_same_split_or_not(four_days, monkeypatch):
    bodies = [row[0] for row in four_days.conn.execute("SELECT body FROM items")]
    rng = random.Random(4)
    phrases = []
    for body in rng.sample(bodies, 40):
        start = rng.randrange(max(1, len(body) - 6))
        phrases.append(body[start : start + rng.randrange(3, 7)].replace('"', "").strip() or "日")
    whole = [search(four_days, f'"{phrase}"', limit=0).total for phrase in phrases]
    split_counts(monkeypatch)
    assert [search(four_days, f'"{phrase}"', limit=0).total for phrase in phrases] == whole


def test_small_walks_are_never_split():
    assert not count_split.should_split(count_split.SPLIT_FROM_ENTRIES - 1, 2)
    assert not count_split.should_split(10_000_000, 1)  # one core: nothing side by side
    assert count_split.should_split(count_split.SPLIT_FROM_ENTRIES, 2)


def test_the_walk_is_estimated_from_the_kept_counts_of_every_token(four_days):
    conn = four_days.conn
    pairs = sum(
        conn.execute("SELECT items FROM search_pair_counts WHERE token = ?", [pair]).fetchone()[0]
        for pair in ("财联", "联社", "美元")
    )
    assert count_split.walk_estimate(conn, parse_query("财联社 -美元")) == pairs
    assert count_split.walk_estimate(conn, parse_query("财联社")) < pairs


def test_cut_points_share_the_items_and_stay_inside_a_date_range(four_days):
    conn = four_days.conn
    points = count_split.cut_points(conn, 2, None)
    assert len(points) == 1
    older = conn.execute("SELECT count(*) FROM items WHERE seq < ?", points).fetchone()[0]
    assert 200 <= older <= 400  # about half of the four days' 600 items
    low, high = conn.execute(
        "SELECT min_seq, max_seq FROM day_counts WHERE day = ?",
        [(DAY_ONE + dt.timedelta(days=3)).isoformat()],
    ).fetchone()
    inside = count_split.cut_points(conn, 4, (low, high))
    assert len(inside) == 3 and all(low < point <= high for point in inside)
    assert inside == sorted(inside)
    assert count_split.cut_points(conn, 4, (5, 5)) == []  # one key: nothing to cut


def test_the_helper_connections_close_with_the_store(four_days, tmp_path, monkeypatch):
    split_counts(monkeypatch)
    with Store.open(four_days.path.parent) as store:
        search(store, "财联社", limit=0)
        helpers = store.count_helpers.connections
        assert helpers
    for helper in helpers:
        with pytest.raises(sqlite3.ProgrammingError):
            helper.execute("SELECT 1")


def test_no_split_inside_a_transaction(four_days, monkeypatch):
    made = split_counts(monkeypatch)
    before = search(four_days, "财联社", limit=0).total
    made.clear()
    with four_days.transaction():
        inside = search(four_days, "财联社", limit=0).total
    assert made == []  # the helpers would not see the transaction's writes
    assert inside == before


def test_an_interrupted_split_count_stops_and_the_next_one_runs(four_days, monkeypatch):
    split_counts(monkeypatch)
    four_days.conn.set_progress_handler(lambda: 1, 1)  # as the window's newer request does
    try:
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            search(four_days, "财联社 -美元", limit=0)
    finally:
        four_days.conn.set_progress_handler(None, 1)
    assert search(four_days, "财联社 -美元", limit=0).total == scanned(four_days, "财联社 -美元")


def in_a_fresh_process(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def test_memory_statistics_are_turned_off_before_any_connection_so_counts_are_split():
    # the mutex of SQLite's memory statistics makes threads take turns (sqlite_memory.py)
    shown = in_a_fresh_process(
        "from telereader.core import count_split, sqlite_memory\n"
        "print(sqlite_memory.memory_statistics_off(), count_split.count_parts() > 1)"
    )
    assert shown == "True True"


def test_sqlite_is_left_alone_while_a_connection_is_open():
    shown = in_a_fresh_process(
        "import sqlite3\n"
        "from telereader.core import count_split, sqlite_memory\n"
        "conn = sqlite3.connect(':memory:')\n"
        "conn.execute('CREATE TABLE t (x)')\n"
        "print(sqlite_memory.memory_statistics_off(), count_split.count_parts())\n"
        "conn.execute('INSERT INTO t VALUES (1)')\n"
        "print(conn.execute('SELECT x FROM t').fetchone()[0])"
    )
    assert shown.split() == ["False", "1", "1"]  # no split, and the connection still works


@pytest.mark.parametrize(
    ("command", "turned_off"), [("trend", "True"), ("saved", "True"), ("days", "None")]
)
def test_the_command_lines_that_search_turn_the_statistics_off_before_opening_the_library(
    command, turned_off, tmp_path
):
    """`trend` and `saved` count through search() as `search` does: their big totals are split
    too; a command that never searches does not pay for the switch."""
    arguments = ["--data-dir", str(tmp_path), command] + (["黄金"] if command == "trend" else [])
    shown = in_a_fresh_process(
        "import contextlib, io\n"
        "from telereader.cli import main\n"
        "from telereader.core import sqlite_memory\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({arguments!r})\n"
        "print(sqlite_memory._state)"
    )
    assert shown.splitlines()[-1] == turned_off
