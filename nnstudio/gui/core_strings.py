# ruff: noqa: E501
# fmt: off
"""Every message template of the core (``nnstudio.text.Text``), for lupdate (generated;
do not edit).

Regenerate with ``scripts/update-translations.sh`` (``python scripts/translations.py
core``); a test checks it matches the sources. The GUI translates these at display time
with ``nnstudio.gui.i18n.core_tr`` (context "core").
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

CORE_STRINGS = (
)
