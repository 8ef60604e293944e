"""A worker pool stopped at once (the window closing during a catch-up) returns, whatever its
workers were doing: even a worker stopped half-way through sending its result back, which
once left the close waiting for the rest of that result for ever."""

from __future__ import annotations

import threading
import time

from telereader.core.pool import Pool

RESULT_BYTES = 100 * 1024 * 1024  # long enough to send that the stop lands while it is sent


def big_result(size: int) -> bytes:
    """Run in a worker process (importable by name): a result that takes a while to send."""
    return b"x" * size


def test_stopping_a_pool_while_a_worker_sends_its_result_returns():
    pool = Pool(1)
    pool.submit(big_result, RESULT_BYTES)
    deadline = time.monotonic() + 60
    reader = pool._executor._result_queue._reader  # the pipe the result comes through
    while not reader.poll(0.01) and time.monotonic() < deadline:  # the result is on its way
        pass
    closed = threading.Event()
    closing = threading.Thread(target=lambda: (pool.close(now=True), closed.set()), daemon=True)
    closing.start()
    assert closed.wait(timeout=60), "closing the pool hung"
