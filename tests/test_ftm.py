"""`factfile export --format ftm`: FollowTheMoney entities with aliases, linked to their articles."""

from __future__ import annotations

import json

from followthemoney import model

from conftest import SEED


def test_ftm_export_is_valid_and_linked(cli, tmp_path):
    cli("ingest", SEED)
    out = tmp_path / "entities.ftm.json"
    assert cli("export", "--format", "ftm", "--output", out).exit_code == 0
    entities = [model.get_proxy(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {e.id: e for e in entities}
    legion = next(e for e in entities if e.first("name") == "Legion of Freedom of Russia")
    assert legion.schema.name == "Organization"
    assert {"Legion of the Freedom of Russia", "Легион Свобода России"} <= set(legion.get("alias"))
    assert "Russian paramilitary group based in Ukraine" in legion.get("description")
    nikitin = next(e for e in entities if e.first("name") == "Denis Nikitin")
    assert nikitin.schema.name == "Person" and "Denis Kapustin" in nikitin.get("alias")
    (link,) = [e for e in entities if e.schema.name == "Documentation" and e.first("entity") == legion.id]
    article = by_id[link.first("document")]
    assert article.schema.name == "Article" and "Legion" in link.first("summary")
    mentions = [e for e in entities if e.schema.name == "Mention" and e.first("resolved") == nikitin.id]
    assert {"Nikitin", "Denis Kapustin"} <= {m.first("name") for m in mentions}
    assert all(m.first("document") == article.id for m in mentions)
