"""Whether a widget can be seen: live views skip drawing what nobody sees.

``QWidget.isVisible()`` stays True for a dock that sits behind another tab of its tab
group, so the live views (insight docks, curves, tiles) also ask for a non-empty visible
region before drawing a snapshot; they draw the newest data when shown again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def on_screen(widget: QWidget) -> bool:
    """True when some of ``widget`` is visible in its (shown) window."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()
