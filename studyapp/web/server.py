"""Serving a phone round: uvicorn in a thread of its own, only while the round runs.

`RoundServer.start` binds the socket itself (so a port in use is a message at
once, not a log line from another thread), takes the database's one
phone-round lease (two rounds at once, in two windows or a window and the
command line, would hand out two codes for one roster), and runs uvicorn on
that socket. `stop` ends the serving and the listening; the round's state
stays in the database for a restart. The addresses phones can reach, and the
QR code of the first, are worked out here for the screen and the command line
to show.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
import sys
import threading
from datetime import datetime, timedelta

import segno
import uvicorn

from studyapp.errors import StudyappError
from studyapp.i18n import tr
from studyapp.store.leases import (
    RENEW_EVERY,
    AttemptBusyError,
    Holder,
    Lease,
    release,
    renew,
    take_named,
)
from studyapp.store.live import utc_now
from studyapp.store.phone import PhoneRound
from studyapp.web.app import create_app

DEFAULT_PORT = 8080
PORTS_TRIED = 10
"""From DEFAULT_PORT on, when no port was asked for and one is taken."""
ALL_INTERFACES = "0.0.0.0"
LIVE_LEASE = "phone-round"


class ServeError(StudyappError):
    """The round cannot be served: the message says why and what to do."""


def _busy(lease: Lease) -> str:
    return tr("phone.round_running", who=lease.who, host=lease.holder.host,
              since=f"{lease.since.astimezone():%H:%M}")


def local_addresses() -> list[str]:
    """The laptop's IPv4 addresses a phone on its network can reach, the most
    likely first; 127.0.0.1 only when there is no other. No packet is sent."""
    found: list[str] = []
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        # Connecting a UDP socket sends nothing; it only picks the outgoing interface.
        probe.connect(("10.255.255.255", 1))
        found.append(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    usable = []
    for text in found:
        with contextlib.suppress(ValueError):
            address = ipaddress.ip_address(text)
            if not (address.is_loopback or address.is_unspecified or address.is_link_local) \
                    and text not in usable:
                usable.append(text)
    return usable or ["127.0.0.1"]


def qr_lines(url: str) -> list[str]:
    """The QR code of `url` (segno) drawn with half blocks, two modules a line,
    with its quiet zone: dark modules are the glyphs' foreground, so it is
    shown dark on light (the screen gives it its own colours, whatever the
    terminal's)."""
    code = segno.make(url, error="m", micro=False)
    rows = [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=2)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    glyphs = {(True, True): "█", (False, False): " ", (True, False): "▀", (False, True): "▄"}
    return ["".join(glyphs[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
            for upper, lower in zip(rows[::2], rows[1::2], strict=True)]


class RoundServer:
    """Serve `round_` on `host:port` until `stop`. Without a port, the first free
    one from DEFAULT_PORT on; port 0 is any free port the system gives."""

    def __init__(self, round_: PhoneRound, *, host: str | None = None,
                 port: int | None = None, who: str = "") -> None:
        self.round = round_
        self.host = host or ALL_INTERFACES
        self.asked_port = port
        self.port = DEFAULT_PORT if port is None else port
        self.who = who
        self.holder = Holder.this_process()
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._renewer: threading.Thread | None = None
        self._stopping = threading.Event()

    # --- addresses -----------------------------------------------------------------------

    @property
    def addresses(self) -> list[str]:
        if self.host in (ALL_INTERFACES, ""):
            return local_addresses()
        return [self.host]

    @property
    def urls(self) -> list[str]:
        return [f"http://{address}:{self.port}/" for address in self.addresses]

    @property
    def url(self) -> str:
        return self.urls[0]

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- starting and stopping -----------------------------------------------------------

    def _bind(self) -> socket.socket:
        ports = [self.port] if self.asked_port is not None else \
            [*range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED), 0]
        last: OSError | None = None
        for port in ports:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            if sys.platform != "win32":
                # On Windows SO_REUSEADDR would let two programs share the port.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((self.host, port))
                sock.listen(64)
            except OSError as error:
                sock.close()
                last = error
                continue
            self.port = sock.getsockname()[1]
            return sock
        reason = (last.strerror if last is not None else None) or str(last)
        raise ServeError(tr("phone.cannot_listen", host=self.host, port=self.port,
                            reason=reason))

    def start(self) -> None:
        """Listen and serve in the background; raises ServeError (nothing started)."""
        if self.running:
            return
        if self.round.ended:
            raise ServeError(tr("phone.round_ended"))
        try:
            take_named(self.round.store, LIVE_LEASE, self.who, self.holder, utc_now(),
                       busy=_busy)
        except AttemptBusyError as error:
            raise ServeError(str(error)) from error
        try:
            self._socket = self._bind()
        except ServeError:
            release(self.round.store, LIVE_LEASE, self.holder)
            raise
        for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
            # Nothing of uvicorn's may write to a terminal the UI is drawing.
            logger = logging.getLogger(name)
            logger.handlers = [logging.NullHandler()]
            logger.propagate = False
        config = uvicorn.Config(create_app(self.round), log_config=None, access_log=False,
                                lifespan="off", log_level="critical", server_header=False,
                                timeout_graceful_shutdown=2)
        self._server = uvicorn.Server(config)
        sock = self._socket
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        name="studyapp-phone-round", daemon=True)
        self._thread.start()
        self._stopping.clear()
        self._renewer = threading.Thread(target=self._renew, name="studyapp-round-lease",
                                         daemon=True)
        self._renewer.start()

    def wait_started(self, timeout: float = 10.0) -> bool:
        """Whether uvicorn is serving within `timeout` seconds."""
        deadline = datetime.now() + timedelta(seconds=timeout)
        while datetime.now() < deadline:
            if self._server is not None and self._server.started:
                return True
            if not self.running:
                return False
            self._stopping.wait(0.02)
        return False

    def _renew(self) -> None:
        while not self._stopping.wait(RENEW_EVERY.total_seconds()):
            with contextlib.suppress(StudyappError):
                renew(self.round.store, LIVE_LEASE, self.holder, utc_now())

    def stop(self) -> None:
        """Stop serving and listening (the round itself is ended by `round.end`)."""
        self._stopping.set()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self._socket is not None:
            self._socket.close()
        if self._renewer is not None:
            self._renewer.join(timeout=5)
        with contextlib.suppress(StudyappError):
            release(self.round.store, LIVE_LEASE, self.holder)
        self._thread = self._server = self._socket = self._renewer = None

    def __enter__(self) -> RoundServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

