"""Serving the web app (``api.build_app``) with uvicorn, and the login it requires.

The login (ATTACHE_AUTH, ``--auth``) and API token (ATTACHE_API_TOKEN) come from the one
settings object, ``assistant.settings`` (see ``index.config``), unless given explicitly.
"""
from __future__ import annotations

import ipaddress
import sys
from typing import TYPE_CHECKING

from index.errors import AttacheError

if TYPE_CHECKING:
    from .core import Assistant

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


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
          log_level: str = "warning") -> None:
    """Run the app with uvicorn (blocks). ``auth`` is USER:PASS or (user, pass); when not given,
    ``assistant.settings.auth`` and ``.api_token`` (ATTACHE_AUTH, ATTACHE_API_TOKEN) are used."""
    import uvicorn

    from .api import build_app

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
    print(f"attache: serving http://{shown}:{port}/  (REST /api, OpenAI /v1, API docs /docs); Ctrl-C stops",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
