"""The reader's word on market names: a name the extractor missed is added, a wrong one hidden,
an alias counted as the name it stands for; kept as the reader's data (backups, re-imports,
extraction run again)."""

from __future__ import annotations

import datetime as dt
import json

from telereader.cli import main
from telereader.core import markets
from telereader.core.backup import restore_backup, write_backup
from telereader.core.importer import import_paths
from telereader.core.migrations import MIGRATIONS, _0012_reader_names
from telereader.core.reader_names import (
    add_name,
    alias_name,
    forget_name,
    group_of,
    hide_name,
    reader_names,
)
from telereader.core.store import Store
from telereader.core.userdata import keep_backup  # noqa: F401  (the CLI's path, imported once)
from tests.conftest import SAMPLE

DAY = dt.date(2026, 1, 14)
CATL_LINES = (
    "**[14:30]** 【宁德时代发布新电池】财联社1月14日电，宁德时代今日发布新一代电池。\n"
    "**[14:40]** 【宁王股价再创新高】财联社1月14日电，宁王股价再创新高。\n"
    "**[14:50]** 【宁德时代回应】财联社1月14日电，宁德时代（宁王）回应市场传闻。\n"
)


def counts(store, **options) -> dict[str, int]:
    markets.catch_up(store)
    return {row.name: row.count for row in markets.name_counts(store.conn, **options)}


def with_catl(tmp_path):
    grown = tmp_path / SAMPLE.name
    grown.write_text(SAMPLE.read_text(encoding="utf-8") + CATL_LINES, encoding="utf-8")
    return grown


def test_a_name_the_extractor_missed_is_counted_once_the_reader_adds_it(store, tmp_path):
    import_paths(store, [SAMPLE])
    assert "英伟达" not in counts(store)  # named twice in the sample day, never as a mover
    assert add_name(store, "英伟达") == 1  # the one day whose text holds it is read again
    assert counts(store)["英伟达"] == 2
    import_paths(store, [with_catl(tmp_path)])  # a re-import of the day
    assert counts(store)["英伟达"] == 2


def test_a_name_added_as_a_theme_is_listed_as_a_theme(store):
    import_paths(store, [SAMPLE])
    add_name(store, "华为", kind="theme")
    holding = store.conn.execute(
        "SELECT count(*) FROM items WHERE instr(coalesce(title, '') || body, '华为')"
    ).fetchone()[0]
    assert counts(store, kind="theme")["华为"] == holding == 2


def test_a_hidden_name_is_gone_at_once_and_stays_hidden_when_extracted_again(store, monkeypatch):
    import_paths(store, [SAMPLE])
    assert counts(store)["东方财富"] == 2
    hide_name(store, "东方财富")
    shown = {row.name for row in markets.name_counts(store.conn)}
    assert "东方财富" not in shown  # before any catch-up
    movers = markets.day_movers(store.conn, DAY, DAY)
    assert "东方财富" not in {mover.stock for mover in movers}
    monkeypatch.setattr(markets, "EXTRACTOR_VERSION", markets.EXTRACTOR_VERSION + 1)
    assert "东方财富" not in counts(store)
    assert "东方财富" not in {m.stock for m in markets.day_movers(store.conn, DAY, DAY)}


def test_a_name_forgotten_is_as_the_text_says_again(store):
    import_paths(store, [SAMPLE])
    hide_name(store, "东方财富")
    forget_name(store, "东方财富")
    assert counts(store)["东方财富"] == 2
    assert reader_names(store.conn) == []


def test_an_alias_counts_as_the_company_it_stands_for_and_an_item_naming_both_once(store, tmp_path):
    import_paths(store, [with_catl(tmp_path)])
    add_name(store, "宁德时代")
    alias_name(store, "宁王", "宁德时代")
    found = counts(store)
    assert found["宁德时代"] == 3  # two say 宁德时代, one 宁王, one both: three items
    assert "宁王" not in found
    assert group_of(store.conn, "宁王") == ["宁德时代", "宁王"]


