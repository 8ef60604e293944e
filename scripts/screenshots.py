"""Make the screenshots in docs/screenshots/ from the real window, offscreen.

    python scripts/screenshots.py            # needs a CJK font (Debian: fonts-noto-cjk)

Light and dark palettes, the watchlists dialog, the Watch view, the export dialog and an
import report, on a temporary library holding the sample day.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TELEREADER_LANG", "zh")

from PySide6.QtCore import QEventLoop, QLocale, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from telereader.app.translation import install_translators
from telereader.app.widgets.look import apply_cjk_font
from telereader.app.window import MainWindow
from telereader.core.store import Store
from telereader.core.watchlists import save_watchlist

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
FIXTURES = ROOT / "tests" / "fixtures"


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fa5",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6f6f6f"))
    return palette


def wait(app: QApplication, ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def import_and_wait(app: QApplication, window: MainWindow, paths: list[Path]) -> None:
    loop = QEventLoop()
    window.import_finished.connect(loop.quit)
    window.start_import(paths)
    loop.exec()
    window.import_finished.disconnect(loop.quit)


def prepare(window: MainWindow) -> None:
    """A reading session in progress: a starred item with a note, a few read."""
    window.move_selection(+12)
    item = window.current_item()
    window.set_starred(item.id, True)
    window.detail.note.setPlainText("金价与涉矿公司业绩共振，关注后续定增节奏。")
    window.detail.flush_note()
    window.store.set_read([i.id for i in window.model.day_items[:12]])
    save_watchlist(window.store, "持仓", ["黄金 -黄金周", "芯片|半导体", "=AI"])
    save_watchlist(window.store, "宏观", ["美联储 降息", "央行"])
    window.watchlists_changed()
    window.show_day(item.day, item.id)


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
        data_dir = Path(folder)
        store = Store.open(data_dir)
        window = MainWindow(store, data_dir, "zh")
        window.resize(1400, 900)
        window.show()
        loop = QEventLoop()
        window.import_finished.connect(loop.quit)
        window.start()
        loop.exec()
        window.import_finished.disconnect(loop.quit)
        prepare(window)
        wait(app, 200)
        window.grab().save(str(OUT / "window-light.png"))
        dialog = window.edit_watchlists()
        wait(app, 200)
        dialog.grab().save(str(OUT / "watchlists.png"))
        dialog.close()
        window.show_watch_view()
        wait(app, 200)
        window.grab().save(str(OUT / "watch-view.png"))
        export = window.show_export("starred")
        wait(app, 200)
        export.grab().save(str(OUT / "export.png"))
        export.close()
        window.back_to_day()

        app.setPalette(dark_palette())
        window.refresh_days()  # calendar marks take their colours from the palette
        wait(app, 200)
        window.grab().save(str(OUT / "window-dark.png"))

        app.setPalette(app.style().standardPalette())
        window.refresh_days()
        import_and_wait(
            app,
            window,
            [
                FIXTURES / "small.md",
                FIXTURES / "bad-lines.md",
                FIXTURES / "picture.md",
                FIXTURES / "small-later-capture.md",
            ],
        )
        wait(app, 200)
        window.report_dialog.resize(900, 260)
        wait(app, 100)
        window.report_dialog.grab().save(str(OUT / "import-report.png"))
        window.close()
        store.close()
    print(f"wrote {', '.join(sorted(p.name for p in OUT.glob('*.png')))} to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
