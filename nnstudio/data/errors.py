"""Typed errors of the data package."""

from __future__ import annotations

from nnstudio.errors import NNStudioError


class DataError(NNStudioError):
    """A dataset setting, file or value a user gave us is not usable; says how to fix it."""
