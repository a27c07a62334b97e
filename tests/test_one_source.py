"""One source of truth: every parameter is declared once (the catalog) and every consumer
agrees with it: ``nnstudio new``, the templates, the engine (which has no defaults of its
own), the analysed graph and every exporter.
"""

from __future__ import annotations

import importlib.util
import inspect
import math
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from nnstudio.cli import main as cli_main
from nnstudio.data import Preprocessor
from nnstudio.engine import ACTIVATIONS, LOSSES, OPTIMIZERS, SCHEDULES, ConfigError
from nnstudio.engine.losses import make_head
from nnstudio.engine.optimizers import make_optimizer
from nnstudio.engine.registry import NODE_KINDS
from nnstudio.engine.schedules import scheduled_lr
from nnstudio.graph import (
    ACTIVATION_PARAMS,
    CATALOG,
    LOSS_PARAMS,
    OPTIMIZER_PARAMS,
    SCHEDULE_PARAMS,
    TRAINING_FIELDS,
    LossMismatchError,
    NetworkSpec,
    ParamError,
    SoftmaxCrossEntropyWarning,
    analyse,
    compile_spec,
    fill_node_params,
    fill_params,
    fill_training,
    train_config,
    training_defaults,
)
from nnstudio.io import DEFAULT_TEMPLATE, TEMPLATES, load_project, make_template
from nnstudio.io.export import build_ir, export_network
from nnstudio.io.export.numpy_runtime import run_ops

TABLES = {
    "activation": ACTIVATION_PARAMS,
    "loss": LOSS_PARAMS,
    "optimizer": OPTIMIZER_PARAMS,
    "schedule": SCHEDULE_PARAMS,
}


def _other_value(p):
    """A valid value of ``p`` different from its default."""
    if p.type == "bool":
        return not p.default
    if p.type == "choice":
        return next(c for c in p.choices if c != p.default)
    base = p.default if p.default is not None else (p.min or 0) + 1
    for candidate in (base * 0.5, base + 0.25, base * 2 + 1, (p.min or 0) + 0.125):
        value = int(round(candidate)) if p.type == "int" else candidate
        if value != p.default:
            try:
                return p.check(value)
            except ParamError:
                continue
    raise AssertionError(f"no other value for {p}")


# ------------------------------------------------------------------ the catalog itself


def test_every_name_the_engine_knows_has_exactly_one_table_entry():
    assert set(ACTIVATION_PARAMS) == set(ACTIVATIONS)
    assert set(LOSS_PARAMS) == set(LOSSES)
    assert set(OPTIMIZER_PARAMS) == set(OPTIMIZERS)
    assert set(SCHEDULE_PARAMS) == set(SCHEDULES)
    assert set(CATALOG) <= set(NODE_KINDS)
    tables = [*TABLES.values(), {k: v.params for k, v in CATALOG.items()}]
    for table in tables:
        for name, specs in table.items():
            names = [p.name for p in specs]
            assert len(names) == len(set(names)), name
            for p in specs:
                assert p.help and p.label, (name, p.name)
                assert p.check(p.default) == p.default or (p.optional and p.default is None)
    fields = [p.name for p in TRAINING_FIELDS]
    assert len(fields) == len(set(fields))


def test_activation_parameters_are_declared_once_and_shared_by_dense_and_activation():
    (slope,) = ACTIVATION_PARAMS["leaky_relu"]
    (alpha,) = ACTIVATION_PARAMS["elu"]
    assert (slope.name, slope.default, alpha.name, alpha.default) == ("slope", 0.01, "alpha", 1.0)
    for kind in ("dense", "activation"):
        assert CATALOG[kind].param("slope") is slope
        assert CATALOG[kind].param("alpha") is alpha
    assert all(ACTIVATION_PARAMS[a] == () for a in ACTIVATIONS if a not in ("leaky_relu", "elu"))


