"""Place names resolved to GeoNames places, disambiguated by the rest of the article.

A mention is a place when spaCy calls it one (GPE, LOC), when its chain does anywhere in the article,
or when the sentence uses it as one: "the village of Konzinka", "march on Graivoron", "the Belgorod
region", "in Bucha, Irpin and Kharkiv" (the small English model often calls such villages a person or
an organisation). Candidates come from the gazetteer by exact name, then, for names the article
uses as places, by spelling within the countries the article is about ("Konzinka" -> Kozinka).

Among candidates the article decides: the countries it names, the regions it names (a village
"in the Belgorod region" is the one in Belgorod Oblast), then population. Names the gazetteer does
not know stay in the analysis as unresolved places, without coordinates.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from factfile.extract.gazetteer import Gazetteer, GazetteerPlace, load_gazetteer, place_key
from factfile.extract.names import country_in_english
from factfile.extract.nlp import text_of
from factfile.extract.registry import Stage, stages
from factfile.records import Analysis, PlaceRef, Span

PLACE_LABELS = frozenset({"GPE", "LOC"})
_NAME_LABELS = frozenset({"GPE", "LOC", "ORG", "PERSON", "NORP", "FAC"})
REGION_NOUNS = frozenset({
    "region", "regions", "oblast", "province", "district", "state", "county", "governorate", "krai", "territory",
    "area", "republic", "prefecture", "department", "rayon", "raion", "township", "tehsil", "regency", "municipality",
    "commune", "countryside",
})
SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "capital", "settlement", "outskirts", "hamlet", "suburb", "port"})
# the lowercase word after a name that says what kind of place it is: "Luari village", "Kale township"
_KIND_NOUNS = sorted((REGION_NOUNS | SETTLEMENT_NOUNS) - {"capital", "outskirts", "port", "regions", "area", "territory"}, key=len, reverse=True)
_KIND = r"(?:" + "|".join(_KIND_NOUNS) + r")\b"
LOCATIVE_PREPOSITIONS = frozenset({
    "in", "near", "at", "into", "from", "outside", "around", "inside", "toward", "towards", "across", "through", "throughout", "along", "within",
})
MOTION_VERBS = frozenset({"march", "advance", "move", "push", "converge", "head", "drive"})


_SMALL_TOWN = 100_000  # below this a town named beside a foreign region is more likely a namesake
# "in Natal (Rio Grande do Norte)", "Tourou (Mokolo, Mayo-Tsanaga, Extreme-Nord)": a place and, in
# brackets, the districts and regions holding it, most specific first (the way ACLED's coders and many
# wire reports write them); the model often reads the whole as one organisation.
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|do|da|dos|das|del|la|le|el|al|di|of|des|du|y|-)\s+)?[A-Z0-9][\w'’.-]*)*"
_PLAIN_NAME = _NAME.replace(".", "")  # a name that never runs past a full stop ("Kharkiv. Casualties")
_BRACKETED = re.compile(
    rf"({_NAME}(?:\s+-\s+{_NAME})?)(?:\s+{_KIND})?\s+\(((?:{_NAME})(?:\s+{_KIND})?(?:,\s+{_NAME}(?:\s+{_KIND})?)*)\)"
)
# "demonstrated in Jharsuguda town", "Al Bab city in Aleppo countryside", "Kale township": a name the
# word after it calls a place, where the model often sees no name or only part of one
_NAMED_KIND = re.compile(rf"(?<![\w'’-])({_NAME})\s+({_KIND})")
# after a place, the regions holding it in brackets, maybe past the word for its kind: "Luari village (North Tobelo district, ...)"
FOLLOWED_BY_REGIONS = re.compile(rf"(?:\s+{_KIND})?\s+\(")
# "in Puerta de Anzar, Colima", "in Osmangazi town, Bursa": the region a place lies in, after a comma
FOLLOWED_BY_COMMA_REGION = re.compile(rf"(?:\s+{_KIND})?,\s+")
_REGION_AFTER = re.compile(rf"({_PLAIN_NAME})(?=[\s,.;:)]|$)")
# "in Berlin - Pankow", "(Seoul City - Yongsan)": a city and one of its zones, placed at the city
_ZONE = re.compile(rf"(?:(?<=\bin )|(?<=\bat )|(?<=\bof )|(?<=\())({_NAME})\s+-\s+{_NAME}")
# "(coded to Zhongyuan)", "coded as Srinagar city": where a coder's note says the event is placed
CODED_TO = re.compile(rf"\bcoded (?:to|as) (?:the )?(?:capital,? )?({_NAME})")
# the kinds after a name that make it a place whatever the model took it for ("Osmangazi town")
_SURE_KINDS = frozenset({
    "village", "town", "district", "township", "province", "oblast", "governorate", "tehsil", "rayon", "raion", "regency",
    "prefecture", "krai", "hamlet", "settlement", "suburb", "city",
})
# "demonstrated in Amilly", "bombed Liubotyn, Kharkiv": a name the model missed or took for a person,
# where a place is expected (after a locative preposition, or before ", Region")
_AFTER_PREPOSITION = re.compile(rf"\b(?:in|near|outside)\s+({_PLAIN_NAME})")
_BEFORE_REGION = re.compile(rf"({_PLAIN_NAME}),\s+{_PLAIN_NAME}(?=[.,;:)]|$)")
_NOT_PLACES = frozenset({
    "On", "Around", "In", "The", "A", "An", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
})
# "the South command", "the East": a direction alone names no place (GeoNames has regions called South)
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern", "eastern", "western"})
# "on Tuesday (Jun 6)": a date in brackets, not a place and its region
_DATE_NAME = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?(?:\s|$)")
# "the Kerch bridge", "the Kakhovka dam", "Hostomel airport": a town's name on a structure the model seldom tags
# places the structure at that town (kept only where the gazetteer knows the name)
_FACILITY = re.compile(r"\b([A-Z][\w'’-]+)(?:\s+Strait)?\s+(?:[Bb]ridge|[Dd]am|[Aa]irport|[Aa]irfield|[Aa]ir [Bb]ase|[Hh]ydroelectric|[Pp]ower [Pp]lant)\b")
_SETTLEMENT_AFTER = re.compile(r"\s+(?:city|town|village|hamlet|settlement)\b")
_SETTLEMENT_ENDING = re.compile(rf"\s+(?:{'|'.join(sorted(SETTLEMENT_NOUNS, key=len, reverse=True))})$")  # "Amara city"
_DATELINE = re.compile(r"(?m)^([A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,3})(?:,\s+[A-Z][\w.]+)?\s+(?:[-–—]|--)\s")  # "KERCH, CRIMEA -- "


@dataclass(slots=True)
class _Toponym:
    span: Span
    mention: int | None
    key: str
    region: bool  # "the Bryansk region": the name of a subdivision, not of its main town
    label: str


@stages.register("places")
def make_places() -> Stage:
    def places(doc: Doc, analysis: Analysis) -> None:
        toponyms = find_toponyms(doc, analysis)
        if toponyms:
            analysis.places = resolve(load_gazetteer(), analysis, toponyms)

    return places


def find_toponyms(doc: Doc, analysis: Analysis) -> list[_Toponym]:
    place_chains = {m.chain for m in analysis.mentions if m.label in PLACE_LABELS and m.chain is not None}
    found = []
    for index, mention in enumerate(analysis.mentions):
        if mention.label not in _NAME_LABELS or not mention.span.text[:1].isupper():
            continue
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            continue
        region = _names_region(span.root)
        used_as_place = region or _locative(span.root, analysis, doc)
        if not region and (span.root.tag_ == "JJ" or mention.label == "NORP" and not _settlement_of(span.root)):
            continue  # "Russian", "Ukrainian intelligence": a people or an adjective, unless it names a region
        if mention.label in PLACE_LABELS or mention.chain in place_chains or used_as_place:
            # "Gomez Palacio, Durango" read as one name: the place, its region found after the comma below;
            # "Amara city": the city's name, not the region "Amara" its key would find
            text = mention.span.text.split(", ")[0]
            text = _SETTLEMENT_ENDING.sub("", text) or text
            span = Span(mention.span.start, mention.span.start + len(text), text) if text != mention.span.text else mention.span
            found.append(_Toponym(span, index, place_key(text), region, mention.label))
    for match in _BRACKETED.finditer(text_of(doc)):
        inside = [n.strip() for n in match.group(2).split(",")]
        if inside[0].isupper() or re.match(r"[A-Z]-", inside[0]) or _DATE_NAME.match(match.group(1)) or _DATE_NAME.match(inside[0]) or any(
            m.label == "PERSON" and m.span.start < match.end(1) and match.start(1) < m.span.end for m in analysis.mentions
        ):
            continue  # "Reclaim Our Schools (AROS)", "Sen. Bernie Sanders (I-Vt.)": an acronym, a party, a person
        parts = [(match.start(1), match.end(1), False)]
        offset = match.start(2)
        for name in match.group(2).split(","):
            start = offset + len(name) - len(name.lstrip())
            bare = re.sub(rf"\s+{_KIND}$", "", name.strip())  # "North Tobelo district": the name, a region
            parts.append((start, start + len(bare), True))
            offset += len(name) + 1
        for start, end, region in parts:
            name = text_of(doc)[start:end]
            if name.split()[0] in ("On", "Around", "In", "The") or not region and name.lower() in ("coded", "as reported"):
                continue
            mention = next((i for i, m in enumerate(analysis.mentions) if m.span.start < end and start < m.span.end and m.label not in ("DATE", "TIME", "CARDINAL")), None)
            found = [t for t in found if not (t.span.start < end and start < t.span.end)]
            key = place_key(name.split(" - ")[0])  # "Rio de Janeiro - North Zone": a zone of the city
            found.append(_Toponym(Span(start, end, name), mention, key, region, "GPE"))
    taken = [(t.span.start, t.span.end) for t in found]
    for match in _NAMED_KIND.finditer(text_of(doc)):
        start, end = match.span(1)
        name = match.group(1)
        if name.split()[0] in ("On", "Around", "In", "The", "A", "An") or any(s < end and start < e and not (start <= s and e <= end) for s, e in taken):
            continue  # a sentence's first word; a name that runs past this one
        mention = next((i for i, m in enumerate(analysis.mentions) if m.span.start < end and start < m.span.end and m.label not in ("DATE", "TIME", "CARDINAL")), None)
        if mention is not None and analysis.mentions[mention].label in ("PERSON", "ORG", "NORP") and not any(t.mention == mention for t in found) and (
            match.group(2) not in _SURE_KINDS or doc.char_span(start, end, alignment_mode="expand").root.tag_ == "JJ"
        ):
            continue  # "the Biden administration", a party: only a name the model took for a place, or none at all
        kept = [t for t in found if not (start <= t.span.start and t.span.end <= end)]
        region = next((t.region for t in found if t.span.start == start and t.span.end == end), match.group(2) in REGION_NOUNS)
        found = kept + [_Toponym(Span(start, end, name), mention, place_key(name), region, "FAC" if mention is None else analysis.mentions[mention].label)]
    for match in _ZONE.finditer(text_of(doc)):
        start, end = match.span()
        kept = [t for t in found if not (start <= t.span.start and t.span.end <= end)]
        if len(kept) == len(found) and any(t.span.start < end and start < t.span.end for t in found):
            continue  # a name that runs past the zone's
        city = re.sub(r"\s+City$", "", match.group(1))  # "Seoul City", "Taipei City"
        mention = next((i for i, m in enumerate(analysis.mentions) if m.span.start < end and start < m.span.end and m.label not in ("DATE", "TIME", "CARDINAL")), None)
        found = kept + [_Toponym(Span(start, end, match.group(0)), mention, place_key(city), False, "GPE")]
    for pattern in (_AFTER_PREPOSITION, _BEFORE_REGION):
        for match in pattern.finditer(text_of(doc)):
            start, end = match.span(1)
            if match.group(1).split()[0] in _NOT_PLACES:
                continue
            inside = [t for t in found if t.span.start < end and start < t.span.end]
            if inside:
                if all(start <= t.span.start and t.span.end <= end for t in inside) and end - start > max(len(t.span.text) for t in inside) and (
                    load_gazetteer().lookup(match.group(1))
                ):  # "in Mineral del Chico, Hidalgo": the whole name the gazetteer knows, not the "Mineral" the model saw
                    found = [t for t in found if t not in inside]
                    found.append(_Toponym(Span(start, end, match.group(1)), inside[0].mention, place_key(match.group(1)), False, "GPE"))
                continue
            # "the City Hall in Malmo": a building's name the model ran on into the town it stands in
            overlapping = [
                i for i, m in enumerate(analysis.mentions)
                if m.span.start < end and start < m.span.end
                and not (m.label == "FAC" and m.span.start < start and " in " in text_of(doc)[m.span.start : start + 1])
            ]
            if any(analysis.mentions[i].label not in ("PERSON", "ORG", "NORP", "WORK_OF_ART") for i in overlapping):
                continue  # a date, a number, a place already weighed
            if overlapping and analysis.mentions[overlapping[0]].span.text != match.group(1):
                continue  # part of a longer name
            root = doc.char_span(start, end, alignment_mode="expand").root
            if root.tag_ == "JJ" or root.dep_ in ("compound", "amod", "poss", "nmod"):
                continue  # "in Russian", "in Western unity", "in Obama's term": a people, a modifier, an owner
            found.append(_Toponym(Span(start, end, match.group(1)), overlapping[0] if overlapping else None, place_key(match.group(1)), False, "FAC"))
    for match in _FACILITY.finditer(text_of(doc)):
        start, end = match.span(1)
        if match.group(1) not in _NOT_PLACES and not any(t.span.start < end and start < t.span.end for t in found):
            found.append(_Toponym(Span(start, end, match.group(1)), None, place_key(match.group(1)), False, "FAC"))
    for match in CODED_TO.finditer(text_of(doc)):
        start, end = match.span(1)
        if not any(t.span.start < end and start < t.span.end for t in found):
            found.append(_Toponym(Span(start, end, match.group(1)), None, place_key(match.group(1)), False, "GPE"))
    for toponym in list(found):
        after = FOLLOWED_BY_COMMA_REGION.match(text_of(doc), toponym.span.end)
        after = after and _REGION_AFTER.match(text_of(doc), after.end())
        if after is None or after.group(1).split()[0] in ("On", "Around", "In", "The", "A", "An"):
            continue
        start, end = after.span(1)
        same = next((t for t in found if t.span.start == start and t.span.end == end), None)
        if same is not None:
            same.region = True  # "in Temixco, Morelos": the state, not a town called Morelos
        elif not any(t.span.start < end and start < t.span.end for t in found):
            found.append(_Toponym(Span(start, end, after.group(1)), None, place_key(after.group(1)), True, "FAC"))
    for match in _DATELINE.finditer(text_of(doc)):  # "CHARLOTTE - Nearly a week after ...": where the report is filed
        start, end = match.span(1)
        if not any(t.span.start < end and start < t.span.end for t in found):
            found.append(_Toponym(Span(start, end, match.group(1)), None, place_key(match.group(1)), False, "GPE"))
    return sorted(found, key=lambda t: t.span.start)


def _names_region(root: Token) -> bool:
    """"Belgorod" in "the Belgorod region" / "Bryansk oblast"."""
    return root.dep_ in ("compound", "amod", "nmod") and root.head.lower_ in REGION_NOUNS and root.head.i > root.i


def _settlement_of(root: Token) -> bool:
    """"Konzinka" in "the small frontier village of Konzinka"."""
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SETTLEMENT_NOUNS | REGION_NOUNS


def _locative(root: Token, analysis: Analysis, doc: Doc) -> bool:
    if _settlement_of(root):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.lemma_.lower() in MOTION_VERBS:
        return True
    if root.dep_ == "conj":  # "in Bucha, Irpin and Kharkiv"
        first = root.head
        while first.dep_ == "conj":
            first = first.head
        return first.ent_type_ in PLACE_LABELS or (first.dep_ == "pobj" and first.head.lower_ in LOCATIVE_PREPOSITIONS)
    return False


def resolve(gazetteer: Gazetteer, analysis: Analysis, toponyms: list[_Toponym]) -> list[PlaceRef]:
    candidates: dict[tuple[str, bool], list[GazetteerPlace]] = {}
    toponyms = [t for t in toponyms if t.key not in _COMPASS]
    for t in toponyms:
        if (t.key, t.region) not in candidates:
            named = gazetteer.lookup(t.key)
            country = [p for p in named if p.kind == "country" and place_key(p.name) == t.key]
            if len(t.key) <= 3 and t.span.text.isupper() and (abbreviated := [p for p in named if p.kind == "country"] or gazetteer.country(t.key)):
                named = abbreviated  # "US media", "UK": the country, not a village called Us or Uk
            found = gazetteer.regions(t.key) if t.region else []
            if country:  # "Toluca de Lerdo, Mexico": México state; "Ashtarak, Armenia": the country, not Colombia's Armenia
                found = [r for r in found if r.country_code == country[0].country_code]
            # "Crimea", "Bavaria": names of regions that no town bears
            candidates[(t.key, t.region)] = found or named or gazetteer.regions(t.key)
    context = _Context.of(candidates)
    main_countries = {country for country, _ in context.countries.most_common(2)}
    spelled: set[tuple[str, bool]] = set()
    for t in toponyms:  # names the article uses as places but the gazetteer spells differently
        if not candidates[(t.key, t.region)] and main_countries and t.label != "NORP":
            candidates[(t.key, t.region)] = gazetteer.fuzzy(t.key, main_countries)
            spelled.add((t.key, t.region))
    for t in toponyms:  # "(Palma, Cabo Delgado)": Mozambique's Palma, not the Balearic Islands named after their main town
        key = (t.key, t.region)
        if t.region and candidates[key]:
            others = {c for c, _ in _Context.of({k: v for k, v in candidates.items() if k != key}).countries.most_common(2)}
            if others and not any(p.country_code in others for p in candidates[key]):
                candidates[key] = candidates[key] + [p for p in gazetteer.lookup(t.key) if p.country_code in others and p not in candidates[key]]
    context = _Context.of(candidates)

    resolved: dict[tuple[str, bool], GazetteerPlace | None] = {
        key: max(options, key=lambda p: context.score(p, key), default=None) for key, options in candidates.items()
    }
    # a region found only by a spelling near its name ("Gallok" -> Gällö) is too unsure to unseat a town
    named_regions = [(analysis.sentence_of(t.span.start).start, resolved[(t.key, True)]) for t in toponyms if t.region and (t.key, True) not in spelled]
    places = []
    text = analysis.article.text
    for t in toponyms:
        best = resolved[(t.key, t.region)]
        sentence = analysis.sentence_of(t.span.start).start
        regions_here = [r for s, r in named_regions if s == sentence and r is not None and r.kind in ("admin1", "admin2")]
        if (
            best is not None and not t.region and best.kind == "place" and best.population < _SMALL_TOWN
            and regions_here and (best.country_code, best.admin1) not in {(r.country_code, r.admin1) for r in regions_here}
        ):
            best = None  # "Zhuravlevka, a village in the Belgorod region": not the Zhuravlivka in Ukraine; "Chervonyi Yar, Luhansk region": not the one in Odesa
        if best is not None and best.population < _SMALL_TOWN and (best.kind == "place" or best.kind in ("admin1", "admin2") and not t.region):
            elsewhere = {
                r.country_code for o in toponyms if o is not t and analysis.sentence_of(o.span.start).start == sentence
                and (r := resolved[(o.key, o.region)]) is not None and r.kind != "country" and r.country_code
            }
            if elsewhere and best.country_code not in elsewhere:
                best = None  # "Basma (Barsalogho, Sanmatenga)", "Almaly district in Almaty": not the namesake countries away
        if best is not None and best.kind != "place" and _SETTLEMENT_AFTER.match(text, t.span.end):
            # "in Amara city": the city (Al 'Amarah), not the Ethiopian region also called Amara
            best = max((p for p in candidates[(t.key, t.region)] if p.kind == "place"), key=lambda p: context.score(p, (t.key, t.region)), default=best)
        if best is None:
            if t.label not in PLACE_LABELS:
                continue  # "in the Financial Times": only names the model calls places stay unresolved
            places.append(PlaceRef(span=t.span, name=t.span.text, mention=t.mention))
            continue
        places.append(
            PlaceRef(
                span=t.span,
                name=best.name,
                geonames_id=best.geonames_id,
                latitude=best.latitude,
                longitude=best.longitude,
                country_code=best.country_code or None,
                admin1=best.admin1,
                admin2=best.admin2,
                feature_code=best.feature_code,
                mention=t.mention,
            )
        )
    return places


@dataclass(slots=True)
class _Context:
    """What the article's unambiguous place names say about where it is."""

    countries: Counter
    admin1s: Counter
    # (country, admin1) of every region some name of the article may stand for, by that name: "Santa
    # Rosa (La Pampa)" is the Santa Rosa in La Pampa province, although "La Pampa" is a town elsewhere too
    regions: dict[str, set[tuple[str, str]]]
    # and the other way: (country, admin1) of every town some name may stand for, by that name: "Villa
    # Elisa (Central)" is Paraguay's Central department, which holds a Villa Elisa, not Uganda's
    towns: dict[str, set[tuple[str, str]]]

    @classmethod
    def of(cls, candidates: dict[tuple[str, bool], list[GazetteerPlace]]) -> _Context:
        countries: Counter = Counter()
        admin1s: Counter = Counter()
        regions: dict[str, set[tuple[str, str]]] = {}
        towns: dict[str, set[tuple[str, str]]] = {}
        for (key, _), options in candidates.items():
            for option in options:
                if option.kind in ("admin1", "admin2") and option.admin1:
                    regions.setdefault(key, set()).add((option.country_code, option.admin1))
                elif option.kind == "place" and option.admin1:
                    towns.setdefault(key, set()).add((option.country_code, option.admin1))
        for (key, region), options in candidates.items():
            anchor = _anchor(key, options)
            if anchor is None:
                continue
            if anchor.country_code:
                countries[anchor.country_code] += 1
            if anchor.kind in ("admin1", "admin2") or region:
                admin1s[anchor.admin1] += 1
        return cls(countries, admin1s, regions, towns)

    def score(self, place: GazetteerPlace, key: tuple[str, bool]) -> float:
        name, region = key
        score = math.log10(place.population + 10)
        if place.country_code in self.countries:
            score += 2
        if place.admin1 and place.admin1 in self.admin1s and place.kind == "place":
            score += 2
        if place.kind == "place" and place.admin1 and any(
            (place.country_code, place.admin1) in regions for other, regions in self.regions.items() if other != name
        ):
            score += 3  # a region the article names holds it
        if region and place.kind in ("admin1", "admin2") and place.admin1 and any(
            (place.country_code, place.admin1) in towns for other, towns in self.towns.items() if other != name
        ):
            score += 3  # it holds a town the article names
        if place_key(place.name) == name:
            score += 1.5  # its own name, not one of its alternate names ("Chelsea" is also an old name of Norwich)
        if place.kind == "country" and place_key(place.name) == name:
            score += 6
        if place.kind in ("admin1", "admin2"):
            score += 2 if region else -1
        return score


