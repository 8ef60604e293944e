"""The one background-task helper: answers come back through on_done / on_failed."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool

from telereader.app.tasks import _Relay, run_task


class FakeThreadPool:
    """start(runnable) runs it at once, on the calling thread."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


def test_a_task_delivers_its_result_or_its_error(qapp):
    results, errors = [], []
    pool = FakeThreadPool()
    run_task(lambda: 6 * 7, results.append, errors.append, pool=pool)
    run_task(lambda: 1 / 0, results.append, errors.append, pool=pool)
    assert results == [42]
    assert [type(error) for error in errors] == [ZeroDivisionError]


def test_a_search_service_on_a_fake_pool_answers_the_newest_request(qapp, store, tmp_path):
    from telereader.app.search_service import SearchService
    from telereader.core.filters import ItemFilter

    answers = []
    service = SearchService(store.path.parent, pool=FakeThreadPool())
    service.finished.connect(lambda request, result: answers.append(request.text))
    service.request("黄金", ItemFilter())
    assert answers == ["黄金"]
    service.shutdown()
    # A QObject without a parent must go on this thread: left to the garbage collector, it can
    # be deleted on a worker thread of a later test while its child's deleteLater is pending,
    # which crashed the suite (SIGBUS in ~QObject).
    qapp.processEvents()
    shiboken6.delete(service)


def _relays() -> int:
    return len(QCoreApplication.instance().findChildren(_Relay))


def test_closing_the_owner_while_its_worker_runs_drops_the_answer(qapp, qtbot):
    """A window closed while its lookup runs: the worker finishes and emits into a relay that
    is still there (a relay deleted under a worker's emit crashed a test run), and the answer is
    not delivered to the closed window."""
    before, owner, pool = _relays(), QObject(), QThreadPool()
    started, release, ended = threading.Event(), threading.Event(), threading.Event()
    answers = []

    def lookup() -> int:
        started.set()
        release.wait(10)
        return 42

    run_task(lookup, answers.append, answers.append, pool=pool, parent=owner, ended=ended)
    assert started.wait(10)
    shiboken6.delete(owner)
    qapp.processEvents()
    assert _relays() == before + 1  # the worker has yet to emit through it
    release.set()
    assert ended.wait(10)
    qtbot.waitUntil(lambda: _relays() == before, timeout=5_000)  # looked at, then let go
    assert answers == []
    pool.waitForDone(5_000)


def test_relays_are_let_go_once_their_answers_are_delivered(qapp, qtbot):
    before, pool, answers = _relays(), QThreadPool(), []
    for number in range(20):
        run_task(lambda number=number: number, answers.append, pool=pool)
    run_task(lambda: 6 * 7, answers.append, pool=FakeThreadPool())  # answered inside its emit
    qtbot.waitUntil(lambda: len(answers) == 21 and _relays() == before, timeout=5_000)
    assert sorted(answers) == sorted([*range(20), 42])
    pool.waitForDone(5_000)
