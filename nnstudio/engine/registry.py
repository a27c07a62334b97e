"""The names the engine understands, as tuples (shared with the graph catalog and the GUI)."""

from __future__ import annotations

NODE_KINDS: tuple[str, ...] = (
    "input",
    "dense",
    "activation",
    "dropout",
    "batchnorm",
    "add",
    "concat",
    "conv2d",
    "maxpool2d",
    "avgpool2d",
    "globalavgpool",
    "flatten",
    "reshape",
)

ACTIVATIONS: tuple[str, ...] = (
    "linear",
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "elu",
    "gelu",
    "softplus",
    "silu",
    "softmax",
)

LOSSES: tuple[str, ...] = ("mse", "mae", "huber", "bce", "bce_logits", "cce")

OPTIMIZERS: tuple[str, ...] = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw")

SCHEDULES: tuple[str, ...] = ("constant", "step", "exponential", "cosine")

INITIALIZERS: tuple[str, ...] = (
    "glorot_uniform",
    "glorot_normal",
    "he_uniform",
    "he_normal",
    "lecun_normal",
    "zeros",
    "normal",
)

#: Activations whose default initializer is He (Kaiming); every other one uses Glorot.
RELU_FAMILY: frozenset[str] = frozenset({"relu", "leaky_relu", "elu", "gelu", "silu"})
