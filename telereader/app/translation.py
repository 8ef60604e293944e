"""The UI speaks Chinese; under an English locale it loads the English translation."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

TRANSLATIONS = "translations"


def translation_file(language: str) -> str | None:
    path = resources.files("telereader.resources").joinpath(
        TRANSLATIONS, f"telereader_{language}.qm"
    )
    return str(path) if path.is_file() else None


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our own strings, and Qt's (standard buttons, file dialogs) in the same language."""
    translators = []
    qt_translator = QTranslator(app)
    qt_locale = QLocale(
        QLocale.Language.English if language == "en" else QLocale.Language.Chinese,
        QLocale.Country.AnyCountry if language == "en" else QLocale.Country.China,
    )
    if qt_translator.load(
        qt_locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_translator)
        translators.append(qt_translator)
    own = translation_file(language) if language != "zh" else None
    if own:
        translator = QTranslator(app)
        if translator.load(own):
            app.installTranslator(translator)
            translators.append(translator)
    app._telereader_translators = translators  # keep them alive as long as the app
    return translators
