"""The command line, as a script would use it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from telereader.cli import main
from tests.conftest import FIXTURES, SAMPLE


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys, *args: str):
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_import_the_sample_folder_then_list_its_93_items_in_time_order(capsys, data_dir):
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", str(SAMPLE.parent))
    assert code == 0
    assert "93 added" in out and "1 folded" in out
    items = run_json(capsys, "--data-dir", str(data_dir), "items", "2026-01-14")
    assert len(items) == 93
    times = [item["time"] for item in items]
    assert times == sorted(times)
    assert (
        times.index("2026-01-14T12:00")
        < times.index("2026-01-14T12:05")
        < times.index("2026-01-14T12:07")
    )
    first = items[0]
    assert set(first) >= {
        "id",
        "day",
        "time",
        "title",
        "body",
        "source",
        "level",
        "kind",
        "column",
        "starred",
        "note",
    }
    assert first["day"] == "2026-01-14" and first["level"] == "normal" and first["kind"] == "news"
    teasers = [item for item in items if item["kind"] == "teaser"]
    assert {item["column"] for item in teasers} >= {"盘中宝", "研选", "电报解读"}


def test_data_dir_may_follow_the_command(capsys, data_dir):
    code, _, _ = run(capsys, "import", str(SAMPLE), "--data-dir", str(data_dir))
    assert code == 0
    days = run_json(capsys, "days", "--data-dir", str(data_dir))
    assert days == [{"day": "2026-01-14", "items": 93, "important": 0, "starred": 0, "unread": 93}]


def test_reimport_reports_every_file_unchanged(capsys, data_dir):
    run(capsys, "--data-dir", str(data_dir), "import", str(SAMPLE.parent))
    report = run_json(capsys, "--data-dir", str(data_dir), "import", str(SAMPLE.parent))
    assert [f["status"] for f in report["files"]] == ["unchanged"]
    assert report["added"] == 0 and report["updated"] == 0


def test_import_exits_1_when_a_file_is_rejected_and_reports_why(capsys, data_dir):
    code, out, _ = run(
        capsys,
        "--data-dir",
        str(data_dir),
        "import",
        str(FIXTURES / "small.md"),
        str(FIXTURES / "picture.md"),
    )
    assert code == 1
    assert "picture.md: rejected — not a text file (it looks like a PNG file)" in out
    code, out, _ = run(
        capsys, "--data-dir", str(data_dir), "import", "--json", str(FIXTURES / "bad-lines.md")
    )
    report = json.loads(out)
    assert code == 0
    assert report["files"][0]["warnings"][1] == {
        "line": 7,
        "code": "impossible_time",
        "message": "line 7: impossible time 25:99; the item was skipped",
    }


def test_star_and_note_survive_a_later_longer_capture_with_edited_text(capsys, data_dir):
    d = ["--data-dir", str(data_dir)]
    run(capsys, *d, "import", str(FIXTURES / "small.md"))
    items = run_json(capsys, *d, "items", "2026-03-02")
    storage = next(item for item in items if item["time"].endswith("11:02"))
    assert run(capsys, *d, "star", storage["id"])[0] == 0
    assert run(capsys, *d, "note", storage["id"], "存储涨价周期")[0] == 0

    run(capsys, *d, "import", str(FIXTURES / "small-later-capture.md"))
    shown = run_json(capsys, *d, "show", storage["id"])
    assert shown["body"] == "《科创板日报》2日讯，多家存储厂商宣布上调DDR5报价。"
    assert shown["starred"] is True
    assert shown["note"] == "存储涨价周期"
    assert len(run_json(capsys, *d, "items", "2026-03-02")) == 8


def test_unstar_and_an_empty_note_remove_them(capsys, data_dir):
    d = ["--data-dir", str(data_dir)]
    run(capsys, *d, "import", str(SAMPLE))
    item_id = run_json(capsys, *d, "items", "20260114")[0]["id"]
    run(capsys, *d, "star", item_id)
    run(capsys, *d, "note", item_id, "x")
    run(capsys, *d, "unstar", item_id)
    run(capsys, *d, "note", item_id, "")
    shown = run_json(capsys, *d, "show", item_id)
    assert shown["starred"] is False and shown["note"] is None


def test_show_prints_the_item_in_full(capsys, data_dir):
    d = ["--data-dir", str(data_dir)]
    run(capsys, *d, "import", str(FIXTURES / "small.md"))
    items = run_json(capsys, *d, "items", "2026-03-02")
    item_id = next(item["id"] for item in items if item["kind"] == "teaser")
    code, out, _ = run(capsys, *d, "show", item_id)
    assert code == 0
    assert "[盘中宝]" in out and "①新材料需求快速增长；②公司产能行业领先。" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "20990101-0000-00000000"], "there is no item with id 20990101-0000-00000000"),
        (["star", "nope"], "there is no item with id nope"),
        (["items", "2026-13-45"], "“2026-13-45” is not a date; write it as 2026-01-14"),
    ],
)
def test_errors_are_one_sentence_on_stderr_with_a_nonzero_exit(capsys, data_dir, args, message):
    code, out, err = run(capsys, "--data-dir", str(data_dir), *args)
    assert code != 0
    assert out == ""
    assert err == f"telereader: {message}\n"


def test_a_newer_library_is_refused_in_one_sentence(capsys, data_dir):
    import sqlite3

    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "library.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    code, _, err = run(capsys, "--data-dir", str(data_dir), "days")
    assert code == 1
    assert err.count("\n") == 1 and "newer telereader" in err and "Traceback" not in err


def test_messages_are_chinese_by_default(capsys, data_dir, monkeypatch):
    monkeypatch.setenv("TELEREADER_LANG", "zh")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "import", str(FIXTURES / "empty.md"))
    assert code == 1
    assert "文件是空的" in out


def test_python_dash_m_and_version_work(data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "telereader", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("telereader ")
    result = subprocess.run(
        [sys.executable, "-m", "telereader", "--data-dir", str(data_dir), "items", "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_search_prints_matches_with_their_day_and_a_total(capsys, data_dir):
    d = ["--data-dir", str(data_dir)]
    run(capsys, *d, "import", str(SAMPLE), str(FIXTURES / "small.md"))
    code, out, _ = run(capsys, *d, "search", "黄金", "-黄金周")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[-1].startswith("5 matches in ")
    assert all(line.startswith(("2026-01-14", "2026-03-02")) for line in lines[:-1])


def test_search_json_has_items_total_and_elapsed_ms(capsys, data_dir):
    d = ["--data-dir", str(data_dir)]
    run(capsys, *d, "import", str(SAMPLE))
    result = run_json(capsys, *d, "search", "黄金", "--limit", "2")
    assert set(result) == {"items", "total", "elapsed_ms", "found_in_note"}
    assert len(result["items"]) == 2 and result["total"] > 2
    assert result["elapsed_ms"] >= 0
    assert all("黄金" in (item["title"] or "") + item["body"] for item in result["items"])
    assert {"id", "day", "time", "title", "body", "starred", "note"} <= set(result["items"][0])


def test_search_date_range_and_filters(capsys, data_dir):
    d = ["--data-dir", str(data_dir)]
    run(capsys, *d, "import", str(SAMPLE), str(FIXTURES / "small.md"))
    assert run_json(capsys, *d, "search", "财联社", "--from", "2026-03-01")["total"] == 4
    assert run_json(capsys, *d, "search", "财联社", "--to", "20260114")["total"] > 50
    assert run_json(capsys, *d, "search", "盘中宝")["total"] == 0  # the column is not text
    assert run_json(capsys, *d, "search", "这家公司", "--hide-teasers")["total"] == 0


@pytest.mark.parametrize("text", ['"', "AND", "NEAR(", "*", ":", "()", "-", "😀", "--"])
def test_search_takes_any_text(capsys, data_dir, text):
    d = ["--data-dir", str(data_dir)]
    run(capsys, *d, "import", str(SAMPLE))
    code, _, err = run(capsys, *d, "search", "--json", "--", text)
    assert code == 0, err


def test_watch_add_list_hits_and_remove(capsys, data_dir):
    d = ["--data-dir", str(data_dir)]
    run(capsys, *d, "import", str(SAMPLE))
    code, out, _ = run(capsys, *d, "watch", "add", "持仓", "黄金", "宁德时代|CATL", "=AI")
    assert code == 0 and out.startswith("持仓: 3 keywords, ")
    lists = run_json(capsys, *d, "watch", "list")
    assert lists[0]["name"] == "持仓" and lists[0]["keywords"] == ["黄金", "宁德时代|CATL", "=AI"]
    found = run_json(capsys, *d, "watch", "hits", "--list", "持仓", "--limit", "1000")
    assert len(found) == lists[0]["hits"] > 0
    assert all(item["watch"] == ["持仓"] for item in found)
    items = run_json(capsys, *d, "items", "2026-01-14")
    assert sum(1 for item in items if item["watch"] == ["持仓"]) == len(found)
    run(capsys, *d, "watch", "remove", "持仓", "黄金", "=AI", "宁德时代|CATL")
    assert run_json(capsys, *d, "watch", "hits")[:1] == []
    code, _, err = run(capsys, *d, "watch", "remove", "没有", "x")
    assert code == 1 and err == "telereader: there is no watchlist named “没有”\n"


def test_search_within_one_watchlists_hits(capsys, data_dir):
    d = ["--data-dir", str(data_dir)]
    run(capsys, *d, "import", str(SAMPLE))
    run(capsys, *d, "watch", "add", "宏观", "降息")
    within = run_json(capsys, *d, "search", "美联储", "--watch", "宏观")
    everywhere = run_json(capsys, *d, "search", "美联储")
    assert 0 < within["total"] < everywhere["total"]
    assert all("宏观" in item["watch"] for item in within["items"])
    code, _, err = run(capsys, *d, "search", "美联储", "--watch", "没有")
    assert code == 1 and "no watchlist named" in err


def test_files_on_the_command_line_open_the_window_to_import_them(monkeypatch, data_dir):
    import telereader.app.main as app_main

    opened = []
    monkeypatch.setattr(
        app_main, "run_app", lambda directory, files: opened.append((directory, files)) or 0
    )
    assert main(["--data-dir", str(data_dir), str(SAMPLE), str(FIXTURES / "small.md")]) == 0
    assert opened == [(data_dir, [SAMPLE, FIXTURES / "small.md"])]
    assert main([]) == 0 and opened[-1] == (None, None)


def test_a_read_runs_without_the_cycle_collector_and_gives_it_back(capsys, data_dir, monkeypatch):
    import gc

    import telereader.cli as cli

    collecting: list[bool] = []
    dispatch = cli.dispatch

    def watched(chosen, args):
        collecting.append(gc.isenabled())
        return dispatch(chosen, args)

    monkeypatch.setattr(cli, "dispatch", watched)
    run(capsys, "--data-dir", str(data_dir), "import", str(SAMPLE))
    run(capsys, "--data-dir", str(data_dir), "days", "--json")
    run(capsys, "--data-dir", str(data_dir), "search", "黄金", "--json")
    item = run_json(capsys, "--data-dir", str(data_dir), "search", "黄金")["items"][0]
    run(capsys, "--data-dir", str(data_dir), "star", item["id"])
    assert collecting == [True, False, False, False, True]  # import and star write
    assert gc.isenabled()
