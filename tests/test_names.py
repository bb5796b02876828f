"""Ids for titles in any script, found at a flat cost per article however full the outlet's month."""

from __future__ import annotations

import json

from archive.store import Store
from test_identity import page, prose


def test_titles_without_latin_letters_get_names_of_their_own(cli_run, archive_dir):
    titles = ["Путин Встретился С Байденом В Женеве", "Η Κυβέρνηση Ανακοίνωσε Νέα Μέτρα",
              "الحكومة تعلن عن إجراءات جديدة"]
    path = archive_dir / "scripts.txt"
    path.write_text(page("Weekly Roundup", [(t, "The Plains Review", [prose(n, 60)]) for n, t in enumerate(titles)]),
                    encoding="utf-8")
    added = json.loads(cli_run("add", "--json", str(path)).stdout)
    ids = [a["id"] for a in added["articles"]]
    names = [i.rsplit("/", 1)[1] for i in ids]
    assert len(set(ids)) == 3 and all(i.isascii() for i in ids), ids
    assert not any(n.startswith("untitled") for n in names), names
    assert names[0].startswith("putin-vstretilsya") and names[1].startswith("i-kyvernisi")
    for article, title in zip(ids, titles, strict=True):
        assert json.loads(cli_run("show", article, "--json").stdout)["title"] == title


def test_identity_costs_the_same_for_the_last_article_of_a_full_month(cli_run, archive_dir, monkeypatch):
    """Many articles of one outlet, day and title ("Editorial"): each is found or placed in a few reads,
    not by trying every name before it and reading every text of the month."""
    reads = {"n": 0}
    real_read, real_has = Store.read, Store.has

    def counted_read(self, *args, **kwargs):
        reads["n"] += 1
        return real_read(self, *args, **kwargs)

    def counted_has(self, *args, **kwargs):
        reads["n"] += 1
        return real_has(self, *args, **kwargs)

    monkeypatch.setattr(Store, "read", counted_read)
    monkeypatch.setattr(Store, "has", counted_has)
    costs = []
    for batch in range(4):
        path = archive_dir / f"editorials-{batch}.txt"
        path.write_text(page(f"Editorials {batch}", [("Editorial", "The Plains Review", [prose(1000 * batch + n, 45)])
                                                     for n in range(40)]), encoding="utf-8")
        reads["n"] = 0
        added = json.loads(cli_run("add", "--json", str(path)).stdout)
        assert {a["status"] for a in added["articles"]} == {"new"}
        costs.append(reads["n"])
    assert len(json.loads(cli_run("list", "--json").stdout)) == 160
    # A few reads for each new article, and one look at each article the month held before the add;
    # trying every name and reading every text for each new article grew with the square.
    assert costs[0] <= 5 * 40, costs
    assert costs[-1] - costs[0] <= 4 * 120, costs
