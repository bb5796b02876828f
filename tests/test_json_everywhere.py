"""--json on every command (serve runs a server; export writes its own formats)."""

from __future__ import annotations

import json

from archive.cli import cli
from conftest import MOSUL


def test_every_command_has_json():
    lacking = [name for name, command in cli.commands.items()
               if name not in ("serve", "export") and not any("--json" in p.opts for p in command.params)]
    assert lacking == []


def test_init_reindex_and_verify_print_json(cli_run, tmp_path, archive_dir):
    made = json.loads(cli_run("init", str(tmp_path / "new"), "--json").stdout)
    assert made["config_written"] and made["store_created"]
    again = json.loads(cli_run("init", str(tmp_path / "new"), "--json").stdout)
    assert not again["config_written"] and not again["store_created"]
    cli_run("add", str(MOSUL))
    indexed = json.loads(cli_run("reindex", "--full", "--json").stdout)
    assert indexed["indexed"] == indexed["articles"] == 4
    assert json.loads(cli_run("verify", "--json").stdout) == {"consistent": True, "repair": False, "problems": []}
    next((archive_dir / "store").rglob("article.md")).write_text("tampered", encoding="utf-8")
    broken = json.loads(cli_run("verify", "--json", code=1).stdout)
    assert not broken["consistent"] and broken["problems"]
