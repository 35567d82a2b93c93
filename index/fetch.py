"""Links and feeds in: fetch a web page or an RSS/Atom feed the user named, and turn it into
``Document``s through the same extraction as saved files.

The network is used only here, and only for URLs the user gives (and the item links of a feed
the user gives). A page goes through ``loaders.html_document`` exactly like a saved HTML file
(hidden text stripped, furniture removed, dates read); its ``url`` is the final URL after
redirects and its identity (``source_id``) the URL as given. A feed's items are each the linked
page when the item has a link and little content of its own, else the item's own content (also
when the link cannot be fetched: offline, gone, refused; then with a warning on stderr and
``meta["link_not_fetched"]`` saying why); an item already in the store (same link, else guid) is
reported unchanged without being fetched again.

Limits (environment): ``ATTACHE_FETCH_TIMEOUT`` seconds per page (default 20),
``ATTACHE_FETCH_MAX_BYTES`` (default 10 MB), at most ``MAX_REDIRECTS`` redirects, http/https only.
Every failure becomes an ``InputError`` naming the URL and the cause.

Local and private addresses are refused (server-side request forgery: a link or a feed item
pointing at 127.0.0.1, 10.x, 169.254.169.254, a router's admin page ...): every address the host
of a URL resolves to must be public (``address_problem``), checked before each request,
redirects included, unless ``allow_private`` (Settings ``fetch_private``, ``ATTACHE_FETCH_PRIVATE=1``,
``attache ingest --allow-private-urls``).
"""
from __future__ import annotations

import ipaddress
import os
import re
import socket
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .errors import InputError
from .models import Document, short_hash

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10_000_000
#: An item whose own text is shorter than this is read from its linked page.
FULL_CONTENT_CHARS = 500
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/x-rss+xml")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)

Known = Callable[[str], bool]  # doc_id -> already stored and ready


def user_agent() -> str:
    """``attache/<version> (news question answering; fetched on a user's request)``, plus
    ``; contact`` from ``ATTACHE_FETCH_CONTACT`` when set (an e-mail or URL site owners can reach)."""
    try:
        from importlib.metadata import version

        v = version("attache")
    except Exception:  # noqa: BLE001 - running from a checkout without metadata
        v = "0"
    contact = os.environ.get("ATTACHE_FETCH_CONTACT", "").strip()
    return f"attache/{v} (news question answering; fetched on a user's request" + (f"; {contact})" if contact else ")")


def is_url(s: str | Path) -> bool:
    """True when ``s`` is written as a URL (``scheme://...``), whatever the scheme."""
    return isinstance(s, str) and bool(_URL.match(s))


@dataclass
class Fetched:
    """One HTTP response read within the limits: final URL, media type, body bytes and the
    charset the server declared ("" when none)."""

    url: str
    media_type: str
    body: bytes
    charset: str = ""

    def text(self) -> str:
        if self.charset:
            try:
                return self.body.decode(self.charset, errors="replace")
            except LookupError:
                pass
        try:
            return self.body.decode("utf-8-sig")
        except UnicodeDecodeError:
            from trafilatura.utils import decode_file

            return str(decode_file(self.body))

    @property
    def is_feed(self) -> bool:
        if self.media_type in ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
                               "application/x-rss+xml"):
            return True
        return (self.media_type in FEED_TYPES or not self.media_type) and bool(_FEED_START.match(self.body[:4096]))

    @property
    def is_html(self) -> bool:
        if self.media_type in HTML_TYPES:
            return True
        head = self.body[:2048].lstrip().lower()
        return (self.media_type in FEED_TYPES or not self.media_type) and head.startswith((b"<!doctype html", b"<html"))


def _limits() -> tuple[float, int]:
    try:
        timeout = float(os.environ.get("ATTACHE_FETCH_TIMEOUT") or DEFAULT_TIMEOUT)
    except ValueError:
        timeout = DEFAULT_TIMEOUT
    try:
        max_bytes = int(os.environ.get("ATTACHE_FETCH_MAX_BYTES") or DEFAULT_MAX_BYTES)
    except ValueError:
        max_bytes = DEFAULT_MAX_BYTES
    return timeout, max_bytes


PRIVATE_HINT = "local and private addresses are not fetched; --allow-private-urls or ATTACHE_FETCH_PRIVATE=1 to allow"


def address_problem(ip: str) -> str:
    """Why an IP address must not be fetched from ("a loopback address", ...), "" when it is public."""
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])  # "fe80::1%eth0": the zone is not part of it
    except ValueError:
        return "not an IP address"
    if isinstance(addr, ipaddress.IPv6Address):
        inner = addr.ipv4_mapped or addr.sixtofour or (addr.teredo[1] if addr.teredo else None)
        if inner is not None:  # ::ffff:127.0.0.1 reaches 127.0.0.1
            return address_problem(str(inner))
    for what, bad in (("an unspecified", addr.is_unspecified), ("a loopback", addr.is_loopback),
                      ("a link-local", addr.is_link_local), ("a multicast", addr.is_multicast),
                      ("a reserved", addr.is_reserved), ("a private", addr.is_private)):
        if bad:
            return f"{what} address"
    if not addr.is_global:  # 100.64.0.0/10 (carrier-grade NAT) and the like
        return "not a public address"
    return ""


