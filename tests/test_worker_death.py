"""A parsing worker process that dies (killed for memory, a segfault) costs at most the file it
died on: the batch goes on, the files that were in flight beside it are imported, and the
file that kills its worker again when tried alone is rejected with a reason (issue 12)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from telereader.core import importer
from telereader.core.importer import import_paths
from telereader.core.messages import render
from telereader.core.model import FileStatus
from tests.conftest import SAMPLE

KILLER_SUFFIX = "-kills-its-worker.md"
_real_prepare = importer.prepare


def prepare_that_dies_on_one_file(path, data, digest_hash, check=None):
    """`importer.prepare` as the tests below install it. It lives at the top of an importable
    module so that pickling sends it to the (spawned) worker processes by name; in a worker it
    ends the process abruptly, as the kernel's OOM killer would, for the one file so named."""
    if path.endswith(KILLER_SUFFIX):
        os._exit(9)
    return _real_prepare(path, data, digest_hash, check)


def thirty_days(folder: Path, killer: int) -> list[Path]:
    sample = SAMPLE.read_text(encoding="utf-8")
    folder.mkdir()
    files = []
    for number in range(30):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=number)
        name = f"{number:02d}-{day}" + (KILLER_SUFFIX if number == killer else ".md")
        path = folder / name
        path.write_text(sample.replace("2026-01-14", day.isoformat()), encoding="utf-8")
        files.append(path)
    return files


def test_a_worker_that_dies_on_one_file_costs_only_that_file(store, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "prepare", prepare_that_dies_on_one_file)
    files = thirty_days(tmp_path / "in", killer=3)

    report = import_paths(store, files, workers=2)

    assert len(report.files) == 30  # the batch went on to the end
    killer = report.files[3]
    assert killer.status is FileStatus.REJECTED
    assert killer.reason.code == "worker_died"
    assert "worker process" in render(killer.reason, "en")
    others = report.files[:3] + report.files[4:]
    # among them the files that were in flight beside it when its worker died
    assert [f.status for f in others] == [FileStatus.IMPORTED] * 29
    stored = {day for (day,) in store.db.execute("SELECT DISTINCT day FROM items")}
    assert len(stored) == 29
    assert "2025-01-04" not in stored


def test_a_worker_that_dies_on_the_last_file_in_flight_still_ends_the_batch(
    store, tmp_path, monkeypatch
):
    monkeypatch.setattr(importer, "prepare", prepare_that_dies_on_one_file)
    files = thirty_days(tmp_path / "in", killer=29)

    report = import_paths(store, files, workers=2)

    assert [f.status for f in report.files] == [FileStatus.IMPORTED] * 29 + [FileStatus.REJECTED]
    assert report.files[-1].reason.code == "worker_died"
