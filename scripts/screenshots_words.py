"""Screenshots of the word layer: the hot-word strip with its 升温 list, and a search's trend.

    python scripts/screenshots_words.py     # needs a CJK font (Debian: fonts-noto-cjk)

A temporary library of ninety synthetic days (benchmarks/synth.py) and the sample day, its
words counted as the window counts them, in the background after start.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TELEREADER_LANG", "zh")

from PySide6.QtCore import QEventLoop, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QStyleFactory

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synth import generate  # noqa: E402
from telereader.app.translation import install_translators  # noqa: E402
from telereader.app.widgets.look import apply_cjk_font  # noqa: E402
from telereader.app.window import MainWindow  # noqa: E402
from telereader.core.importer import import_paths  # noqa: E402
from telereader.core.store import Store  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SAMPLE = ROOT / "seeds" / "cls-telegraph-2026-01-14.md"


def wait_for(app: QApplication, signal, timeout_ms: int = 600_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def pause(app: QApplication, ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_translators(app, "zh")
    app.setStyle(QStyleFactory.create("Fusion"))
    if apply_cjk_font(app) is None:
        print("no CJK font found: install fonts-noto-cjk first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "library"
        generate(Path(folder) / "corpus", 90, dt.date(2025, 10, 16), 4)
        with Store.open(data_dir) as store:
            import_paths(store, [Path(folder) / "corpus", SAMPLE])
        store = Store.open(data_dir)
        window = MainWindow(store, data_dir, "zh")
        window.resize(1200, 760)
        window.show()
        window.start()
        while window.word_catch_up.running:
            wait_for(app, window.word_catch_up.finished)
        window.show_day(dt.date(2026, 1, 14))
        pause(app, 300)
        window.grab().save(str(OUT / "hot-words.png"))
        window.search.setText("黄金")
        window.run_search()
        wait_for(app, window.search_service.finished, 30_000)
        pause(app, 1500)
        window.grab().save(str(OUT / "trend.png"))
        window.close()
        store.close()
    print(f"wrote hot-words.png and trend.png to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
