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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", type=Path, required=True)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with Store.open(args.library) as store:
        with store.db.atomic():
            for table in ("word_days", "day_words", "word_totals", "lexicon"):
                store.db.execute(f"DELETE FROM {table}")
        days = store.db.execute("SELECT count(*) FROM day_counts").fetchone()[0]
    store = Store.open(args.library)
    window = MainWindow(store, args.library, "zh")
    window.show()
    ticker = UiTicker()
    ticker.start()
    began = time.perf_counter()
    window.start()
    loop = QEventLoop()
    window.word_catch_up.finished.connect(lambda _result: loop.quit())
    loop.exec()
    elapsed = time.perf_counter() - began
    ticker.stop()
    print(f"catch-up of {days} days behind the window: {elapsed:.1f} s; UI gaps: "
          f"max {max(ticker.gaps):.1f} ms, p99 {ticker.percentile(0.99):.1f} ms, "
          f"p50 {ticker.percentile(0.5):.1f} ms over {len(ticker.gaps)} ticks")  # fmt: skip
    window.close()
    store.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
