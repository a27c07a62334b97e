"""PyTorch export: the generated nn.Module runs, matches the app, and keeps training."""

from __future__ import annotations

import ast
import importlib.util
import sys

import numpy as np
import pytest
from export_cases import ACTIVATIONS, make_case, mlp, raw_inputs

from nnstudio.io.export import export_network

torch = pytest.importorskip("torch")


def _import(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def _export(case, tmp_path, stem="model"):
    path = tmp_path / f"{stem}.py"
    export_network(case.spec, case.weights, case.pre_dict, "pytorch", path)
    return path, _import(path, f"exported_{stem}_{id(case)}")


def _torch_predict(model, raw):
    with torch.no_grad():
        return model(torch.tensor(raw, dtype=torch.float32)).numpy()


def test_generated_module_mirrors_the_graph_and_matches(dag_case, tmp_path):
    path, module = _export(dag_case, tmp_path)
    assert (tmp_path / "model.pt").is_file() and (tmp_path / "model.npz").is_file()
    source = path.read_text()
    tree = ast.parse(source)
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(name and name.startswith("nnstudio") for name in imported)
    assert "nn.BatchNorm1d(6" in source and "nn.Dropout(p=0.3)" in source
    assert "torch.cat([add_1, dense_1], dim=1)" in source  # concat in slot order
    model = module.load()
    assert not model.training
    raw = raw_inputs(80)
    np.testing.assert_allclose(
        _torch_predict(model, raw), dag_case.predict_raw(raw), rtol=1e-5, atol=1e-5
    )
    state = model.state_dict()
    np.testing.assert_array_equal(
        state["dense_1.weight"].numpy(), dag_case.weights["dense_1.weight"].T
    )
    assert "dense_3.bias" not in state


def test_npz_weights_load_without_the_pt_file(dag_case, tmp_path):
    _, module = _export(dag_case, tmp_path, stem="net")
    (tmp_path / "net.pt").unlink()
    model = module.load()
    raw = raw_inputs(10)
    np.testing.assert_allclose(
        _torch_predict(model, raw), dag_case.predict_raw(raw), rtol=1e-5, atol=1e-5
    )


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_every_activation(activation, tmp_path):
    case = make_case(mlp(activation, activation, n_outputs=3))
    _, module = _export(case, tmp_path)
    raw = raw_inputs(30)
    np.testing.assert_allclose(
        _torch_predict(module.load(), raw), case.predict_raw(raw), rtol=1e-5, atol=1e-5
    )


def test_a_few_optimizer_steps_in_pytorch_lower_the_loss(dag_case, tmp_path):
    _, module = _export(dag_case, tmp_path)
    model = module.load()
    model.train()
    torch.manual_seed(0)
    torch.set_num_threads(1)  # tiny tensors: threads only add overhead on a shared machine
    raw = torch.tensor(raw_inputs(128, seed=5), dtype=torch.float32)
    target = (raw[:, 0] * raw[:, 1] > 0).long() + (raw[:, 0] > 1.5).long()  # 3 classes
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

    def loss_now():
        model.eval()
        with torch.no_grad():
            value = torch.nn.functional.nll_loss(torch.log(model(raw) + 1e-9), target).item()
        model.train()
        return value

    before = loss_now()
    for _ in range(30):
        optimizer.zero_grad()
        loss = torch.nn.functional.nll_loss(torch.log(model(raw) + 1e-9), target)
        loss.backward()
        optimizer.step()
    assert loss_now() < before * 0.9
