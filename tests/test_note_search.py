"""Notes are searched too: a word of a reader's note finds its item, marked as found in the note,
exactly as a plain substring scan of the notes finds it, however the note was written."""

from __future__ import annotations

import json
import random

import pytest

from telereader.cli import main
from telereader.core.backup import restore_backup, write_backup
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.note_index import NOTE_INDEX
from telereader.core.note_search import search_with_notes
from telereader.core.query import fold_case, parse_query
from telereader.core.search import search
from telereader.core.store import Store
from tests.conftest import FIXTURES, SAMPLE

NOTES = [
    "Check 0.5% rate; S&P 500 drops",
    "降息预期升温，关注 A+H 股",
    "美联储 褐皮书 要读",
    "ＡＢＣ full-width, 全角：１２３",
    "橡胶与铜的比价",
]


@pytest.fixture
def noted(store: Store) -> tuple[Store, list[str]]:
    import_paths(store, [SAMPLE, FIXTURES / "small.md"], workers=0)
    ids = [row[0] for row in store.db.execute("SELECT id FROM items ORDER BY seq")]
    for item_id, text in zip(ids[3::7], NOTES, strict=False):
        store.set_note(item_id, text)
    return store, ids


def note_scan(store: Store, text: str) -> list[str]:
    """The items found in their note by a plain scan: every term in the note, no excluded
    term in the note nor the item's text; newest first."""
    query = parse_query(text)
    if query.is_empty:
        return []  # nothing typed yet ("-", '""') finds nothing
    found = []
    for item_id, title, body, note in store.db.execute(
        "SELECT items.id, items.title, items.body, notes.text FROM notes "
        "JOIN items ON items.id = notes.item_id WHERE notes.text != '' ORDER BY items.seq DESC"
    ):
        folded = fold_case(note)
        texts = [folded, fold_case(body)] + ([fold_case(title)] if title else [])
        if all(term in folded for term in query.include) and not any(
            term in text for term in query.exclude for text in texts
        ):
            found.append(item_id)
    return found


def test_a_word_of_a_note_finds_its_item_marked_as_found_in_the_note(noted):
    store, _ids = noted
    result = search_with_notes(store, "褐皮书 要读")
    assert result.items and result.items[0].id in result.notes
    assert result.notes[result.items[0].id] == "美联储 褐皮书 要读"
    assert search(store, "褐皮书 要读").total == 0  # the text alone has no such item


@pytest.mark.parametrize(
    "text",
    ["0.5%", "s&p 500", '"A+H 股"', "降息", "全角：１２３", "ＡＢＣ", "abc", "铜", "的", "rate -drops",
     '"美联储 褐皮书"', "美联储 -褐皮书", "-zzz", "升温，关注", "rate; s"],
)  # fmt: skip
def test_note_hits_are_exactly_a_substring_scan_of_the_notes(noted, text):
    store, _ids = noted
    result = search_with_notes(store, text, notes_only=True, limit=1000)
    assert [item.id for item in result.items] == note_scan(store, text)
    assert result.total == len(result.items)
    assert set(result.notes) == {item.id for item in result.items}


@pytest.mark.parametrize("text", ["降息", "铜", "美联储", "的 -铜", "0.5%"])
def test_items_found_in_notes_come_first_then_the_text_matches_each_once(noted, text):
    store, _ids = noted
    in_notes = note_scan(store, text)
    in_text = [item.id for item in search(store, text, limit=10_000).items]
    combined = search_with_notes(store, text, limit=10_000)
    expected = in_notes + [item_id for item_id in in_text if item_id not in in_notes]
    assert [item.id for item in combined.items] == expected
    assert combined.total == len(expected)
    # page by page, the same list
    paged = []
    for offset in range(0, len(expected) + 3, 3):
        paged += [item.id for item in search_with_notes(store, text, offset=offset, limit=3).items]
    assert paged == expected


def test_filters_hold_for_items_found_in_notes(noted):
    store, ids = noted
    starred = ids[3]
    store.set_starred([starred], True)
    result = search_with_notes(store, "rate", search_filter=ItemFilter(starred_only=True))
    assert [item.id for item in result.items] == [starred]
    assert search_with_notes(store, "降息", search_filter=ItemFilter(starred_only=True)).total == (
        search(store, "降息", search_filter=ItemFilter(starred_only=True)).total
    )


def test_the_note_index_follows_every_note_write_and_restore(noted, tmp_path):
    store, ids = noted
    store.set_note(ids[3], "换成了新的笔记")
    assert search_with_notes(store, "rate", notes_only=True).total == 0
    assert [item.id for item in search_with_notes(store, "新的笔记", notes_only=True).items] == [
        ids[3]
    ]
    backup = write_backup(store, tmp_path / "backup.json")
    store.set_note(ids[3], "")  # removed
    assert search_with_notes(store, "新的笔记", notes_only=True).total == 0
    restore_backup(store, backup)
    assert search_with_notes(store, "新的笔记", notes_only=True).total == 1
    notes = store.db.execute("SELECT count(*) FROM notes WHERE text != ''").fetchone()[0]
    assert store.db.execute(f"SELECT count(*) FROM {NOTE_INDEX}").fetchone()[0] == notes


def test_random_notes_are_found_exactly_as_a_scan_finds_them(noted):
    store, ids = noted
    rng = random.Random(15)
    alphabet = "铜价降息 .%&+-，：ＡBc1２\"'"
    for item_id in ids[::5]:
        store.set_note(item_id, "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))))
    for _ in range(150):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
        result = search_with_notes(store, text, notes_only=True, limit=10_000)
        assert [item.id for item in result.items] == note_scan(store, text), text


def test_the_cli_searches_notes_and_only_notes_with_notes(noted, capsys, data_dir):
    store, ids = noted
    store.close()
    assert main(["--data-dir", str(data_dir), "note", ids[10], "我的橡胶观点"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "search", "--notes", "橡胶观点", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in answer["items"]] == [ids[10]]
    assert answer["found_in_note"] == [ids[10]]
    assert main(["--data-dir", str(data_dir), "search", "橡胶观点"]) == 0
    assert "✎" in capsys.readouterr().out


def test_notes_written_before_the_note_index_are_found_after_the_upgrade(noted, data_dir):
    store, ids = noted
    store.db.execute(f"DROP TABLE {NOTE_INDEX}")
    store.db.execute("PRAGMA user_version = 7")  # as a library of the release before
    store.close()
    with Store.open(data_dir) as upgraded:
        result = search_with_notes(upgraded, "橡胶与铜", notes_only=True)
        assert [item.id for item in result.items] == [ids[3 + 7 * 4]]


@pytest.mark.parametrize("text", ["的", "日", "美联储"])
def test_an_item_found_in_its_note_and_its_text_counts_once(noted, text):
    store, _ids = noted
    in_text = search(store, text, limit=10_000).items
    for item in in_text[1::3]:
        store.set_note(item.id, f"记下：{text}")
    combined = search_with_notes(store, text, limit=10_000)
    expected = {item.id for item in in_text} | set(note_scan(store, text))
    assert combined.total == len(expected) == len(combined.items)
    assert {item.id for item in combined.items} == expected
    assert set(combined.notes) >= {item.id for item in in_text[1::3]}
