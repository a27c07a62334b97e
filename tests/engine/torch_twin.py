"""A PyTorch twin of an engine Network, for the float64 parity tests.

``Twin(net)`` copies the engine's weights into torch leaf tensors and runs the same graph
with torch ops (Dense ``x @ W + b`` with W stored ``(fan_in, fan_out)``, BatchNorm through
``F.batch_norm`` with the engine's running statistics, Dropout as identity in evaluation,
Add, Concatenate, every activation). ``forward(x, training, skip)`` returns the sink's
output, or its pre-activation when ``skip`` (the engine fuses that activation into the
loss). ``loss(name, out, y, k)`` is torch's counterpart of each engine loss head.
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812


def activation(name: str, z, params: dict):
    if name == "linear":
        return z
    if name == "leaky_relu":
        return F.leaky_relu(z, params["slope"])
    if name == "elu":
        return F.elu(z, params["alpha"])
    if name == "gelu":
        return F.gelu(z, approximate="tanh")
    if name == "softmax":
        return torch.softmax(z, dim=1)
    return {
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "relu": torch.relu,
        "softplus": F.softplus,
        "silu": F.silu,
    }[name](z)


class Twin:
    def __init__(self, net, dtype=torch.float64) -> None:
        self.net = net
        self.dtype = dtype
        w = net.get_weights()
        self.params = {}
        self.state = {}
        for name, value in w.items():
            t = torch.tensor(np.array(value), dtype=dtype)
            if name.endswith(("running_mean", "running_var")):
                self.state[name] = t
            else:
                self.params[name] = t.requires_grad_(True)

    def weights(self) -> dict[str, np.ndarray]:
        out = {k: v.detach().numpy().copy() for k, v in self.params.items()}
        out.update({k: v.numpy().copy() for k, v in self.state.items()})
        return out

    def decay(self) -> list:
        """The parameters L1/L2 apply to: Dense weights (not biases, not BatchNorm)."""
        kinds = {nd.id: nd.kind for nd in self.net.nodes}
        return [
            v
            for k, v in self.params.items()
            if kinds[k.split(".")[0]] == "dense" and k.endswith(".weight")
        ]

    def forward(self, x, *, training: bool, skip: bool = False):
        vals = {}
        nodes = self.net.nodes
        for nd in nodes:
            ins = [vals[s] for s in nd.inputs]
            p = nd.params
            last = nd is nodes[-1]
            if nd.kind == "input":
                y = torch.as_tensor(np.asarray(x), dtype=self.dtype)
            elif nd.kind == "dense":
                y = ins[0] @ self.params[f"{nd.id}.weight"]
                if p.get("use_bias", True):
                    y = y + self.params[f"{nd.id}.bias"]
                if not (last and skip):
                    y = activation(p["activation"], y, p)
            elif nd.kind == "activation":
                y = ins[0] if last and skip else activation(p["activation"], ins[0], p)
            elif nd.kind == "dropout":
                assert not training or p["rate"] == 0, "twin has no dropout masks"
                y = ins[0]
            elif nd.kind == "batchnorm":
                y = F.batch_norm(
                    ins[0],
                    self.state[f"{nd.id}.running_mean"],
                    self.state[f"{nd.id}.running_var"],
                    self.params[f"{nd.id}.weight"],
                    self.params[f"{nd.id}.bias"],
                    training=training,
                    momentum=p["momentum"],
                    eps=p["eps"],
                )
            elif nd.kind == "add":
                y = ins[0]
                for other in ins[1:]:
                    y = y + other
            elif nd.kind == "concat":
                y = torch.cat(ins, dim=1)
            else:
                raise AssertionError(nd.kind)
            vals[nd.id] = y
        return vals[nodes[-1].id]


def targets(loss: str, y, k: int, dtype=torch.float64):
    y = np.asarray(y)
    if loss == "cce" and y.ndim == 1:
        return torch.as_tensor(np.eye(k)[y], dtype=dtype)
    if y.ndim == 1:
        y = y[:, None]
    return torch.as_tensor(y, dtype=dtype)


def loss(name: str, out, t, *, fused: bool, delta: float = 1.0):
    """torch's loss for engine loss ``name`` on head outputs ``out`` (logits when fused)."""
    if name == "mse":
        return F.mse_loss(out, t)
    if name == "mae":
        return F.l1_loss(out, t)
    if name == "huber":
        return F.huber_loss(out, t, delta=delta)
    if name == "bce_logits" or (name == "bce" and fused):
        return F.binary_cross_entropy_with_logits(out, t)
    if name == "bce":
        p = out.clamp(1e-7, 1 - 1e-7)
        return -(t * torch.log(p) + (1 - t) * torch.log1p(-p)).mean()
    if name == "cce" and fused:
        return F.cross_entropy(out, t)  # probability targets (any row sums)
    if name == "cce":
        return -(t * torch.log(out.clamp(1e-7, 1.0))).sum(dim=1).mean()
    raise AssertionError(name)
