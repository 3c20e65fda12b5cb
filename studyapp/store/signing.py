"""Who exported a bundle: each database's Ed25519 key pair, and the cells' keys an
office has seen (trust on first use). docs/bundle-format.md, "Signature".

The private key lives in the database itself (its `meta` table), not in a file
beside it: it is then in every backup and survives a reinstall (a restored
laptop goes on signing as itself, and the ward is not told of a new key), it
needs no file permissions Windows does not have, and whoever can copy the
database could already change everything in it (the PIN protects people at the
keyboard, not the file: README). A bundle edited after export can no longer be
signed by that laptop's key, which is what the ward needs to know.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from studyapp.store.store import Store

_PRIVATE = "signing_key"
_TRUSTED = "cell_key:"


def _private_bytes(store: Store) -> bytes:
    """This database's private key (32 bytes), made on first use."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (  # noqa: PLC0415
        Ed25519PrivateKey,
    )
    from cryptography.hazmat.primitives.serialization import (  # noqa: PLC0415
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    rows = store._rows(f"SELECT value FROM meta WHERE key = '{_PRIVATE}'")
    if rows:
        return bytes.fromhex(rows[0]["value"])
    fresh = Ed25519PrivateKey.generate().private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    with store._write() as connection:
        connection.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                           (_PRIVATE, fresh.hex()))
        stored = connection.execute("SELECT value FROM meta WHERE key = ?",
                                    (_PRIVATE,)).fetchone()[0]
    return bytes.fromhex(stored)


def sign(store: Store, message: bytes | memoryview) -> tuple[str, str]:
    """The public key and the signature of `message`, both as hex."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (  # noqa: PLC0415
        Ed25519PrivateKey,
    )
    from cryptography.hazmat.primitives.serialization import (  # noqa: PLC0415
        Encoding,
        PublicFormat,
    )

    key = Ed25519PrivateKey.from_private_bytes(_private_bytes(store))
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return public.hex(), key.sign(message).hex()


def fingerprint(public_key: str) -> str:
    """What a clerk reads and compares by phone: `A1B2-C3D4`."""
    digest = hashlib.sha256(bytes.fromhex(public_key)).hexdigest().upper()
    return f"{digest[:4]}-{digest[4:8]}"


@dataclass(frozen=True)
class KeyCheck:
    cell_id: str
    """The cell's id in the bundle (the sending laptop's)."""
    cell_name: str
    key: str
    status: Literal["first", "known", "changed"]
    known_key: str | None = None


def check_keys(store: Store, cells: list[tuple[str, str]], key: str) -> list[KeyCheck]:
    """For each (id, name) of the bundle's cells: first time seen, the key known
    for it, or another key than the one known."""
    checks = []
    for cell_id, name in cells:
        rows = store._rows("SELECT value FROM meta WHERE key = ?", [_TRUSTED + cell_id])
        known = json.loads(rows[0]["value"])["key"] if rows else None
        status: Literal["first", "known", "changed"] = (
            "first" if known is None else "known" if known == key else "changed")
        checks.append(KeyCheck(cell_id, name, key, status, known))
    return checks


def trust(store: Store, checks: list[KeyCheck]) -> None:
    """Remember the key of each cell seen first (or accepted anew)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    # The keys a cell had before stay known: what they signed is still verified.
    before = {check.cell_id: _trusted(store, check.cell_id) for check in checks}
    with store._write() as connection:
        for check in checks:
            if check.status == "known":
                continue
            previous = sorted(before[check.cell_id] - {check.key})
            connection.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (_TRUSTED + check.cell_id,
                 json.dumps({"key": check.key, "since": now, "previous": previous},
                            ensure_ascii=False)))


# --- where each session's data came from (the ward report's "verified") --------------------------

_SOURCE = "session_source:"

Verification = Literal["verified", "unsigned", "unknown_key", "here"]
"""A session's data: from a bundle signed by a key known for its cell; from a
bundle without a signature (version 1); from a bundle signed by a key not known
for its cell; or entered on this database (no bundle brought it)."""


@dataclass(frozen=True)
class Provenance:
    status: Verification
    key: str | None = None
    """The signer's public key (hex), for `verified` and `unknown_key`."""


def record_sources(store: Store, sessions: list[tuple[str, str]], key: str | None) -> None:
    """Remember, for each (session id, the bundle's cell id) just imported, the
    key that signed the bundle (None: unsigned). The latest import of a session
    is what the report says: an unsigned bundle that brought anything to a
    session makes it unverified, even if a signed one brought it before."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store._write() as connection:
        for session_id, cell_id in sessions:
            connection.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (_SOURCE + session_id,
                 json.dumps({"key": key, "cell": cell_id, "at": now}, ensure_ascii=False)))


def _trusted(store: Store, cell_id: str) -> set[str]:
    """Every key accepted for the cell (by the cell's id as its bundles send it)."""
    rows = store._rows("SELECT value FROM meta WHERE key = ?", [_TRUSTED + cell_id])
    if not rows:
        return set()
    known = json.loads(rows[0]["value"])
    return {known["key"], *known.get("previous", [])}


def provenance(store: Store, session_ids: list[str]) -> dict[str, Provenance]:
    """Where each session's data came from, and whether its signer is known."""
    found: dict[str, Provenance] = {}
    trusted: dict[str, set[str]] = {}
    for session_id in session_ids:
        rows = store._rows("SELECT value FROM meta WHERE key = ?", [_SOURCE + session_id])
        if not rows:
            found[session_id] = Provenance("here")
            continue
        source = json.loads(rows[0]["value"])
        key = source.get("key")
        if not isinstance(key, str):
            found[session_id] = Provenance("unsigned")
            continue
        cell_id = str(source.get("cell", ""))
        if cell_id not in trusted:
            trusted[cell_id] = _trusted(store, cell_id)
        found[session_id] = Provenance("verified" if key in trusted[cell_id] else "unknown_key",
                                       key)
    return found
