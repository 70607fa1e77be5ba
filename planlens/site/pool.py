"""Worker processes that do a build's work: `workers(state, jobs)` gives a pool of up to `jobs`.

`Workers.submit(work, item)` has a worker do `work(state, item)` and gives a `Future`;
`result(future)` gives what it made, or raises its error, an error the build can read
(`portable`), or a clean one for a worker that died. The pool is a
`concurrent.futures.ProcessPoolExecutor`: each worker gets `state` once when it starts; on Linux
it is forked with it (nothing is copied), elsewhere it is pickled to it (`START_METHOD`). Ctrl-C
stops the build, which stops its workers at once; a worker whose build is gone (killed) ends
too.

`aside(work, *args)` starts `work(*args)` in one helper process, forked now, and gives what
returns its result later (or raises its error here) and tells whether it has come yet: a build
with more than one job reads its plans so while this process imports what building needs.
Forked only (Linux): a helper started otherwise would import all that again.

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
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import wait
from typing import Any, Generic, TypeVar, cast

from planlens.errors import PlanlensError

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


class Workers:
    """Worker processes, all started with one state: `submit` hands one of them some work."""

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self._pool = pool

    def submit(self, work: Callable[[Any, _T], _R], item: _T) -> Future[_R]:
        """Have a worker do `work(state, item)`; a pool that broke gives a failed future."""
        try:
            with _interrupts_held():  # the workers are forked at the first submit
                return self._pool.submit(_call, work, item)
        except BrokenProcessPool as err:
            failed: Future[_R] = Future()
            failed.set_exception(err)
            return failed


@contextlib.contextmanager
def workers(state: object, jobs: int) -> Iterator[Workers]:
    """Give `Workers`: up to `jobs` processes, forked (or started) with `state` when first
    given work. Leaving the block on an exception (an error met, Ctrl-C) stops them at once."""
    context = multiprocessing.get_context(START_METHOD)
    # What exists now is the workers' to read, not to collect: a collection in a forked worker
    # would write to every object it walks, copying the memory it shares with this process.
    frozen = gc.get_freeze_count()
    gc.freeze()
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(state,))
    try:
        yield Workers(pool)
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


class Aside(Generic[_R]):
    """What `aside` gives: call it for the helper's result (its error raised here, as
    `portable` makes it); `ready()` tells, without waiting, whether calling it would wait."""

    def __init__(self, reader: Any, helper: Any) -> None:
        self._reader, self._helper = reader, helper

    def ready(self) -> bool:
        """Tell whether the result (or the helper's end) has come: calling would not wait."""
        try:
            return bool(self._reader.poll())
        except OSError:  # already handed over: the pipe is closed
            return True

    def __call__(self) -> _R:
        try:
            done, value = self._reader.recv()
        except EOFError:
            raise PlanlensError(
                "a build helper process ended unexpectedly (out of memory?); try --jobs 1"
            ) from None
        finally:
            self._reader.close()
            # Not waited for: it ends by itself once it has handed over (it is reaped then, or
            # when the next process starts, or at exit); on a busy machine its last steps can
            # wait their turn for a while.
            self._helper.join(timeout=0)
        if not done:
            raise value
        return cast("_R", value)


def aside(work: Callable[..., _R], *args: Any) -> Aside[_R]:
    """Start `work(*args)` in a process forked now; return what gives its result (`Aside`).
    The process ignores Ctrl-C, as workers do, and ends with this one (it is a daemon) or when
    it has handed over its result."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    with _interrupts_held():
        helper = context.Process(target=_aside, args=(reader, writer, work, args), daemon=True)
        helper.start()
    writer.close()
    return Aside(reader, helper)


def _aside(reader: Any, writer: Any, work: Callable[..., Any], args: tuple[Any, ...]) -> None:
    # The reading end came with the fork: held here, it would keep a result larger than the
    # pipe's buffer waiting forever for a reader once the build is gone (killed).
    reader.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        message = (True, work(*args))
    except Exception as err:
        message = (False, portable(err))
    with contextlib.suppress(OSError):  # the process that wanted it is gone
        writer.send(message)


def result(future: Future[_R]) -> _R:
    """Return what a worker made, or raise its error (a worker that died: a clean error)."""
    try:
        return future.result()
    except BrokenProcessPool:
        raise PlanlensError(
            "a build worker process ended unexpectedly (out of memory?); try fewer jobs (--jobs)"
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
        sent = portable(err)
        if sent is err:
            raise
        raise sent from None
    if isinstance(result, Exception):  # an error returned, to be raised in the items' order
        return cast("_R", portable(result))
    return result


def portable(err: Exception) -> Exception:
    """Return `err` if the build can unpickle it, else an error with its message: one that it
    cannot would break the whole pool, and be reported as a worker that died."""
    try:
        pickle.loads(pickle.dumps(err))
    except Exception:
        text = f"{type(err).__name__}: {err}"
        return PlanlensError(str(err)) if isinstance(err, PlanlensError) else RuntimeError(text)
    return err
