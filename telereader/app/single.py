"""One window per library: a second `telereader` on the same data folder hands its files to the
window already open (which imports them and comes to the front) and exits.

The window listens on a local socket (a Unix socket or a Windows named pipe, through Qt) named
after the data folder; the message is one line of JSON: {"files": [...]}, answered by "ok".

Only this user's own window may receive the files. On Unix the socket lives in a folder only the
user can enter ($XDG_RUNTIME_DIR when it is the user's, else `telereader-UID` in the temp folder,
made 0700 and checked), so no other account can bind the name first; and both ends check, where
the system says (Linux: SO_PEERCRED), that the process at the other end runs as the same user. A
socket that fails these checks is not talked to: this telereader opens its own window instead.
On Windows the pipe is named per user and opened to that user only (UserAccessOption).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import socket as pysocket
import stat
import struct
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

HANDOVER_TIMEOUT_MS = 3000
MAX_MESSAGE_BYTES = 1 << 20  # a message is a list of paths; anything bigger is not ours
MAX_SOCKET_PATH = 100  # bytes: sun_path holds 108 on Linux, 104 on macOS and the BSDs
RUNTIME_FOLDER = "telereader"


def server_name(data_dir: Path) -> str | None:
    """Where the window on `data_dir` listens: the same for every telereader of this user on
    this data folder. A socket path in a private folder on Unix, a pipe name on Windows; None
    when no private folder can be had (then every window works alone)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    key = f"{user}\n{Path(data_dir).resolve()}".encode()
    name = "telereader-" + hashlib.sha256(key).hexdigest()[:20]
    if sys.platform == "win32":
        return name
    folder = runtime_dir()
    if folder is None or len(os.fsencode(folder / name)) > MAX_SOCKET_PATH:
        return None
    return str(folder / name)


def runtime_dir() -> Path | None:
    """A folder of this user's that no one else can enter (Unix), made if need be."""
    candidates = []
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and os.path.isabs(xdg) and _is_private(Path(xdg)):
        candidates.append(Path(xdg) / RUNTIME_FOLDER)
    candidates.append(Path(tempfile.gettempdir()) / f"{RUNTIME_FOLDER}-{os.getuid()}")
    for folder in candidates:
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        except OSError:
            continue
        if _is_private(folder, repair=True):
            return folder
    return None


def _is_private(folder: Path, repair: bool = False) -> bool:
    """`folder` is a real folder (not a link) owned by this user, closed to everyone else; with
    `repair`, a folder of ours that others could enter is closed first."""
    try:
        info = os.lstat(folder)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            return False  # someone else's (or a link planted in the temp folder): not ours
        if info.st_mode & 0o077:
            if not repair:
                return False
            os.chmod(folder, 0o700)  # ours, so no one else could have swapped it (sticky /tmp)
        return True
    except OSError:
        return False


def peer_is_us(socket: QLocalSocket) -> bool:
    """Whether the process at the other end of a connected `socket` runs as this user.

    Linux says so through SO_PEERCRED (the peer's ids when it connected or listened). Where the
    system has no such call (macOS, Windows) this is True: the private folder (Unix) or the
    pipe's access list (Windows) already keep other users out."""
    if not hasattr(pysocket, "SO_PEERCRED"):
        return True
    descriptor = int(socket.socketDescriptor())
    if descriptor < 0:
        return False
    try:
        # fromfd duplicates the descriptor: closing the copy leaves Qt's socket open
        with pysocket.fromfd(descriptor, pysocket.AF_UNIX, pysocket.SOCK_STREAM) as copy:
            credentials = copy.getsockopt(
                pysocket.SOL_SOCKET, pysocket.SO_PEERCRED, struct.calcsize("3i")
            )
    except OSError:
        return False
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return uid == os.getuid()


def hand_over(data_dir: Path, files: list[Path], timeout_ms: int = HANDOVER_TIMEOUT_MS) -> bool:
    """Give `files` to this user's window open on `data_dir`; False when there is none (or
    what answers is not this user's)."""
    name = server_name(data_dir)
    if name is None:
        return False
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    if not peer_is_us(socket):
        socket.abort()  # an impostor: it gets nothing, and this telereader opens its window
        return False
    message = {"files": [str(Path(path).resolve()) for path in files]}
    socket.write((json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8"))
    socket.flush()
    # A live window accepted the connection; if it is busy, the message waits in the socket
    # and is read when it gets to it, so an unanswered handover still counts as given.
    socket.waitForBytesWritten(timeout_ms)
    socket.waitForReadyRead(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later telereaders on the same data folder; `files_received(paths)` when one
    hands its files over (possibly none: it asked to be shown)."""

    files_received = Signal(list)

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        """Start listening; a socket left by a telereader that crashed, or one another user's
        process placed where ours belongs, is cleared first (the caller has just failed to hand
        its files to anyone on it)."""
        if self.name is None:
            return False
        if self.server.listen(self.name):
            return True
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(500):
            ours = peer_is_us(probe)
            probe.abort()
            if ours:  # our own window lives there: leave its socket alone
                return False
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        """Stop listening and drop the connections still open, while this object can still
        hear them go (a socket left to close in its destructor would call back into a
        half-destroyed server)."""
        self.server.close()
        for socket in list(self._buffers):
            socket.abort()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if not peer_is_us(socket):
                socket.abort()  # another user's process: it may not hand us files
                socket.deleteLater()
                continue
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(lambda socket=socket: self._forget(socket))

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(bytes(socket.readAll()))
        if len(buffer) > MAX_MESSAGE_BYTES:
            socket.abort()
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer).split(b"\n", 1)[0]
        try:
            message = json.loads(line.decode("utf-8"))
            files = [Path(str(path)) for path in message.get("files", [])]
        except (ValueError, AttributeError, TypeError):
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.flush()
        self.files_received.emit(files)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()
