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


# --- what a PIN must be ---------------------------------------------------------------------

MIN_DIGITS = 6
"""A PIN of digits has at least this many: 4 digits fall to an offline search
of a copied database in minutes; 6 take a thousand times longer."""
MIN_PASSPHRASE = 10
"""Or a passphrase (anything not only digits) of at least this many characters."""


def weakness(pin: str) -> str | None:
    """The message key saying why `pin` is too weak to be set, or None: at
    least MIN_DIGITS digits, or a passphrase of MIN_PASSPHRASE characters;
    not one character repeated, no space at either end."""
    if pin != pin.strip() or not pin:
        return "pin.rule"
    if len(set(pin)) == 1:
        return "pin.rule_repeated"
    if pin.isdecimal():
        return None if len(pin) >= MIN_DIGITS else "pin.rule"
    return None if len(pin) >= MIN_PASSPHRASE else "pin.rule"


# --- wrong tries, kept in the database per cell ----------------------------------------------

TRIES = 3
"""Wrong PINs in a row before the cell's PIN is locked for a while."""
FIRST_WAIT_SECONDS = 60
MAX_WAIT_SECONDS = 3600


def wait_seconds(lockouts: int) -> int:
    """How long the lock lasts the `lockouts`-th time in a row (1, 2, ...):
    a minute, doubled each time, at most an hour. With six digits that is
    years of guessing at the keyboard or the command line."""
    return int(min(FIRST_WAIT_SECONDS * 2 ** min(max(lockouts - 1, 0), 16), MAX_WAIT_SECONDS))
