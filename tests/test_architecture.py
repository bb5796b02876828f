"""The module table of STYLE.md, held true by reading imports.

Each module belongs to a part (a top-level module, or a package such as
``extract/``); a part imports only the parts the table allows, third-party
packages only in the part that owns them, and no module imports itself back
round a circle.  Every module is small and says in a docstring what it owns.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SRC = Path(__file__).parent.parent / "src"
PACKAGE = SRC / "archive"
ALLOWED = {
    "errors": set(),
    "models": {"errors"},
    "config": {"errors", "models"},
    "text": {"errors"},
    "extract": {"errors", "models", "text"},
    "inputs": {"errors"},
    "fetch": {"errors", "models", "text"},
    "store": {"errors", "models", "text"},
    "catalog": {"errors", "models", "text", "config", "store"},
    "search": {"errors", "models", "text", "config"},
    "api": {"errors", "models", "text", "config", "inputs", "fetch", "extract", "store", "catalog", "search"},
    "export": {"errors", "models", "text"},
    "web": {"errors", "models", "text", "config", "api", "export"},
    "cli": {"errors", "models", "text", "config", "api", "export", "web"},
    "train": {"errors", "models", "text", "extract"},
    "__init__": set(),
    "__main__": {"cli"},
}
#: Third-party packages, and the one part that may import each.
THIRD_PARTY = {"lxml": {"extract"}, "bs4": {"extract"}, "filelock": {"store"}, "whoosh": {"search"},
               "psycopg": {"search"}, "click": {"cli"}, "pycrfsuite": {"extract", "train"}, "anyascii": {"catalog"},
               "starlette": {"web"}, "jinja2": {"web"}, "markupsafe": {"web"}, "uvicorn": {"web"},
               "httpx2": {"fetch"}, "warcio": {"fetch"}}
MAX_LINES = 400
#: The façade stays thin.
MAX_LINES_OF = {"archive.api": 300}


def modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def part_of(name: str) -> str:
    """The part a module belongs to: "archive.extract.lines" -> "extract"; "archive" -> "__init__"."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(name: str, path: Path, known: dict[str, Path]) -> tuple[set[str], set[str]]:
    """(modules of the package, top-level third-party or standard names) that a module imports."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    local, external = set(), set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = f"{base}.{node.module}" if node.module else base
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                local.add(sub if sub in known else target)
        else:
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            for dotted in names:
                if dotted.split(".")[0] == "archive":
                    local.add(dotted)
                else:
                    external.add(dotted.split(".")[0])
    return local, external


def test_every_part_imports_only_what_the_table_allows():
    known = modules()
    for name, path in known.items():
        part = part_of(name)
        assert part in ALLOWED, f"{path.relative_to(SRC)} is in no part of the table"
        local, external = imports(name, path, known)
        others = {part_of(m) for m in local} - {part}
        assert others <= ALLOWED[part], f"{path.relative_to(SRC)} imports {others - ALLOWED[part]}"
        for package in external - set(sys.stdlib_module_names) - {"__future__"}:
            assert package in THIRD_PARTY, f"{path.relative_to(SRC)} imports {package}, which is in no part"
            assert part in THIRD_PARTY[package], f"{path.relative_to(SRC)} imports {package}"


def test_no_module_imports_itself_back_round_a_circle():
    known = modules()
    graph = {name: {m for m in imports(name, path, known)[0] if m in known and m != name}
             for name, path in known.items()}
    # Importing a package is an edge to its __init__, which imports the package's modules: a module that
    # imports its own package closes a circle, as it does when Python runs it.
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        assert name not in trail, f"import circle: {' -> '.join([*trail[trail.index(name):], name])}"
        if name in done:
            return
        for target in graph[name]:
            visit(target, [*trail, name])
        done.add(name)

    for name in graph:
        visit(name, [])


def test_modules_stay_small_and_documented():
    for name, path in modules().items():
        text = path.read_text()
        assert ast.get_docstring(ast.parse(text)), f"{path.relative_to(SRC)} has no docstring"
        size, most = len(text.splitlines()), MAX_LINES_OF.get(name, MAX_LINES)
        assert size <= most, f"{path.relative_to(SRC)} has {size} lines (at most {most})"
