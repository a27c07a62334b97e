from __future__ import annotations

import pytest

from nnstudio import resources_path
from nnstudio.graph import (
    ACTIVATION_NAMES,
    CATALOG,
    CATEGORIES,
    INITIALIZER_NAMES,
    ParamError,
    UnknownLayerError,
    check_params,
    get_kind,
    key_params,
    kinds_in_category,
)


def test_catalog_lists_the_kinds_in_palette_order():
    assert list(CATALOG) == [
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
    ]
    for kind in CATALOG.values():
        assert kind.category in CATEGORIES
        assert kind.icon == f"{kind.id}.svg"
        assert kind.name and kind.description


def test_every_catalog_icon_exists():
    folder = resources_path() / "icons" / "layers"
    if not folder.is_dir():
        pytest.fail(f"layer icon folder missing: {folder}")
    for kind in CATALOG.values():
        assert (folder / kind.icon).is_file(), kind.icon


def test_names_agree_with_the_engine_registry():
    from nnstudio.engine import registry

    assert ACTIVATION_NAMES == registry.ACTIVATIONS
    assert INITIALIZER_NAMES == registry.INITIALIZERS
    assert tuple(CATALOG) == registry.NODE_KINDS


def test_dense_schema():
    dense = get_kind("dense")
    assert (dense.min_inputs, dense.max_inputs) == (1, 1)
    assert dense.param("activation").choices == ACTIVATION_NAMES
    assert dense.param("init").choices == ("auto", *INITIALIZER_NAMES)
    assert set(dense.defaults()) == {"units", "activation", "use_bias", "init", "slope", "alpha"}
    assert dense.param("units").type == "int" and dense.param("units").min == 1
    assert get_kind("add").min_inputs == 2 and get_kind("add").max_inputs is None
    assert get_kind("input").max_inputs == 0


def test_key_params_and_categories():
    assert key_params("dense") == ["units", "activation"]
    assert key_params("dropout") == ["rate"]
    assert key_params("add") == []
    assert [k.id for k in kinds_in_category("Merge")] == ["add", "concat"]
    assert key_params("conv2d") == ["filters", "kernel_size", "activation"]
    assert [k.id for k in kinds_in_category("Vision")] == [
        "conv2d",
        "maxpool2d",
        "avgpool2d",
        "globalavgpool",
        "flatten",
        "reshape",
    ]
    with pytest.raises(UnknownLayerError):
        key_params("lstm")


def test_get_kind_unknown_names_the_known_kinds():
    with pytest.raises(UnknownLayerError, match="dense"):
        get_kind("lstm")


@pytest.mark.parametrize(
    ("kind", "params", "match"),
    [
        ("dense", {"units": 0}, "at least 1"),
        ("dense", {"units": 2.5}, "whole number"),
        ("dense", {"units": "8"}, "must be a number"),
        ("dense", {"units": True}, "must be a number"),
        ("dense", {"activation": "swish"}, "must be one of"),
        ("dense", {"use_bias": 1}, "true or false"),
        ("dense", {"colour": "red"}, "no parameter 'colour'"),
        ("dropout", {"rate": 1.0}, "at most 0.95"),
        ("dropout", {"rate": float("nan")}, "finite"),
        ("batchnorm", {"momentum": -0.1}, "at least"),
    ],
)
def test_check_params_refuses(kind, params, match):
    with pytest.raises(ParamError, match=match) as info:
        check_params(kind, params, "n_1")
    assert info.value.node_ids == ("n_1",)
    assert "n_1" in str(info.value)


def test_check_params_fills_defaults_and_normalises():
    p = check_params("dense", {"units": 4.0})
    assert p["units"] == 4 and isinstance(p["units"], int)
    assert p["activation"] == "relu" and p["use_bias"] is True
    assert check_params("dropout", {"rate": 0})["rate"] == 0.0
