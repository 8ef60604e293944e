"""Sharper watchlists: titles only, 加红 only, the alert on or off, `/…/` patterns, previews."""

from __future__ import annotations

import json

import pytest

from telereader.core.backup import restore_backup, write_backup
from telereader.core.importer import import_paths
from telereader.core.keywords import KeywordError, WatchOptions, parse_keyword
from telereader.core.kinds import Level
from telereader.core.migrations import MIGRATIONS, _0010_watchlist_options
from telereader.core.regex_keyword import required_literals
from telereader.core.store import LibraryError, Store
from telereader.core.watch_matching import matching_seqs
from telereader.core.watchlists import hits, save_watchlist, set_options, watchlists
from tests.conftest import FIXTURES, SAMPLE


def _everything(store: Store):
    return [item for day in store.day_counts() for item in store.items_on(day)]


def _hit_ids(store: Store, name: str) -> set[str]:
    return {item.id for item in hits(store, name, limit=100_000)[0]}


@pytest.fixture
def sample_store(store):
    import_paths(store, [SAMPLE, FIXTURES / "small.md", FIXTURES / "small-important.md"])
    return store


def test_titles_only_lights_up_items_whose_title_holds_the_keyword(sample_store):
    store = sample_store
    everywhere = save_watchlist(store, "全文", ["海关"])
    titled = save_watchlist(store, "标题", ["海关"], options=WatchOptions(titles_only=True))
    in_title = {i.id for i in _everything(store) if i.title and "海关" in i.title}
    assert in_title and _hit_ids(store, "标题") == in_title
    assert _hit_ids(store, "全文") > in_title  # the body alone no longer counts
    assert watchlists(store)[1].options.titles_only and not everywhere.options.titles_only
    set_options(store, titled.id, WatchOptions())  # switched off: the body counts again
    assert _hit_ids(store, "标题") == _hit_ids(store, "全文")


def test_important_only_lights_up_only_jiahong_items(sample_store):
    store = sample_store
    save_watchlist(store, "全部", ["美国", "/逆回购|制造业/"])
    only = WatchOptions(important_only=True)
    save_watchlist(store, "加红", ["美国", "/逆回购|制造业/"], options=only)
    important = {i.id for i in _everything(store) if i.level is Level.IMPORTANT}
    assert _hit_ids(store, "加红") == important  # both 加红 items, and nothing else
    assert _hit_ids(store, "全部") > important


def test_a_list_with_its_alert_off_lights_up_new_items_without_an_alert(store):
    save_watchlist(store, "提醒", ["黄金"])
    save_watchlist(store, "安静", ["黄金"], options=WatchOptions(alert=False))
    report = import_paths(store, [SAMPLE])
    assert "提醒" in report.new_hits and "安静" not in report.new_hits
    assert _hit_ids(store, "安静") == _hit_ids(store, "提醒") != set()


def test_options_survive_keyword_edits_and_reopening(data_dir):
    options = WatchOptions(titles_only=True, important_only=True, alert=False)
    with Store.open(data_dir) as store:
        listed = save_watchlist(store, "持仓", ["黄金"], options=options)
        save_watchlist(store, "持仓", ["黄金", "白银"], watchlist_id=listed.id)
    with Store.open(data_dir) as store:
        assert watchlists(store)[0].options == options


@pytest.mark.parametrize(
    ("line", "title", "body", "expected"),
    [
        ("/宁德(时代|汽车)/", None, "宁德时代发布新电池", True),
        ("/宁德(时代|汽车)/", None, "宁德核电", False),
        ("/涨停\\d+家/", "午评", "两市涨停52家", True),
        ("/^【/", "标题", "没有括号", False),
        ("/catl|byd/", None, "CATL与BYD", True),  # Latin letters ignoring case
        ("/美联储 降息/", None, "美联储 降息预期", True),  # the space is part of the pattern
    ],
)
def test_a_slash_line_is_a_regular_expression(line, title, body, expected):
    assert parse_keyword(line).matches(title, body) is expected


@pytest.mark.parametrize(
    ("line", "reason"),
    [("/宁德(时代/", "缺少右括号"), ("/*涨/", "前面没有可以重复的内容"), ("/[a-/", "方括号")],
)
def test_a_bad_pattern_is_refused_with_the_line_and_what_is_wrong(store, line, reason):
    with pytest.raises(KeywordError):
        parse_keyword(line)
    with pytest.raises(LibraryError) as refused:
        save_watchlist(store, "正则", ["黄金", line])
    assert refused.value.problem.line == 2
    assert reason in refused.value.problem.params["reason_zh"]
    assert watchlists(store) == []  # nothing was saved


