"""NumPy's ``dot`` and ``copyto`` without their ``__array_function__`` dispatch.

Since NumPy 1.25 ``np.dot`` and ``np.copyto`` run a small Python dispatcher before the C
function on every call: ~0.15 us each, which on a Dense layer with a batch of 10 is a third
of the call (a 6 x 8 network makes ~30 such calls per step). The engine only passes
ndarrays, so it calls the C implementations directly; on a NumPy without them these are
the public functions.
"""

from __future__ import annotations

import numpy as np

#: ``np.dot(a, b, out)``: the C function behind the dispatcher.
dot = getattr(np.dot, "_implementation", np.dot)
#: ``np.copyto(dst, src, casting=..., where=...)``: the C function behind the dispatcher.
copyto = getattr(np.copyto, "_implementation", np.copyto)
