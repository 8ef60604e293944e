"""The command line under stress: closed pipes, a full disk for backups, absurd numbers, hostile
text meant to drive the terminal, and a day too big to hold in memory."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from benchmarks.bench_items import build
from telereader.cli import main
from telereader.core.terminal import inert, inert_json
from tests.conftest import ROOT, SAMPLE

ESC = "\x1b"
HOSTILE_DAY = "2026-03-05"
HOSTILE = (
    "# 财联社【普通】电报 - 2026-03-05\n"
    "> 统计周期：2026-03-05 05:30 至次日 05:30\n\n"
    # hidden text, a clipboard write (OSC 52), a bidi override, a one-byte CSI (C1)
    "**[09:30]** 【\x1b[8m隐藏\x1b[0m标题】正文\x1b]52;c;ZXZpbA==\x07 \u202eabc \x9b31m红\n\n"
    "**[09:31]** 财联社3月5日电，\x1b[2J清屏 \u2066隔离\u2069 黄金\n"
)
# Characters that must never reach a terminal from a file
DRIVING = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2069")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def library(capsys, data_dir: Path, tmp_path: Path) -> list[str]:
    """A library with the sample day and a day of hostile text; the --data-dir arguments."""
    hostile = tmp_path / "hostile.md"
    hostile.write_text(HOSTILE, encoding="utf-8")
    d = ["--data-dir", str(data_dir)]
    code, _, err = run(capsys, *d, "import", str(SAMPLE), str(hostile))
    assert code == 0, err
    return d


# ---- exit statuses (issue 12, point 12) ---------------------------------------------------------


def test_a_reader_that_stops_reading_is_not_an_error(library):
    """`telereader items DAY | head -1`: the pipe closes early; exit 0 with nothing on stderr."""
    process = subprocess.Popen(
        [sys.executable, "-m", "telereader", *library, "items", "2026-01-14"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    process.stdout.close()  # the reader is gone before the first line: every write is EPIPE
    err = process.stderr.read().decode("utf-8", "replace")
    assert process.wait(timeout=60) == 0, err
    assert err == ""


def test_a_note_is_saved_and_exits_0_when_only_the_automatic_backup_fails(
    capsys, library, monkeypatch
):
    item_id = json.loads(run(capsys, *library, "items", "2026-01-14", "--json")[1])[0]["id"]

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("telereader.core.backup.write_backup", disk_full)
    code, out, err = run(capsys, *library, "note", item_id, "满盘也要记下")
    assert code == 0
    assert out == ""
    assert err == (
        "telereader: saved, but the automatic backup could not be written: "
        "No space left on device\n"
    )
    shown = json.loads(run(capsys, *library, "show", item_id, "--json")[1])
    assert shown["note"] == "满盘也要记下"


@pytest.mark.parametrize("command", [["search", "黄金"], ["watch", "hits"]])
@pytest.mark.parametrize("value", ["99999999999999999999", "-1", "many"])
def test_an_impossible_limit_is_refused_in_one_sentence(capsys, library, command, value):
    with pytest.raises(SystemExit) as exited:
        main([*library, *command, "--limit", value])
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert f"argument --limit: expected a whole number from 0 to 1000000000, not {value}" in err
    assert "Traceback" not in err and "Error" not in err


def test_the_largest_limit_is_accepted(capsys, library):
    code, out, err = run(capsys, *library, "search", "黄金", "--limit", "1000000000", "--json")
    assert code == 0, err
    assert json.loads(out)["total"] > 0


# ---- terminal escapes (issue 12, point 13) ------------------------------------------------------


def test_inert_shows_controls_and_bidi_marks_and_keeps_text_newlines_and_tabs():
    assert inert("a\x1b[8mb") == "a\u241b[8mb"  # ␛[8m: seen, not obeyed
    assert inert("\x07\x00\r\x7f") == "\u2407\u2400\u240d\u2421"
    assert inert("\x9b31m") == "\\x9b31m"
    assert inert("\u202eabc\u202c \u2067x\u2069 \u200e\u200f\u061c") == (
        "<U+202E>abc<U+202C> <U+2067>x<U+2069> <U+200E><U+200F><U+061C>"
    )
    plain = "【黄金】财联社1月14日电，①涨②跌\n\tCPO ETF (新华社)"
    assert inert(plain) == plain


def test_inert_json_reads_back_to_the_very_same_text():
    value = {"title": "\x1b]52;c;ZXZpbA==\x07\u202e\x9b\x7f", "body": "黄金\n"}
    text = inert_json(value)
    assert json.loads(text) == value
    assert not any(char in text for char in (*DRIVING, "\x7f"))


@pytest.mark.parametrize(
    "command",
    [["items", HOSTILE_DAY], ["search", "清屏"], ["search", "标题"]],
)
def test_listing_commands_print_hostile_text_inert(capsys, library, command):
    code, out, _ = run(capsys, *library, *command)
    assert code == 0
    assert not any(char in out for char in DRIVING), repr(out)
    assert "\u241b" in out  # the escape is visible as ␛


def test_show_prints_hostile_text_and_notes_inert(capsys, library):
    items = json.loads(run(capsys, *library, "items", HOSTILE_DAY, "--json")[1])
    for item in items:
        code, _, _ = run(capsys, *library, "note", item["id"], "笔记\x1b]0;新标题\x07\u202e")
        assert code == 0
        code, out, _ = run(capsys, *library, "show", item["id"])
        assert code == 0
        assert not any(char in out for char in DRIVING), repr(out)
        assert "\u241b" in out and "<U+202E>" in out


def test_json_output_keeps_the_exact_text_but_no_raw_controls(capsys, library):
    code, out, _ = run(capsys, *library, "items", HOSTILE_DAY, "--json")
    assert code == 0
    assert not any(char in out for char in DRIVING)
    first = json.loads(out)[0]
    assert first["title"] == "\x1b[8m隐藏\x1b[0m标题"
    assert first["body"] == "正文\x1b]52;c;ZXZpbA==\x07 \u202eabc \x9b31m红"
    code, out, _ = run(capsys, *library, "search", "清屏", "--json")
    assert not any(char in out for char in DRIVING)
    assert "\x1b[2J" in json.loads(out)["items"][0]["body"]


def test_an_error_naming_hostile_input_is_inert(capsys, library):
    code, out, err = run(capsys, *library, "show", "\x1b]52;c;ZXZpbA==\x07")
    assert code == 1 and out == ""
    assert not any(char in err for char in DRIVING)
    assert "\u241b]52;c;ZXZpbA==\u2407" in err


# ---- a huge day (issue 12, point 14) ------------------------------------------------------------


@pytest.mark.parametrize("as_json", [False, True])
def test_items_of_a_huge_day_stream_with_flat_memory(tmp_path, monkeypatch, as_json):
    """20,000 items: held at once they take tens of MB; printed as read, far less than that."""
    data_dir = tmp_path / "huge"
    build(data_dir, 20_000)
    out = tmp_path / "out.txt"
    with out.open("w", encoding="utf-8") as stream:
        monkeypatch.setattr(sys, "stdout", stream)
        tracemalloc.start()
        try:
            code = main(["--data-dir", str(data_dir), "items", "2026-01-14"] + ["--json"] * as_json)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert code == 0
    text = out.read_text(encoding="utf-8")
    if as_json:
        items = json.loads(text)
        assert len(items) == 20_000
        assert [item["time"] for item in items] == sorted(item["time"] for item in items)
    else:
        assert text.count("\n") == 20_000
    assert peak < 4 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "json"])
def test_an_export_to_a_terminal_is_inert_and_to_a_pipe_verbatim(library, fmt):
    """`export` without -o writes the file format to standard output: verbatim into a pipe (a
    script gets the exact bytes), made inert when standard output is a terminal."""
    import pty

    command = [sys.executable, "-m", "telereader", *library, "export", "--day", HOSTILE_DAY]
    command += ["--format", fmt]
    piped = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    if fmt != "json":  # JSON escapes controls itself
        assert ESC in piped.stdout
    leader, follower = pty.openpty()
    try:
        shown = subprocess.run(command, stdout=follower, stderr=subprocess.PIPE, cwd=ROOT)
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other end is closed and drained
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(leader)
    assert shown.returncode == 0, shown.stderr
    text = output.decode("utf-8")
    assert "隐藏" in text and "黄金" in text
    assert [char for char in DRIVING if char in text] == []
