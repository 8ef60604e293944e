"""Imports that must survive hostile or unlucky input: overlapping digest windows, dates at the
edge of the calendar, huge minutes, killed imports, padded captures and very large exports."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telereader.core.fold import fold
from telereader.core.importer import import_paths
from telereader.core.messages import render
from telereader.core.model import FileStatus, Kind, ParsedItem, Refused
from telereader.core.parse import parse
from telereader.core.report_text import import_report_json


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---- overlapping digest windows (point 3) ---------------------------------------------------


def test_two_digests_whose_windows_overlap_both_import_with_every_item(store, tmp_path):
    # The 14th covers 05:30 → 05:30 of the 15th; the 15th's digest starts at 00:00, so both
    # hold an item that happened on the 15th at 01:00.
    first = write(
        tmp_path / "in",
        "a-2026-01-14.md",
        "# 财联社【普通】电报 - 2026-01-14\n> 统计周期：2026-01-14 05:30 至次日 05:30\n\n"
        "**[06:00]** 早间一条\n\n**[01:00]** 深夜一条\n",
    )
    second = write(
        tmp_path / "in",
        "b-2026-01-15.md",
        "# 财联社【普通】电报 - 2026-01-15\n> 统计周期：2026-01-15 00:00 至次日 00:00\n\n"
        "**[01:00]** 凌晨另一条\n\n**[09:00]** 上午一条\n",
    )
    later = write(
        tmp_path / "in",
        "c-2026-01-16.md",
        "# 财联社【普通】电报 - 2026-01-16\n\n**[09:00]** 后来一条\n",
    )
    report = import_paths(store, [first, second, later])
    assert [f.status for f in report.files] == [FileStatus.IMPORTED] * 3
    assert report.added == 5
    night = dt.datetime(2026, 1, 15, 1, 0)
    at_one = [i for i in store.items_where([], []) if i.time == night]
    assert sorted(i.body for i in at_one) == ["凌晨另一条", "深夜一条"]


def test_a_file_that_fails_to_store_gets_a_reason_and_later_files_still_import(
    store, tmp_path, monkeypatch
):
    from telereader.core import importer

    files = [
        write(
            tmp_path / "in",
            f"d-2026-02-0{n}.md",
            f"# 财联社【普通】电报 - 2026-02-0{n}\n\n**[09:00]** 第{n}条\n",
        )
        for n in (1, 2, 3)
    ]
    twin = tmp_path / "in" / "copy-of-the-second.md"
    twin.write_bytes(files[1].read_bytes())
    files.append(twin)
    real = importer._store_digest

    def breaks_on_the_second(store, prepared, part, *rest):
        if part.day == dt.date(2026, 2, 2):
            raise ValueError("something unexpected")
        return real(store, prepared, part, *rest)

    monkeypatch.setattr(importer, "_store_digest", breaks_on_the_second)
    report = import_paths(store, files)
    assert [f.status for f in report.files] == [
        FileStatus.IMPORTED,
        FileStatus.REJECTED,
        FileStatus.IMPORTED,
        FileStatus.REJECTED,  # the same bytes again share the fate of the first copy
    ]
    failed = report.files[1]
    assert failed.reason.code == "store_failed"
    assert "something unexpected" in render(failed.reason, "en")
    assert report.rejected == [failed, report.files[3]]
    assert sorted(store.day_counts()) == [dt.date(2026, 2, 1), dt.date(2026, 2, 3)]


# ---- dates the app cannot hold (point 4, part of 14) ----------------------------------------


def test_a_header_at_the_end_of_the_calendar_is_refused_with_a_reason(store, tmp_path):
    edge = write(
        tmp_path / "in", "edge.md", "# 财联社【普通】电报 - 9999-12-31\n\n**[01:00]** 凌晨一条\n"
    )
    after = write(
        tmp_path / "in", "fine.md", "# 财联社【普通】电报 - 2026-01-14\n\n**[09:00]** 一条\n"
    )
    report = import_paths(store, [edge, after])
    assert [f.status for f in report.files] == [FileStatus.REJECTED, FileStatus.IMPORTED]
    reason = report.files[0].reason
    assert reason.code == "date_out_of_range"
    assert "9999-12-31" in render(reason, "en") and "9999-12-31" in render(reason, "zh")


@pytest.mark.parametrize("header", ["2026-02-30", "2026-13-01", "2025-02-29"])
def test_an_impossible_header_date_is_named_in_the_refusal(header):
    with pytest.raises(Refused) as refusal:
        parse(f"# 财联社【普通】电报 - {header}\n\n**[09:00]** 一条\n", "notes.md")
    problem = refusal.value.problem
    assert problem.code == "impossible_date"
    assert header in render(problem, "en") and header in render(problem, "zh")
    assert "no header line" not in render(problem, "en")


# ---- worker processes die with the import (point 11) ----------------------------------------


def _children(pid: int) -> dict[int, str]:
    """Live processes whose parent is `pid`, with their command lines (Linux /proc)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        state, parent = stat.rsplit(")", 1)[1].split()[:2]
        if int(parent) == pid and state != "Z":
            found[int(entry.name)] = command
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: imports use no workers")
def test_killing_an_import_leaves_no_worker_processes_behind(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(30):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=number)
        lines = [f"# 财联社【普通】电报 - {day}", ""]
        lines += [
            f"**[{6 + n // 60 % 18:02}:{n % 60:02}]** 第{n}条 {number} 市场消息 {'内容' * 20}\n"
            for n in range(4000)
        ]
        (folder / f"{day}.md").write_text("\n".join(lines), encoding="utf-8")
    importing = subprocess.Popen(
        [sys.executable, "-m", "telereader", "--data-dir", str(tmp_path / "lib"), "import",
         str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the import leads its own process group, as from a shell
    )  # fmt: skip
    helpers: dict[int, str] = {}
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and importing.poll() is None:
            helpers = _children(importing.pid)
            if sum("spawn_main" in command for command in helpers.values()) >= 2:
                break
            time.sleep(0.05)
        assert importing.poll() is None, "the import ended before its workers were seen"
        assert sum("spawn_main" in command for command in helpers.values()) >= 2
        os.kill(importing.pid, signal.SIGKILL)  # the leader only, not its group
        importing.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in helpers):
            time.sleep(0.1)
        assert [pid for pid in helpers if _alive(pid)] == []
    finally:
        for pid in helpers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if importing.poll() is None:
            importing.kill()