def check_public(url: str, where: str | None = None) -> None:
    """Raises ``InputError(where or url, ...)`` unless every address the host of ``url``
    resolves to is public (see ``address_problem``)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host:
        raise InputError(where or url, "no host in the URL")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise InputError(where or url, "invalid port in the URL") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as e:
        raise InputError(where or url, f"cannot connect: cannot resolve {host}: {_reason(e)}") from None
    for info in infos:
        ip = str(info[4][0])
        problem = address_problem(ip)
        if problem:
            said = host if host == ip else f"{host} ({ip})"
            moved = f" (redirected to {url})" if where and where != url else ""
            raise InputError(where or url, f"refused: {said} is {problem}{moved}; {PRIVATE_HINT}")


def fetch(url: str, timeout: float | None = None, max_bytes: int | None = None,
          allow_private: bool = False) -> Fetched:
    """GET ``url`` (http/https only, redirects followed up to ``MAX_REDIRECTS``) within
    ``timeout`` seconds overall and ``max_bytes``; raises ``InputError(url, cause)``. Unless
    ``allow_private``, a URL (or a redirect) to a host with a local or private address is
    refused before any request to it (``check_public``)."""
    import httpx

    t_default, b_default = _limits()
    timeout = t_default if timeout is None else timeout
    max_bytes = b_default if max_bytes is None else max_bytes
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(url, f"unsupported URL scheme {scheme!r} (only http and https)")
    deadline = time.monotonic() + timeout

    def guard(request: httpx.Request) -> None:  # every request, the redirects' included
        if not allow_private:
            check_public(str(request.url), url)

    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
                          event_hooks={"request": [guard]},
                          headers={"User-Agent": user_agent(), "Accept": "text/html,application/xhtml+xml,"
                                   "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"},
                          trust_env=False) as client:
            with client.stream("GET", url) as r:
                final = str(r.url)
                if r.status_code >= 400:
                    raise InputError(url, f"HTTP {r.status_code} {r.reason_phrase}".strip())
                ctype = r.headers.get("content-type", "")
                media = ctype.split(";")[0].strip().lower()
                m = re.search(r"charset=\"?([\w.:-]+)", ctype, re.I)
                if media and media not in HTML_TYPES + FEED_TYPES:
                    raise InputError(url, f"not an HTML page or a feed (content type {media})")
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise InputError(url, f"too large: {int(declared)} bytes (limit {max_bytes})")
                body = bytearray()
                for part in r.iter_bytes():
                    body += part
                    if len(body) > max_bytes:
                        raise InputError(url, f"too large: more than {max_bytes} bytes (limit {max_bytes})")
                    if time.monotonic() > deadline:
                        raise InputError(url, f"timed out after {timeout:g} s")
    except InputError:
        raise
    except httpx.TimeoutException:
        raise InputError(url, f"timed out after {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise InputError(url, f"too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.UnsupportedProtocol as e:
        raise InputError(url, f"redirected to an unsupported URL: {e}") from None
    except httpx.ConnectError as e:
        raise InputError(url, f"cannot connect: {_reason(e)}") from None
    except httpx.HTTPError as e:
        raise InputError(url, f"cannot fetch ({type(e).__name__}): {_reason(e)}") from None
    if not bytes(body).strip():
        raise InputError(url, "empty response")
    return Fetched(final, media, bytes(body), m.group(1) if m else "")


def _reason(e: BaseException) -> str:
    msg = str(e) or type(e).__name__
    m = re.search(r"\[Errno -?\d+\]\s*(.+)", msg)  # "[Errno 111] Connection refused" -> "connection refused"
    return m.group(1).strip().rstrip(".").lower() if m else msg


def host_of(url: str) -> str:
    """The host of ``url`` without ``www.`` (the outlet of last resort)."""
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def load_url(url: str, source: str | None = None, known: Known | None = None,
             allow_private: bool = False) -> Iterator[Document | InputError]:
    """The document of a page URL, or the documents of a feed URL; ``InputError``s for failures.
    ``allow_private``: fetch local and private addresses too (see ``fetch``)."""
    try:
        got = fetch(url, allow_private=allow_private)
        if got.is_feed:
            yield from feed_documents(got.body, url, source, known, base=got.url, allow_private=allow_private)
        elif got.is_html:
            yield page_document(got, url, source)
        else:
            raise InputError(url, f"not an HTML page or a feed (content type {got.media_type or 'unknown'})")
    except InputError as e:
        yield e
    except Exception as e:  # noqa: BLE001 - one bad URL must never stop the others
        yield InputError(url, f"cannot load ({type(e).__name__}): {e}")


def page_document(got: Fetched, url: str, source: str | None, outlet: str = "",
                  dates: list[tuple[str, Any]] | None = None, meta: dict | None = None) -> Document:
    """A fetched HTML page as a ``Document`` (the saved-HTML path; see ``loaders.html_document``):
    identity ``url`` (as given), ``url`` the final URL, outlet from the page else ``outlet``
    (a feed's title) else the host."""
    from .loaders import html_document

    return html_document(got.text(), url, source, source_id=url, url=got.url, title=host_of(got.url),
                         outlet=outlet or host_of(got.url), dates=dates,
                         meta={"fetched_from": url, **(meta or {})})


def feed_file(path: Path, source: str | None = None, known: Known | None = None,
              allow_private: bool = False) -> Iterator[Document | InputError]:
    """The documents of a saved RSS/Atom file (linked pages are fetched, as for a feed URL)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror or e}")
        return
    yield from feed_documents(data, str(path), source, known, base="", feed_id=str(path.resolve()),
                              allow_private=allow_private)


def feed_documents(data: bytes, where: str, source: str | None, known: Known | None, base: str = "",
                   feed_id: str = "", allow_private: bool = False) -> Iterator[Any]:
    """Every item of an RSS/Atom feed: a ``Document`` (linked page or inline content), a
    ``loaders.KnownItem`` for a linked item already stored, or an ``InputError``."""
    import feedparser

    from .cleaning import strip_hidden_html
    from .loaders import KnownItem, _from_record, html_to_text, plain

    feed_id = feed_id or where
    headers = {"content-location": base} if base else None
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        err = parsed.get("bozo_exception")
        yield InputError(where, "not an RSS or Atom feed" + (f" ({err})" if err else ""))
        return
    if not parsed.entries:
        yield InputError(where, "the feed has no items")
        return
    feed_title = plain(parsed.feed.get("title", ""), html_ok=False)
    language = parsed.feed.get("language", "") or ""
    for i, e in enumerate(parsed.entries):
        item_where = f"{where}: item {i + 1}"
        link = e.get("link", "") or ""
        if link and base:
            link = urljoin(base, link)
        guid = e.get("id", "") or ""
        content = e["content"][0].get("value", "") if e.get("content") else (e.get("summary", "") or "")
        visible = strip_hidden_html(content)[0] if content.strip() else ""
        own_text = html_to_text(visible) if visible else ""
        date_raw = e.get("published") or e.get("updated") or e.get("created") or ""
        fetchable = urlsplit(link).scheme.lower() in ("http", "https")
        title = plain(e.get("title", ""), html_ok=False)
        unfetched = ""  # why the item's link could not be read (its own text is indexed instead)
        try:
            if fetchable and len(own_text) < FULL_CONTENT_CHARS:
                doc_id = short_hash("doc", link)
                if known and known(doc_id):
                    yield KnownItem(link, doc_id)
                    continue
                try:
                    got = fetch(link, allow_private=allow_private)
                    if not got.is_html:
                        raise InputError(link, f"not an HTML page (content type {got.media_type or 'unknown'})")
                    doc = page_document(got, link, source, outlet=feed_title, dates=[("feed item", date_raw)],
                                        meta={"feed": feed_id, **({"guid": guid} if guid else {})})
                    yield doc
                    continue
                except InputError as err:  # offline, gone, refused: the item's own text, if any
                    if not (own_text or title):
                        raise
                    unfetched = err.cause
                    print(f"attache: warning: {item_where}: cannot fetch its link {link} ({err.cause}); "
                          f"indexed the item's own text instead ({len(own_text or title)} characters)",
                          file=sys.stderr, flush=True)
            if not own_text and not unfetched:
                raise InputError(item_where, "the item has no content and no link to fetch")
            sid = link or (guid if ":" in guid else (f"{feed_id}#{guid}" if guid else f"{feed_id}#{i}"))
            rec = {"title": e.get("title", ""), "content": visible if own_text else title, "url": link,
                   "id": guid or "", "published": date_raw, "author": e.get("author", "") or "",
                   "language": language}
            doc = _from_record(Path(where), rec, item_where, i, source, {"source": feed_title})
            extra = {"link_not_fetched": unfetched} if unfetched else {}
            yield replace(doc, source_id=sid, doc_id="", path=where, meta={**doc.meta, "feed": feed_id, **extra})
        except InputError as err:
            yield err
        except Exception as err:  # noqa: BLE001 - one bad item must never stop the others
            yield InputError(item_where, f"cannot load ({type(err).__name__}): {err}")
