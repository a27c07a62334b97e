"""engine.probe: every unit's output over the grid, from one forward pass."""

import numpy as np

from nnstudio.engine.probe import dense_weights, grid_points, grid_probe, unit_outputs
from nnstudio.graph import NetworkSpec, compile_spec


def _net():
    spec = NetworkSpec.sequential(2, [3, 2], "tanh", 1, "sigmoid")
    return spec, compile_spec(spec, dtype="float64", seed=3)


def test_unit_outputs_match_hand_computed_layers():
    spec, net = _net()
    x = np.random.default_rng(0).normal(size=(17, 2))
    outs = unit_outputs(net, x)
    w = net.get_weights()
    ids = [nd.id for nd in net.nodes]
    h = x
    np.testing.assert_allclose(outs[ids[0]], x, rtol=1e-6)
    for nid in ids[1:-1]:
        h = np.tanh(h @ w[f"{nid}.weight"] + w[f"{nid}.bias"])
        np.testing.assert_allclose(outs[nid], h, rtol=1e-5, atol=1e-6)
        assert outs[nid].dtype == np.float32
    np.testing.assert_allclose(outs[ids[-1]], net.predict(x), rtol=1e-5, atol=1e-6)
    assert set(dense_weights(net)) == set(ids[1:])


def test_grid_probe_surface_is_the_sink_and_tiles_sample_the_same_grid():
    _spec, net = _net()
    bounds = (-2.0, 2.0, -1.0, 3.0)
    probe = grid_probe(net, lambda p: p * 0.5, bounds, 20, tile_stride=2)
    xs, ys, values = probe["grid"]
    _, _, points = grid_points(bounds, 20)
    assert values.shape == (20, 20, 1)
    np.testing.assert_allclose(
        values.reshape(-1, 1), net.predict(points * 0.5), rtol=1e-5, atol=1e-6
    )
    first = net.nodes[1].id
    maps = probe["units"][first]
    assert maps.shape == (10, 10, 3)
    direct = unit_outputs(net, points * 0.5)[first].reshape(20, 20, 3)[::2, ::2]
    np.testing.assert_array_equal(maps, direct)
    # point (i, j) of the grid is (xs[j], ys[i])
    assert points[1 * 20 + 2].tolist() == [xs[2], ys[1]]
    only = grid_probe(net, lambda p: p * 0.5, bounds, 20, units=False)
    assert set(only) == {"grid"}
    np.testing.assert_allclose(only["grid"][2], values, rtol=1e-6)