# ---- folding a crowded minute (point 5) -----------------------------------------------------


def quadratic_fold(items):
    """The fold as it was (compare each item with every kept item of its minute): the
    reference the faster fold must agree with."""
    from dataclasses import replace

    from telereader.core.fold import extends

    kept, contents, by_minute, folded = [], [], {}, 0
    for item in items:
        content = item.content
        same_minute = by_minute.setdefault(item.minute, [])
        for index in same_minute:
            if extends(contents[index], content):
                folded += 1
                break
            if extends(content, contents[index]):
                kept[index] = replace(item, line=kept[index].line)
                contents[index] = content
                folded += 1
                break
        else:
            same_minute.append(len(kept))
            kept.append(item)
            contents.append(content)
    return kept, folded


_texts = st.text(alphabet="ab。 ", max_size=5)
_items = st.lists(
    st.tuples(st.sampled_from([dt.time(6, 0), dt.time(6, 1)]), st.none() | _texts, _texts),
    max_size=14,
)


@settings(max_examples=600, deadline=None)
@given(_items)
def test_folding_agrees_with_comparing_every_pair(rows):
    items = [
        ParsedItem(line, minute, title, body, None, Kind.NEWS, None)
        for line, (minute, title, body) in enumerate(rows, start=1)
    ]
    assert fold(items) == quadratic_fold(items)


@st.composite
def _a_story_and_its_truncated_captures(draw):
    """Items that tell one story at different lengths (a stem and longer texts starting with
    it), then copies of the stem and of its beginnings: the pattern of a capture that cut the
    same story short again and again."""
    stem = draw(st.text(alphabet="ab", min_size=1, max_size=3))
    tails = st.text(alphabet="ab0。", max_size=3)
    whole = draw(st.lists(tails.map(lambda tail: stem + tail), max_size=8))
    cut = draw(
        st.lists(
            st.tuples(st.integers(1, len(stem)), st.sampled_from(["", "。", " "])).map(
                lambda cut: stem[: cut[0]] + cut[1]
            ),
            max_size=8,
        )
    )
    mixed = draw(st.permutations(whole + cut))
    return draw(st.sampled_from([whole + cut, mixed]))


@settings(max_examples=400, deadline=None)
@given(_a_story_and_its_truncated_captures())
def test_folding_truncated_captures_agrees_with_comparing_every_pair(texts):
    items = [
        ParsedItem(line, dt.time(6, 0), None, text, None, Kind.NEWS, None)
        for line, text in enumerate(texts, start=1)
    ]
    assert fold(items) == quadratic_fold(items)


