"""The web interface: server-rendered pages and a JSON API over ``api``, for ``archive serve``.

Starlette routes requests (``app``), Jinja2 renders the pages (``templates/``,
every stored text escaped), uvicorn serves them (``server``).  Every page
calls the library as the matching command does: ``pages`` (search, show,
history, diff, facets, list, export), ``editing`` (edit, remove; only with
``--allow-edits``), ``jsonapi`` (the commands' ``--json``).  ``params``
holds a search in a web address, ``chart`` draws hits per month, ``render``
makes stored text into safe HTML, ``site`` is what the requests share.
"""

from __future__ import annotations

from .app import create_app
from .server import hosts_for, serve

__all__ = ["create_app", "hosts_for", "serve"]