def test_catalog_defaults_follow_pytorch():
    torch = pytest.importorskip("torch")

    def defaults_of(cls):
        sig = inspect.signature(cls.__init__)
        return {k: v.default for k, v in sig.parameters.items()}

    opt = {name: fill_params("optimizer", name) for name in OPTIMIZERS}
    sgd = defaults_of(torch.optim.SGD)
    assert opt["sgd"] == {
        "momentum": sgd["momentum"],
        "dampening": sgd["dampening"],
        "weight_decay": sgd["weight_decay"],
        "nesterov": sgd["nesterov"],
    }
    ada = defaults_of(torch.optim.Adagrad)
    assert opt["adagrad"] == {k: ada[k] for k in opt["adagrad"]}
    rms = defaults_of(torch.optim.RMSprop)
    assert opt["rmsprop"] == {k: rms[k] for k in opt["rmsprop"]}
    for name, cls in (("adam", torch.optim.Adam), ("adamw", torch.optim.AdamW)):
        d = defaults_of(cls)
        assert (opt[name]["beta1"], opt[name]["beta2"]) == tuple(d["betas"])
        assert opt[name]["eps"] == d["eps"] and opt[name]["amsgrad"] == d["amsgrad"]
        assert opt[name]["weight_decay"] == d["weight_decay"]
    assert fill_params("loss", "huber")["delta"] == torch.nn.HuberLoss().delta
    assert CATALOG["dropout"].param("rate").default == torch.nn.Dropout().p
    assert ACTIVATION_PARAMS["leaky_relu"][0].default == torch.nn.LeakyReLU().negative_slope
    assert ACTIVATION_PARAMS["elu"][0].default == torch.nn.ELU().alpha
    bn = torch.nn.BatchNorm1d(3)
    assert fill_node_params("batchnorm", {}) == {"momentum": bn.momentum, "eps": bn.eps}
    cosine = defaults_of(torch.optim.lr_scheduler.CosineAnnealingLR)
    assert fill_params("schedule", "cosine")["eta_min"] == cosine["eta_min"]


# ------------------------------------------------------------------ training settings


def test_cli_new_templates_and_catalog_give_the_same_complete_settings(tmp_path, capsys):
    path = tmp_path / "new.nnstudio"
    assert cli_main(["new", "-o", str(path)]) == 0
    made = load_project(path).training.to_dict()
    assert made == make_template(DEFAULT_TEMPLATE).training.to_dict()
    assert made == fill_training(made)  # already complete: nothing left to the engine
    assert made["optimizer_params"] == fill_params("optimizer", made["optimizer"])
    for name in TEMPLATES:
        cfg = make_template(name).training.to_dict()
        assert cfg == fill_training(cfg), name
        assert set(cfg["optimizer_params"]) == {p.name for p in OPTIMIZER_PARAMS[cfg["optimizer"]]}
    defaults = training_defaults()
    assert {p.name: defaults[p.name] for p in TRAINING_FIELDS} == {
        p.name: p.default for p in TRAINING_FIELDS
    }


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_a_schedule_chosen_without_settings_runs_with_the_catalog_defaults(schedule):
    """The issue's example: step at epoch 60 gave 0.05 in the window and 0.0016 with `new`."""
    project = make_template(DEFAULT_TEMPLATE)
    chosen = replace(project.training, schedule=schedule, schedule_params={}, learning_rate=0.1)
    cfg = train_config(chosen.to_dict())
    params = {p.name: p.default for p in SCHEDULE_PARAMS[schedule]}
    assert cfg.schedule_params == params
    lr = [scheduled_lr(schedule, cfg.schedule_params, 0.1, e) for e in (0, 60, 150)]
    if schedule == "step":
        assert params == {"step_size": 50, "gamma": 0.5}
        assert lr[1] == pytest.approx(0.05)
    elif schedule == "exponential":
        assert lr[1] == pytest.approx(0.1 * params["gamma"] ** 60)
    elif schedule == "cosine":
        assert lr[2] == pytest.approx(0.5 * 0.1 * (1 + math.cos(math.pi * 150 / params["t_max"])))
    else:
        assert lr == [0.1, 0.1, 0.1]
    for key in params:  # the engine has no default of its own
        with pytest.raises(ConfigError, match=key):
            scheduled_lr(schedule, {k: v for k, v in params.items() if k != key}, 0.1, 3)
    for p in SCHEDULE_PARAMS[schedule]:  # a changed value reaches the engine as given
        changed = fill_params("schedule", schedule, {p.name: _other_value(p)})
        cfg = train_config(chosen.to_dict(), schedule_params=changed)
        assert cfg.schedule_params[p.name] == changed[p.name]


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_every_optimizer_parameter_reaches_the_engine_and_none_is_invented(name):
    specs = OPTIMIZER_PARAMS[name]
    full = fill_params("optimizer", name)
    opt = make_optimizer(name, 4, np.float64, full)
    for p in specs:
        value = _other_value(p)
        if name in ("sgd", "momentum") and p.name == "nesterov":
            full_p = {**full, "nesterov": True, "momentum": 0.9, "dampening": 0.0}
        elif p.name == "dampening":
            full_p = {**full, "dampening": value, "nesterov": False}
        else:
            full_p = {**full, p.name: value}
        opt = make_optimizer(name, 4, np.float64, full_p)
        got = opt.sum[0] if p.name == "initial_accumulator_value" else getattr(opt, p.name)
        assert got == full_p[p.name], (name, p.name)
        missing = {k: v for k, v in full.items() if k != p.name}
        with pytest.raises(ConfigError, match=p.name):
            make_optimizer(name, 4, np.float64, missing)


