"""Serving the web app (``api.build_app``) with uvicorn, and the login it requires.

The login (ATTACHE_AUTH, ``--auth``) and API token (ATTACHE_API_TOKEN) come from the one
settings object, ``assistant.settings`` (see ``index.config``), unless given explicitly.
"""
from __future__ import annotations

import errno
import ipaddress
import signal
import socket
import sys
import threading
from typing import TYPE_CHECKING

from index.errors import AttacheError

if TYPE_CHECKING:
    from .core import Assistant

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
PORT_RANGE = (1, 65535)


class PortError(AttacheError):
    """The port cannot be used: out of range, already in use, or not allowed."""

    exit_code = 2


def check_port(value: int | str) -> int:
    """``value`` as a TCP port number, 1 to 65535; raises ``PortError`` (exit 2) otherwise
    (the kernel would take 80000 modulo 65536 and listen on 14464)."""
    try:
        port = int(str(value).strip())
    except ValueError:
        port = None
    if port is None or not PORT_RANGE[0] <= port <= PORT_RANGE[1]:
        raise PortError(f"port must be a number from {PORT_RANGE[0]} to {PORT_RANGE[1]}, not {str(value)!r}")
    return port


def bind(host: str, port: int) -> socket.socket:
    """A socket bound to ``host``:``port`` (not yet listening: uvicorn listens on it once the app is
    ready, so until then a client is refused rather than kept waiting). Raises ``PortError`` with
    one line naming the port when it is in use, reserved, or the address is not this machine's."""
    port = check_port(port)
    shown = f"[{host}]" if ":" in host else host
    try:
        family, kind, proto, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                          flags=socket.AI_PASSIVE)[0]
    except socket.gaierror as e:
        raise PortError(f"cannot listen on {shown}:{port}: unknown host ({e.strerror})") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does; still refuses a port in use
        sock.bind(addr)
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            raise PortError(f"port {port} on {shown} is already in use by another program; "
                            f"choose another with --port (e.g. --port {port + 1 if port < 65535 else 7860})") from None
        if e.errno == errno.EACCES:
            raise PortError(f"not allowed to listen on port {port} of {shown} (ports under 1024 need "
                            "administrator rights); choose another with --port") from None
        raise PortError(f"cannot listen on {shown}:{port}: {e.strerror or e}") from None
    sock.set_inheritable(True)
    return sock


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """``USER:PASS`` as ``(user, password)``; None when empty. Raises ``AttacheError`` when malformed."""
    if not value:
        return None
    user, sep, pw = value.partition(":")
    if not sep or not user or not pw:
        raise AttacheError("--auth / ATTACHE_AUTH must be USER:PASS")
    return user, pw


def is_local(host: str) -> bool:
    """True when ``host`` is a loopback address or name (binding elsewhere needs --auth to be quiet)."""
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, auth: tuple[str, str] | None) -> str | None:
    """The warning printed when the server is reachable from other machines without a login."""
    if is_local(host) or auth:
        return None
    return (f"attache: WARNING: serving on {host} without authentication: anyone who can reach this "
            f"machine can read, add and delete your articles. Use --auth USER:PASS (or ATTACHE_AUTH) or "
            f"bind to 127.0.0.1.")


def serve(assistant: Assistant, host: str = "127.0.0.1", port: int = 7860,
          auth: str | tuple[str, str] | None = None, api_token: str | None = None,
          log_level: str = "warning", sock: socket.socket | None = None) -> None:
    """Run the app with uvicorn (blocks). ``auth`` is USER:PASS or (user, pass); when not given,
    ``assistant.settings.auth`` and ``.api_token`` (ATTACHE_AUTH, ATTACHE_API_TOKEN) are used.

    ``sock``: a socket from ``bind(host, port)`` (the CLI binds before opening the store, so a
    port in use is said at once); else the port is bound here, before the warm-up. The
    "serving" line is printed only once the port is bound, and a port that cannot be bound
    raises ``PortError`` (one line naming it) instead of uvicorn's log and exit."""
    from .api import build_app

    sock = sock or bind(host, port)
    try:
        creds = auth if isinstance(auth, tuple) else parse_auth(auth or assistant.settings.auth)
        token = api_token or assistant.settings.api_token or None
        warning = exposure_warning(host, creds)
        if warning:
            print(warning, file=sys.stderr, flush=True)
        print("attache: warming up (embedding model, index, answerer) ...", file=sys.stderr, flush=True)
        took = assistant.warm_up()
        app = build_app(assistant, auth=creds, api_token=token)
        print(f"attache: warm in {took:.1f} s", file=sys.stderr, flush=True)
        shown = f"[{host}]" if ":" in host else host
        if threading.current_thread() is threading.main_thread():
            # uvicorn shuts down gracefully on SIGTERM, then raises the signal again with the handler it found:
            # this one, so a stopped server exits 0 (a service manager or `kill; wait` reads a clean stop);
            # set before the line that says it serves, which a script may answer with SIGTERM at once
            signal.signal(signal.SIGTERM, _stopped)
        print(f"attache: serving http://{shown}:{port}/  (REST /api, OpenAI /v1, API docs /docs); Ctrl-C stops",
              file=sys.stderr, flush=True)
        run_app(app, sock, host, port, log_level)
    finally:
        sock.close()


def run_app(app, sock: socket.socket, host: str, port: int, log_level: str = "warning") -> None:
    """uvicorn serving ``app`` on the bound ``sock`` until Ctrl-C or SIGTERM."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level=log_level))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass


def _stopped(signum, frame) -> None:
    raise SystemExit(0)
