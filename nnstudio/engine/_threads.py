"""One BLAS thread for small networks, set once through threadpoolctl's controller.

BLAS threads do nothing for tiny matrices and collapse when the other core is busy.
threadpoolctl is optional here: without it the engine simply leaves BLAS alone.
"""

from __future__ import annotations

_state: dict = {"controller": None, "limiter": None}

#: Networks with at most this many parameters train with a single BLAS thread.
SMALL_NETWORK_PARAMS = 50_000


def use_single_blas_thread(single: bool) -> None:
    """Limit BLAS to one thread (``single=True``) or restore the original thread counts."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - threadpoolctl is a dependency, but optional here
        return
    if single:
        if _state["limiter"] is not None:
            return
        if _state["controller"] is None:
            _state["controller"] = ThreadpoolController()
        _state["limiter"] = _state["controller"].limit(limits=1, user_api="blas")
    elif _state["limiter"] is not None:
        _state["limiter"].restore_original_limits()
        _state["limiter"] = None
