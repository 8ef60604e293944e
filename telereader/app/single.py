"""One window per library: a second `telereader` on the same data folder hands its files to the
window already open (which imports them and comes to the front) and exits.

The window listens on a local socket (a Unix socket or a Windows named pipe, through Qt) named
after the data folder; the message is one line of JSON: {"files": [...]}, answered by "ok".
"""

from __future__ import annotations

import getpass
import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

HANDOVER_TIMEOUT_MS = 3000
MAX_MESSAGE_BYTES = 1 << 20  # a message is a list of paths; anything bigger is not ours


def server_name(data_dir: Path) -> str:
    """The same for every telereader of this user on this data folder, and short enough for
    a Unix socket path."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    key = f"{user}\n{Path(data_dir).resolve()}".encode()
    return "telereader-" + hashlib.sha256(key).hexdigest()[:20]


def hand_over(data_dir: Path, files: list[Path], timeout_ms: int = HANDOVER_TIMEOUT_MS) -> bool:
    """Give `files` to the window open on `data_dir`; False when there is none."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
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
        """Start listening; a socket left by a telereader that crashed is cleared first (the
        caller has just failed to reach anyone on it)."""
        if self.server.listen(self.name):
            return True
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(500):  # someone lives there: leave their socket alone
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
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
