"""Decoding: bytes -> text, and whether the text is HTML.

UTF-8 and byte-order marks are trusted; UTF-8 with Windows-1252 pieces, mojibake
and other encodings are repaired or guessed, each with a warning; binary files
are refused with a ``DecodeError`` saying what they are.
"""

from __future__ import annotations

import codecs
import json
import re

from bs4 import UnicodeDammit

from ..errors import DecodeError, ParseError
from ..text import clean
from .patterns import (
    BINARY_MAGIC,
    BOMS,
    BROKEN_CLOSING_QUOTE,
    CP1252_UNDEFINED,
    HTML_SNIFF_RE,
    META_CHARSET_RE,
    MOJIBAKE_RE,
    SURROGATE_RUN_RE,
    UTF8_SEQUENCE_RE,
)


def _is_json(raw: bytes) -> bool:
    """A whole JSON object or array (saved search results, an export, notes): data, not a page."""
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):
        return False
    try:
        return isinstance(json.loads(raw), (dict, list))
    except ValueError:  # not JSON (a page may begin with "[Photo] ..."), or not UTF-8
        return False


def decode_bytes(raw: bytes, *, name: str) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding, warnings).  UTF-8 and BOMs are trusted; cp1252 is a guess."""
    if not raw.strip():
        raise ParseError(f"{name}: the file is empty", path=name)
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return _clean_text(raw.decode(encoding)), encoding.replace("-sig", ""), []
            except UnicodeDecodeError as exc:
                raise DecodeError(f"{name}: not valid {encoding} after its byte-order mark ({exc.reason})",
                                  path=name) from None
    for magic, what in BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise DecodeError(f"{name}: this is {what}, not a text or HTML page", path=name)
    if _is_json(raw):
        raise DecodeError(f"{name}: this is JSON data, not a text or HTML page", path=name)
    sample = raw[:65536]
    if b"\x00" in sample:
        raise DecodeError(f"{name}: binary data (NUL bytes), not a text or HTML page", path=name)
    try:
        text, encoding, warnings = _repair_mojibake(raw.decode("utf-8"), name)
        return _clean_text(text), encoding, warnings
    except UnicodeDecodeError:
        pass
    if len(UTF8_SEQUENCE_RE.findall(sample)) >= 2:
        # Mostly UTF-8 with pieces in Windows-1252 (pages pasted together): read those pieces as such.
        text = SURROGATE_RUN_RE.sub(lambda m: bytes(ord(c) - 0xDC00 for c in m.group(0)).decode(
            "cp1252", errors="replace"), raw.decode("utf-8", errors="surrogateescape"))
        if _looks_binary(text):
            raise DecodeError(f"{name}: binary data, not a text or HTML page", path=name)
        return _clean_text(text), "utf-8", [f"{name}: mixed UTF-8 and Windows-1252; read the Windows-1252 parts"]
    declared = _declared_charset(sample)
    dammit = UnicodeDammit(raw, known_definite_encodings=[declared] if declared else [],
                           user_encodings=["cp1252", "latin-1"], is_html=bool(HTML_SNIFF_RE.match(sample)))
    if dammit.unicode_markup is None or _looks_binary(dammit.unicode_markup):
        raise DecodeError(f"{name}: binary data, not a text or HTML page", path=name)
    encoding = dammit.original_encoding or "unknown"
    note = "declared" if declared and encoding == declared else "guessed"
    return _clean_text(dammit.unicode_markup), encoding, [f"{name}: not UTF-8; decoded as {encoding} ({note})"]


def _looks_binary(text: str) -> bool:
    """Text decoded from bytes that were never text: control characters, or no spaces at all."""
    sample = text[:8192]
    controls = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f") or "\x7f" <= c <= "\x9f")
    spaces = sum(1 for c in sample if c.isspace())
    return controls > len(sample) * 0.05 or (len(sample) > 200 and spaces < len(sample) * 0.02)


def _repair_mojibake(text: str, name: str) -> tuple[str, str, list[str]]:
    repaired = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal repaired
        try:
            # Bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) came through as themselves.
            data = b"".join(c.encode("cp1252") if c not in CP1252_UNDEFINED else bytes([ord(c)])
                            for c in match.group(0))
            char = data.decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group(0)
        if len(char) != 1:
            return match.group(0)
        repaired += 1
        return char

    fixed = MOJIBAKE_RE.sub(fix, text.replace(BROKEN_CLOSING_QUOTE, "”"))
    repaired += text.count(BROKEN_CLOSING_QUOTE)
    if not repaired:
        return text, "utf-8", []
    return fixed, "utf-8", [f"{name}: repaired {repaired} garbled character(s) (UTF-8 once read as Windows-1252)"]


def _declared_charset(sample: bytes) -> str | None:
    match = META_CHARSET_RE.search(sample)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u2028", "\n")
    return clean(text.replace("\t", " "))


def is_html(raw: bytes, text: str) -> bool:
    if HTML_SNIFF_RE.match(raw[:2048].lstrip(codecs.BOM_UTF8)):
        return True
    head = text[:4096].lower()
    return head.count("<p>") + head.count("<div") + head.count("<br") >= 3
