"""``archive serve``: the web interface served by uvicorn on one address.

The socket is bound here, before uvicorn starts, so that an address in use is
one line of error, and ``--port 0`` can pick a free port and say which.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import uvicorn

from ..config import Config
from ..errors import ArchiveError
from .app import create_app

LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1", "[::1]"]


def hosts_for(host: str) -> list[str] | None:
    """The Host names a server on ``host`` answers: its own names on a loopback address, any elsewhere."""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    return [*LOOPBACK_NAMES, host] if loopback else None


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port``.

    Raises:
        ArchiveError: the address is in use or cannot be had.
    """
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        # Named TCP, not left 0: asyncio turns Nagle's algorithm off only on sockets that say they are TCP,
        # and with it on, a body written after its headers waited for the browser's delayed
        # acknowledgement, 40 ms on every answer.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        raise ArchiveError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                           f"choose another --port or --host") from None
    sock.set_inheritable(True)
    return sock


def serve(config: Config, *, host: str = "127.0.0.1", port: int = 8000, allow_edits: bool = False,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve the web interface until interrupted; ``ready`` is told the address once it listens."""
    sock = bind(host, port)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    app = create_app(config, allow_edits=allow_edits, hosts=hosts_for(host))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, server_header=False,
                                           timeout_graceful_shutdown=5))
    if ready is not None:
        ready(f"http://{shown}:{bound}/")
    server.run(sockets=[sock])
    # Only a signal stops the server; whether uvicorn passed it on or not, the command ends as Ctrl-C ends any.
    raise KeyboardInterrupt
