"""Map each within-document chain to one store actor, by the names the chain goes by.

A chain joins an existing actor when one of its names (normalised) is already an alias of that actor;
otherwise it becomes a new actor. Every alias records how many mentions carried it.
"""

from __future__ import annotations

from sqlalchemy import select

from factfile.extract.names import clean_name, name_key
from factfile.relate import Linking, relaters
from factfile.store.schema import Actor, Alias

KIND_OF_LABEL = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "place", "LOC": "place", "FAC": "place"}


@relaters.register("actors")
def make_actor_linker():
    def link(linking: Linking) -> None:
        session, chains = linking.session, linking.analysis.chains
        names = {chain.id: [chain.name, *chain.aliases] for chain in chains}
        keys = {name_key(n) for ns in names.values() for n in ns} - {""}
        known: dict[str, list[tuple[int, str]]] = {}
        if keys:
            rows = session.execute(
                select(Alias.key, Actor.id, Actor.kind)
                .join(Actor, Actor.id == Alias.actor_id)
                .where(Alias.key.in_(keys), Actor.merged_into_id.is_(None))
                .order_by(Actor.id)
            )
            for key, actor_id, kind in rows:
                known.setdefault(key, []).append((actor_id, kind))
        created: dict[int, Actor] = {}
        for chain in chains:
            kind = KIND_OF_LABEL.get(chain.label, "other")
            candidates = [c for n in names[chain.id] for c in known.get(name_key(n), [])]
            same_kind = [actor_id for actor_id, k in candidates if k == kind]
            actor_id = (same_kind or [actor_id for actor_id, _ in candidates] or [None])[0]
            if actor_id is None:
                created[chain.id] = Actor(name=chain.name, kind=kind, label=chain.label)
                actor_id = -chain.id - 1  # placeholder until the new actors are flushed together
                for n in names[chain.id]:
                    known.setdefault(name_key(n), []).append((actor_id, kind))
            linking.actor_of_chain[chain.id] = actor_id
        session.add_all(created.values())
        session.flush()
        placeholders = {-chain_id - 1: actor.id for chain_id, actor in created.items()}
        for chain_id, actor_id in linking.actor_of_chain.items():
            linking.actor_of_chain[chain_id] = placeholders.get(actor_id, actor_id)
        _count_aliases(linking)

    return link


def _count_aliases(linking: Linking) -> None:
    """Add each chain's names to its actor's aliases, counting the mentions that used them."""
    mentions = linking.analysis.mentions
    counts: dict[tuple[int, str], list] = {}
    for chain in linking.analysis.chains:
        actor_id = linking.actor_of_chain[chain.id]
        for index in chain.mentions:
            text = clean_name(mentions[index].span.text)
            entry = counts.setdefault((actor_id, name_key(text)), [text, 0])
            entry[1] += 1
        for alias in chain.aliases:
            counts.setdefault((actor_id, name_key(alias)), [alias, 0])
    counts = {k: v for k, v in counts.items() if k[1]}
    if not counts:
        return
    session = linking.session
    existing = {
        (a.actor_id, a.key): a
        for a in session.scalars(
            select(Alias).where(
                Alias.actor_id.in_({actor_id for actor_id, _ in counts}), Alias.key.in_({key for _, key in counts})
            )
        )
    }
    for (actor_id, key), (name, count) in counts.items():
        if (actor_id, key) in existing:
            existing[(actor_id, key)].mentions += count
        else:
            session.add(Alias(actor_id=actor_id, name=name, key=key, mentions=count, reason="same name"))
