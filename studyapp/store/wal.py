"""Reading an SQLite `-wal` file's header and first frame (https://sqlite.org/fileformat.html#walformat).

SQLite trusts any well-formed WAL beside a database: a WAL copied from
another database is folded into this one the first time it is opened, and
deleted. These functions tell, from the bytes alone, whether a WAL holds
anything SQLite would use and for which page size.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

WAL_MAGIC = (0x377F0682, 0x377F0683)  # checksums little-endian, big-endian
WAL_VERSION = 3007000
WAL_HEADER = 32
FRAME_HEADER = 24


@dataclass(frozen=True)
class WalHeader:
    page_size: int
    salts: tuple[int, int]
    has_frame: bool
    """Whether the first frame is valid (its salts are the header's and its
    checksum is right): otherwise SQLite ignores the whole file."""


class NotWalError(ValueError):
    """The file is not an SQLite WAL (bad magic, version or header checksum)."""


def checksum(data: bytes, big_endian: bool, start: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """SQLite's WAL checksum of `data` (a multiple of 8 bytes), continued from `start`."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    s0, s1 = start
    for index in range(0, len(words), 2):
        s0 = (s0 + words[index] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[index + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def read_header(path: Path) -> WalHeader | None:
    """The WAL's header, or None when the file is too short to hold a frame
    (SQLite ignores it). Raises NotWalError when the bytes are not a WAL's."""
    with path.open("rb") as stream:
        header = stream.read(WAL_HEADER)
        if len(header) < WAL_HEADER:
            return None
        magic, version, page_size, _sequence, salt1, salt2, sum1, sum2 = struct.unpack(
            ">8I", header)
        if magic not in WAL_MAGIC or version != WAL_VERSION:
            raise NotWalError(str(path))
        big_endian = magic == WAL_MAGIC[1]
        if checksum(header[:24], big_endian) != (sum1, sum2):
            raise NotWalError(str(path))
        if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
            raise NotWalError(str(path))
        frame = stream.read(FRAME_HEADER + page_size)
    if len(frame) < FRAME_HEADER + page_size:
        return WalHeader(page_size, (salt1, salt2), has_frame=False)
    _page, _size, frame_salt1, frame_salt2, frame_sum1, frame_sum2 = struct.unpack(
        ">6I", frame[:FRAME_HEADER])
    running = checksum(frame[:8], big_endian, (sum1, sum2))
    running = checksum(frame[FRAME_HEADER:], big_endian, running)
    valid = (frame_salt1, frame_salt2) == (salt1, salt2) and running == (frame_sum1, frame_sum2)
    return WalHeader(page_size, (salt1, salt2), has_frame=valid)
