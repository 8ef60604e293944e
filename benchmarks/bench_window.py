"""The window on a large library: day switch, cold start to a painted window, resident memory.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py LIBRARY_DIR

LIBRARY_DIR is a data folder holding a library, for instance the one
`bench_search.py --days 3650 --keep-library DIR` leaves.

- Day switch: the real main window switches between 200 random pairs of days; each switch is
  timed from `show_day` to the list repainted (model reset, first item selected, detail shown).
- Cold start: a fresh Python process imports the app, opens the library, builds the window, shows
  it and paints it once; timed from the process's start (median of 5).
- Memory: that process's resident set size after the first paint and after 50 day switches.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SWITCHES = 200
STARTS = 5

_CHILD = r"""
import json, os, sys, time
from pathlib import Path
began = float(os.environ["BENCH_STARTED"])
from PySide6.QtWidgets import QApplication
from telereader.app.window import MainWindow
from telereader.core.store import Store
app = QApplication(sys.argv[:1])
data_dir = Path(sys.argv[1])
store = Store.open(data_dir)
window = MainWindow(store, data_dir, "zh")
window.show()
window.start()
app.processEvents()
window.repaint()
painted = time.time() - began

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")

after_paint = rss_mb()
for day in window.days[-50:]:
    window.show_day(day)
    app.processEvents()
print(json.dumps({"painted_s": painted, "rss_mb": after_paint, "rss_after_switches_mb": rss_mb()}))
window.close()
store.close()
"""


def cold_starts(library: Path) -> list[dict]:
    runs = []
    for _ in range(STARTS):
        env = dict(os.environ, BENCH_STARTED=repr(time.time()))
        output = subprocess.run(
            [sys.executable, "-c", _CHILD, str(library)],
            capture_output=True, text=True, env=env, check=True,
        ).stdout  # fmt: skip
        runs.append(json.loads(output.strip().splitlines()[-1]))
    return runs


def day_switches(library: Path) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from telereader.app.window import MainWindow
    from telereader.core.store import Store

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store.open(library)
    window = MainWindow(store, library, "zh")
    window.show()
    window.start()
    app.processEvents()
    rng = random.Random(1)
    days = window.days
    times = []
    for _ in range(SWITCHES):
        day = rng.choice(days)
        began = time.perf_counter()
        window.show_day(day)
        window.list.viewport().repaint()
        window.detail.repaint()
        times.append((time.perf_counter() - began) * 1000)
        app.processEvents()
    window.close()
    store.close()
    return times


def import_stalls(folder: Path) -> dict:
    """Drop a folder on the window of an empty library and scroll the list while it imports:
    the gaps of a 5 ms timer on the UI thread, which also moves the selection on every tick."""
    import tempfile

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from telereader.app.window import MainWindow
    from telereader.core.store import Store

    try:
        from benchmarks.ui_ticker import UiTicker
    except ImportError:  # run as a script: benchmarks/ is on the path
        from ui_ticker import UiTicker  # type: ignore[no-redef]

    QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch)
        store = Store.open(data_dir)
        window = MainWindow(store, data_dir, "zh")
        window.show()
        loop = QEventLoop()
        window.import_finished.connect(loop.quit)
        window.start()  # the sample day, so that there is a list to scroll
        loop.exec()
        step = [1]

        def move_selection() -> None:
            rows = window.list.model().rowCount()
            if rows:
                row = window.list.currentIndex().row() + step[0]
                if not 0 <= row < rows:
                    step[0] = -step[0]
                    row = max(0, min(rows - 1, row))
                window.list.setCurrentIndex(window.list.model().index(row))

        ticker = UiTicker(on_tick=move_selection)
        began = time.perf_counter()
        ticker.start()
        window.start_import([folder])
        loop.exec()
        seconds = time.perf_counter() - began
        ticker.stop()
        window.close()
        store.close()
    return {
        "seconds": seconds,
        "ticks": len(ticker.gaps),
        "p99_ms": ticker.percentile(0.99),
        "max_ms": max(ticker.gaps),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--import-folder", type=Path, help="also time dropping this folder")
    args = parser.parse_args(argv)
    if args.import_folder:
        stalls = import_stalls(args.import_folder)
        print(f"| import of {args.import_folder} while scrolling: {stalls['seconds']:.1f} s, "
              f"{stalls['ticks']} timer ticks, gap p99 {stalls['p99_ms']:.1f} ms, "
              f"longest {stalls['max_ms']:.1f} ms |")  # fmt: skip
    switches = sorted(day_switches(args.library))
    starts = cold_starts(args.library)
    p95 = switches[round(0.95 * (len(switches) - 1))]
    print(f"library: {args.library}")
    print("| measure | value |")
    print("|---|---:|")
    print(f"| day switch p50 / p95 / max ({SWITCHES} switches) | "
          f"{statistics.median(switches):.1f} / {p95:.1f} / {switches[-1]:.1f} ms |")  # fmt: skip
    print(f"| cold start to a painted window, median of {STARTS} (min–max) | "
          f"{statistics.median(r['painted_s'] for r in starts):.2f} s "
          f"({min(r['painted_s'] for r in starts):.2f}–{max(r['painted_s'] for r in starts):.2f}) |")  # fmt: skip
    print(f"| resident memory after the first paint | "
          f"{statistics.median(r['rss_mb'] for r in starts):.0f} MB |")  # fmt: skip
    print(f"| resident memory after 50 day switches | "
          f"{statistics.median(r['rss_after_switches_mb'] for r in starts):.0f} MB |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
