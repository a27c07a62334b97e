"""Errors raised while exporting a network."""

from __future__ import annotations

from nnstudio.errors import NNStudioError


class ExportError(NNStudioError):
    """The network cannot be exported: it is invalid, or the output cannot be written."""
