"""Weight snapshots of a run at log-spaced epochs, within a memory budget (issue 11).

A :class:`SnapshotStore` keeps copies of a network's flat parameter and state vectors
(``Network.flat_params`` / ``flat_state``) taken after chosen epochs. While it has room it
keeps every epoch offered; when full, each new snapshot evicts the interior one whose
neighbours are closest in ``log(epoch + 1)``, so the kept epochs spread evenly on a log
scale (dense at the start, where training changes fastest, sparse later), and an offer
closer to the last kept epoch than the smallest gap kept is refused without copying. The
first snapshot is never evicted. Memory never exceeds the budget: the capacity is
``min(max_count, budget // bytes per snapshot)``. Restoring copies the vectors back, so
the weights are exactly those of the epoch.
"""

from __future__ import annotations

import math

import numpy as np

from . import fastnp as fnp

#: Default memory budget of a run's snapshots.
DEFAULT_BUDGET_BYTES = 64 * 1024 * 1024
#: At most this many snapshots, however small the network.
MAX_SNAPSHOTS = 200


class SnapshotStore:
    """Snapshots ``epoch -> (params, state)`` (copies), log-spaced, within ``budget`` bytes."""

    def __init__(
        self,
        n_params: int,
        n_state: int,
        dtype,
        *,
        budget: int = DEFAULT_BUDGET_BYTES,
        max_count: int = MAX_SNAPSHOTS,
    ) -> None:
        self.dtype = np.dtype(dtype)
        self.n_params, self.n_state = int(n_params), int(n_state)
        self.bytes_each = max(1, (self.n_params + self.n_state) * self.dtype.itemsize)
        self.budget = int(budget)
        self.capacity = int(min(max_count, self.budget // self.bytes_each))
        self.epochs: list[int] = []
        self._params: list[np.ndarray] = []
        self._state: list[np.ndarray] = []
        self._pos = np.zeros(max(self.capacity, 0) + 1)  # log(epoch + 1) of each kept one
        self._min_gap = 0.0
        self._last_pos = -math.inf

    @property
    def nbytes(self) -> int:
        """Bytes held by the snapshots."""
        return len(self.epochs) * self.bytes_each

    def __len__(self) -> int:
        return len(self.epochs)

    def offer(self, epoch: int, params: np.ndarray, state: np.ndarray, force=False) -> bool:
        """Keep a copy of ``params`` / ``state`` as the snapshot of ``epoch`` (increasing)
        if it fits the spacing (``force``: always, e.g. the last epoch). Returns whether
        it was kept."""
        if self.capacity < 2:
            return False
        epoch = int(epoch)
        if self.epochs and epoch <= self.epochs[-1]:
            if epoch != self.epochs[-1]:
                return False
            self._params[-1][...] = params  # the same epoch again: refresh it
            self._state[-1][...] = state
            return True
        pos = math.log(epoch + 1.0)
        full = len(self.epochs) >= self.capacity
        if full and not force and pos - self._last_pos < self._min_gap:
            return False
        self._pos[len(self.epochs)] = pos
        self._last_pos = pos
        self.epochs.append(epoch)
        self._params.append(np.array(params, dtype=self.dtype, copy=True))
        self._state.append(np.array(state, dtype=self.dtype, copy=True))
        if len(self.epochs) > self.capacity:
            self._evict()
        return True

    def _evict(self) -> None:
        pos = self._pos[: len(self.epochs)]
        # interior snapshots only (never the first or the newest): the one whose
        # neighbours are closest
        i = 1 + int(np.argmin(pos[2:] - pos[:-2]))
        for seq in (self.epochs, self._params, self._state):
            del seq[i]
        pos[i:-1] = pos[i + 1 :]
        kept = self._pos[: len(self.epochs)]
        self._min_gap = float(np.min(np.diff(kept)))

    def nearest(self, epoch: int) -> int | None:
        """The kept epoch closest to ``epoch`` (the earlier one on a tie), or None."""
        if not self.epochs:
            return None
        return min(self.epochs, key=lambda e: (abs(e - epoch), e))

    def get(self, epoch: int) -> tuple[np.ndarray, np.ndarray]:
        """Copies of the snapshot of ``epoch`` (a kept one; KeyError otherwise)."""
        i = self.epochs.index(int(epoch)) if int(epoch) in self.epochs else None
        if i is None:
            raise KeyError(epoch)
        return self._params[i].copy(), self._state[i].copy()

    def restore(self, epoch: int, params: np.ndarray, state: np.ndarray) -> None:
        """Copy the snapshot of ``epoch`` into ``params`` / ``state`` (a network's flat
        vectors), exactly."""
        p, s = self.get(epoch)
        fnp.copyto(params, p)
        fnp.copyto(state, s)

    def arrays(self) -> dict[str, np.ndarray]:
        """Every snapshot as named arrays (``"<epoch>.params"``, ``"<epoch>.state"``)."""
        out = {}
        for e, p, s in zip(self.epochs, self._params, self._state, strict=True):
            out[f"{e}.params"], out[f"{e}.state"] = p, s
        return out
