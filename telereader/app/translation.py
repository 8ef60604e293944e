"""The UI speaks Chinese; under an English locale it loads the English translation."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

TRANSLATIONS = "translations"
# Qt's own strings (standard buttons, file dialogs): qtbase_zh_CN.qm holds them; qt_zh_CN.qm
# is the older catalogue that loads qtbase_zh_CN with it. PySide6-Essentials ships both.
QT_CATALOGUES = {"zh": ("qtbase_zh_CN", "qt_zh_CN"), "en": ()}


def translation_file(language: str) -> str | None:
    path = resources.files("telereader.resources").joinpath(
        TRANSLATIONS, f"telereader_{language}.qm"
    )
    return str(path) if path.is_file() else None


def qt_translation_folders() -> list[Path]:
    """Where Qt's translations may be: where Qt says, then the copy inside PySide6 (a system
    Qt or a frozen app may point Qt at a folder without them)."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    folders.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    bundle = getattr(sys, "_MEIPASS", None)  # the one-folder app
    if bundle:
        folders.append(Path(bundle) / "PySide6" / "Qt" / "translations")
    return folders


def qt_translator(app: QApplication, language: str) -> QTranslator | None:
    """Qt's own strings in `language`, from the first folder that has them."""
    for folder in qt_translation_folders():
        for catalogue in QT_CATALOGUES.get(language, ()):
            translator = QTranslator(app)
            if (folder / f"{catalogue}.qm").is_file() and translator.load(catalogue, str(folder)):
                return translator
    return None


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our own strings, and Qt's (standard buttons, file dialogs) in the same language."""
    translators = []
    qt_strings = qt_translator(app, language)
    if qt_strings is not None:
        app.installTranslator(qt_strings)
        translators.append(qt_strings)
    own = translation_file(language) if language != "zh" else None
    if own:
        translator = QTranslator(app)
        if translator.load(own):
            app.installTranslator(translator)
            translators.append(translator)
    app._telereader_translators = translators  # keep them alive as long as the app
    return translators
