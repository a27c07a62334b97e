"""Malformed data settings / preprocessor documents raise only DataError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nnstudio.data import DataError, DataSettings, Preprocessor

values = st.none() | st.booleans() | st.integers(-10, 10**6) | st.floats() | st.text(max_size=6)
values = values | st.lists(values, max_size=3) | st.dictionaries(st.text(max_size=3), values)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(DataSettings().to_dict())), values)
def test_settings_field_replaced(field, value):
    d = DataSettings().to_dict()
    d[field] = value
    try:
        s = DataSettings.from_dict(d)
    except DataError as err:
        assert str(err)
        return
    assert DataSettings.from_dict(s.to_dict()) == s


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["features", "standardize", "n_raw", "mean", "std"]), values)
def test_preprocessor_field_replaced(field, value):
    d = Preprocessor(["x1", "x2"]).fit([[0.0, 1.0], [2.0, 3.0]]).to_dict()
    d[field] = value
    try:
        Preprocessor.from_dict(d)
    except DataError:
        pass
