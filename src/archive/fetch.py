"""Fetching a page by its address: the bytes, where they came from, and the capture as WARC records.

``fetch_page`` asks for one http(s) address, follows redirects (each one
recorded), stops at a size cap and a timeout, and returns the page's bytes
with a ``Provenance``: the final address, the time of capture, the addresses
it was redirected through, and every HTTP response as a WARC record
(``capture.warc.gz`` in the page's object), so that what was seen can be
shown later exactly as it came.  Any failure is one ``SourceError`` naming the
address and what to do.
"""

from __future__ import annotations

import io
import zlib

import httpx2
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .errors import ParseError, SourceError
from .models import Provenance
from .text import is_web_address, now

#: Redirects followed before giving up (browsers stop at about 20).
MAX_REDIRECTS = 10
#: Seconds to wait for a connection or for the next bytes of an answer.
TIMEOUT = 20.0
_AGENT = "archive (a research archive of news compilation pages)"


def is_address(name: str) -> bool:
    """True when an input names a web address rather than a file."""
    return name.lower().startswith(("http://", "https://"))


def check_address(url: str) -> str:
    """The address as given, when it is an absolute http(s) address on one line.

    Raises:
        SourceError: anything else.
    """
    url = url.strip()
    if not is_web_address(url):
        raise SourceError(f"{url!r}: not a web address (give one such as https://example.org/page.html)",
                          path=url)
    return url


def fetch_page(url: str, *, max_bytes: int, timeout: float = TIMEOUT) -> tuple[bytes, Provenance]:
    """The bytes of the page at ``url`` and where they came from.

    Raises:
        SourceError: the address is not one, cannot be reached, answers with an error or redirects too often.
        ParseError: the page is over ``max_bytes``.
    """
    url = check_address(url)
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    redirects: list[str] = []
    current = url
    try:
        with httpx2.Client(timeout=timeout, follow_redirects=False,
                           headers={"User-Agent": _AGENT, "Accept-Encoding": "gzip, deflate, identity"}) as client:
            for _ in range(MAX_REDIRECTS + 1):
                with client.stream("GET", current) as response:
                    raw = _read_capped(response, url, max_bytes)
                    _write_record(writer, current, response, raw)
                    location = response.headers.get("location")
                    if response.is_redirect and location:
                        redirects.append(current)
                        current = str(response.url.join(location))
                        check_address(current)
                        continue
                    if response.status_code >= 400:
                        raise SourceError(f"{url}: the server answered {response.status_code} "
                                          f"{response.reason_phrase}".rstrip(), path=url)
                    body = _decoded(raw, response.headers.get("content-encoding", ""), url, max_bytes)
                    captured = now()
                    return body, Provenance(current, captured, tuple(redirects), buffer.getvalue())
    except httpx2.TimeoutException:
        raise SourceError(f"{url}: no answer within {timeout:g} seconds; try again later", path=url) from None
    except (httpx2.HTTPError, httpx2.InvalidURL, UnicodeError, ValueError) as exc:
        raise SourceError(f"{url}: cannot fetch ({type(exc).__name__}: {exc}); check the address and the "
                          f"network, or save the page and add the file with --url", path=url) from None
    raise SourceError(f"{url}: more than {MAX_REDIRECTS} redirects (last to {current})", path=url)


def _read_capped(response: httpx2.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ParseError(f"{url}: page is {int(declared):,} bytes, over max_page_bytes ({max_bytes:,})", path=url)
    chunks, size = [], 0
    for chunk in response.iter_raw():
        size += len(chunk)
        if size > max_bytes:
            raise ParseError(f"{url}: page is over max_page_bytes ({max_bytes:,})", path=url)
        chunks.append(chunk)
    return b"".join(chunks)


def _decoded(raw: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """The page's bytes from the bytes sent (gzip or deflate undone, with the same cap)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise SourceError(f"{url}: the server sent the page as {encoding!r}, which archive cannot read", path=url)
    try:
        inflater = zlib.decompressobj(47 if "gzip" in encoding else zlib.MAX_WBITS)
        body = inflater.decompress(raw, max_bytes + 1)
    except zlib.error as exc:
        raise SourceError(f"{url}: the server's {encoding} data is damaged ({exc})", path=url) from None
    if len(body) > max_bytes:
        raise ParseError(f"{url}: page is over max_page_bytes ({max_bytes:,}) once uncompressed", path=url)
    return body


def _write_record(writer: WARCWriter, url: str, response: httpx2.Response, raw: bytes) -> None:
    """One WARC response record: the status line, the headers and the bytes as the server sent them."""
    headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw
               if k.lower() != b"transfer-encoding"]
    status = StatusAndHeaders(f"{response.status_code} {response.reason_phrase}", headers,
                              protocol=response.http_version)
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(raw), length=len(raw),
                                       http_headers=status)
    writer.write_record(record)