def _anchor(key: str, options: list[GazetteerPlace]) -> GazetteerPlace | None:
    """A candidate the name points to without context: a country, a sole place, or a dominant one."""
    if not options:
        return None
    countries = [p for p in options if p.kind == "country" and place_key(p.name) == key]
    if countries:
        return countries[0]
    by_size = sorted(options, key=lambda p: -p.population)
    if len({(p.country_code, p.admin1) for p in options}) == 1:
        return by_size[0]
    if by_size[0].population >= 100_000 and by_size[0].population > 10 * by_size[1].population:
        return by_size[0]
    return None


def resolve_names(analysis: Analysis, names: list[tuple[Span, int | None, str, bool, str]]) -> list[PlaceRef]:
    """Places found by a reader without a spaCy parse (other languages): (span, mention index, Latin
    name to look up, whether it names a region, label), resolved like any other toponym."""
    def country(span: Span, mention: int | None, name: str) -> str | None:
        chain = analysis.mentions[mention].chain if mention is not None else None
        lemma = analysis.chains[chain].name if chain is not None and chain < len(analysis.chains) else None  # "России": Россия
        return country_in_english(span.text) or country_in_english(name) or (country_in_english(lemma) if lemma else None)

    toponyms = [
        _Toponym(span, mention, place_key(country(span, mention, name) or name), region, label)
        for span, mention, name, region, label in names
        if len(span.text.strip()) > 2 or span.text.isupper()
    ]  # "Ucrania" is Ukraine, not the village of that name in Spain; "La", "We" are words, not LA or Huế
    return resolve(load_gazetteer(), analysis, toponyms) if toponyms else []