class CountingText(str):
    """Text that counts the comparisons made with it (ordering and startswith)."""

    count = 0

    def startswith(self, *args):
        CountingText.count += 1
        return super().startswith(*args)

    def __lt__(self, other):
        CountingText.count += 1
        return super().__lt__(other)

    def __gt__(self, other):
        CountingText.count += 1
        return super().__gt__(other)

    def __le__(self, other):
        CountingText.count += 1
        return super().__le__(other)

    def __ge__(self, other):
        CountingText.count += 1
        return super().__ge__(other)


def comparisons_to_fold_truncated_captures(count: int) -> int:
    # N different notices, then N captures cut short at the common beginning, one minute.
    items = [
        ParsedItem(
            n, dt.time(6, 0), None, CountingText(f"央行公告{n:06d}号"), None, Kind.NEWS, None
        )
        for n in range(count)
    ]
    items += [
        ParsedItem(count + n, dt.time(6, 0), None, CountingText("央行公告"), None, Kind.NEWS, None)
        for n in range(count)
    ]
    CountingText.count = 0
    kept, folded = fold(items)
    assert (len(kept), folded) == (count, count)
    return CountingText.count


def test_folding_many_captures_of_one_beginning_compares_n_log_n_times():
    # Each cut capture used to be compared with every kept notice that starts like it: n².
    smaller, larger = (comparisons_to_fold_truncated_captures(n) for n in (1000, 2000))
    assert larger <= 2.3 * smaller


def test_a_minute_of_thousands_of_different_items_keeps_them_all_in_file_order():
    count = 20_000
    text = "# 财联社【普通】电报 - 2026-01-14\n\n" + "\n\n".join(
        f"**[06:00]** 财联社1月14日电，第{n}条消息。" for n in range(count)
    )
    kept, folded = fold(parse(text).items)
    assert (len(kept), folded) == (count, 0)
    assert [item.line for item in kept] == sorted(item.line for item in kept)


def test_folding_looks_at_each_item_a_bounded_number_of_times(monkeypatch):
    # Comparing each item with every kept item of its minute strips punctuation n²/2 times.
    from telereader.core import fold as fold_module

    calls = 0
    real = fold_module.strip_trailing_punctuation

    def counting(text):
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(fold_module, "strip_trailing_punctuation", counting)
    count = 2000
    items = [
        ParsedItem(n, dt.time(6, 0), None, f"第{n}条消息。", None, Kind.NEWS, None)
        for n in range(count)
    ]
    fold(items)
    assert calls <= 2 * count


def crowded_day(day: dt.date, count: int) -> str:
    lines = [f"# 财联社【普通】电报 - {day}", ""]
    lines += [f"**[{6 + n // 60 % 18:02}:{n % 60:02}]** 第{n}条消息 {day}。" for n in range(count)]
    return "\n\n".join(lines) + "\n"


def cancel_on_call(number: int):
    """A cancel flag that the reader sets while the import is at its `number`th look."""
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls >= number

    return cancelled


def test_cancel_reaches_inside_one_big_file_and_keeps_nothing_of_it(store, tmp_path):
    big = write(tmp_path / "in", "big.md", crowded_day(dt.date(2026, 3, 1), 30_000))
    report = import_paths(store, [big], cancelled=cancel_on_call(3))
    assert report.cancelled and report.files == []
    assert store.day_counts() == {}
    assert store.db.execute("SELECT count(*) FROM items").fetchone()[0] == 0


def test_cancel_inside_a_streamed_export_rolls_back_its_earlier_days(store, tmp_path, monkeypatch):
    from telereader.core import importer

    monkeypatch.setattr(importer, "STREAM_FROM_BYTES", 1024)
    days = [dt.date(2026, 3, 1) + dt.timedelta(days=n) for n in range(6)]
    export = write(tmp_path / "in", "export.md", "".join(crowded_day(d, 3000) for d in days))
    report = import_paths(store, [export], cancelled=cancel_on_call(12))
    assert report.cancelled and report.files == []
    assert store.db.execute("SELECT count(*) FROM items").fetchone()[0] == 0


def test_a_streamed_export_gives_the_same_library_as_one_read_whole(tmp_path, monkeypatch):
    from telereader.core import importer
    from telereader.core.store import Store

    days = [dt.date(2026, 3, 1) + dt.timedelta(days=n) for n in range(4)]
    text = "".join(crowded_day(d, 500) for d in days) + "**[25:00]** 不可能的时间\n"
    export = write(tmp_path / "in", "export.md", text)

    def imported(name: str):
        with Store.open(tmp_path / name) as library:
            report = import_paths(library, [export])
            rows = library.db.execute(
                "SELECT seq, id, day, time, title, body, position FROM items ORDER BY seq"
            ).fetchall()
            return import_report_json(report), rows

    whole = imported("whole")
    monkeypatch.setattr(importer, "STREAM_FROM_BYTES", 1024)
    streamed = imported("streamed")
    assert streamed == whole
    assert whole[0]["files"][0]["days"] == [d.isoformat() for d in days]
    assert [w["code"] for w in whole[0]["files"][0]["warnings"]] == ["impossible_time"]


