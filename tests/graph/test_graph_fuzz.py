"""Malformed network documents raise only typed GraphErrors (never a crash)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from nnstudio.graph import GraphError, NetworkSpec, validate

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)

BASE = NetworkSpec.sequential(2, [4, 3], "relu", 1, "sigmoid").to_dict()


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))


PATHS = [p for p in _paths(BASE) if p]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATHS), json_values)
def test_replacing_any_field_gives_a_spec_or_a_graph_error(path, value):
    doc = json.loads(json.dumps(BASE))
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    try:
        spec = NetworkSpec.from_dict(doc)
    except GraphError as err:
        assert str(err)
        return
    assert all(isinstance(e, GraphError) for e in validate(spec, n_features=2, loss="bce"))


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_arbitrary_documents(doc):
    try:
        NetworkSpec.from_dict(doc)
    except GraphError:
        pass
