"""nnstudio.text.Text: English messages that keep their template for translation."""

import copy
import pickle

from nnstudio.errors import NNStudioError
from nnstudio.text import Text, message


def test_text_is_the_english_string_and_keeps_template_and_values():
    t = Text(
        "{name}: {key} must be >= {lo}, got {value!r}.", name="sgd", key="lr", lo=0.0, value="x"
    )
    assert t == "sgd: lr must be >= 0.0, got 'x'."
    assert isinstance(t, str) and "lr" in t
    assert t.template == "{name}: {key} must be >= {lo}, got {value!r}."
    assert t.values == {"name": "sgd", "key": "lr", "lo": 0.0, "value": "x"}


def test_fixed_text_and_format_specs():
    assert Text("Nothing to train.") == "Nothing to train."
    assert Text("Nothing to train.").values == {}
    assert Text("{v:.3g} left", v=1 / 3) == "0.333 left"


def test_nested_text_and_lists_format_like_plain_strings():
    inner = Text("layer {id} has no input", id="dense_1")
    outer = Text("Cannot train: {why}", why=inner)
    assert outer == "Cannot train: layer dense_1 has no input"
    assert outer.values["why"] is inner
    listed = Text("unknown setting(s) {names}", names=["a", "b"])
    assert listed == "unknown setting(s) a, b"


def test_message_keeps_the_text_of_an_exception():
    t = Text("bad {x}", x=1)
    err = NNStudioError(t)
    assert str(err) == "bad 1"
    assert type(str(err)) is str
    assert message(err) is t
    assert message(ValueError("plain")) == "plain"


def test_pickle_and_deepcopy_keep_the_template():
    t = Text("epoch {n} of {total}", n=3, total=Text("{k} epochs", k=10))
    for back in (pickle.loads(pickle.dumps(t)), copy.deepcopy(t)):
        assert back == t and isinstance(back, Text)
        assert back.template == t.template
        assert back.values["total"].template == "{k} epochs"