def test_the_text_a_pattern_needs_narrows_it_through_the_index():
    def needed(line):
        return required_literals(parse_keyword(line).pattern)

    assert needed("/宁德(时代|汽车)+.*电池/") == (("宁德",), ("时代", "汽车"), ("电池",))
    assert needed("/涨停\\d+家/") == (("涨停",), ("家",))
    assert needed("/a?b*/") == ()  # nothing every match needs: every item is read
    assert needed("/(黄金|.)/") == ()
    assert needed("/SKU/") == (("u",),)  # s and k also match ſ and K (Kelvin): never narrowed
    assert parse_keyword("/黄金/").plain_pattern  # the index decides it alone, as 黄金
    assert not parse_keyword("/^黄金/").plain_pattern


PATTERNS = [
    "/宁德(时代|汽车)/",
    "/涨\\d+%/",
    "/美联储.{0,6}降息/",
    "/^【/",
    "/a?b*/",
    "/(?i)ETF/",
    "/黄金|白银/",
    "/海关/",
]


def test_library_hits_of_a_pattern_are_exactly_the_items_it_matches(sample_store):
    """Whichever way a pattern is matched (the index alone, its literals then the pattern,
    every item), the hits are the items the pattern finds in a title or body."""
    store = sample_store
    everything = _everything(store)
    for number, line in enumerate(PATTERNS):
        save_watchlist(store, f"正则{number}", [line])
        keyword = parse_keyword(line)
        expected = {i.id for i in everything if keyword.matches(i.title, i.body)}
        assert _hit_ids(store, f"正则{number}") == expected, line


def test_a_preview_counts_what_a_line_would_light_up_without_saving(sample_store):
    store = sample_store
    seqs = matching_seqs(store.conn, WatchOptions(), parse_keyword("海关"))
    save_watchlist(store, "海关", ["海关"])
    assert len(seqs) == hits(store, "海关")[1] > 0
    titled = matching_seqs(store.conn, WatchOptions(titles_only=True), parse_keyword("海关"))
    assert titled < seqs


def test_backups_keep_the_options_and_refuse_a_bad_pattern(sample_store, data_dir, tmp_path):
    options = WatchOptions(titles_only=True, important_only=False, alert=False)
    save_watchlist(sample_store, "持仓", ["黄金", "/涨\\d/"], options=options)
    path = write_backup(sample_store, tmp_path / "backup.json")
    with Store.open(tmp_path / "fresh") as fresh:
        restore_backup(fresh, path)
        assert watchlists(fresh)[0].options == options
        assert [k.line for k in watchlists(fresh)[0].keywords] == ["黄金", "/涨\\d/"]
        data = json.loads(path.read_text(encoding="utf-8"))
        data["watchlists"][0]["keywords"].append("/涨(/")
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(LibraryError) as refused:
            restore_backup(fresh, path)
        assert refused.value.problem.code == "backup_bad_regex"


def test_a_library_from_before_keeps_its_lists_matching_and_alerting(data_dir):
    with Store.open(data_dir) as store:
        save_watchlist(store, "持仓", ["黄金"])
        number = MIGRATIONS.index(_0010_watchlist_options)
        store.db.execute("PRAGMA user_version = " + str(number))  # as the release before
    with Store.open(data_dir) as store:
        assert watchlists(store)[0].options == WatchOptions()


def test_the_command_line_sets_options_and_refuses_a_bad_pattern(capsys, data_dir):
    from telereader.cli import main

    library = ["--data-dir", str(data_dir)]
    assert main([*library, "watch", "add", "正则", "黄金", "/宁德(时代/"]) == 2
    refused = capsys.readouterr().err
    assert "/宁德(时代/" in refused and ("缺少右括号" in refused or "missing )" in refused)
    assert main([*library, "watch", "add", "正则", "/宁德(时代|汽车)/"]) == 0
    assert (
        main([*library, "watch", "options", "正则", "--important-only", "on", "--alert", "off"])
        == 0
    )
    with Store.open(data_dir) as store:
        assert watchlists(store)[0].options == WatchOptions(important_only=True, alert=False)
    capsys.readouterr()
    assert main([*library, "watch", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["important_only"] is True and listed[0]["alert"] is False
