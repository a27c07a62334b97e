"""Document: every edit is one undo step, refused edits change nothing, signals fire."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from nnstudio.graph import CycleError, Edge, ParamError


def _snapshot(doc):
    return json.dumps(doc.spec.to_dict(), sort_keys=True)


def test_add_node_is_one_undo_step_and_emits(document, qtbot):
    before = _snapshot(document)
    with qtbot.waitSignal(document.nodeAdded) as blocker:
        node_id = document.add_node("dropout", (100.0, 250.0), {"rate": 0.3})
    assert blocker.args == [node_id]
    node = document.spec.nodes[node_id]
    assert node.kind == "dropout" and node.params["rate"] == 0.3
    assert node.pos == (100.0, 250.0)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert node_id not in document.spec.nodes
    assert _snapshot(document) == before
    document.undo_stack.redo()
    assert document.spec.nodes[node_id].params["rate"] == 0.3


def test_refused_edits_raise_and_change_nothing(document):
    drop = document.add_node("dropout", (0, 200))
    merge = document.add_node("add", (200, 200))
    document.connect(drop, merge)
    before = _snapshot(document)
    with pytest.raises(CycleError):
        document.connect(merge, drop)
    with pytest.raises(ParamError):
        document.set_param("dense_1", "units", 0)
    with pytest.raises(ParamError):
        document.add_node("dense", (0, 0), {"units": -4})
    assert _snapshot(document) == before
    assert document.undo_stack.count() == 3


def test_connect_and_disconnect_undo(document, qtbot):
    drop = document.add_node("dropout", (0, 200))
    with qtbot.waitSignal(document.edgeAdded) as blocker:
        edge = document.connect("dense_1", drop)
    assert blocker.args == [edge]
    assert edge == Edge("dense_1", drop, 0)
    assert edge in document.spec.edges
    document.undo_stack.undo()
    assert edge not in document.spec.edges
    document.undo_stack.redo()
    document.disconnect(edge)
    assert edge not in document.spec.edges
    document.undo_stack.undo()
    assert edge in document.spec.edges


def test_remove_nodes_restores_node_and_edges_in_place(document, qtbot):
    before = _snapshot(document)
    removed = []
    document.nodeRemoved.connect(lambda node_id: removed.append(node_id))
    document.remove_nodes(["dense_2"])
    assert removed == ["dense_2"]
    assert "dense_2" not in document.spec.nodes
    assert all("dense_2" not in (e.src, e.dst) for e in document.spec.edges)
    assert len(document.spec.edges) == 1
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert _snapshot(document) == before  # same node order, same edge order and slots
    document.undo_stack.redo()
    assert "dense_2" not in document.spec.nodes


def test_move_nodes_is_one_step(document):
    old = {i: document.spec.nodes[i].pos for i in ("dense_1", "dense_2")}
    document.move_nodes({"dense_1": (10.0, 20.0), "dense_2": (30.0, 40.0)})
    assert document.undo_stack.count() == 1
    assert document.spec.nodes["dense_2"].pos == (30.0, 40.0)
    document.undo_stack.undo()
    assert {i: document.spec.nodes[i].pos for i in old} == old


def test_set_param_undo_redo_updates_shapes(document, qtbot):
    assert document.shapes()["dense_1"] == (16,)
    with qtbot.waitSignal(document.nodeChanged, check_params_cb=lambda i: i == "dense_1"):
        document.set_param("dense_1", "units", 5)
    assert document.shapes()["dense_1"] == (5,)
    assert document.param_counts()["dense_2"] == 5 * 16 + 16
    document.undo_stack.undo()
    assert document.spec.nodes["dense_1"].params["units"] == 16
    assert document.param_counts()["dense_2"] == 272
    document.undo_stack.redo()
    assert document.spec.nodes["dense_1"].params["units"] == 5


def test_problems_follow_the_network(document, qtbot):
    assert document.problems() == []
    edge = next(e for e in document.spec.edges if e.dst == "dense_3")
    with qtbot.waitSignal(document.problemsChanged) as blocker:
        document.disconnect(edge)
    problems = blocker.args[0]
    assert problems and problems == document.problems()
    assert any("dense_3" in p.node_ids for p in problems)
    document.undo_stack.undo()
    assert document.problems() == []


def test_lock_blocks_network_edits_but_not_learning_rate(document, qtbot):
    from nnstudio.gui.document import LockedError

    with qtbot.waitSignal(document.lockChanged) as blocker:
        document.set_locked("Training is running")
    assert blocker.args == ["Training is running"]
    with pytest.raises(LockedError, match="Training is running"):
        document.add_node("dense", (0, 0))
    with pytest.raises(LockedError):
        document.set_param("dense_1", "units", 3)
    with pytest.raises(LockedError):
        document.remove_nodes(["dense_1"])
    old = document.project.training
    document.set_training(dataclasses.replace(old, learning_rate=0.5))
    assert document.project.training.learning_rate == 0.5
    other_loss = "mse" if old.loss != "mse" else "bce"
    with pytest.raises(LockedError, match="loss"):
        document.set_training(dataclasses.replace(old, loss=other_loss))
    # undo of the learning rate is fine while locked, undo of a network edit is not
    document.undo()
    assert document.project.training.learning_rate == old.learning_rate
    document.redo()
    document.set_locked(None)
    document.set_param("dense_1", "units", 3)
    document.set_locked("Training is running")
    assert not document.can_undo()
    with pytest.raises(LockedError):
        document.undo()
    assert document.spec.nodes["dense_1"].params["units"] == 3
    document.set_locked(None)
    assert document.can_undo()
    document.undo()
    assert document.spec.nodes["dense_1"].params["units"] == 16
    document.add_node("dense", (0, 0))
    assert document.locked is None


def test_undo_of_a_fixed_training_setting_is_refused_while_locked(document):
    """A loss change made before training cannot be undone (or redone) during training,
    just as the same edit made directly is refused; a learning-rate step still can."""
    from nnstudio.gui.document import LockedError

    old = document.project.training
    other_loss = "mse" if old.loss != "mse" else "bce"
    document.set_training(dataclasses.replace(old, loss=other_loss))
    document.set_locked("Training is running")
    assert not document.can_undo()
    with pytest.raises(LockedError, match="Training is running.*loss"):
        document.undo()
    assert document.project.training.loss == other_loss
    document.set_locked(None)
    document.undo()
    assert document.project.training.loss == old.loss
    document.set_locked("Training is running")
    assert not document.can_redo()
    with pytest.raises(LockedError):
        document.redo()
    assert document.project.training.loss == old.loss
    document.set_locked(None)
    document.redo()
    # a step that only changes live settings stays undoable during training
    document.set_training(dataclasses.replace(document.project.training, l2=0.01, epochs=7))
    document.set_locked("Training is running")
    assert document.can_undo()
    document.undo()
    assert document.project.training.l2 == old.l2
    assert document.project.training.loss == other_loss


def test_set_training_undo(document, qtbot):
    old_lr = document.project.training.learning_rate
    with qtbot.waitSignal(document.trainingChanged):
        document.set_training(dataclasses.replace(document.project.training, learning_rate=0.3))
    assert document.project.training.learning_rate == 0.3
    document.undo_stack.undo()
    assert document.project.training.learning_rate == old_lr


def test_data_change_syncs_input_units_in_one_step(document, qtbot):
    assert document.spec.nodes["input_1"].params["units"] == 7
    settings = dataclasses.replace(document.project.data, features=["x1", "x2"])
    with qtbot.waitSignal(document.dataChanged):
        document.set_data_settings(settings)
    assert document.spec.nodes["input_1"].params["units"] == 2
    assert document.dataset().n_features == 2
    assert document.problems() == []
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.spec.nodes["input_1"].params["units"] == 7
    assert document.project.data.features == settings.features[:0] + [
        "x1",
        "x2",
        "x1^2",
        "x2^2",
        "x1*x2",
        "sin(x1)",
        "sin(x2)",
    ]
    assert document.dataset().n_features == 7


def test_duplicate_and_paste(document):
    new = document.duplicate(["dense_1", "dense_2"])
    assert len(new) == 2 and not set(new) & {"dense_1", "dense_2"}
    a, b = (document.spec.nodes[i] for i in new)
    src1, src2 = document.spec.nodes["dense_1"], document.spec.nodes["dense_2"]
    assert a.params == src1.params and b.params == src2.params
    assert a.pos == (src1.pos[0] + 40, src1.pos[1] + 40)
    assert Edge(new[0], new[1], 0) in document.spec.edges  # the inner edge comes along
    assert document.undo_stack.count() == 1
    text = document.copy_nodes(["dense_3"])
    pasted = document.paste(text, offset=(0, 100))
    assert document.spec.nodes[pasted[0]].pos[1] == document.spec.nodes["dense_3"].pos[1] + 100
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert list(document.spec.nodes) == ["input_1", "dense_1", "dense_2", "dense_3"]


def test_paste_rejects_foreign_text(document):
    from nnstudio.gui.document import ClipboardError

    with pytest.raises(ClipboardError):
        document.paste("hello world")
    assert document.undo_stack.count() == 0


def test_dirty_state_and_weights(document, qtbot):
    assert not document.is_dirty
    states = []
    document.cleanChanged.connect(lambda clean: states.append(clean))
    document.add_node("dense", (0, 0))
    assert document.is_dirty and states == [False]
    document.mark_saved("/tmp/x.nnstudio")
    assert not document.is_dirty and states == [False, True]
    assert document.path == "/tmp/x.nnstudio"
    weights = {"dense_1.weight": np.zeros((7, 16), np.float32)}
    document.set_weights(weights, None, [{"epoch": 1}])
    assert document.is_dirty and document.project.history == [{"epoch": 1}]
    document.mark_saved("/tmp/x.nnstudio")
    # a structural edit parks the weights (they no longer fit); undo gives them back
    document.set_param("dense_1", "units", 3)
    assert document.project.weights is None
    document.undo_stack.undo()
    assert document.project.weights is weights


def test_auto_arrange_and_replace_project(document, spiral_project, qtbot):
    from nnstudio.io import make_template

    document.move_nodes({"dense_1": (500.0, 500.0), "dense_2": (-300.0, 90.0)})
    document.auto_arrange()
    assert document.undo_stack.count() == 2
    xs = [document.spec.nodes[i].pos[0] for i in ("input_1", "dense_1", "dense_2", "dense_3")]
    assert xs == sorted(xs) and len(set(xs)) == 4
    with qtbot.waitSignal(document.projectReplaced):
        document.replace_project(make_template("xor"), "/tmp/xor.nnstudio")
    assert document.undo_stack.count() == 0
    assert document.path == "/tmp/xor.nnstudio"
    assert not document.is_dirty
