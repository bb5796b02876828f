"""The module table of STYLE.md, held true by reading imports."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parent.parent / "src" / "archive"
ALLOWED = {
    "errors": set(),
    "models": {"errors"},
    "config": {"errors", "models"},
    "text": {"errors"},
    "metadata": {"text", "errors", "models"},
    "read": {"text", "errors", "models", "metadata"},
    "blocks": {"errors", "models", "metadata"},
    "assemble": {"text", "errors", "models", "metadata", "blocks"},
    "split": {"text", "errors", "models", "metadata", "blocks", "assemble"},
    "layout": {"errors", "models"},
    "records": {"text", "errors", "models"},
    "store": {"text", "errors", "models", "config", "layout"},
    "index": {"text", "errors", "models", "config"},
    "search": {"errors", "models", "index"},
    "pipeline": {"text", "errors", "models", "config", "read", "split", "metadata", "layout", "store", "index",
                 "search", "records"},
    "curation": {"text", "errors", "models", "pipeline", "records", "layout", "store"},
    "export": {"errors", "models", "text"},
    "cli": {"text", "pipeline", "curation", "export", "search", "config", "errors", "models"},
    "__init__": set(),
    "__main__": {"cli"},
}
THIRD_PARTY_ONLY_IN = {"whoosh": "index", "click": "cli"}


def imports(module: Path) -> tuple[set[str], set[str]]:
    tree = ast.parse(module.read_text())
    local, external = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level and node.module:
                local.add(node.module.split(".")[0])
            elif node.level:
                local.update(a.name for a in node.names)
            else:
                external.add((node.module or "").split(".")[0])
        elif isinstance(node, ast.Import):
            external.update(a.name.split(".")[0] for a in node.names)
    return local, external


def test_every_module_imports_only_what_the_table_allows():
    for module in SRC.glob("*.py"):
        local, external = imports(module)
        assert module.stem in ALLOWED, f"{module.name} is not in the table"
        assert local <= ALLOWED[module.stem], f"{module.name} imports {local - ALLOWED[module.stem]}"
        for package, owner in THIRD_PARTY_ONLY_IN.items():
            if package in external:
                assert module.stem == owner, f"{module.name} imports {package}"


def test_modules_stay_small_and_documented():
    for module in SRC.glob("*.py"):
        tree = ast.parse(module.read_text())
        assert ast.get_docstring(tree), f"{module.name} has no docstring"
