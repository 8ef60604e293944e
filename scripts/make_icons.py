"""Render resources/icons/telereader.svg into the sizes desktops and installers want.

    python scripts/make_icons.py

Writes resources/icons/hicolor/NxN/apps/telereader.png (16 … 512), telereader.ico (Windows:
16 … 256 in one file) and telereader.icns (macOS), all from the one SVG, with Qt's own SVG
renderer and image writers: no other tool needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZE = 256  # Qt's ICO writer stores one image; Windows scales it down well from 256


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "telereader.svg"))
    if not renderer.isValid():
        print("telereader.svg does not render", file=sys.stderr)
        return 1
    for size in PNG_SIZES:
        folder = ICONS / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(folder / "telereader.png")):
            print(f"could not write the {size} px icon", file=sys.stderr)
            return 1
    for name, size, fmt in (("telereader.ico", ICO_SIZE, "ICO"), ("telereader.icns", 512, "ICNS")):
        if not render(renderer, size).save(str(ICONS / name), fmt):
            print(f"could not write {name}", file=sys.stderr)
            return 1
    print(f"wrote {len(PNG_SIZES)} PNG sizes, telereader.ico and telereader.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
