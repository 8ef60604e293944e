"""The word catch-up behind an open window: how long it takes and the longest UI stall while it
runs (a 5 ms ticker on the UI thread, benchmarks/ui_ticker.py). Forgets the library's word
statistics first: run it on a copy.

    python benchmarks/bench_words_window.py --library /tmp/mine/lib365
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from benchmarks.ui_ticker import UiTicker
from telereader.app.window import MainWindow
from telereader.core.store import Store


def idle(app: QApplication, library: Path, seconds: float) -> int:
    """The baseline: the ticker's gaps on this machine, now, with no catch-up running."""
    from PySide6.QtCore import QTimer

    store = Store.open(library)
    window = MainWindow(store, library, "zh")
    window.show()
    window.start()
    loop = QEventLoop()
    window.word_catch_up.finished.connect(lambda _result: loop.quit())
    loop.exec()  # nothing pending: ends at once
    ticker = UiTicker()
    ticker.start()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    ticker.stop()
    print(f"idle window, {seconds:.0f} s: UI gaps max {max(ticker.gaps):.1f} ms, "
          f"p99 {ticker.percentile(0.99):.1f} ms")  # fmt: skip
    window.close()
    store.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--idle-s", type=float, default=0,
                        help="instead: the same window with nothing to catch up, this long")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with Store.open(args.library) as store:
        with store.db.atomic():
            if args.idle_s:
                return idle(app, args.library, args.idle_s)
            for table in ("word_days", "day_words", "word_totals", "lexicon"):
                store.db.execute(f"DELETE FROM {table}")
        days = store.db.execute("SELECT count(*) FROM day_counts").fetchone()[0]
    store = Store.open(args.library)
    window = MainWindow(store, args.library, "zh")
    window.show()
    began = time.perf_counter()
    window.start()  # opening the window is measured elsewhere (bench_window.py)
    ticker = UiTicker()
    ticker.start()
    loop = QEventLoop()
    window.word_catch_up.finished.connect(lambda _result: loop.quit())
    loop.exec()
    elapsed = time.perf_counter() - began
    ticker.stop()
    print(f"catch-up of {days} days behind the window: {elapsed:.1f} s; UI gaps: "
          f"max {max(ticker.gaps):.1f} ms, p99 {ticker.percentile(0.99):.1f} ms, "
          f"p50 {ticker.percentile(0.5):.1f} ms over {len(ticker.gaps)} ticks")  # fmt: skip
    at = [sum(ticker.gaps[: i + 1]) / 1000 for i in range(len(ticker.gaps))]
    worst = sorted(range(len(ticker.gaps)), key=lambda i: -ticker.gaps[i])[:5]
    print("longest gaps (ms at s): " + ", ".join(
        f"{ticker.gaps[i]:.0f} at {at[i]:.1f}" for i in worst))  # fmt: skip
    window.close()
    store.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
