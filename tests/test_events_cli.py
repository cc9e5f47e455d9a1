"""`factfile events`, the ACLED and GeoJSON exports and the dossier's events, on the stored seed article."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import SEED


@pytest.fixture
def stored(cli, tmp_path):
    """The seed article as a JSON line with its publication date, so relative dates resolve."""
    path = tmp_path / "seed.jsonl"
    record = {"text": SEED.read_text(encoding="utf-8"), "published": "2023-05-23", "url": "https://example.com/legion"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert cli("ingest", path).exit_code == 0
    return cli


def test_events_by_actor_and_dates(stored):
    result = stored("events", "--actor", "Denis Nikitin", "--from", "2023-03-05", "--to", "2023-03-31")
    assert result.exit_code == 0
    assert "raided a Russian village in the Bryansk region" in result.stdout
    assert "Battles / Armed clash" in result.stdout and "2023-03-01..2023-03-10" in result.stdout
    assert "press conference" not in result.stdout  # another actor, another year
    later = stored("events", "--actor", "Denis Nikitin", "--from", "2023-04-01")
    assert "Bryansk region" not in later.stdout


def test_events_near_a_place(stored):
    result = stored("events", "--near", "Grayvoron", "--km", "25")
    assert result.exit_code == 0
    assert "Kozinka" in result.stdout and "Grayvoron" in result.stdout
    assert "Kyiv" not in result.stdout and "Bryansk" not in result.stdout
    assert "within 25 km of Grayvoron" in result.stderr


def test_bad_filters_are_clear_errors(stored):
    result = stored("events", "--from", "last tuesday")
    assert result.exit_code == 2 and "--from 'last tuesday' is not a date" in result.stderr
    result = stored("events", "--near", "Nowhereville Xq")
    assert result.exit_code == 1 and "no place called" in result.stderr


def test_acled_csv_and_geojson(stored, tmp_path):
    result = stored("export", "--format", "acled")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    capture = next(r for r in rows if "Konzinka" in r["notes"] and r["sub_event_type"] == "Non-state actor overtakes territory")
    assert capture["location"] == "Kozinka" and capture["iso"] == "RU" and capture["event_date"] == "2023-05-19"
    assert capture["time_precision"] == "1" and capture["geo_precision"] == "1" and capture["certainty"] == "reported"
    lawsuit = next(r for r in rows if "lawsuit" in r["notes"])
    assert lawsuit["time_precision"] == "3" and lawsuit["event_type"] == "Strategic developments"

    output = tmp_path / "events.geojson"
    assert stored("export", "--format", "geojson", "--output", output).exit_code == 0
    collection = json.loads(output.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    points = {f["properties"]["location"]: f["geometry"]["coordinates"] for f in collection["features"]}
    assert points["Kozinka"] == [35.6026, 50.4613]  # GeoJSON is longitude first
    assert all(f["properties"]["latitude"] is not None for f in collection["features"])


def test_dossier_lists_the_actors_events(stored):
    result = stored("show", "Denis Nikitin")
    assert "Events" in result.stdout and "Bryansk region" in result.stdout


def test_acled_export_names_the_parties_as_acled_does(cli, tmp_path):
    path = tmp_path / "report.jsonl"
    text = "On 16 March 2022, in Natal (Rio Grande do Norte), a man was shot and killed by police officers in the Lagoa Azul neighborhood. 1 fatality."
    path.write_text(json.dumps({"text": text, "published": "2022-03-16"}) + "\n", encoding="utf-8")
    assert cli("ingest", path).exit_code == 0
    row = next(csv.DictReader(io.StringIO(cli("export", "--format", "acled").stdout)))
    assert row["actor1"] == "Police Forces of Brazil" and row["actor2"] != "Natal (Rio Grande"
    assert row["location"] == "Natal" and row["event_date"] == "2022-03-16" and row["fatalities"] == "1"
