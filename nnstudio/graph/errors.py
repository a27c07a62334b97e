"""Typed errors of the network description.

Every error names the node(s) involved (``node_ids``) so the canvas can highlight them, and
its message says what is wrong and how to fix it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from nnstudio.errors import NNStudioError
from nnstudio.text import Text


class GraphError(NNStudioError):
    """A problem with the network description.

    Attributes:
        node_ids: ids of the nodes involved, in a stable order (may be empty).
        message: the text a person reads; equal to ``str(error)``.
        severity: ``"error"`` (blocks training) or ``"warning"`` (:class:`GraphWarning`).
    """

    severity = "error"

    def __init__(self, message: str, node_ids: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.node_ids: tuple[str, ...] = tuple(node_ids)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, node_ids={self.node_ids!r})"


class CycleError(GraphError):
    """The graph has a cycle (or a connection would create one)."""


class NoInputError(GraphError):
    """The graph has no input node."""


class MultipleInputsError(GraphError):
    """The graph has more than one input node."""


class OutputError(GraphError):
    """The graph has no output node, or more than one (several sinks)."""


class DanglingNodeError(GraphError):
    """A node is not connected to the input."""


class ArityError(GraphError):
    """A node has the wrong number of inputs."""


class WidthMismatchError(GraphError):
    """The inputs of a merge node have incompatible widths (e.g. Add of 4 and 8 units)."""


class FlattenNeededError(WidthMismatchError):
    """A layer that reads flat features (e.g. Dense) is wired to an image output.

    ``node_ids`` is (the layer, the node feeding it); the fix is a Flatten between them.
    """


class ParamError(GraphError):
    """A layer parameter is missing, unknown, of the wrong type or out of range."""


class LossMismatchError(GraphError):
    """The output layer does not fit the loss or the dataset's targets."""


class InputWidthError(GraphError):
    """The input node's width does not match the dataset's number of features."""


class ConnectionError_(GraphError):  # noqa: N801 - trailing underscore avoids the builtin
    """A connection is refused: duplicate edge, edge into an input node, unknown node..."""


class UnknownLayerError(GraphError):
    """A node names a layer kind that is not in the catalog."""


class SpecFormatError(GraphError):
    """A serialized network (``NetworkSpec.from_dict``) is malformed."""


class GraphWarning(GraphError):
    """A finding that does not block training; a problems list shows it as a warning."""

    severity = "warning"


class SoftmaxCrossEntropyWarning(GraphWarning):
    """The output ends in softmax and the loss is categorical cross-entropy (fused)."""


class InvalidGraphError(GraphError):
    """Several problems at once; ``errors`` holds each of them."""

    def __init__(self, errors: Sequence[GraphError]) -> None:
        ids: list[str] = []
        for err in errors:
            for node_id in err.node_ids:
                if node_id not in ids:
                    ids.append(node_id)
        text = Text("The network has {n} problems:", n=len(errors))
        for err in errors:  # one line per problem, each translated on its own
            text = Text("{before}\n- {problem}", before=text, problem=err.message)
        super().__init__(text, ids)
        self.errors: tuple[GraphError, ...] = tuple(errors)


def combine_errors(errors: Sequence[GraphError]) -> GraphError:
    """One error for a list of problems: the problem itself if there is only one."""
    if not errors:
        raise ValueError("combine_errors needs at least one error")
    if len(errors) == 1:
        return errors[0]
    return InvalidGraphError(errors)
