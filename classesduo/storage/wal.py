"""Recognise a ``-wal`` file that does not belong to its database, before SQLite merges it.

SQLite replays whatever valid ``-wal`` lies beside a database when it opens it: one copied from another
folder, or left next to a database restored by hand, silently overwrites pages. This module reads the
WAL header, its frames and the ``-shm`` index (formats: https://sqlite.org/fileformat2.html#walformat)
without opening the database, and says why a WAL is foreign:

- its page size differs from the database's;
- there is no ``-shm`` beside it: SQLite deletes both files when the last connection closes cleanly, and a
  crash leaves both, so a WAL with frames and no index came from elsewhere;
- the ``-shm`` indexes another WAL: its copy of the salts differs from the WAL header's, or the checksum of
  the last frame it indexes differs from that frame's in the file.

A WAL left by a crash of this database (the SIGKILL tests) passes: SQLite keeps the index in step with the
file. A WAL being written by another process right now passes too (the check re-reads a few times).
"""

from __future__ import annotations

import struct
import time
from pathlib import Path

_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER = 32
_FRAME_HEADER = 24
_SHM_HEADER = 48


def wal_of(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def shm_of(database: Path) -> Path:
    return database.with_name(database.name + "-shm")


def companions(database: Path) -> tuple[Path, Path]:
    """The ``-wal`` and ``-shm`` files SQLite keeps beside ``database``."""
    return wal_of(database), shm_of(database)


def _checksum(data: bytes, big_endian: bool, s1: int = 0, s2: int = 0) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for index in range(0, len(words), 2):
        s1 = (s1 + words[index] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[index + 1] + s1) & 0xFFFFFFFF
    return s1, s2


def _database_page_size(database: Path) -> int | None:
    try:
        with open(database, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    size = struct.unpack(">H", header[16:18])[0]
    return 65536 if size == 1 else size


def _read_once(database: Path) -> str | None:
    wal = wal_of(database)
    try:
        with open(wal, "rb") as handle:
            header = handle.read(_WAL_HEADER)
            if len(header) < _WAL_HEADER:
                return None  # empty: nothing to replay
            magic, _version, page_size, _sequence, salt1, salt2, check1, check2 = struct.unpack(">8I", header)
            if magic not in _MAGIC:
                return None  # SQLite ignores a WAL without its magic number
            big_endian = bool(magic & 1)
            if _checksum(header[:24], big_endian) != (check1, check2):
                return None  # an invalid header: SQLite ignores the file
            first = handle.read(_FRAME_HEADER)
            if len(first) < _FRAME_HEADER or struct.unpack(">II", first[8:16]) != (salt1, salt2):
                return None  # no frame of this header's generation: nothing to replay
            wal_size = wal.stat().st_size
            database_page = _database_page_size(database)
            if database_page is not None and database_page != page_size:
                return f"its pages are {page_size} bytes, the database's {database_page}"
            try:
                with open(shm_of(database), "rb") as index:
                    shm = index.read(2 * _SHM_HEADER)
            except FileNotFoundError:
                shm = b""
            if len(shm) < 2 * _SHM_HEADER or shm[12] == 0:
                return ("the database was closed cleanly (it has no -shm index), so this -wal was not written by "
                        "it")
            if shm[:_SHM_HEADER] != shm[_SHM_HEADER:]:
                return "unsettled"  # the index is being written: read again
            max_frame = struct.unpack("=I", shm[16:20])[0]
            if shm[32:40] != header[16:24]:
                index_salt = struct.unpack(">I", shm[32:36])[0]
                if max_frame == 0 and index_salt == (salt1 + 1) & 0xFFFFFFFF:
                    return None  # a writer is restarting this WAL (its frames are all in the database already)
                return "its header belongs to another generation than the database's -shm index"
            if max_frame == 0:
                return None  # the index says the WAL holds nothing yet
            frame_at = _WAL_HEADER + (max_frame - 1) * (_FRAME_HEADER + page_size)
            if frame_at + _FRAME_HEADER + page_size > wal_size:
                return f"it is shorter than the {max_frame} frames the database's -shm index records"
            handle.seek(frame_at)
            frame = handle.read(_FRAME_HEADER)
            if struct.unpack(">II", frame[16:24]) != struct.unpack("=II", shm[24:32]):
                return "its frames differ from the ones the database's -shm index records"
            return None
    except FileNotFoundError:
        return None


def foreign_wal(database: Path, attempts: int = 4, pause: float = 0.05) -> str | None:
    """Why the ``-wal`` beside ``database`` does not belong to it, or None when it does (or there is none)."""
    reason = None
    for attempt in range(attempts):
        reason = _read_once(Path(database))
        if reason is None:
            return None
        if attempt < attempts - 1:
            time.sleep(pause)  # another process may be between two writes of the index
    return "the -shm index kept changing" if reason == "unsettled" else reason
