"""Write the places ACLED's coders located events at in the train split: factfile/extract/acled_places.tsv.

GeoNames' cities500 lacks most villages, districts and city zones that conflict reports name
("Sawkai", "Ducur", "Seoul City - Yongsan"); ACLED's coders placed each of their train records at
one. Each distinct (country, location) of the train split becomes a gazetteer entry with ACLED's
coordinates; its country code, admin1 and admin2 are those of the nearest GeoNames place, so the
gazetteer's region context ("Ducur (Canar)") applies to it as to any other place. Locations GeoNames
already has under that name within `SAME_KM` are left out.

ACLED's districts (admin2) and sub-districts (admin3) become entries too, placed at the median of the
train events coded inside them: a report naming only the village's district ("Goba village (Djugu,
Ituri)", "in Sawkai district, Kunar") is placed where ACLED's events in that district are, as its coders
do for a village they cannot find (geo_precision 2), not at the district's largest town, which may lie
at its far end. Only the train split is read (never dev or eval), so `eval/acled.py` still scores
places the gazetteer learned nothing about from those records.

    .venv/bin/python train/places.py [--records ../shared/data/acled-2022h1/records.jsonl]
"""

from __future__ import annotations

import argparse
import csv
import math
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from factfile.extract.gazetteer import ACLED_PLACES, build_index, place_key  # noqa: E402
from factfile.read.events import km_between  # noqa: E402
from train.events_data import DEFAULT_RECORDS, records  # noqa: E402

SAME_KM = 10.0  # GeoNames' place of the same name this near is the same place
NEAREST_KM = 100.0  # farther than this from any GeoNames place, a location gets no country (and is left out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=Path, default=DEFAULT_RECORDS)
    args = parser.parse_args(argv)
    places, index = build_index(acled=False)
    grid: dict[tuple[int, int], list] = defaultdict(list)
    for place in places:
        if place.kind == "place":
            grid[(math.floor(place.latitude), math.floor(place.longitude))].append(place)

    def nearest(lat: float, lon: float, country: str | None = None):
        cells = [grid.get((math.floor(lat) + a, math.floor(lon) + b), []) for a in (-1, 0, 1) for b in (-1, 0, 1)]
        return min(
            (p for cell in cells for p in cell if country is None or p.country_code == country),
            key=lambda p: km_between((lat, lon), (p.latitude, p.longitude)), default=None,
        )

    train = list(records("train", args.records))
    # ACLED's country names to GeoNames' codes: the code of most of the country's event locations' nearest places
    codes: dict[str, Counter] = defaultdict(Counter)
    for record in train:
        near = nearest(record["latitude"], record["longitude"])
        if near is not None:
            codes[record["country"]][near.country_code] += 1
    seen: set[tuple[str, str]] = set()
    rows = []
    districts: dict[tuple[str, ...], list[tuple[float, float]]] = defaultdict(list)
    for record in train:
        for level, parts in (("admin2", ("admin1", "admin2")), ("admin3", ("admin1", "admin2", "admin3"))):
            if all(record[p] for p in parts):
                districts[(level, record["country"], *(record[p] for p in parts))].append((record["latitude"], record["longitude"]))
        name, lat, lon = record["location"], float(record["latitude"]), float(record["longitude"])
        if (record["country"], name) in seen:
            continue
        seen.add((record["country"], name))
        if any(places[i].kind == "place" and km_between((lat, lon), (places[i].latitude, places[i].longitude)) <= SAME_KM
               for i in index.get(place_key(name), [])):
            continue
        near = nearest(lat, lon)
        if near is None or km_between((lat, lon), (near.latitude, near.longitude)) > NEAREST_KM:
            continue
        rows.append((name, f"{lat:.4f}", f"{lon:.4f}", near.country_code, near.admin1 or "", near.admin2 or "", "place"))
    for (level, country, *names), points in districts.items():
        lat, lon = statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
        code = codes[country].most_common(1)[0][0] if codes[country] else None
        if code is None or any(places[i].country_code == code for i in index.get(place_key(names[-1]), [])):
            continue  # GeoNames knows the name in that country: its town or subdivision is the better guess
        near = nearest(lat, lon, code)  # a district by a border is in its own country
        if near is not None and km_between((lat, lon), (near.latitude, near.longitude)) <= NEAREST_KM:
            rows.append((names[-1], f"{lat:.4f}", f"{lon:.4f}", near.country_code, near.admin1 or "", near.admin2 or "", level))
    with ACLED_PLACES.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(("name", "latitude", "longitude", "country_code", "admin1", "admin2", "kind"))
        writer.writerows(sorted(rows))
    print(f"{len(rows)} places and districts written to {ACLED_PLACES} ({len(seen)} distinct train locations, {len(districts)} districts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
