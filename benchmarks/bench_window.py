"""The window on a large library: day switch, cold start to a painted window, resident memory.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py LIBRARY_DIR

LIBRARY_DIR is a data folder holding a library, for instance the one
`bench_search.py --days 3650 --keep-library DIR` leaves.

- Day switch: the real main window (1400×900) switches between 200 random pairs of days (after
  20 untimed ones that draw the font's glyphs once, BENCH_WARM_UP=0 for none); each
  switch is timed from `show_day` to the list laid out and repainted (model reset, rows laid out,
  first item selected, detail shown), and again until the window settled: the layouts the
  switch asked for done and whatever they moved painted again, as the next turn of the event
  loop would.
- Scrolling: 10 random days are scrolled through from top to bottom by wheel-sized steps
  (three lines), each step a forced repaint of the list: frame times, so frames a second. Once
  right after the switch (rows still being measured) and once after the list settled.
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
# Switches made first and not timed: the first days drawn rasterise the font's glyphs (Chinese
# has thousands), which a reader pays once in a session, not at every switch.
WARM_UP = int(os.environ.get("BENCH_WARM_UP", "20"))
SCROLLED_DAYS = 10
STARTS = 5

_CHILD = r"""
import json, os, sys, time
from pathlib import Path
began = float(os.environ["BENCH_STARTED"])
from PySide6.QtWidgets import QApplication
from telereader.app.main import paint_on_one_thread
from telereader.app.window import MainWindow
from telereader.core.store import Store
paint_on_one_thread()
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


def day_switches(library: Path) -> tuple[list[float], list[float]]:
    """Times (ms) of each switch, and of each switch until the window settled (timed_switch)."""
    app, store, window = _open_window(library)
    rng = random.Random(1)
    days = window.days
    times: list[float] = []
    settled: list[float] = []
    for _ in range(WARM_UP):  # a reading session's first days: fonts' glyphs drawn once
        window.show_day(rng.choice(days))
        window.list.viewport().repaint()
        app.processEvents()
    for _ in range(SWITCHES):
        switched, until_settled = timed_switch(window, rng.choice(days))
        times.append(switched)
        settled.append(until_settled)
        app.processEvents()
    window.close()
    store.close()
    return times, settled


def timed_switch(window, day) -> tuple[float, float]:
    """Show `day`: ms to the list laid out and repainted, and ms until the window settled."""
    from PySide6.QtCore import QCoreApplication, QEvent

    began = time.perf_counter()
    window.show_day(day)
    window.list.executeDelayedItemsLayout()
    # repaint() paints at once every part of the window marked dirty, not only the list (Qt's
    # repaint manager syncs the whole window): the detail, the calendar and the counts are
    # painted too, once each, as the event loop would. (Until 2026-11-28 the bench also
    # repainted the detail after that: the detail and the window's background under it were
    # painted twice, about a tenth of the time measured.)
    window.list.viewport().repaint()
    switched = time.perf_counter()
    # Settled: the layouts the switch asked for are done and what they moved is painted again,
    # as the event loop's next turn would (until 2026-11-28 the detail's labels and the
    # calendar's month were laid out only then, and painted a second time).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QCoreApplication.sendPostedEvents(window, QEvent.Type.UpdateRequest)
    return (switched - began) * 1000, (time.perf_counter() - began) * 1000


def _open_window(library: Path):
    from PySide6.QtWidgets import QApplication

    from telereader.app.main import paint_on_one_thread
    from telereader.app.widgets.look import apply_cjk_font
    from telereader.app.window import MainWindow
    from telereader.core.store import Store

    paint_on_one_thread()  # as the app does
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_cjk_font(app)
    store = Store.open(library)
    window = MainWindow(store, library, "zh")
    if os.environ.get("BENCH_NO_CATCH_UP"):
        # a library whose word and market layers are caught up: nothing runs behind the window
        # (a copy caught up by hand takes half an hour at ten years; the catch-ups' own cost is
        # measured by bench_words_window.py and bench_markets.py)
        window.word_catch_up.start_later = lambda _ms: None
        window.market_catch_up.start_later = lambda _ms: None
    window.resize(1400, 900)
    window.show()
    window.start()
    app.processEvents()
    return app, store, window


def scroll_frames(library: Path, days_scrolled: int = SCROLLED_DAYS) -> dict[str, list[float]]:
    """Frame times (ms) of scrolling whole days through, right after the switch ("fresh") and
    once the list has settled (every row measured: "settled")."""
    app, store, window = _open_window(library)
    rng = random.Random(2)
    bar = window.list.verticalScrollBar()
    step = 3 * window.list.fontMetrics().lineSpacing()  # one notch of a mouse wheel
    frames: dict[str, list[float]] = {"fresh": [], "settled": []}
    for _ in range(days_scrolled):
        window.show_day(rng.choice(window.days))
        for kind in ("fresh", "settled"):
            if kind == "settled":
                _settle(app, window)
            bar.setValue(0)
            app.processEvents()
            while bar.value() < bar.maximum():
                began = time.perf_counter()
                bar.setValue(bar.value() + step)
                window.list.viewport().repaint()
                frames[kind].append((time.perf_counter() - began) * 1000)
                app.processEvents()
    window.close()
    store.close()
    return frames


def _settle(app, window, timeout_s: float = 5.0) -> None:
    heights = getattr(window.list.delegate, "heights", None)  # rows of their own heights
    deadline = time.perf_counter() + timeout_s
    app.processEvents()
    while heights is not None and not heights.settled and time.perf_counter() < deadline:
        app.processEvents()
    app.processEvents()


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

    from telereader.app.main import paint_on_one_thread

    paint_on_one_thread()
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
    parser.add_argument("--no-starts", action="store_true", help="skip the cold starts")
    args = parser.parse_args(argv)
    if args.import_folder:
        stalls = import_stalls(args.import_folder)
        print(f"| import of {args.import_folder} while scrolling: {stalls['seconds']:.1f} s, "
              f"{stalls['ticks']} timer ticks, gap p99 {stalls['p99_ms']:.1f} ms, "
              f"longest {stalls['max_ms']:.1f} ms |")  # fmt: skip
    switches, settled = (sorted(times) for times in day_switches(args.library))
    frames = {kind: sorted(times) for kind, times in scroll_frames(args.library).items()}
    starts = [] if args.no_starts else cold_starts(args.library)
    p95 = switches[round(0.95 * (len(switches) - 1))]
    print(f"library: {args.library}")
    print("| measure | value |")
    print("|---|---:|")
    print(f"| day switch p50 / p95 / max ({SWITCHES} switches) | "
          f"{statistics.median(switches):.1f} / {p95:.1f} / {switches[-1]:.1f} ms |")  # fmt: skip
    settled_p95 = settled[round(0.95 * (len(settled) - 1))]
    print(f"| day switch until the window settled, p50 / p95 / max | "
          f"{statistics.median(settled):.1f} / {settled_p95:.1f} / {settled[-1]:.1f} ms |")  # fmt: skip
    for kind, times in frames.items():
        frame_p95 = times[round(0.95 * (len(times) - 1))]
        print(f"| scrolling a day, {kind}: frame p50 / p95 / max ({len(times)} frames) | "
              f"{statistics.median(times):.1f} / {frame_p95:.1f} / {times[-1]:.1f} ms, "
              f"{1000 / statistics.mean(times):.0f} frames/s on average, "
              f"{1000 / frame_p95:.0f} at p95 |")  # fmt: skip
    if not starts:
        return 0
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
