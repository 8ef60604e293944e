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

from telereader.core.importer import import_paths
from telereader.core.model import FileStatus, Refused
from telereader.core.parse import parse


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

    def breaks_on_the_second(store, prepared, part):
        if part.day == dt.date(2026, 2, 2):
            raise ValueError("something unexpected")
        return real(store, prepared, part)

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
    assert "something unexpected" in failed.reason.message("en")
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
    assert "9999-12-31" in reason.message("en") and "9999-12-31" in reason.message("zh")


@pytest.mark.parametrize("header", ["2026-02-30", "2026-13-01", "2025-02-29"])
def test_an_impossible_header_date_is_named_in_the_refusal(header):
    with pytest.raises(Refused) as refusal:
        parse(f"# 财联社【普通】电报 - {header}\n\n**[09:00]** 一条\n", "notes.md")
    problem = refusal.value.problem
    assert problem.code == "impossible_date"
    assert header in problem.message("en") and header in problem.message("zh")
    assert "no header line" not in problem.message("en")


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