@pytest.mark.parametrize("loss", LOSSES)
def test_every_loss_parameter_reaches_the_engine(loss):
    params = fill_params("loss", loss)
    k = 3 if loss == "cce" else 1
    head = make_head(loss, params, k, "sigmoid" if loss == "bce" else "linear")
    assert head.params == params  # exactly the catalog's parameters reach the head
    for p in LOSS_PARAMS[loss]:
        value = _other_value(p)
        head = make_head(loss, {**params, p.name: value}, 1, "linear")
        d = np.array([[0.1], [3.0]])
        want = np.where(np.abs(d) < value, 0.5 * d * d, value * (np.abs(d) - 0.5 * value))
        np.testing.assert_allclose(head.per_sample(d, np.zeros_like(d)), want[:, 0])
        with pytest.raises(ConfigError, match=p.name):
            make_head(loss, {}, 1, "linear")


@pytest.mark.parametrize("loss", LOSSES)
def test_each_loss_checks_its_own_settings_once(loss):
    """The head is the one place a loss's settings are checked: the config and the head
    refuse the same things with the same message (a setting the loss does not read, a
    delta that is not a number > 0)."""
    names = {p.name for p in LOSS_PARAMS[loss]}
    k = 1 if loss in ("bce", "bce_logits") else 2
    cases = [{**fill_params("loss", loss), "colour": 1.0}]
    if "delta" in names:
        cases += [{"delta": "1"}, {"delta": True}, {"delta": 0.0}]
    else:
        cases += [{"delta": 1.0}]
    for bad in cases:
        with pytest.raises(ConfigError) as from_head:
            make_head(loss, bad, k, "linear")
        with pytest.raises(ConfigError) as from_config:
            replace(train_config(loss=loss), loss_params=bad).validate()
        assert str(from_head.value) == str(from_config.value)
        assert ("colour" in str(from_head.value)) == ("colour" in bad)


def test_bad_settings_name_the_field():
    with pytest.raises(ParamError, match="beta1"):
        fill_training({"optimizer": "adam", "optimizer_params": {"beta1": 1.5}})
    with pytest.raises(ParamError, match="step_size"):
        fill_training({"schedule": "step", "schedule_params": {"step_size": 0}})
    with pytest.raises(ParamError, match="learning_rate"):
        fill_training({"learning_rate": -1})
    with pytest.raises(ParamError, match="colour"):
        fill_training({"colour": "red"})
    older = fill_training({"optimizer_params": {"betas": [0.8, 0.9]}})  # older project files
    assert (older["optimizer_params"]["beta1"], older["optimizer_params"]["beta2"]) == (0.8, 0.9)


# ------------------------------------------------------------------ layers: engine = exporters


def _spec_for(activation: str, changed: bool) -> NetworkSpec:
    """input -> dense(act) -> batchnorm -> dropout -> activation(act) -> {add, concat} -> dense;
    with ``changed`` every layer and activation parameter has a non-default value, else
    nodes carry only their kind (everything filled from the catalog)."""

    def params(kind, **given):
        if not changed:
            return given
        out = dict(given)
        for p in CATALOG[kind].params:
            if p.name in out or p.name == "units":
                continue
            if p.name == "init":
                out[p.name] = "glorot_normal"
            elif p.name != "activation":
                out[p.name] = _other_value(p)
        return out

    s = NetworkSpec()
    i = s.add_node("input", {"units": 3}).id
    d = s.add_node("dense", params("dense", units=4, activation=activation)).id
    bn = s.add_node("batchnorm", params("batchnorm")).id
    dr = s.add_node("dropout", params("dropout")).id
    act = s.add_node("activation", params("activation", activation=activation)).id
    side = s.add_node("dense", {"units": 4, "activation": "tanh"}).id
    add = s.add_node("add").id
    cat = s.add_node("concat").id
    out = s.add_node("dense", {"units": 2, "activation": "linear"}).id
    for a, b in ((i, d), (d, bn), (bn, dr), (dr, act), (i, side), (act, add), (side, add)):
        s.add_edge(a, b)
    for a, b in ((add, cat), (i, cat), (cat, out)):
        s.add_edge(a, b)
    return s


