"""Networks of image layers against PyTorch in float64: forward, gradients, Adam steps."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.engine import Network, NodeDef, TrainConfig, Trainer
from nnstudio.graph import CATALOG, fill_training

torch = pytest.importorskip("torch")
nn = torch.nn

CONV = {
    "filters": 4,
    "kernel_size": 3,
    "stride": 1,
    "padding": "same",
    "pad": 0,
    "dilation": 1,
    "activation": "linear",
    "use_bias": True,
    "init": "auto",
    "slope": 0.01,
    "alpha": 1.0,
}
POOL = {"pool_size": 2, "stride": 2, "pad": 0}


def node(nid, kind, params=None, inputs=()):
    base = CATALOG[kind].defaults() if kind in CATALOG else {}
    if kind == "conv2d":
        base = {**base, **CONV}
    if kind in ("maxpool2d", "avgpool2d"):
        base = {**base, **POOL}
    return NodeDef(nid, kind, {**base, **(params or {})}, list(inputs))


def conv(nid, src, **kw):
    return node(nid, "conv2d", kw, [src])


def _chain_net():
    """reshape, conv relu same, batchnorm, maxpool, conv tanh dilated, avgpool, dense."""
    nodes = [
        node("in", "input", {"units": 2 * 9 * 9}),
        node("img", "reshape", {"channels": 2, "height": 9, "width": 9}, ["in"]),
        conv("c1", "img", filters=4, activation="relu"),
        node("bn", "batchnorm", {"momentum": 0.2}, ["c1"]),
        node("p1", "maxpool2d", {"pool_size": 2, "stride": 2, "pad": 1}, ["bn"]),
        conv(
            "c2",
            "p1",
            filters=3,
            kernel_size=2,
            stride=1,
            padding="explicit",
            pad=1,
            activation="tanh",
            dilation=2,
        ),
        node("p2", "avgpool2d", {"pool_size": 2, "stride": 1, "pad": 0}, ["c2"]),
        node("flat", "flatten", {}, ["p2"]),
        node("out", "dense", {"units": 3, "activation": "softmax"}, ["flat"]),
    ]
    net = Network(nodes, dtype="float64", seed=1)
    w = {k: torch.from_numpy(v) for k, v in net.get_weights().items()}

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.c1 = nn.Conv2d(2, 4, 3, padding="same")
            self.bn = nn.BatchNorm2d(4, momentum=0.2)
            self.c2 = nn.Conv2d(4, 3, 2, padding=1, dilation=2)
            self.out = nn.Linear(w["out.weight"].shape[0], 3)

        def forward(self, x):
            x = x.reshape(-1, 2, 9, 9)
            x = nn.functional.max_pool2d(self.bn(torch.relu(self.c1(x))), 2, 2, padding=1)
            x = nn.functional.avg_pool2d(torch.tanh(self.c2(x)), 2, 1)
            return self.out(x.flatten(1))

    model = Model().double()
    with torch.no_grad():
        for name in ("c1", "c2"):
            getattr(model, name).weight.copy_(w[f"{name}.weight"])
            getattr(model, name).bias.copy_(w[f"{name}.bias"])
        model.out.weight.copy_(w["out.weight"].T)
        model.out.bias.copy_(w["out.bias"])
    return net, model


def _dag_net():
    """Two convolutions added, a third concatenated on channels, global average, dense."""
    nodes = [
        node("in", "input", {"units": 3 * 6 * 6}),
        node("img", "reshape", {"channels": 3, "height": 6, "width": 6}, ["in"]),
        conv("a", "img", filters=4, activation="relu"),
        conv("b", "img", filters=4, kernel_size=1, padding="valid", use_bias=False),
        node("sum", "add", {}, ["a", "b"]),
        conv("c", "sum", filters=2, activation="elu"),
        node("cat", "concat", {}, ["sum", "c"]),
        node("gap", "globalavgpool", {}, ["cat"]),
        node("out", "dense", {"units": 3, "activation": "softmax"}, ["gap"]),
    ]
    net = Network(nodes, dtype="float64", seed=2)
    w = {k: torch.from_numpy(v) for k, v in net.get_weights().items()}

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.a = nn.Conv2d(3, 4, 3, padding="same")
            self.b = nn.Conv2d(3, 4, 1, bias=False)
            self.c = nn.Conv2d(4, 2, 3, padding="same")
            self.out = nn.Linear(6, 3)

        def forward(self, x):
            x = x.reshape(-1, 3, 6, 6)
            s = torch.relu(self.a(x)) + self.b(x)
            cat = torch.cat([s, nn.functional.elu(self.c(s))], dim=1)
            return self.out(cat.mean(dim=(2, 3)))

    model = Model().double()
    with torch.no_grad():
        for name in ("a", "b", "c"):
            getattr(model, name).weight.copy_(w[f"{name}.weight"])
        model.a.bias.copy_(w["a.bias"])
        model.c.bias.copy_(w["c.bias"])
        model.out.weight.copy_(w["out.weight"].T)
        model.out.bias.copy_(w["out.bias"])
    return net, model


def _torch_grads(model, net):
    named = dict(model.named_parameters())
    grads = {}
    for key in net.get_weights():
        if key.endswith(("running_mean", "running_var")):
            continue
        g = named[key].grad.numpy()
        grads[key] = g.T if key == "out.weight" else g
    return grads


@pytest.mark.parametrize("build", [_chain_net, _dag_net])
def test_forward_and_gradients_match_torch(build):
    net, model = build()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(7, net.input_width))
    y = rng.integers(0, 3, size=7)
    model.eval()
    expected_pred = torch.softmax(model(torch.from_numpy(x)), 1).detach().numpy()
    np.testing.assert_allclose(net.predict(x), expected_pred, rtol=1e-12, atol=1e-14)
    model.train()
    logits = model(torch.from_numpy(x))
    loss_t = nn.functional.cross_entropy(logits, torch.from_numpy(y))
    loss_t.backward()
    loss, grads, _ = net.loss_and_gradients(x, y, "cce")
    assert loss == pytest.approx(loss_t.item(), rel=1e-12)
    expected = _torch_grads(model, net)
    for key, g in grads.items():
        np.testing.assert_allclose(g, expected[key], rtol=1e-10, atol=1e-13, err_msg=key)


@pytest.mark.parametrize("build", [_chain_net, _dag_net])
def test_adam_steps_match_torch(build):
    net, model = build()
    rng = np.random.default_rng(1)
    x = rng.normal(size=(24, net.input_width))
    y = rng.integers(0, 3, size=24)
    cfg = TrainConfig.from_dict(
        fill_training(
            {"loss": "cce", "optimizer": "adam", "learning_rate": 0.01, "dtype": "float64"}
        )
    )
    trainer = Trainer(net, x, y, config=cfg)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    for i in range(4):
        xb, yb = x[i * 6 : i * 6 + 6], y[i * 6 : i * 6 + 6]
        ours = trainer.train_batch(xb, yb)
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(torch.from_numpy(xb)), torch.from_numpy(yb))
        loss.backward()
        opt.step()
        assert ours == pytest.approx(loss.item(), rel=1e-10), i
    named = {**dict(model.named_parameters()), **dict(model.named_buffers())}
    for key, value in net.get_weights().items():
        ref = named[key].detach().numpy()
        np.testing.assert_allclose(
            value, ref.T if key == "out.weight" else ref, rtol=1e-8, atol=1e-11, err_msg=key
        )


def test_dropout_on_images_drops_values_in_training_only():
    nodes = [
        node("in", "input", {"units": 2 * 4 * 4, "channels": 2, "height": 4, "width": 4}),
        node("drop", "dropout", {"rate": 0.5}, ["in"]),
        node("flat", "flatten", {}, ["drop"]),
    ]
    net = Network(nodes, dtype="float64", seed=0)
    x = np.random.default_rng(0).uniform(1.0, 2.0, size=(50, 2, 4, 4))
    np.testing.assert_array_equal(net.predict(x), x.reshape(50, -1))
    y = net.forward(x, training=True, rng=np.random.default_rng(1))
    kept = y != 0
    np.testing.assert_allclose(y[kept], 2.0 * x.reshape(50, -1)[kept])
    assert 0.4 < kept.mean() < 0.6


def test_predict_bounds_the_batch_by_the_convolution_columns():
    from nnstudio.engine.network import PREDICT_BYTES

    image = {"units": 3 * 32 * 32, "channels": 3, "height": 32, "width": 32}
    nodes = [
        node("in", "input", image),
        conv("c", "in", filters=8, kernel_size=5, padding="same"),
        node("g", "globalavgpool", {}, ["c"]),
    ]
    net = Network(nodes, dtype="float32", seed=0)
    x = np.random.default_rng(0).normal(size=(600, 3, 32, 32)).astype(np.float32)
    y = net.predict(x)
    sizes = sorted(key[0] for key in net._plans)
    per_sample = 4 * (3 * 32 * 32 + 8 * 32 * 32 + 8 + 3 * 25 * 32 * 32)  # outputs + columns
    assert max(sizes) == PREDICT_BYTES // per_sample < 600  # batched, not one plan of 600
    np.testing.assert_allclose(y[:5], net.forward(x[:5]), rtol=1e-5, atol=1e-6)
