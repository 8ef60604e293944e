"""The single-instance socket belongs to this user alone: it lives in a folder no one else can
enter, and a listener or a caller running as another user is not talked to.

The tests that play another user need root (to run a process as `nobody`) and Linux (SO_PEERCRED);
elsewhere they are skipped.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from telereader.app.single import InstanceServer, hand_over, server_name
from tests.conftest import FIXTURES, ROOT

NOBODY = 65534
# An interpreter user nobody may run (this one may live under root's home).
SYSTEM_PYTHON = shutil.which("python3", path="/usr/bin:/bin:/usr/local/bin")
as_root_on_linux = pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0,
    reason="playing another user needs root and Linux",
)
unix_only = pytest.mark.skipif(sys.platform == "win32", reason="Windows uses named pipes")

# Listens on every path given, as whoever runs it, and writes down whatever it receives.
SQUATTER = textwrap.dedent(
    """
    import os, select, socket, sys
    record, paths = sys.argv[1], sys.argv[2:]
    servers = []
    for path in paths:
        os.makedirs(os.path.dirname(path), mode=0o777, exist_ok=True)
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(path)
        if os.environ.get("SQUATTER_UID"):
            os.setuid(int(os.environ["SQUATTER_UID"]))  # bound as root, listening as nobody
        server.listen(8)
        servers.append(server)
    print("listening", flush=True)
    while True:
        for server in select.select(servers, [], [])[0]:
            client, _ = server.accept()
            client.settimeout(2)
            try:
                data = client.recv(1 << 16)
            except OSError:
                data = b""
            with open(record, "ab") as out:
                out.write(data)
            client.close()
    """
)


@pytest.fixture
def shared_temp(monkeypatch) -> Path:
    """A temp folder every user may write to, like /tmp, as this process's temp folder."""
    folder = Path(tempfile.mkdtemp(prefix="shared-tmp-", dir="/tmp"))
    folder.chmod(0o1777)
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def squat(record: Path, paths: list[str], **options) -> subprocess.Popen:
    python = SYSTEM_PYTHON if "user" in options else sys.executable
    if python is None:
        pytest.skip("no interpreter that user nobody may run")
    process = subprocess.Popen(
        [python, "-c", SQUATTER, str(record), *paths],
        stdout=subprocess.PIPE,
        text=True,
        **options,
    )
    assert process.stdout.readline().strip() == "listening"
    return process


@unix_only
def test_the_socket_lives_in_a_folder_only_this_user_can_enter(qapp, shared_temp, tmp_path):
    old_umask = os.umask(0)  # even a careless umask makes no open folder
    try:
        server = InstanceServer(tmp_path / "library")
        assert server.listen()
    finally:
        os.umask(old_umask)
    try:
        folder = Path(server.name).parent
        info = folder.lstat()
        assert stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
        assert stat.S_IMODE(info.st_mode) == 0o700
        assert folder.parent == shared_temp
    finally:
        server.close()


@unix_only
def test_xdg_runtime_dir_is_used_only_when_it_is_ours_and_private(
    monkeypatch, shared_temp, tmp_path
):
    runtime = shared_temp / "run-user"  # short: a socket path has at most ~100 bytes
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert Path(server_name(tmp_path)).parent == runtime / "telereader"
    runtime.chmod(0o755)  # readable by all: not the private folder it should be
    assert Path(server_name(tmp_path)).parent == shared_temp / f"telereader-{os.getuid()}"


@as_root_on_linux
def test_xdg_runtime_dir_of_another_user_is_not_used(monkeypatch, shared_temp, tmp_path):
    runtime = shared_temp / "run-user"
    runtime.mkdir(mode=0o700)
    os.chown(runtime, NOBODY, NOBODY)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert Path(server_name(tmp_path)).parent == shared_temp / f"telereader-{os.getuid()}"


@as_root_on_linux
def test_a_squatter_gets_no_files_and_the_window_opens_anyway(shared_temp, tmp_path):
    """User nobody listens first wherever telereader's socket could be: at the old predictable
    name in the shared temp folder, and in a `telereader-UID` folder it made there itself.
    `telereader FILE` opens its own window and imports the file; the squatter receives nothing."""
    data_dir = tmp_path / "library"
    name = Path(server_name(data_dir)).name  # predictable: a hash of user and data folder
    private = shared_temp / f"telereader-{os.getuid()}"
    shutil.rmtree(private, ignore_errors=True)  # the squatter gets there first
    record = shared_temp / "received"
    squatter = squat(
        record,
        [str(shared_temp / name), str(private / name)],
        user=NOBODY,
        cwd=shared_temp,
    )
    try:
        dropped = tmp_path / "small.md"
        shutil.copy(FIXTURES / "small.md", dropped)
        environment = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "TELEREADER_SMOKE_TEST": "1",
            "TELEREADER_LANG": "en",
        }
        result = subprocess.run(
            [sys.executable, "-m", "telereader", "--data-dir", str(data_dir), str(dropped)],
            env=environment,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        squatter.kill()
        squatter.wait()
    assert result.returncode == 0, result.stderr
    assert "telereader smoke test:" in result.stdout  # its own window opened and imported
    assert not record.exists() or record.read_bytes() == b""


@as_root_on_linux
def test_a_listener_running_as_another_user_is_not_trusted(qapp, qtbot, shared_temp, tmp_path):
    """Even in our own folder, a socket whose listener runs as someone else gets no files, and
    the window takes the name back."""
    data_dir = tmp_path / "library"
    path = server_name(data_dir)
    record = shared_temp / "received"
    impostor = squat(record, [path], env={**os.environ, "SQUATTER_UID": str(NOBODY)})
    try:
        assert hand_over(data_dir, [tmp_path / "x.md"], timeout_ms=1000) is False
        server = InstanceServer(data_dir)
        assert server.listen()  # the impostor's socket is replaced by the window's own
        given: list = []
        server.files_received.connect(given.append)
        try:
            assert hand_over(data_dir, [tmp_path / "y.md"], timeout_ms=1000)
            qtbot.waitUntil(lambda: given != [], timeout=5000)
            assert given == [[(tmp_path / "y.md").resolve()]]
        finally:
            server.close()
    finally:
        impostor.kill()
        impostor.wait()
    assert not record.exists() or record.read_bytes() == b""


@as_root_on_linux
def test_the_window_refuses_files_from_another_user(qapp, qtbot, shared_temp, tmp_path):
    """Were the folder ever opened up, a caller running as another user still hands nothing."""
    data_dir = tmp_path / "library"
    server = InstanceServer(data_dir)
    assert server.listen()
    try:
        Path(server.name).parent.chmod(0o711)
        Path(server.name).chmod(0o777)
        given: list = []
        server.files_received.connect(given.append)
        if SYSTEM_PYTHON is None:
            pytest.skip("no interpreter that user nobody may run")
        caller = subprocess.Popen(
            [SYSTEM_PYTHON, "-c", CALLER, server.name], user=NOBODY, cwd="/", text=True,
            stdout=subprocess.PIPE,
        )  # fmt: skip
        qtbot.waitUntil(lambda: caller.poll() is not None, timeout=10_000)
        assert caller.stdout.read().strip() == "connected"  # it reached the socket...
        qtbot.wait(200)
        assert given == []  # ...and the window took nothing from it
    finally:
        server.close()


CALLER = textwrap.dedent(
    """
    import socket, sys
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(sys.argv[1])
    print("connected", flush=True)
    client.sendall(b'{"files": ["/etc/shadow"]}\\n')
    client.settimeout(2)
    try:
        client.recv(16)
    except OSError:
        pass
    """
)
