"""Torch parity of the real epoch loop (``Trainer.run``, what ``fit_iter``, the CLI and the
app drive): shuffling, a partial last batch, a schedule, settings changed between epochs,
in float64 (to 1e-10) and float32 (to float32 rounding).

The torch side reproduces the engine's batch order with the same NumPy calls: one
``numpy.random.default_rng(seed)`` and one ``permutation(n)`` per epoch.
"""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from engine_helpers import mlp  # noqa: E402
from torch_twin import Twin, loss, targets  # noqa: E402

from nnstudio.engine import Trainer  # noqa: E402
from nnstudio.engine.schedules import scheduled_lr  # noqa: E402
from nnstudio.graph import train_config  # noqa: E402

N, BATCH, SEED = 37, 8, 11  # four batches of 8 and a last one of 5


def _data():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(N, 2))
    y = np.stack([x[:, 0] * x[:, 1], np.sin(x[:, 0]) - x[:, 1]], axis=1)
    return x, y


def _run(dtype: str, epochs: int = 6):
    x, y = _data()
    net = mlp([2, 8, 6, 2], activation="tanh", out_activation="linear", dtype=dtype, seed=3)
    twin = Twin(net, dtype=torch.float64 if dtype == "float64" else torch.float32)
    params = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False}
    cfg = train_config(
        loss="huber",
        loss_params={"delta": 0.5},
        optimizer="adam",
        optimizer_params=params,
        learning_rate=0.02,
        schedule="step",
        schedule_params={"step_size": 2, "gamma": 0.5},
        batch_size=BATCH,
        epochs=epochs,
        seed=SEED,
        dtype=dtype,
    )
    trainer = Trainer(net, x, y, config=cfg)
    opt = torch.optim.Adam(list(twin.params.values()), lr=0.02)
    rng = np.random.default_rng(SEED)
    tx = torch.as_tensor(x, dtype=twin.dtype)
    ty = targets("huber", y, 2, dtype=twin.dtype)
    ours, theirs, base_lr = [], [], 0.02
    for epoch, report in enumerate(trainer.run()):
        pass_losses = []
        perm = rng.permutation(N)
        for s in range(0, N, BATCH):
            idx = torch.as_tensor(perm[s : s + BATCH])
            opt.param_groups[0]["lr"] = scheduled_lr("step", cfg.schedule_params, base_lr, epoch)
            opt.zero_grad()
            value = loss(
                "huber", twin.forward(tx[idx], training=True), ty[idx], fused=False, delta=0.5
            )
            value.backward()
            opt.step()
            pass_losses.append(value.item() * len(idx))
        ours.append(report.train_loss)
        theirs.append(sum(pass_losses) / N)
        assert report.step == (epoch + 1) * 5
        if epoch == 2:  # live changes between epochs, on both sides
            trainer.update(learning_rate=0.01, optimizer_params={**params, "beta1": 0.6})
            base_lr = 0.01
            opt.param_groups[0]["betas"] = (0.6, 0.999)
    return ours, theirs, net.get_weights(), twin.weights()


def test_epoch_loop_with_shuffling_partial_batch_schedule_and_live_changes_float64():
    ours, theirs, w, tw = _run("float64")
    np.testing.assert_allclose(ours, theirs, rtol=1e-10)
    assert ours[-1] < ours[0]
    for k, v in tw.items():
        np.testing.assert_allclose(w[k], v, rtol=1e-10, atol=1e-13, err_msg=k)


def test_epoch_loop_float32_agrees_to_float32_rounding():
    ours, theirs, w, tw = _run("float32")
    assert w["out.weight"].dtype == np.float32
    np.testing.assert_allclose(ours, theirs, rtol=2e-4)
    for k, v in tw.items():
        np.testing.assert_allclose(w[k], v, rtol=2e-3, atol=2e-4, err_msg=k)