def test_a_file_that_breaks_while_being_read_does_not_stop_the_batch(store, tmp_path, monkeypatch):
    from telereader.core import importer

    real = importer.identify

    def breaks_on_the_first(digest, *rest):
        if digest.day == dt.date(2026, 2, 1):
            raise OverflowError("date value out of range")
        return real(digest, *rest)

    monkeypatch.setattr(importer, "identify", breaks_on_the_first)
    files = [write(tmp_path / "in", f"{d}.md", crowded_day(d, 3)) for d in
             (dt.date(2026, 2, 1), dt.date(2026, 2, 2))]  # fmt: skip
    report = import_paths(store, files)
    assert [f.status for f in report.files] == [FileStatus.REJECTED, FileStatus.IMPORTED]
    assert "OverflowError" in render(report.files[0].reason, "en")


# ---- very large exports and padded captures (point 14) --------------------------------------


def test_an_export_over_20_mib_imports_back(store, tmp_path):
    from tests.conftest import SAMPLE

    sample = SAMPLE.read_text(encoding="utf-8")
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=n) for n in range(470)]
    export = tmp_path / "ten-years.md"
    with export.open("w", encoding="utf-8") as out:
        for day in days:
            out.write(sample.replace("2026-01-14", day.isoformat()) + "\n")
    assert export.stat().st_size > 20 * 1024 * 1024
    report = import_paths(store, [export])
    (file_report,) = report.files
    assert file_report.status is FileStatus.IMPORTED, file_report.reason
    assert file_report.days == days
    assert store.day_counts() == dict.fromkeys(days, 93)


def test_an_absurdly_large_file_is_still_refused_without_being_read(store, tmp_path):
    from telereader.core.walk import MAX_FILE_BYTES

    huge = tmp_path / "huge.md"
    with huge.open("wb") as out:  # sparse: takes no disk
        out.truncate(MAX_FILE_BYTES + 1)
    (file_report,) = import_paths(store, [huge]).files
    assert file_report.reason.code == "too_large"
    assert "limit" in render(file_report.reason, "en")


def test_a_capture_padded_with_nul_bytes_is_read_up_to_the_padding(store, tmp_path):
    capture = tmp_path / "crashed-2026-01-14.md"
    text = "# 财联社【普通】电报 - 2026-01-14\n\n**[09:00]** 第一条\n\n**[09:05]** 第二条\n"
    capture.write_bytes(text.encode("utf-8") + b"\x00" * 8192)
    (file_report,) = import_paths(store, [capture]).files
    assert file_report.status is FileStatus.IMPORTED
    assert file_report.added == 2
    (warning,) = file_report.warnings
    assert warning.code == "nul_padding"
    assert "8192" in render(warning, "en")


def test_nul_bytes_inside_the_text_still_mean_binary(store, tmp_path):
    odd = tmp_path / "odd.md"
    odd.write_bytes(b"# \xe8\xb4\xa2\x00\x00 text\x00 more\x01\x02\x03 text" * 50)
    (file_report,) = import_paths(store, [odd]).files
    assert file_report.status is FileStatus.REJECTED


def test_ctrl_c_in_the_command_line_cancels_inside_a_file_and_reports_the_files_before(
    tmp_path, monkeypatch, capsys
):
    from telereader.cli import main
    from telereader.core import importer
    from telereader.core.store import Store

    first = write(tmp_path / "in", "a.md", crowded_day(dt.date(2026, 2, 1), 5))
    second = write(tmp_path / "in", "b.md", crowded_day(dt.date(2026, 2, 2), 5000))
    real = importer.fold

    def reader_presses_ctrl_c_during_the_second(items, *rest):
        items = list(items)
        if len(items) > 100:
            os.kill(os.getpid(), signal.SIGINT)
        return real(items, *rest)

    monkeypatch.setattr(importer, "fold", reader_presses_ctrl_c_during_the_second)
    library = tmp_path / "lib"
    code = main(["--data-dir", str(library), "import", str(first), str(second)])
    out = capsys.readouterr().out
    assert code == 130
    assert "a.md" in out and "b.md" not in out
    assert "cancelled: the file being imported was not written" in out
    with Store.open(library) as store:
        assert list(store.day_counts()) == [dt.date(2026, 2, 1)]
