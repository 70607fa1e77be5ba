"""Doing a build's work in this process, or spread over a pool of worker processes.

`mapped(work, items, state=..., jobs=N)` gives `work(state, item)` for each item, in the items'
order, whatever order they are done in: with `jobs` 1 one after the other here, else in a
`concurrent.futures.ProcessPoolExecutor` of up to `jobs` workers, the largest first (`order`).
Each worker gets `state` once when it starts: on Linux it is forked with it (nothing is
copied), elsewhere it is pickled to it (`START_METHOD`). An error in a worker is raised here,
in the items' order: the one a build in one process raises. A worker whose build is gone
(killed) ends too.

`default_jobs()` is the number of workers a build uses unless told: the cores it may run on.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import wait
from typing import Any, TypeVar, cast

from planlens.errors import PlanlensError

_S = TypeVar("_S")
_T = TypeVar("_T")
_R = TypeVar("_R")

#: How workers start: forked on Linux (they share the build's memory: nothing is copied);
#: elsewhere as the platform starts them (fork is unsafe on macOS, and Windows has none).
START_METHOD: str | None = "fork" if sys.platform == "linux" else None
#: The state this process was started with, when it is a worker.
_STATE: Any = None


def default_jobs() -> int:
    """Return how many processes a build uses unless told: the cores this process may use."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13: the cores this process may run on
        count = os.process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):  # Linux before 3.13: the same (taskset, cpusets)
        count = len(os.sched_getaffinity(0))
    else:
        count = os.cpu_count()
    return max(1, count or 1)


@contextlib.contextmanager
def mapped(
    work: Callable[[_S, _T], _R],
    items: Sequence[_T],
    *,
    state: _S,
    jobs: int,
    order: Sequence[int] | None = None,
) -> Iterator[Iterator[_R]]:
    """Give `work(state, item)` for each of `items`, in order, done by up to `jobs` processes.

    `work` must be a module-level function (a worker finds it by name). With more than one job,
    the items are handed out in `order` (indices of `items`; the costliest first balances the
    workers) and all are under way when this is entered; leaving the block on an exception
    (an error met, Ctrl-C) stops the workers at once.
    """
    workers = min(jobs, len(items))
    if workers <= 1:
        yield (work(state, item) for item in items)
        return
    context = multiprocessing.get_context(START_METHOD)
    # What exists now is the workers' to read, not to collect: a collection in a forked worker
    # would write to every object it walks, copying the memory it shares with this process.
    frozen = gc.get_freeze_count()
    gc.freeze()
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(state,))
    try:
        futures: dict[int, Future[_R]] = {}
        with _interrupts_held():  # the workers are forked at the first submit
            for k in order if order is not None else range(len(items)):
                futures[k] = pool.submit(_call, work, items[k])
        yield _results(futures)
    except BaseException:
        # Left on an error or an interrupt (Ctrl-C), even while handing out the work: nothing
        # still to do is wanted, so the workers are ended at once. This process's end of their
        # result pipe is closed with them, so that a result one of them was writing when it
        # ended reads as the end of the pipe (the pool then fails the futures not done) and
        # not as a message whose rest never comes, which left the pool's thread, and
        # `shutdown` below, waiting for ever. (Cancelling the futures here instead races the
        # pool.)
        for process in list(pool._processes.values()):
            process.terminate()
        getattr(pool, "_result_queue")._writer.close()  # noqa: B009 (private: not in typeshed)
        raise
    finally:
        pool.shutdown()
        if not frozen:  # a caller's own frozen objects stay frozen
            gc.unfreeze()


def _results(futures: dict[int, Future[_R]]) -> Iterator[_R]:
    for k in range(len(futures)):
        try:
            yield futures[k].result()
        except BrokenProcessPool:
            raise PlanlensError(
                "a build worker process ended unexpectedly (out of memory?); "
                "try fewer jobs (--jobs)"
            ) from None


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold back SIGINT (Ctrl-C) for the block: a process forked in it starts with SIGINT
    blocked, and ignores it from its first step on (`_start`); here it is delivered after."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _start(state: object) -> None:
    """Start a worker: keep its state, and end it when the process that started it ends.

    Ctrl-C reaches the build and its workers alike: the build stops them, so they ignore it
    (rather than each printing a traceback); it was held back since they were forked.
    """
    global _STATE
    _STATE = state
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), daemon=True).start()


def _end_with(sentinel: int) -> None:
    wait([sentinel])  # ready when the parent is gone, however it ended (kill -9)
    os._exit(1)


def _call(work: Callable[[Any, _T], _R], item: _T) -> _R:
    """Do `work` in a worker; an error, raised or returned, goes back as one the build can read."""
    try:
        result = work(_STATE, item)
    except Exception as err:
        portable = _portable(err)
        if portable is err:
            raise
        raise portable from None
    if isinstance(result, Exception):  # an error returned, to be raised in the items' order
        return cast("_R", _portable(result))
    return result


def _portable(err: Exception) -> Exception:
    """Return `err` if the build can unpickle it, else an error with its message: one that it
    cannot would break the whole pool, and be reported as a worker that died."""
    try:
        pickle.loads(pickle.dumps(err))
    except Exception:
        text = f"{type(err).__name__}: {err}"
        return PlanlensError(str(err)) if isinstance(err, PlanlensError) else RuntimeError(text)
    return err
