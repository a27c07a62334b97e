"""An in-app, offline viewer for the Markdown manual in ``docs/``.

Qt renders Markdown itself (``QTextBrowser`` treats ``.md`` sources as Markdown), so Help
works without a browser, a network or an extra dependency; links between the ``.md`` pages
are followed inside the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from nnstudio import resources_path


def start_page(folder: Path) -> Path:
    """The page Help opens on: the Chinese getting-started page ``zh/index.md`` while the
    interface is in Chinese (it links to the English manual), else ``index.md``."""
    from .i18n import current_language

    chinese = folder / "zh" / "index.md"
    if current_language() == "zh_CN" and chinese.is_file():
        return chinese
    return folder / "index.md"


def docs_dir() -> Path | None:
    """The folder of the manual: ``docs/`` of a checkout, ``nnstudio/docs`` of a wheel or
    bundle (both sit next to the resources folder); None if it is missing."""
    folder = resources_path().parent / "docs"
    return folder if (folder / "index.md").is_file() else None


class HelpBrowser(QDialog):
    """Shows ``docs/index.md`` and the pages it links to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("NN Studio documentation"))
        self.resize(820, 680)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        back = QPushButton(self.tr("Back"), self)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)
        home = QPushButton(self.tr("Contents"), self)
        home.clicked.connect(self.browser.home)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (back, home):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        folder = docs_dir()
        if folder is None:
            self.browser.setMarkdown(
                self.tr(
                    "# Documentation not found\n\nThis installation has no `docs` folder. "
                    "The manual is the `docs/` folder of NN Studio's source."
                )
            )
        else:
            self.browser.setSearchPaths([str(folder)])
            self.browser.setSource(QUrl.fromLocalFile(str(start_page(folder))))
