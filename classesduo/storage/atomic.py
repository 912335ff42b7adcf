"""Write files so that a crash never leaves a half-written file under the final name.

Also the two ``fsync`` helpers the media import needs to make a batch of files durable before the
rows that point at them are committed, and :class:`BackgroundSync`, which runs those ``fsync``
calls on a thread of their own so the disk writes overlap with copying the next file.
"""

from __future__ import annotations

import os
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Self


#: Children's data is the user's alone: folders 0700, files 0600, whatever the umask.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def make_private(path: Path) -> None:
    """Give ``path`` its private mode (0700 for a folder, 0600 for a file); nothing on Windows."""
    if os.name == "nt":
        return
    os.chmod(path, PRIVATE_DIR_MODE if Path(path).is_dir() else PRIVATE_FILE_MODE)


def private_folder(path: Path) -> Path:
    """Create ``path`` (and missing parents) as a private folder; tighten it if it exists."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    for folder in (path, *missing):
        make_private(folder)
    return path


def write_bytes_atomic(target: Path, data: bytes, durable: bool = True) -> None:
    """``durable=False`` skips the ``fsync`` (a cache: after a crash it may be empty, never half-written)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


def fsync_file(path: Path) -> None:
    """Flush a closed file's data to the disk (opened for writing: Windows needs a writable handle)."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_directory(path: Path) -> None:
    """Make the renames and new entries in a folder durable. Windows cannot open folders; NTFS
    journals its metadata, so there is nothing to do there."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BackgroundSync:
    """``fsync`` files on one background thread; :meth:`wait` returns once all submitted are on disk.

    ``os.fsync`` releases the GIL, so the import keeps copying (and the GUI keeps painting) while
    the disk catches up.
    """

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fsync")
        self._pending: list[Future[None]] = []

    def submit(self, path: Path) -> None:
        self._pending.append(self._pool.submit(fsync_file, path))

    def wait(self) -> None:
        """Wait for every submitted file; raise the first error (an ``OSError``) after all have finished."""
        pending, self._pending = self._pending, []
        errors = [error for error in (future.exception() for future in pending) if error is not None]
        if errors:
            raise errors[0]

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


class WorkInProgress:
    """Marks a temporary file as being written by this process (an exclusive ``flock`` on it, POSIX), so that
    :func:`remove_leftovers` at the next start deletes only what a killed process left, whatever its age."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        try:
            import fcntl
        except ImportError:  # Windows: leftovers are recognised by their age instead
            return
        try:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.release()

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.release()


#: Without file locks (Windows), a temporary file this old was left by a crash.
LEFTOVER_SECONDS = 3600


def is_leftover(path: Path) -> bool:
    """True when no running process is writing ``path`` (see :class:`WorkInProgress`)."""
    try:
        import fcntl
    except ImportError:
        import time

        try:
            return time.time() - path.stat().st_mtime > LEFTOVER_SECONDS
        except FileNotFoundError:
            return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # its writer is alive
    except OSError:
        return False
    finally:
        os.close(fd)
    return True


def remove_leftovers(folder: Path, pattern: str) -> list[Path]:
    """Delete the temporary files matching ``pattern`` in ``folder`` that a killed process left."""
    removed = []
    for path in sorted(folder.glob(pattern)) if folder.is_dir() else ():
        if path.is_file() and is_leftover(path):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