def test_the_readers_names_are_kept_by_a_backup_and_restored_into_another_library(store, tmp_path):
    import_paths(store, [SAMPLE])
    add_name(store, "英伟达")
    hide_name(store, "东方财富")
    alias_name(store, "NVIDIA", "英伟达")
    saved = write_backup(store, tmp_path / "saved.json")
    entries = json.loads(saved.read_text(encoding="utf-8"))["names"]
    assert {(e["name"], e["hidden"], e["alias_of"]) for e in entries} == {
        ("英伟达", False, None), ("东方财富", True, None), ("NVIDIA", False, "英伟达"),
    }  # fmt: skip
    with Store.open(tmp_path / "other") as other:
        import_paths(other, [SAMPLE])
        markets.catch_up(other)
        assert restore_backup(other, saved).names == 3
        found = counts(other)
        assert found["英伟达"] == 2 and "东方财富" not in found
        assert restore_backup(other, saved).names == 0  # the library's word stays


def test_a_backup_with_a_wrong_name_entry_restores_nothing(store, tmp_path):
    import pytest

    from telereader.core.store import LibraryError

    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"format": "telereader-backup", "names": [{"name": "x", "kind": "stock"}]}),
        encoding="utf-8",
    )
    with pytest.raises(LibraryError) as raised:
        restore_backup(store, bad)
    assert raised.value.problem.params["field"] == "names[0].kind"


def test_a_library_of_the_schema_before_keeps_names_hidden_there(store):
    store.conn.execute(
        "INSERT INTO market_names (name, kind, origin, hidden) VALUES ('持续走高', 'company', 'learnt', 1)"
    )
    store.conn.execute("DROP TABLE market_reader_names")
    with store.transaction() as db:
        _0012_reader_names(db)
    assert [(e.name, e.hidden) for e in reader_names(store.conn)] == [("持续走高", True)]
    assert MIGRATIONS.index(_0012_reader_names) + 1 <= len(MIGRATIONS)


def cli(capsys, data_dir, *args: str):
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_command_line_adds_hides_and_aliases_names(capsys, data_dir):
    assert main(["--data-dir", str(data_dir), "import", str(SAMPLE)]) == 0
    added = cli(capsys, data_dir, "names", "--add", "英伟达", "--json")
    assert added == {"action": "add", "name": "英伟达", "alias_of": None, "days_read_again": 1}
    cli(capsys, data_dir, "names", "--hide", "东方财富", "--json")
    cli(capsys, data_dir, "names", "--alias", "NVIDIA", "英伟达", "--json")
    listed = {row["name"]: row["count"] for row in cli(capsys, data_dir, "names", "--json")}
    assert listed["英伟达"] == 2 and "东方财富" not in listed and "NVIDIA" not in listed
    mine = cli(capsys, data_dir, "names", "--mine", "--json")
    assert [(row["name"], row["hidden"], row["alias_of"]) for row in mine] == [
        ("NVIDIA", False, "英伟达"), ("东方财富", True, None), ("英伟达", False, None),
    ]  # fmt: skip
    backups = list((data_dir / "backups").glob("*.json"))
    assert backups  # the reader's data changed: the automatic backup was kept


def test_a_watchlist_of_a_company_lights_up_the_items_that_name_it_by_its_alias(store, tmp_path):
    from telereader.core.watchlists import hits, save_watchlist

    import_paths(store, [with_catl(tmp_path)])
    add_name(store, "宁德时代")
    markets.catch_up(store)
    save_watchlist(store, "电池", ["@宁德时代"])
    assert len(hits(store, "电池")[0]) == 2
    alias_name(store, "宁王", "宁德时代")
    markets.catch_up(store)  # the days holding 宁王 are read again: their hits come with them
    assert sorted(item.title for item in hits(store, "电池")[0]) == [
        "宁德时代发布新电池", "宁德时代回应", "宁王股价再创新高",
    ]  # fmt: skip
    save_watchlist(store, "宁王", ["@宁王"])  # saved after: the alias names the company too
    assert len(hits(store, "宁王")[0]) == 3


def test_an_alias_of_a_name_never_read_in_the_text_is_listed_under_that_name(store):
    import_paths(store, [SAMPLE])
    alias_name(store, "英伟达", "NVIDIA")  # NVIDIA itself is in no text of the sample day
    found = {row.name: row for row in markets.name_counts(store.conn)} if counts(store) else {}
    assert found["NVIDIA"].count == 2 and found["NVIDIA"].kind == "company"
    assert "英伟达" not in found
