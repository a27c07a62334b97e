"""The interface language: which one to use, and installing its Qt translators.

The language comes from ``--lang`` first, then the Preferences choice (QSettings key
``language``), then the system locale (Chinese locales get Simplified Chinese, every other
one English). :func:`install_translators` loads the app's compiled catalogue
``resources/translations/nnstudio_<lang>.qm`` and Qt's own ``qtbase_<lang>.qm`` (standard
dialogs and buttons) from Qt's translations folder.

The app's translator looks a string up under its context (the class that called ``tr``)
and then without one: ``scripts/update-translations.sh`` compiles every message a second
time under the empty context, so a string still finds its translation when lupdate and
PySide6 disagree about the context (``tr = self.tr`` aliases, subclasses).

Catalog names and help (layer kinds, parameters, losses...) are translated where the GUI
shows them, with :func:`catalog_tr` (context ``"catalog"``); ``catalog_strings.py`` lists
them for lupdate.

Messages from the core (validation problems, diagnosis findings, errors) are
:class:`nnstudio.text.Text`: English strings that keep their template and values.
:func:`core_tr` shows one (or an exception's) in the current language (context ``"core"``;
``core_strings.py`` lists every template for lupdate).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from nnstudio import resources_path
from nnstudio.text import Text, message

#: code -> the language's own name, as the Preferences dialog offers it
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
SETTINGS_KEY = "language"
CATALOG_CONTEXT = "catalog"
CORE_CONTEXT = "core"
#: value names of core messages that hold a layer kind's display name ("Dense", "Batch Norm")
LAYER_NAME_KEYS = ("layer",)

_installed: list[QTranslator] = []
_original_locale: list[QLocale] = []


def translations_dir() -> Path:
    """The folder of the compiled ``.qm`` catalogues (and their ``.ts`` sources)."""
    return resources_path() / "translations"


def system_language(locale: QLocale | None = None) -> str:
    """``"zh_CN"`` for a Chinese system locale, ``"en"`` otherwise."""
    locale = locale or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def normalise(code: str | None) -> str | None:
    """A known language code for ``code`` (``zh``, ``zh-CN``, ``zh_CN.UTF-8`` -> ``zh_CN``;
    ``en_US`` -> ``en``), or None for an empty or unknown one."""
    if not code:
        return None
    base = code.split(".")[0].replace("-", "_")
    if base in LANGUAGES:
        return base
    if base.lower().startswith("zh"):
        return "zh_CN"
    if base.lower().startswith("en"):
        return "en"
    return None


def choose_language(cli: str | None = None, settings: QSettings | None = None) -> str:
    """The language to use: ``--lang``, else the saved preference, else the system's."""
    chosen = normalise(cli)
    if chosen:
        return chosen
    settings = settings if settings is not None else QSettings()
    saved = normalise(str(settings.value(SETTINGS_KEY, "") or ""))
    return saved or system_language()


class AppTranslator(QTranslator):
    """The app's catalogue, looked up under the caller's context and then under none."""

    def translate(  # noqa: D102 - Qt's virtual
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        text = super().translate(context, source, disambiguation, n)
        if not text and context:
            text = super().translate("", source, disambiguation, n)
        return text or None  # None: not translated here (Qt tries the next translator)


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """Install the translators for ``language`` on ``app`` (removing earlier ones).

    Returns the ``.qm`` files loaded. English needs none; a missing file is skipped, so the
    app then shows those strings in English.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if not _original_locale:
        _original_locale.append(QLocale())  # the system's (number formats for English)
    QLocale.setDefault(QLocale("zh_CN") if language == "zh_CN" else _original_locale[0])
    if language == "en":
        return []
    loaded: list[str] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for translator, path in (
        (QTranslator(app), Path(qt_dir) / f"qtbase_{language}.qm"),
        (AppTranslator(app), translations_dir() / f"nnstudio_{language}.qm"),
    ):
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(str(path))
    return loaded


def current_language() -> str:
    """``"zh_CN"`` while the Chinese catalogue is installed, else ``"en"``."""
    return "zh_CN" if any(isinstance(t, AppTranslator) for t in _installed) else "en"


def catalog_tr(text: str) -> str:
    """A catalog string (layer name, parameter label or help, ...) in the current language."""
    return QCoreApplication.translate(CATALOG_CONTEXT, text) if text else text


def core_tr(text: object) -> str:
    """A message from the core in the current language.

    ``text`` is a :class:`~nnstudio.text.Text` (its template is translated and formatted
    again with its values, which are translated in turn), an exception (its message), or a
    plain string (translated when it is a known fixed message, else shown as it is). A
    translation that does not format with the values falls back to the English text.
    """
    if isinstance(text, BaseException):
        text = message(text)
    if isinstance(text, Text):
        if current_language() == "en":
            return str(text)
        template = QCoreApplication.translate(CORE_CONTEXT, text.template)
        if not text.values:
            return template
        values = {k: _core_value(v) for k, v in text.values.items()}
        for key in LAYER_NAME_KEYS:  # a layer kind's display name: the catalog's translation
            if isinstance(values.get(key), str):
                values[key] = catalog_tr(values[key])
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return str(text)
    if not isinstance(text, str):
        return str(text)
    return QCoreApplication.translate(CORE_CONTEXT, text) if text else text


def _core_value(value: object) -> object:
    if isinstance(value, Text):
        return core_tr(value)
    if isinstance(value, list | tuple) and value and all(isinstance(v, str) for v in value):
        return ", ".join(core_tr(v) for v in value)
    return value
