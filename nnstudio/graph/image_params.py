"""Parameter schemas of the image layer kinds (Conv2D, pooling, Reshape) and the Input's
image dimensions; the catalog's entries are built from these.

Window sizes are square in the catalog (the engine also takes pairs). Shapes follow
PyTorch: ``out = floor((in + 2 pad - dilation (kernel - 1) - 1) / stride) + 1``.
"""

from __future__ import annotations

from .params import ParamSpec

MAX_IMAGE = 4096
MAX_CHANNELS = 4096

#: The Input node's image dimensions: height 0 and width 0 mean flat features.
IMAGE_INPUT_PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec(
        "channels",
        "Channels",
        "int",
        1,
        min=1,
        max=MAX_CHANNELS,
        help="Image channels (1 for grey, 3 for colour); used when height and width are set.",
    ),
    ParamSpec(
        "height",
        "Height",
        "int",
        0,
        min=0,
        max=MAX_IMAGE,
        help="Image height in pixels; 0 (with width 0) means flat features. An image input "
        "is (channels, height, width) and its Features must be channels x height x width.",
    ),
    ParamSpec(
        "width",
        "Width",
        "int",
        0,
        min=0,
        max=MAX_IMAGE,
        help="Image width in pixels; 0 (with height 0) means flat features.",
    ),
)

CONV2D_PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec(
        "filters",
        "Filters",
        "int",
        8,
        min=1,
        max=MAX_CHANNELS,
        help="Number of filters: the output channels (torch.nn.Conv2d out_channels).",
    ),
    ParamSpec(
        "kernel_size",
        "Kernel size",
        "int",
        3,
        min=1,
        max=64,
        help="Side of the square kernel in pixels.",
    ),
    ParamSpec("stride", "Stride", "int", 1, min=1, max=64, help="Step between kernel positions."),
    ParamSpec(
        "padding",
        "Padding",
        "choice",
        "valid",
        choices=("valid", "same", "explicit"),
        help="valid: no padding; same: zeros around so the output is ceil(input / stride) "
        "(PyTorch padding='same' for stride 1); explicit: Pad zeros on each side.",
    ),
    ParamSpec(
        "pad",
        "Pad",
        "int",
        0,
        min=0,
        max=64,
        help="Zeros added on each side (used only with padding 'explicit').",
    ),
    ParamSpec(
        "dilation",
        "Dilation",
        "int",
        1,
        min=1,
        max=16,
        help="Spacing between kernel taps (1: a plain kernel).",
    ),
)

POOL2D_PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec("pool_size", "Pool size", "int", 2, min=1, max=64, help="Side of the square window."),
    ParamSpec(
        "stride",
        "Stride",
        "int",
        2,
        min=1,
        max=64,
        help="Step between windows (equal to the pool size: windows do not overlap).",
    ),
    ParamSpec(
        "pad",
        "Pad",
        "int",
        0,
        min=0,
        max=32,
        help="Padding on each side, at most half the pool size (max pooling pads with -inf, "
        "average pooling with zeros that count in the mean).",
    ),
)

RESHAPE_PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec("channels", "Channels", "int", 1, min=1, max=MAX_CHANNELS, help="Output channels."),
    ParamSpec("height", "Height", "int", 8, min=1, max=MAX_IMAGE, help="Output height."),
    ParamSpec("width", "Width", "int", 8, min=1, max=MAX_IMAGE, help="Output width."),
)
