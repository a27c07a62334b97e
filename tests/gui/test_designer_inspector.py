"""Inspector float editors: compact text, scientific notation, decade steps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


@pytest.fixture
def bn_inspector(qtbot, document):
    from nnstudio.gui.inspector import Inspector

    node_id = document.add_node("batchnorm", (0.0, 300.0))
    widget = Inspector(document)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_node(node_id)
    return widget, node_id


def _type(box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Return)


def test_eps_is_shown_compactly_and_accepts_scientific_notation(bn_inspector):
    inspector, node_id = bn_inspector
    doc = inspector.document
    eps = inspector.editors["eps"]
    assert eps.text() == "1e-5"
    assert inspector.editors["momentum"].text() == "0.1"
    count = doc.undo_stack.count()
    _type(eps, "2.5e-10")
    assert doc.spec.nodes[node_id].params["eps"] == 2.5e-10  # not rounded to 8 decimals
    assert eps.text() == "2.5e-10"
    assert doc.undo_stack.count() == count + 1
    _type(eps, "0.001")
    assert doc.spec.nodes[node_id].params["eps"] == 0.001
    assert eps.text() == "0.001"
    doc.undo_stack.undo()
    assert eps.text() == "2.5e-10"


def test_eps_arrows_step_by_decades_and_stay_in_range(bn_inspector):
    inspector, node_id = bn_inspector
    doc = inspector.document
    eps = inspector.editors["eps"]
    eps.setFocus()
    QTest.keyClick(eps, Qt.Key.Key_Up)
    assert doc.spec.nodes[node_id].params["eps"] == pytest.approx(1e-4)
    for _ in range(8):
        QTest.keyClick(eps, Qt.Key.Key_Up)
    assert doc.spec.nodes[node_id].params["eps"] == 1.0  # clamped at the catalog maximum
    # an additive parameter keeps additive steps
    momentum = inspector.editors["momentum"]
    momentum.setFocus()
    QTest.keyClick(momentum, Qt.Key.Key_Up)
    assert doc.spec.nodes[node_id].params["momentum"] == pytest.approx(0.15)


def test_out_of_range_or_garbage_text_is_not_committed(bn_inspector):
    inspector, node_id = bn_inspector
    doc = inspector.document
    momentum = inspector.editors["momentum"]
    count = doc.undo_stack.count()
    _type(momentum, "abc")  # letters are rejected by the validator as they are typed
    assert doc.spec.nodes[node_id].params["momentum"] == 0.1
    assert doc.undo_stack.count() == count
    _type(momentum, "7")  # out of 0..1: fixed up to the maximum, never an invalid value
    assert doc.spec.nodes[node_id].params["momentum"] == 1.0
    assert momentum.text() == "1"
    assert doc.undo_stack.count() == count + 1


def test_format_float():
    from nnstudio.gui.inspector import format_float

    assert [format_float(v) for v in (0.1, 0.95, 1.0, 1e-5, 2.5e-7, 1234.5)] == [
        "0.1",
        "0.95",
        "1",
        "1e-5",
        "2.5e-7",
        "1234.5",
    ]
