"""The one background-task helper: answers come back through on_done / on_failed."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRunnable

from telereader.app.tasks import run_task


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
