"""Writing a file so that it exists only complete: a temporary file beside it, then one rename."""
from __future__ import annotations

import os
import tempfile
from typing import Callable


def write_atomically(target: str | os.PathLike, write: Callable[[str], None], *, prefix: str = ".garblint-",
                     suffix: str = ".tmp", like: os.stat_result | None = None) -> None:
    """Call ``write(temporary path)``, then move that file over ``target``.

    The temporary file is made in the target's folder, so the move is one
    rename on one file system. ``like`` gives the file the permissions (and,
    where allowed, the owner) of the file it replaces. On any failure the
    temporary file is removed and the error (an OSError for the file system's
    refusals) propagates; ``target`` is then as it was.
    """
    folder = os.path.dirname(os.path.abspath(target))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)
    os.close(handle)
    try:
        write(temporary)
        if like is not None:
            os.chmod(temporary, like.st_mode & 0o7777)
            try:
                os.chown(temporary, like.st_uid, like.st_gid)
            except OSError:
                pass  # not allowed to give the file away: it stays ours, as any editor leaves it
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def durable_bytes_writer(data: bytes) -> Callable[[str], None]:
    """A ``write`` for ``write_atomically`` that writes ``data`` and waits until it is on disk."""
    def write(path: str) -> None:
        with open(path, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    return write
