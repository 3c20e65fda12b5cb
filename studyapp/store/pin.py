"""The secretary PIN, kept only as a salted scrypt hash (hashlib): never in clear."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# scrypt parameters: about 50 ms on a laptop, 16 MiB of memory.
N, R, P = 2**14, 8, 1


def hash_pin(pin: str) -> str:
    """`scrypt$N$r$p$salt$hash`, with a fresh random salt."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=N, r=R, p=P)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify(pin: str, stored: str) -> bool:
    """Whether `pin` is the one `stored` was made from (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        computed = hashlib.scrypt(pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n),
                                  r=int(r), p=int(p))
    except ValueError:
        return False
    return hmac.compare_digest(computed, bytes.fromhex(digest))
