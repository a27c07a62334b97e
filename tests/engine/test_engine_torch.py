"""Cross-checks against PyTorch (skipped only when torch is not importable).

Importing torch takes seconds, so these are marked slow.
"""

from __future__ import annotations

import numpy as np
import pytest
from engine_helpers import mlp
from test_engine_optimizers import LR, P0, grad, run_engine
from test_engine_training import _blobs

from nnstudio.engine import Trainer
from nnstudio.graph import train_config

pytestmark = pytest.mark.slow


TORCH_CASES = [
    ("sgd", {}, "SGD", {}),
    ("momentum", {}, "SGD", {"momentum": 0.9}),
    ("nesterov", {}, "SGD", {"momentum": 0.9, "nesterov": True}),
    ("adagrad", {}, "Adagrad", {}),
    (
        "rmsprop",
        {"centered": True, "momentum": 0.5},
        "RMSprop",
        {"centered": True, "momentum": 0.5},
    ),
    ("adam", {"amsgrad": True}, "Adam", {"amsgrad": True}),
    ("adamw", {}, "AdamW", {}),
]


@pytest.mark.parametrize(("name", "params", "tname", "tparams"), TORCH_CASES)
def test_same_steps_as_torch_optim(name, params, tname, tparams):
    torch = pytest.importorskip("torch")
    p_t = torch.tensor(P0, dtype=torch.float64, requires_grad=True)
    opt_t = getattr(torch.optim, tname)([p_t], lr=LR, **tparams)
    for _ in range(3):
        opt_t.zero_grad()
        p_t.grad = torch.tensor(grad(p_t.detach().tolist()), dtype=torch.float64)
        opt_t.step()
    got = run_engine(name, params)[-1]
    np.testing.assert_allclose(got, p_t.detach().numpy(), rtol=1e-12, atol=1e-14)


def test_torch_cross_check_same_losses_for_adam_steps():
    torch = pytest.importorskip("torch")
    x, y = _blobs(40, seed=3)
    net = mlp([2, 8, 8, 1], activation="tanh", out_activation="sigmoid", dtype="float64")
    w = net.get_weights()
    model = torch.nn.Sequential(
        torch.nn.Linear(2, 8),
        torch.nn.Tanh(),
        torch.nn.Linear(8, 8),
        torch.nn.Tanh(),
        torch.nn.Linear(8, 1),
    ).double()
    with torch.no_grad():
        for layer, name in zip(model[::2], ["dense_1", "dense_2", "out"], strict=True):
            layer.weight.copy_(torch.from_numpy(w[f"{name}.weight"].T))
            layer.bias.copy_(torch.from_numpy(w[f"{name}.bias"]))
    opt = torch.optim.Adam(model.parameters(), lr=0.05)
    tr = Trainer(net, x, y, config=train_config(learning_rate=0.05, dtype="float64"))
    lossf = torch.nn.BCEWithLogitsLoss()
    for i in range(5):
        xb, yb = x[i * 8 : i * 8 + 8], y[i * 8 : i * 8 + 8]
        ours = tr.train_batch(xb, yb)
        opt.zero_grad()
        loss = lossf(model(torch.from_numpy(xb)), torch.from_numpy(yb[:, None].astype(float)))
        loss.backward()
        opt.step()
        assert ours == pytest.approx(loss.item(), rel=1e-10), i
    w = net.get_weights()
    np.testing.assert_allclose(w["out.weight"].T, model[4].weight.detach().numpy(), rtol=1e-9)
