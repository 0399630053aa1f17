"""Writing a file whole or not at all.

Reports (`--output`), audit tables and cache entries are written to a
temporary file beside their target and renamed over it only once complete:
a run that fails half-way (a full disk, an interrupt) leaves whatever was
there before, and a reader at the same moment sees the old file or the new
one, never half of one. A path the user names for output (`writing`) may
instead be a device or a named pipe, which is written in place.
"""

from __future__ import annotations

import contextlib
import os
import stat
from typing import IO, Any, Iterator


@contextlib.contextmanager
def writing(path: str | os.PathLike, mode: str = "w", prefix: str = ".hypelint-", **open_args: Any) -> Iterator[IO]:
    """An open file for output the user named (a report, a baseline).

    A device or FIFO (`/dev/null`, `/dev/stdout` on a terminal or pipe, a
    named pipe) is opened and written in place: renaming a file over it would
    put a regular file where the device was (when run as root) and leave a
    pipe's reader waiting. Anything else is written whole or not at all by
    `replacing`, through any symbolic link to the file it points to, as
    `>` in a shell does (the link stays a link). OSError propagates.
    """
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # not there yet (or a link to nothing): a new file
        special = False
    if special:
        with open(path, mode, **open_args) as out:
            yield out
    else:
        with replacing(os.path.realpath(path), mode, prefix, shared=True, **open_args) as out:
            yield out


@contextlib.contextmanager
def replacing(
    path: str | os.PathLike,
    mode: str = "w",
    prefix: str = ".hypelint-",
    shared: bool = False,
    **open_args: Any,
) -> Iterator[IO]:
    """A new temporary file beside `path`, open in `mode` ("w" or "wb", with
    `open_args` such as encoding); when the block ends without error it
    replaces `path`, otherwise it is removed.

    `shared` gives it the permissions of any file the user creates (the
    temporary file is private, 0600), for files people read, such as reports.
    OSError from making, writing or renaming the file propagates.
    """
    import tempfile  # only when writing, which most runs never do

    handle, temporary = tempfile.mkstemp(prefix=prefix, dir=os.path.dirname(os.path.abspath(path)))
    try:
        with os.fdopen(handle, mode, **open_args) as out:
            yield out
        if shared:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
