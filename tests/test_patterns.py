"""Extraction's patterns are data in one place, each with an example; the recognisers write none."""

from __future__ import annotations

import ast
from pathlib import Path

EXTRACT = Path(__file__).parent.parent / "src" / "archive" / "extract"
_RE_CALLS = {"compile", "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer"}


def test_every_pattern_has_an_example_above_it():
    lines = (EXTRACT / "patterns.py").read_text().splitlines()
    for node in ast.parse("\n".join(lines)).body:
        if isinstance(node, ast.Assign):
            name = node.targets[0].id  # type: ignore[attr-defined]
            if not name.startswith("_"):
                assert lines[node.lineno - 2].startswith("#:"), f"{name} has no '#:' example above it"


def test_no_recogniser_writes_a_pattern_of_its_own():
    for module in EXTRACT.glob("*.py"):
        if module.name == "patterns.py":
            continue
        for node in ast.walk(ast.parse(module.read_text())):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _RE_CALLS
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"):
                first = node.args[0] if node.args else None
                assert not isinstance(first, (ast.Constant, ast.JoinedStr)), \
                    f"{module.name}:{node.lineno} writes a pattern; put it in patterns.py"
