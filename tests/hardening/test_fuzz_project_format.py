"""Fuzz suite over the project file format (issue 14).

Cases are built from every template, untrained and trained, and from a network using
every layer kind; each case applies one seeded mutation (see ``fuzz_cases.py``) and must end
in exactly one of:

- the file loads, saves and reloads, ``nnstudio info`` describes it, and it trains one
  epoch with finite loss and finite predictions exactly when ``nnstudio validate`` says it
  is valid (otherwise building the session fails with a typed error);
- a typed :class:`NNStudioError` with a one-line message (a graph error listing several
  problems has one line per problem).

Never another exception, a hang (each case has a timeout) or a NaN output. 5,200 cases,
deterministic (fixed seeds); a failure names the base and the mutation to reproduce it.
"""

from __future__ import annotations

import contextlib
import io
import random
import signal
from pathlib import Path

import numpy as np
import pytest
from fuzz_cases import mutate

from nnstudio.cli import main
from nnstudio.engine import DegradedError, DivergenceError
from nnstudio.errors import NNStudioError
from nnstudio.graph import InvalidGraphError, NetworkSpec
from nnstudio.io import TEMPLATES, make_template, save_project
from nnstudio.io.project import project_from_bytes
from nnstudio.session import Session

SEED = 14
N_CHUNKS = 52
CASES_PER_CHUNK = 100  # 5,200 cases
CASE_TIMEOUT_S = 20
#: memory the machine is said to have during the suite: larger networks are refused by
#: the estimate (as they would be on a small machine) instead of being allocated
FUZZ_MEMORY = 256 * 2**20


class CaseTimeout(BaseException):
    """A case ran longer than CASE_TIMEOUT_S (BaseException: no code may swallow it)."""


def _all_kinds_network() -> NetworkSpec:
    """input(64) -> reshape(1, 8, 8) -> conv/pool/global-pool/flatten -> dense, batchnorm,
    activation, dropout, add, concat -> dense(10, softmax): every layer kind once or more."""
    spec = NetworkSpec()

    def add(kind: str, *sources: str, **params) -> str:
        node = spec.add_node(kind, params)
        for src in sources:
            spec.add_edge(src, node.id)
        return node.id

    x = add("input", units=64)
    x = add("reshape", x, channels=1, height=8, width=8)
    c = add("conv2d", x, filters=2, kernel_size=3, padding="same")
    m = add("maxpool2d", c, pool_size=2, stride=2)
    c2 = add("conv2d", m, filters=2, kernel_size=3, padding="same")
    a = add("avgpool2d", c2, pool_size=2, stride=2)
    g = add("globalavgpool", c2)
    d = add("dense", add("flatten", a), units=6, activation="tanh")
    d = add("dropout", add("activation", add("batchnorm", d), activation="relu"), rate=0.1)
    d2 = add("dense", d, units=6, activation="linear")
    add("dense", add("concat", add("add", d, d2), g), units=10, activation="softmax")
    return spec


def _small(template: str):
    project = make_template(template)
    project.data.n_points = 40
    project.training.epochs = 1
    return project


