"""A search under the list's filters (date range, 加红, 星标, noted, teasers) finds exactly the
items a plain scan finds that the filter keeps, however the index answers the filter."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from benchmarks.synth import generate
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.query import parse_query
from telereader.core.search import search
from telereader.core.search_plan import plan_search
from telereader.core.store import Store
from tests.conftest import FIXTURES, SAMPLE

MARCH_2 = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def filtered_store(tmp_path_factory):
    """Six synthetic days around 2026-03-02, the sample day, and 2026-03-02 as a 普通 and a 加红
    digest; some items starred, some noted."""
    root = tmp_path_factory.mktemp("filters")
    generate(root / "corpus", 6, dt.date(2026, 2, 26), 4)
    digests = [root / "corpus", SAMPLE, FIXTURES / "small.md", FIXTURES / "small-important.md"]
    with Store.open(root / "library") as store:
        import_paths(store, digests, workers=0)
        ids = [row[0] for row in store.db.execute("SELECT id FROM items ORDER BY seq")]
        store.set_starred(ids[::97], True)
        for item_id in ids[5::211]:
            store.set_note(item_id, "a note")
        yield store


def scanned(store: Store, text: str, item_filter: ItemFilter) -> list[str]:
    query = parse_query(text)
    seqs = [row[0] for row in store.db.execute("SELECT seq FROM items ORDER BY seq DESC")]
    return [
        item.id
        for item in store.items_by_seq(seqs)
        if query.matches(item.title, item.body) and item_filter.matches(item)
    ]


FILTERS = [
    ItemFilter(important_only=True),
    ItemFilter(starred_only=True),
    ItemFilter(noted_only=True),
    ItemFilter(day_from=MARCH_2, day_to=MARCH_2),
    ItemFilter(day_from=dt.date(2026, 2, 27), day_to=dt.date(2026, 2, 28)),
    ItemFilter(day_from=MARCH_2),
    ItemFilter(day_to=dt.date(2026, 2, 27)),
    ItemFilter(day_from=dt.date(2031, 1, 1)),
    ItemFilter(important_only=True, day_from=MARCH_2, day_to=MARCH_2),
    ItemFilter(starred_only=True, day_from=dt.date(2026, 2, 28)),
    ItemFilter(hide_teasers=True, day_to=MARCH_2),
    ItemFilter(important_only=True, starred_only=True, noted_only=True),
]
TEXTS = ["财联社", "0.3%", "央行", "铜", "美国 -ISM", '"ISM制造业"', "日电，", "的 -的"]


@pytest.mark.parametrize(("item_filter", "text"), list(itertools.product(FILTERS, TEXTS)))
def test_a_filtered_search_finds_what_a_filtered_scan_finds(filtered_store, item_filter, text):
    expected = scanned(filtered_store, text, item_filter)
    result = search(filtered_store, text, limit=len(expected) + 5, search_filter=item_filter)
    assert [item.id for item in result.items] == expected
    assert result.total == len(expected)


def test_important_items_are_found_under_the_important_filter(filtered_store):
    result = search(filtered_store, "ISM", search_filter=ItemFilter(important_only=True))
    assert result.total >= 1 and all(item.level == "important" for item in result.items)


def test_a_date_range_is_a_key_range_when_no_other_day_has_keys_inside_it(filtered_store):
    plan = plan_search(filtered_store.db.conn, ItemFilter(day_from=MARCH_2, day_to=MARCH_2))
    assert plan.keys is not None and plan.rest.day_from is None  # the index alone answers


def test_days_whose_keys_interleave_keep_the_day_test_and_stay_exact(filtered_store):
    conn = filtered_store.db.conn
    # a neighbouring day whose digest window overlaps 2026-03-02's (as two captures may)
    saved = conn.execute("SELECT day, min_seq FROM day_counts WHERE day = '2026-03-03'").fetchone()
    low = conn.execute("SELECT min_seq FROM day_counts WHERE day = '2026-03-02'").fetchone()[0]
    conn.execute("UPDATE day_counts SET min_seq = ? WHERE day = ?", [low, saved[0]])
    try:
        march = ItemFilter(day_from=MARCH_2, day_to=MARCH_2)
        plan = plan_search(conn, march)
        assert plan.rest.day_from == MARCH_2  # the day test stays
        for text in TEXTS:
            expected = scanned(filtered_store, text, march)
            assert [i.id for i in search(filtered_store, text, limit=1000,
                                          search_filter=march).items] == expected  # fmt: skip
    finally:
        conn.execute("UPDATE day_counts SET min_seq = ? WHERE day = ?", [saved[1], saved[0]])


def test_many_starred_items_are_searched_through_the_index(filtered_store, monkeypatch):
    monkeypatch.setattr("telereader.core.search_plan.SMALL_SET", 3)
    starred = ItemFilter(starred_only=True)
    assert plan_search(filtered_store.db.conn, starred).few is None
    for text in TEXTS:
        expected = scanned(filtered_store, text, starred)
        assert search(filtered_store, text, search_filter=starred).total == len(expected)
    noted = starred.replace(starred_only=False, noted_only=True)
    assert search(filtered_store, "财联社", search_filter=noted).total == len(
        scanned(filtered_store, "财联社", noted)
    )


def test_the_index_stays_whole_after_important_digests_and_a_deleted_day(store):
    import_paths(store, [FIXTURES / "small.md", FIXTURES / "small-important.md"], workers=0)
    conn = store.db.conn
    conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    assert search(store, "ISM", search_filter=ItemFilter(important_only=True)).total >= 1
    store.delete_day(MARCH_2)
    conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    assert search(store, "ISM", search_filter=ItemFilter(important_only=True)).total == 0
    assert conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                        ['"\U0010fffe"']).fetchone()[0] == 0  # fmt: skip


def test_a_single_character_total_stays_exact_through_edits_deletes_and_imports(store):
    def check() -> None:
        for text in ("涨", "，", "%", "i", "央", "价"):
            assert search(store, text).total == len(scanned(store, text, ItemFilter())), text
        # the kept counts agree with the index itself, character by character
        for token, items in store.db.execute("SELECT token, items FROM search_char_counts"):
            counted = store.db.execute(
                "SELECT count(*) FROM search_index WHERE search_index MATCH ?", [f'"{token}"']
            ).fetchone()[0]
            assert items == counted, ascii(token)

    import_paths(store, [FIXTURES / "small.md"], workers=0)
    check()
    import_paths(store, [FIXTURES / "small-later-capture.md", FIXTURES / "small-important.md"],
                 workers=0)  # fmt: skip
    check()
    store.delete_day(MARCH_2)
    check()
    assert store.db.execute("SELECT sum(items) FROM search_char_counts").fetchone()[0] == 0
    import_paths(store, [FIXTURES / "small.md", SAMPLE], workers=0)
    check()
