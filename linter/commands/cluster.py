"""Dask for ``scan`` and ``pairs``: a client of an existing scheduler, or of a local cluster for one run."""
from __future__ import annotations

from contextlib import contextmanager

from garblint.linter.engine.runner import InputError


@contextmanager
def dask_client(scheduler: str | None):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("the Dask engine needs dask.distributed (pip install 'garblint[dask]')") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(processes=True, host="127.0.0.1", dashboard_address=None)
            client = Client(cluster)
    except (OSError, ValueError, TimeoutError) as exc:  # unreachable or malformed address
        if cluster is not None:
            cluster.close()
        reason = (str(exc).splitlines() or [type(exc).__name__])[0]
        what = f"cannot connect to the Dask scheduler {scheduler}" if scheduler else "cannot start a local Dask cluster"
        raise InputError(f"{what}: {reason}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
