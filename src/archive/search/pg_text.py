"""What may be said of a PostgreSQL server: its address without the password, a driver's message
without the address it quotes."""

from __future__ import annotations

import re

import psycopg
from psycopg import conninfo

from ..config import hide_password


def shown_url(url: str) -> str:
    """The server's address as it may be printed: user, host, port and database, never the password."""
    try:
        parts = conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return "postgresql://(an address that cannot be read)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host', '')}{port}/{parts.get('dbname', '')}"


def driver_message(exc: BaseException) -> str:
    """The first line of a driver's message, with any address or password it quotes taken out."""
    line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    line = re.sub(r"\"?postgres(?:ql)?://[^\s\"]*\"?", "(the address)", line)
    return hide_password(line)
