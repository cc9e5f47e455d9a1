"""What is known about each outlet: its domain, its country when the domain says it, and whether it
reports or republishes, measured as the share of its stored articles that are copies of another's.

Carrying wire copy is what newspapers do: a copy of a wire story (credited, or linked to the agency's
story) is not counted against the outlet, and a wire agency is never a republisher. Nor is a copy whose
direction is unknown (no credit, no dates: the first one stored is called the original). An outlet
whose pages are mostly other outlets' text, by that evidence, is.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from factfile.relate import Linking, relaters
from factfile.relate.wires import outlet_agency
from factfile.store.schema import Document, Outlet

# Country-code TLDs sold worldwide as generic names say nothing about where an outlet is.
_VANITY_TLDS = {"ai", "am", "cc", "co", "fm", "io", "me", "nu", "tv", "ws", "ly", "to", "gg", "la", "im", "sh", "so"}
_TLD_COUNTRY = {"uk": "GB", "su": "RU"}
WIRE_COPY = "wire copy of "  # how a copy of a wire story's reason begins (relate/copies.py)
# Copies whose direction is known count against their outlet: it credits the other or published later
# (or a user said so). A wire copy does not, nor one found first only because it was stored first.
EVIDENCED = ("declared source", "earliest date", "copy by user")
REPUBLISHER_SHARE = 0.5
REPUBLISHER_COPIES = 2  # one copied page does not make an outlet a republisher  # an outlet whose articles are mostly copies republishes rather than reports


def country_of_domain(domain: str | None) -> str | None:
    """ISO country code from a country-code TLD ("watson.ch" -> "CH", "bbc.co.uk" -> "GB"), else None."""
    if not domain:
        return None
    tld = domain.rstrip(".").rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or not tld.isalpha() or tld in _VANITY_TLDS:
        return None
    return _TLD_COUNTRY.get(tld, tld.upper())


def _squash(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).casefold()
    return re.sub(r"[^a-z0-9]", "", text)


def _domain_label(domain: str) -> str:
    """The name part of a domain: "www.watson.ch" -> "watson", "bbc.co.uk" -> "bbc"."""
    labels = [x for x in domain.lower().split(".") if x and x != "www"]
    while len(labels) > 1 and (len(labels[-1]) <= 3 or labels[-1] in {"com", "net", "org", "news"}):
        labels.pop()
    return labels[0] if labels else ""


def declares_outlet(declared: str, outlet: Outlet) -> bool:
    """Whether a declared source ("Watson", "watson.ch", "The Wall Street Journal") names this outlet."""
    wanted = _squash(declared)
    if len(wanted) < 2:
        return False
    names = [n for n in (outlet.name, outlet.domain, outlet.key.removeprefix("name:")) if n]
    if outlet.domain:
        names.append(_domain_label(outlet.domain))
    for name in names:
        squashed = _squash(name)
        if squashed and (squashed == wanted or fuzz.ratio(squashed, wanted) >= 90):
            return True
        if "." in name and _squash(_domain_label(name)) == wanted:
            return True
    return False


def refresh(session: Session, outlet_ids: set[int]) -> None:
    """Recount documents and copies of these outlets (a new original can turn old documents into copies)."""
    for outlet_id in outlet_ids:
        outlet = session.get(Outlet, outlet_id)
        if outlet is None:
            continue
        total = session.scalar(select(func.count(Document.id)).where(Document.outlet_id == outlet_id))
        original = aliased(Document)
        copies = session.scalar(
            select(func.count(Document.id)).join(original, original.id == Document.copy_of_id).where(
                Document.outlet_id == outlet_id,
                original.outlet_id.is_distinct_from(outlet_id),  # its own page's AMP or mobile version republishes nothing
                or_(*(Document.copy_reason.like(f"{reason}%") for reason in EVIDENCED)),
            )
        )
        outlet.documents = total
        outlet.copies = copies
        outlet.republisher_share = round(copies / total, 4) if total else None
        if outlet.country is None:
            outlet.country = country_of_domain(outlet.domain)


def is_republisher(outlet: Outlet) -> bool:
    if outlet_agency(outlet) is not None:
        return False
    return (
        outlet.republisher_share is not None
        and outlet.republisher_share >= REPUBLISHER_SHARE
        and (outlet.copies or 0) >= REPUBLISHER_COPIES
    )


@relaters.register("outlets")
def make_outlet_counter():
    def relate(linking: Linking) -> None:
        session, document = linking.session, linking.document
        session.flush()
        touched = {document.outlet_id} if document.outlet_id is not None else set()
        related = select(Document.outlet_id).where(
            (Document.id == document.copy_of_id) | (Document.copy_of_id == document.id), Document.outlet_id.is_not(None)
        )
        touched |= set(session.scalars(related))
        refresh(session, touched)

    return relate