def _bytes(project, folder: Path, name: str) -> bytes:
    path = folder / f"{name}.nnstudio"
    save_project(project, path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def bases(tmp_path_factory) -> list[tuple[str, bytes]]:
    """(name, bytes) of every template and the all-kinds network, untrained and trained
    for two epochs (built once per run)."""
    folder = tmp_path_factory.mktemp("fuzz-bases")
    projects = [(t, _small(t)) for t in TEMPLATES]
    kinds = _small("digits")
    kinds.network = _all_kinds_network()
    projects.append(("all-kinds", kinds))
    out = []
    for name, project in projects:
        out.append((f"{name}/untrained", _bytes(project, folder, name)))
        session = Session.from_project(project)
        session.train_epoch()
        session.train_epoch()
        out.append((f"{name}/trained", _bytes(session.store(), folder, name + "-trained")))
    return out


@pytest.fixture
def small_machine(monkeypatch):
    import nnstudio.graph.memory as memory

    monkeypatch.setattr(memory, "available_memory", lambda: FUZZ_MEMORY)


def _on_alarm(signum, frame):
    raise CaseTimeout


def _check_message(exc: NNStudioError, case: str) -> None:
    message = str(exc)
    assert message.strip(), f"{case}: empty message from {type(exc).__name__}"
    if isinstance(exc, InvalidGraphError):  # one line per problem
        assert all(line.strip() for line in message.splitlines()), case
        assert len(message.splitlines()) == len(exc.errors) + 1, case
    else:
        assert "\n" not in message, f"{case}: multi-line message {message!r}"
    assert "Traceback" not in message, case


def run_case(data: bytes, case: str, folder: Path) -> str:
    """Check one case; returns "refused", "refused-session" or "trained"."""
    try:
        project = project_from_bytes(data, "case.nnstudio")
    except NNStudioError as exc:
        _check_message(exc, case)
        return "refused"
    # whatever loads can be saved and loaded again (1e400 once loaded, then broke saves)
    again = project_from_bytes(_bytes(project, folder, "again"), "again.nnstudio")
    assert again.network.to_dict() == project.network.to_dict(), case
    # `info` describes it, and `validate` agrees with what training does
    case_file = folder / "case.nnstudio"
    case_file.write_bytes(data)
    assert _cli("info", case_file)[0] == 0, f"{case}: info failed"
    valid, err = _cli("validate", case_file)
    assert "internal error" not in err, f"{case}: {err}"
    try:
        session = Session.from_project(project)
        report = session.train_epoch()
    except NNStudioError as exc:
        _check_message(exc, case)
        if isinstance(exc, DivergenceError | DegradedError):  # what training did, not a
            return "refused-session"  # setting validate can judge (e.g. learning rate 1e6)
        assert valid == 1, f"{case}: validate passed but training refused: {exc}"
        return "refused-session"
    assert valid == 0, f"{case}: validate refused what trains: {err}"
    assert np.isfinite(report.train_loss), f"{case}: loss {report.train_loss} without an error"
    outputs = session.predict_raw(_raw(session))
    assert np.all(np.isfinite(outputs)), f"{case}: non-finite predictions without an error"
    stored = session.store()
    project_from_bytes(_bytes(stored, folder, "trained"), "trained.nnstudio")
    return "trained"


def _cli(command: str, path: Path) -> tuple[int, str]:
    """(exit code, stderr) of ``nnstudio COMMAND PATH`` run in-process."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main([command, str(path)], out=io.StringIO())
    return code, err.getvalue()


def _raw(session) -> np.ndarray:
    """Five raw input rows, uniform in [-1, 1) (n_raw columns)."""
    pre = session.dataset.preprocessor
    n_raw = pre.n_raw or session.dataset.n_features
    rng = np.random.default_rng(0)
    return rng.uniform(-1.0, 1.0, size=(5, int(n_raw)))


def test_every_base_loads_and_trains(bases, tmp_path: Path, small_machine) -> None:
    assert len(bases) == 2 * (len(TEMPLATES) + 1)
    for name, data in bases:
        assert run_case(data, name, tmp_path) == "trained", name


@pytest.mark.parametrize("chunk", range(N_CHUNKS))
def test_mutated_projects(bases, chunk: int, tmp_path: Path, small_machine) -> None:
    rng = random.Random(SEED * 100_003 + chunk)
    outcomes: dict[str, int] = {}
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        for i in range(CASES_PER_CHUNK):
            base_name, base = bases[rng.randrange(len(bases))]
            what, data = mutate(rng, base)
            case = f"chunk {chunk} case {i}: {base_name}: {what}"
            signal.setitimer(signal.ITIMER_REAL, CASE_TIMEOUT_S)
            try:
                outcome = run_case(data, case, tmp_path)
            except CaseTimeout:
                pytest.fail(f"{case}: no answer within {CASE_TIMEOUT_S} s (a hang)")
            except NNStudioError as exc:  # raised where no typed error was expected
                pytest.fail(f"{case}: unexpected {type(exc).__name__} after loading: {exc}")
            except AssertionError:
                raise
            except Exception as exc:  # noqa: BLE001 - the point of the suite
                pytest.fail(f"{case}: internal error {type(exc).__name__}: {exc}")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert sum(outcomes.values()) == CASES_PER_CHUNK
    assert outcomes.get("refused", 0) > 0, outcomes  # the mutations do break files


def test_the_mutations_are_deterministic(bases) -> None:
    first = [mutate(random.Random(5), bases[3][1])[1] for _ in range(2)]
    assert first[0] == first[1]
    assert io.BytesIO(first[0]).getvalue() != bases[3][1]
