"""Importing files and folders into a library: reports, idempotence, merges, user state."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from telereader.core.importer import import_paths
from telereader.core.messages import render
from telereader.core.model import FileStatus, Level
from telereader.core.store import Store
from telereader.core.walk import collect
from tests.conftest import FIXTURES, SAMPLE

SAMPLE_DAY = dt.date(2026, 1, 14)
SMALL_DAY = dt.date(2026, 3, 2)


def copy_fixtures(target: Path, *names: str) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(FIXTURES / name, target / name)
    return target


def library_rows(store) -> list[tuple]:
    return list(store.db.execute("SELECT * FROM items ORDER BY id").fetchall())


def test_the_sample_day_imports_as_93_items_in_time_order(store):
    report = import_paths(store, [SAMPLE.parent])
    (file_report,) = report.files
    assert (file_report.status, file_report.added, file_report.folded) == (
        FileStatus.IMPORTED,
        93,
        1,
    )
    items = store.items_on(SAMPLE_DAY)
    assert len(items) == 93
    assert [item.time for item in items] == sorted(item.time for item in items)
    minutes = [item.time.strftime("%H:%M") for item in items]
    assert minutes.index("12:00") < minutes.index("12:05") < minutes.index("12:07")


def test_importing_the_same_folder_again_reports_unchanged_and_changes_nothing(store):
    import_paths(store, [SAMPLE.parent])
    before = library_rows(store)
    report = import_paths(store, [SAMPLE.parent])
    assert [f.status for f in report.files] == [FileStatus.UNCHANGED]
    assert report.files[0].unchanged == 93
    assert report.files[0].day == SAMPLE_DAY
    assert library_rows(store) == before


def test_the_same_items_in_another_file_are_unchanged_not_duplicated(store, tmp_path):
    import_paths(store, [FIXTURES / "small.md"])
    report = import_paths(store, [FIXTURES / "small-crlf.md", FIXTURES / "small-gb18030.md"])
    assert [(f.added, f.updated, f.unchanged) for f in report.files] == [(0, 0, 7), (0, 0, 7)]
    assert len(store.items_on(SMALL_DAY)) == 7


def test_a_later_capture_updates_edited_items_and_adds_new_ones_keeping_user_state(store):
    import_paths(store, [FIXTURES / "small.md"])
    items = {item.time.strftime("%H:%M"): item for item in store.items_on(SMALL_DAY)}
    ism, storage = items["14:20"], items["11:02"]
    store.set_starred([ism.id, storage.id], True)
    store.set_note(ism.id, "制造业回暖，关注")
    store.set_note(storage.id, "存储涨价")

    report = import_paths(store, [FIXTURES / "small-later-capture.md"])
    (file_report,) = report.files
    assert (file_report.added, file_report.updated, file_report.unchanged) == (1, 2, 5)

    ism_after, storage_after = store.item(ism.id), store.item(storage.id)
    assert "指数为50.4" in ism_after.body
    assert storage_after.body == "《科创板日报》2日讯，多家存储厂商宣布上调DDR5报价。"
    assert ism_after.starred and storage_after.starred
    assert ism_after.note == "制造业回暖，关注"
    assert storage_after.note == "存储涨价"
    assert len(store.items_on(SMALL_DAY)) == 8


def test_an_older_shorter_capture_never_shortens_a_story(store, tmp_path):
    longer = tmp_path / "longer.md"
    shorter = tmp_path / "shorter.md"
    header = "# 财联社【普通】电报 - 2026-03-02\n\n"
    longer.write_text(header + "**[12:11]** 稀土出口4392吨；手机出口6829万台。\n", encoding="utf-8")
    shorter.write_text(header + "**[12:11]** 稀土出口4392吨。\n", encoding="utf-8")
    import_paths(store, [longer])
    report = import_paths(store, [shorter])
    assert (report.files[0].added, report.files[0].updated) == (0, 0)
    (item,) = store.items_on(SMALL_DAY)
    assert item.body == "稀土出口4392吨；手机出口6829万台。"


def test_the_same_item_in_the_normal_and_important_digest_is_one_important_item(store):
    report = import_paths(store, [FIXTURES / "small.md", FIXTURES / "small-important.md"])
    assert [(f.level, f.added, f.updated) for f in report.files] == [
        (Level.NORMAL, 7, 0),
        (Level.IMPORTANT, 0, 2),
    ]
    items = store.items_on(SMALL_DAY)
    assert len(items) == 7
    assert {i.title for i in items if i.level is Level.IMPORTANT} == {
        "美国2月ISM制造业指数回升",
        "央行开展逆回购操作",
    }


def test_the_important_digest_first_then_the_normal_one_keeps_the_level(store):
    import_paths(store, [FIXTURES / "small-important.md"])
    import_paths(store, [FIXTURES / "small.md"])
    important = [i for i in store.items_on(SMALL_DAY) if i.level is Level.IMPORTANT]
    assert len(important) == 2


def test_a_bad_file_is_reported_and_changes_nothing_while_the_rest_imports(store, tmp_path):
    folder = copy_fixtures(
        tmp_path / "drop",
        "empty.md",
        "picture.md",
        "README.md",
        "small.md",
        "headerless-no-date.md",
        "bad-lines.md",
    )
    report = import_paths(store, [folder])
    by_name = {Path(f.path).name: f for f in report.files}
    assert by_name["empty.md"].reason.code == "empty_file"
    assert by_name["picture.md"].reason.code == "not_text"
    assert by_name["README.md"].reason.code == "not_digest"
    assert by_name["headerless-no-date.md"].reason.code == "no_digest_date"
    assert by_name["small.md"].added == 7
    assert [w.code for w in by_name["bad-lines.md"].warnings] == ["orphan_text", "impossible_time"]
    assert by_name["bad-lines.md"].added == 1
    assert len(report.rejected) == 4
    assert {s.day for s in store.days()} == {SMALL_DAY, dt.date(2026, 3, 4)}


def test_a_missing_path_is_rejected_with_a_reason(store, tmp_path):
    report = import_paths(store, [tmp_path / "nowhere.md"])
    assert report.files[0].status is FileStatus.REJECTED
    assert render(report.files[0].reason, "en") == "no such file or folder"


def test_folders_are_walked_recursively_for_digest_files_skipping_hidden_ones(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in [
        "a/one.md",
        "a/b/two.markdown",
        "a/b/three.txt",
        "a/four.pdf",
        "a/.five.md",
        ".hidden/six.md",
    ]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = sorted(c.path.relative_to(tmp_path).as_posix() for c in collect([tmp_path]))
    assert found == ["a/b/three.txt", "a/b/two.markdown", "a/one.md"]


def test_a_file_named_directly_is_tried_whatever_its_name(tmp_path):
    odd = tmp_path / "digest.data"
    odd.write_bytes((FIXTURES / "small.md").read_bytes())
    assert [c.path for c in collect([odd])] == [odd]


def test_a_folder_link_loop_is_walked_once(tmp_path):
    copy_fixtures(tmp_path / "drop", "small.md")
    (tmp_path / "drop" / "again").symlink_to(tmp_path / "drop", target_is_directory=True)
    candidates = collect([tmp_path / "drop"])
    assert [c.path.name for c in candidates if c.problem is None] == ["small.md"]


def test_progress_is_reported_per_file_and_cancel_stops_between_files(store, tmp_path):
    folder = copy_fixtures(tmp_path / "drop", "small.md", "bad-lines.md", "headerless-20260114.md")
    calls = []
    report = import_paths(store, [folder], progress=lambda *args: calls.append(args))
    assert calls == [(1, 3, 1), (2, 3, 3), (3, 3, 10)]

    other = copy_fixtures(tmp_path / "second", "small-later-capture.md", "small-important.md")
    report = import_paths(store, [other], cancelled=lambda: True)
    assert report.cancelled and report.files == []


def test_items_after_midnight_belong_to_their_digest_day_but_happened_the_next_day(store):
    import_paths(store, [FIXTURES / "small.md"])
    last = store.items_on(SMALL_DAY)[-1]
    assert last.day == SMALL_DAY
    assert last.time == dt.datetime(2026, 3, 3, 0, 12)
    assert last.source == "财联社记者 张三"


def test_a_large_batch_parsed_in_worker_processes_stores_exactly_the_same(tmp_path):
    from benchmarks.synth import generate

    generate(tmp_path / "corpus", 30, dt.date(2024, 1, 1), 7)
    rows = {}
    for workers in (0, 2):
        with Store.open(tmp_path / f"library-{workers}") as store:
            report = import_paths(store, [tmp_path / "corpus"], workers=workers)
            assert [f.status for f in report.files] == [FileStatus.IMPORTED] * 30
            rows[workers] = store.db.execute(
                "SELECT id, day, time, title, body, source, level, kind, teaser_column, position "
                "FROM items ORDER BY id"
            ).fetchall()
    assert len(rows[0]) == 30 * 300
    assert rows[0] == rows[2]


def test_two_files_with_the_same_bytes_in_one_batch_import_once(store, tmp_path):
    folder = copy_fixtures(tmp_path / "drop", "small.md")
    shutil.copy(FIXTURES / "small.md", folder / "copy-of-small.md")
    report = import_paths(store, [folder])
    by_name = {Path(f.path).name: f for f in report.files}
    assert (by_name["copy-of-small.md"].status, by_name["copy-of-small.md"].added) == (
        FileStatus.IMPORTED,
        7,
    )
    assert (by_name["small.md"].status, by_name["small.md"].unchanged) == (FileStatus.UNCHANGED, 7)