def _weights(net):
    rng = np.random.default_rng(5)
    w = {}
    for name, value in net.get_weights().items():
        if name.endswith("running_var"):
            w[name] = rng.uniform(0.5, 2.0, value.shape)
        else:
            w[name] = rng.normal(0.0, 0.7, value.shape)
    net.set_weights(w)
    return net.get_weights()


def _import(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def _predict_with_every_exporter(spec, weights, x, tmp_path) -> dict[str, np.ndarray]:
    ir = build_ir(spec, weights, None)
    out = {"ir": run_ops([op.to_dict() for op in ir.ops], ir.constants, x)[ir.output]}
    path = tmp_path / "np_model.py"
    export_network(spec, weights, None, "numpy", path)
    out["numpy"] = _import(path, f"np_model_{id(spec)}").predict(x)
    ort = pytest.importorskip("onnxruntime")
    path = tmp_path / "model.onnx"
    export_network(spec, weights, None, "onnx", path)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    out["onnx"] = session.run(["output"], {"input": x.astype(np.float32)})[0]
    torch = pytest.importorskip("torch")
    path = tmp_path / "torch_model.py"
    export_network(spec, weights, None, "pytorch", path)
    model = _import(path, f"torch_model_{id(spec)}").load()
    with torch.no_grad():
        out["pytorch"] = model(torch.tensor(x, dtype=torch.float32)).numpy()
    return out


@pytest.mark.parametrize("changed", [False, True], ids=["catalog-defaults", "every-param-set"])
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_engine_and_every_exporter_agree_on_every_layer_and_activation_parameter(
    activation, changed, tmp_path
):
    spec = _spec_for(activation, changed)
    net = compile_spec(spec, dtype="float64", seed=1)
    weights = _weights(net)
    x = np.random.default_rng(2).normal(0.0, 1.5, size=(16, 3))
    want = net.predict(x)
    for name, got in _predict_with_every_exporter(spec, weights, x, tmp_path).items():
        tol = 1e-9 if name in ("ir", "numpy") else 2e-4
        np.testing.assert_allclose(got, want, rtol=tol, atol=tol, err_msg=name)
    filled = analyse(spec).params
    for nid, node in spec.nodes.items():  # what each exporter received is the catalog's
        layer = net._layers[nid]
        for key in layer.param_names:
            assert layer.p[key] == filled[nid][key] == fill_node_params(node.kind, node.params)[key]


def test_an_activation_node_without_its_parameter_is_filled_the_same_everywhere(tmp_path):
    spec = NetworkSpec.sequential(3, [4], "tanh", 2, "linear")
    act = spec.add_node("activation", {"activation": "elu"}).id
    out = next(n for n in spec.nodes if n.startswith("dense_2"))
    spec.remove_node(out)
    spec.add_edge("dense_1", act)
    del spec.nodes[act].params["activation"]
    del spec.nodes[act].params["alpha"]
    assert analyse(spec).params[act]["activation"] == CATALOG["activation"].defaults()["activation"]
    net = compile_spec(spec, dtype="float64")
    weights = _weights(net)
    x = np.random.default_rng(0).normal(size=(10, 3))
    ir = build_ir(spec, weights, None)
    assert [op.params.get("activation") for op in ir.ops if op.node == act] == ["relu"]
    for name, got in _predict_with_every_exporter(spec, weights, x, tmp_path).items():
        np.testing.assert_allclose(got, net.predict(x), rtol=2e-4, atol=2e-4, err_msg=name)


def test_dropout_default_is_identical_everywhere(tmp_path):
    default = CATALOG["dropout"].param("rate").default
    assert default == 0.5
    spec = NetworkSpec.sequential(2, [3], "relu", 1, "sigmoid")
    dr = spec.add_node("dropout").id
    spec.remove_edge(next(e for e in spec.edges if e.dst == "dense_2"))
    spec.add_edge("dense_1", dr)
    spec.add_edge(dr, "dense_2")
    net = compile_spec(spec)
    assert net._layers[dr].rate == default
    ir = build_ir(spec, net.get_weights(), None)
    assert [op.params for op in ir.ops if op.op == "dropout"] == [{"rate": default}]
    path = tmp_path / "m.py"
    export_network(spec, net.get_weights(), None, "pytorch", path)
    assert f"nn.Dropout(p={default})" in path.read_text()


# ------------------------------------------------------------------ one analysed graph


def test_engine_validation_and_export_use_the_one_topological_order():
    s = NetworkSpec()  # inserted out of order on purpose
    out = s.add_node("dense", {"units": 1, "activation": "sigmoid"}).id
    b = s.add_node("dense", {"units": 3}).id
    a = s.add_node("dense", {"units": 3}).id
    add = s.add_node("add").id
    i = s.add_node("input", {"units": 2}).id
    for src, dst in ((i, a), (i, b), (a, add), (b, add), (add, out)):
        s.add_edge(src, dst)
    result = analyse(s)
    assert result.order == (i, b, a, add, out)  # ties keep insertion order
    net = compile_spec(s)
    assert [nd.id for nd in net.nodes] == list(result.order)
    ir = build_ir(s, net.get_weights(), None)
    assert list(dict.fromkeys(op.node for op in ir.ops)) == [n for n in result.order if n != i]
    assert result.weight_shapes() == net.param_shapes()
    assert result.total_params == net.n_params
    assert result.shapes[add] == (3,) and isinstance(result.shapes[i], tuple)


def test_analysis_is_cached_per_content_and_follows_edits():
    spec = NetworkSpec.sequential(2, [4], "relu", 1, "sigmoid")
    first = analyse(spec)
    assert analyse(spec) is first
    spec.set_param("dense_1", "units", 6)
    second = analyse(spec)
    assert second is not first and second.shapes["dense_1"] == (6,)
    assert second.param_shapes["dense_2"] == {"weight": (6, 1), "bias": (1,)}
    with pytest.raises(TypeError):
        second.shapes["dense_1"] = (1,)  # read-only


def test_softmax_with_cce_is_a_warning_and_the_fused_loss_applies_softmax_once():
    spec = NetworkSpec.sequential(2, [4], "tanh", 3, "softmax")
    result = analyse(spec, (2,), loss="cce", task="multiclass", n_classes=3)
    assert result.errors == ()
    [warning] = result.warnings
    assert isinstance(warning, SoftmaxCrossEntropyWarning) and "fuses" in warning.message
    net = compile_spec(spec, dtype="float64")
    x = np.random.default_rng(0).normal(size=(5, 2))
    y = np.array([0, 1, 2, 1, 0])
    loss, _, _ = net.loss_and_gradients(x, y, "cce")
    p = net.predict(x)  # probabilities (softmax applied once)
    assert loss == pytest.approx(-np.log(p[np.arange(5), y]).mean(), rel=1e-10)
    # a softmax that is not the last operation would get a second softmax: refused
    dr = spec.add_node("dropout").id
    spec.add_edge("dense_2", dr)
    errors = analyse(spec, (2,), loss="cce", task="multiclass", n_classes=3).errors
    assert [type(e) for e in errors] == [LossMismatchError]
    assert "second softmax" in errors[0].message and dr in errors[0].node_ids


def test_weight_checks_use_the_analysis_without_compiling():
    from nnstudio.io.weights import expected_shapes

    spec = NetworkSpec.sequential(2, [5], "relu", 1, "sigmoid")
    bn = spec.add_node("batchnorm").id
    spec.remove_edge(next(e for e in spec.edges if e.dst == "dense_2"))
    spec.add_edge("dense_1", bn)
    spec.add_edge(bn, "dense_2")
    assert expected_shapes(spec) == compile_spec(spec).param_shapes()
    assert expected_shapes(spec)[f"{bn}.running_var"] == (5,)


def test_preprocessing_is_untouched_by_the_ir_change():
    pre = Preprocessor(None, standardize=True).fit(np.random.default_rng(0).normal(size=(20, 2)))
    spec = NetworkSpec.sequential(2, [3], "relu", 1, "sigmoid")
    net = compile_spec(spec)
    ir = build_ir(spec, net.get_weights(), pre.to_dict())
    assert [op.op for op in ir.ops][:2] == ["standardize", "dense"]


def test_train_config_has_no_defaults_of_its_own():
    from dataclasses import MISSING, fields

    from nnstudio.engine import TrainConfig, Trainer

    assert all(f.default is MISSING and f.default_factory is MISSING for f in fields(TrainConfig))
    with pytest.raises(ConfigError, match="epochs"):
        TrainConfig.from_dict({k: v for k, v in training_defaults().items() if k != "epochs"})
    net = compile_spec(NetworkSpec.sequential(2, [3], "tanh", 1, "sigmoid"))
    with pytest.raises(ConfigError, match="train_config"):
        Trainer(net, np.zeros((4, 2)), np.zeros(4))
    assert TrainConfig.from_dict(training_defaults()) == train_config()
