"""Does typing into the search box ever block the window? The longest UI-thread stall, measured.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_typing.py LIBRARY_DIR

LIBRARY_DIR is a data folder holding a library (for instance the one
`bench_search.py --days 3650 --keep-library DIR` leaves). The real main window opens on it; a
5 ms timer on the UI thread records the gap between its ticks while queries are typed a
character at a time, 120 ms apart (a brisk typist), and every answer is awaited. A gap much
longer than 5 ms is time the UI thread could not run: a stall the reader would feel.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from telereader.app.window import MainWindow
from telereader.core.store import Store

try:
    from benchmarks.ui_ticker import UiTicker
except ImportError:  # run as a script: benchmarks/ is on the path
    from ui_ticker import UiTicker  # type: ignore[no-redef]

QUERIES = ("黄金", "美联储褐皮书", "铜 -铜价", "宁德时代", "降息", '"恒生指数 涨"', "S&P", "金")
KEY_INTERVAL_MS = 120


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("library", type=Path)
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    store = Store.open(args.library)
    window = MainWindow(store, args.library, "zh")
    window.show()
    window.start()
    wait(300)

    ticker = UiTicker()
    ticker.start()

    answers: list[float] = []
    for query in QUERIES:
        window.search.clear()
        for position, char in enumerate(query):
            if position:
                wait(KEY_INTERVAL_MS)
            window.search.insert(char)
        typed = time.perf_counter()
        while not (
            window.searching
            and window.search_model.request is not None
            and window.search_model.request.text == query
        ):
            wait(5)
        answers.append((time.perf_counter() - typed) * 1000)
        wait(100)
    ticker.stop()
    delay = window.search_bar.timer.interval()
    window.close()
    store.close()

    print(f"library: {args.library}, {sum(store_counts(args.library)):,} items")
    print(f"timer ticks: {len(ticker.gaps)}; gap p50 {statistics.median(ticker.gaps):.1f} ms, "
          f"p99 {ticker.percentile(0.99):.1f} ms, "
          f"longest {max(ticker.gaps):.1f} ms (a 5 ms timer)")  # fmt: skip
    print(
        f"results shown after the last keystroke: median {statistics.median(answers):.0f} ms, "
        f"max {max(answers):.0f} ms (the {delay} ms debounce included)"
    )
    app.quit()
    return 0


def store_counts(library: Path) -> list[int]:
    with Store.open(library) as store:
        return list(store.day_counts().values())


if __name__ == "__main__":
    sys.exit(main())
