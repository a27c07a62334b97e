"""The root of every error a user can cause.

Every package defines its own typed errors as subclasses of :class:`NNStudioError`, and
``str(error)`` is always a message a person can act on. The GUI shows it in a dialog, the
CLI prints it and exits non-zero; neither shows a traceback for these.
This module imports nothing, so every layer (engine and data included) may use it.
"""


class NNStudioError(Exception):
    """An error caused by something the user did or gave us (file, parameter, graph...)."""
