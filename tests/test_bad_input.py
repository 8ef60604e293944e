"""What users really drop: each file is refused, or imported with warnings, with a reason that
names the file (and the line), in the command line and in the window's report; the library
afterwards differs from before only by what was valid.

tests/fixtures/bad/ holds the small ones; the big, linked and unreadable ones are made here.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from telereader.app.dialogs.report import ReportModel
from telereader.cli import main
from telereader.core.messages import render
from telereader.core.walk import MAX_FILE_BYTES, read_bytes
from tests.conftest import FIXTURES, SAMPLE
from tests.test_window import drop_and_wait, english, reader  # noqa: F401

BAD = FIXTURES / "bad"
HEADER = "# 财联社【普通】电报 - 2026-04-02\n> 统计周期：2026-04-02 05:30 至次日 05:30\n\n---\n\n"

# file name → (status, words its reason or warnings must hold, line the warning names)
EXPECTED = {
    "empty.md": ("rejected", "empty", None),
    "picture.md": ("rejected", "PNG", None),
    "annual-report.pdf": ("rejected", "PDF", None),
    "digests.zip": ("rejected", "ZIP", None),
    "README.md": ("rejected", "not a telegraph digest", None),
    "windows-1252.md": ("rejected", "encoding", None),
    "impossible-times.md": ("imported", "25:10", 6),
    "cut-mid-character.md": ("imported", "cut", 20),
    "utf16-with-bom.md": ("imported", None, None),
    "utf16-without-bom.md": ("imported", None, None),
    "over-the-size-limit.md": ("rejected", "too large", None),
    "one-megabyte-line.md": ("imported", None, None),
    "unreadable.md": ("rejected", "Permission denied", None),
    "back-up": ("rejected", "loop", None),
}


@pytest.fixture
def dropped(tmp_path, monkeypatch) -> list[Path]:
    """Every bad input, as a reader drops them: files, and a folder with a link loop."""
    folder = tmp_path / "dropped"
    shutil.copytree(BAD, folder)
    with (folder / "over-the-size-limit.md").open("wb") as big:  # sparse: takes no disk
        big.write(HEADER.encode("utf-8"))
        big.truncate(MAX_FILE_BYTES + 1)
    long_line = "**[10:00]** 财联社4月2日电，" + "很长的一行。" * (1024 * 1024 // 18)
    (folder / "one-megabyte-line.md").write_text(
        HEADER + long_line + "\n\n**[10:05]** 财联社4月2日电，短的一条。\n", encoding="utf-8"
    )
    unreadable = folder / "unreadable.md"
    shutil.copy(FIXTURES / "small-important.md", unreadable)
    unreadable.chmod(0)
    if os.geteuid() == 0:  # root reads anything: the OS error is injected instead
        real = Path.read_bytes

        def refuse(path: Path) -> bytes:
            if path.name == "unreadable.md":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    looped = tmp_path / "looped"
    looped.mkdir()
    (looped / "back-up").symlink_to(".")  # a link to its own folder
    shutil.copy(FIXTURES / "small.md", looped / "small.md")
    files = sorted(p for p in folder.iterdir())
    return [*files, looped]


def by_name(report: dict) -> dict[str, dict]:
    return {Path(entry["path"]).name: entry for entry in report["files"]}


def test_the_cli_refuses_or_warns_for_every_bad_input_naming_file_and_line(
    capsys, data_dir, dropped
):
    _run(capsys, data_dir, "import", str(SAMPLE))  # the reader's library before the drop
    before = json.loads(_run(capsys, data_dir, "days", "--json"))
    code = main(["--data-dir", str(data_dir), "import", "--json", *map(str, dropped)])
    report = json.loads(capsys.readouterr().out)
    assert code == 1  # some file was rejected
    files = by_name(report)
    for name, (status, words, line) in EXPECTED.items():
        entry = files[name]
        assert entry["status"] == status, (name, entry)
        said = json.dumps(entry, ensure_ascii=False)
        if words:
            assert words.lower() in said.lower(), (name, said)
        if line:
            assert any(w["line"] == line for w in entry["warnings"]), (name, entry["warnings"])
    assert files["small.md"]["status"] == "imported"
    after = {d["day"]: d["items"] for d in json.loads(_run(capsys, data_dir, "days", "--json"))}
    assert after == {
        **{d["day"]: d["items"] for d in before},
        "2026-03-02": 7,  # small.md, its UTF-16 copies and the cut one: the same day
        "2026-04-01": 1,  # impossible-times.md: only its one possible item
        "2026-04-02": 2,  # the 1 MB line and the short one after it
    }
    plain = _run(capsys, data_dir, "import", str(dropped[0].parent / "windows-1252.md"))
    assert "windows-1252.md" in plain


def _run(capsys, data_dir: Path, *args: str) -> str:
    main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_the_windows_report_says_the_same_for_each_file(reader, qtbot, dropped):
    window = reader.open()
    report = drop_and_wait(qtbot, window, dropped)
    model = ReportModel(report, "en")
    rows = {
        Path(model.index(row, 0).data()).name: " ".join(
            str(model.index(row, column).data() or "") for column in range(model.columnCount())
        )
        for row in range(model.rowCount())
    }
    for name, (_status, words, _line) in EXPECTED.items():
        assert name in rows, name
        if words:
            assert words.lower() in rows[name].lower(), (name, rows[name])
    assert window.days[-1].isoformat() == "2026-04-02"


def test_a_file_that_cannot_be_read_is_refused_with_the_systems_reason(tmp_path, monkeypatch):
    locked = tmp_path / "locked.md"
    locked.write_text("# 财联社【普通】电报 - 2026-01-14\n", encoding="utf-8")
    monkeypatch.setattr(
        Path,
        "read_bytes",
        lambda path: (_ for _ in ()).throw(PermissionError(13, "Permission denied")),
    )
    with pytest.raises(Exception) as refused:
        read_bytes(locked)
    assert refused.value.problem.code == "unreadable"
    assert "Permission denied" in render(refused.value.problem, "en")
