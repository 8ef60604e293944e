"""One window per library, and the command line beside it: a second telereader hands its files to
the open window; CLI commands work while the window's import is writing."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from benchmarks import synth
from telereader.app.single import InstanceServer, hand_over, server_name
from tests.conftest import FIXTURES
from tests.test_window import IMPORT_TIMEOUT_MS, SMALL_DAY, english, reader  # noqa: F401

CLI_TIMEOUT_S = 20


def telereader(data_dir: Path, *args: str) -> subprocess.Popen:
    """Start a telereader; its output goes to files, so a long answer never blocks it."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TELEREADER_LANG": "en"}
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115 (closed in finish)
    process = subprocess.Popen(
        [sys.executable, "-m", "telereader", "--data-dir", str(data_dir), *args],
        env=environment,
        stdout=out,
        stderr=err,
    )
    process.outputs = (out, err)  # type: ignore[attr-defined]
    return process


def finish(qtbot, process: subprocess.Popen) -> tuple[int, str, str]:
    """Wait for `process` while this test's window keeps answering."""
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=CLI_TIMEOUT_S * 1000)
    finally:
        if process.poll() is None:
            process.kill()
    outputs = []
    for stream in process.outputs:  # type: ignore[attr-defined]
        stream.seek(0)
        outputs.append(stream.read().decode("utf-8", "replace"))
        stream.close()
    return process.returncode, outputs[0], outputs[1]


def serve(window) -> InstanceServer:
    """What run_app does once its window exists."""
    server = InstanceServer(window.data_dir, window)
    server.files_received.connect(window.receive_files)
    assert server.listen()
    return server


def test_a_second_telereader_hands_its_files_to_the_open_window_and_exits(reader, qtbot, tmp_path):
    window = reader.open()
    serve(window)
    dropped = tmp_path / "small.md"
    shutil.copy(FIXTURES / "small.md", dropped)
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS):
        code, _, err = finish(qtbot, telereader(window.data_dir, str(dropped)))
    assert code == 0, err
    assert window.model.day == SMALL_DAY
    assert SMALL_DAY in window.days


def test_nobody_listening_means_no_handover(tmp_path):
    assert hand_over(tmp_path / "nobody", [tmp_path / "x.md"], timeout_ms=500) is False


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave nothing behind")
def test_a_socket_left_by_a_crashed_window_is_cleared(qapp, tmp_path):
    """A window killed mid-session leaves its socket file; the next one listens all the same."""
    path = Path(tempfile.gettempdir()) / server_name(tmp_path)
    path.unlink(missing_ok=True)
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(path))
    left.close()  # bound, never listening: what a crash leaves
    assert path.exists()
    server = InstanceServer(tmp_path)
    try:
        assert server.listen()
    finally:
        server.close()


def test_cli_commands_work_while_the_windows_import_writes(reader, qtbot, tmp_path):
    window = reader.open()
    corpus = tmp_path / "corpus"
    synth.generate(corpus, 150, dt.date(2024, 1, 1), 1)
    item = window.current_item()
    commands = (
        ("star", item.id),
        ("note", item.id, "导入时写的笔记"),
        ("search", "--json", "黄金"),
        ("days", "--json"),
    )
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS * 3):
        window.start_import([corpus])
        qtbot.waitUntil(lambda: window.job is not None and window.job.running, timeout=5000)
        qtbot.waitUntil(lambda: window.progress.value() >= 2, timeout=IMPORT_TIMEOUT_MS)
        running = [telereader(window.data_dir, *args) for args in commands]  # all at once
        results = [
            (args[0], *finish(qtbot, process))
            for args, process in zip(commands, running, strict=True)
        ]
        still_importing = window.job.running
    assert window.import_error == ""
    for command, code, _, err in results:
        assert code == 0, (command, err)
        assert "locked" not in err
    assert still_importing, "the commands ran after the import; make the corpus bigger"
    fresh = window.store.item(item.id)
    assert fresh.starred and fresh.note == "导入时写的笔记"
    assert len(window.days) == 151
