"""Terminal rendering of dossiers and statistics (rich). Article text is printed escaped, never as markup."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from factfile.read import stats
from factfile.read.dossier import Dossier, Evidence
from factfile.read.session import Snapshot
from factfile.read.statements import StatementLine


def evidence_text(evidence: Evidence, indent: str = "      ", with_source: bool = True) -> Text:
    """The sentence with the evidence highlighted, then its source on the same logical line."""
    sentence = " ".join(evidence.sentence.split()) if evidence.sentence else ""
    start, end = evidence.highlight
    raw = evidence.sentence or ""
    before = " ".join(raw[:start].split())
    marked = " ".join(raw[start:end].split())
    after = " ".join(raw[end:].split())
    line = Text(indent + "“")
    if marked and sentence:
        line.append(before + (" " if before and not raw[:start].endswith(("“", "«", '"', "(")) else ""))
        line.append(marked, style="bold")
        line.append((" " if after and raw[end:end + 1].isspace() else "") + after)
    else:
        line.append(sentence)
    line.append("”")
    if with_source:
        line.append(" — ")
        line.append(evidence.source_label, style="cyan")
        when = evidence.published.isoformat() if evidence.published else None
        line.append(f" [doc {evidence.document_id}{', ' + when if when else ''}]", style="dim")
    return line


def print_dossier(console: Console, dossier: Dossier) -> None:
    console.rule(f"[bold]{escape(dossier.name)}[/] · {dossier.kind} · actor #{dossier.actor_id}")
    console.print(
        f"{dossier.mention_count} mentions in {dossier.document_count} documents from {dossier.outlet_count} outlets"
    )
    console.print("\n[bold]Also known as[/]")
    for name, count in dossier.aliases:
        console.print(f"  • {escape(name)} [dim]({count} mentions)[/]")
    if dossier.alias_count > len(dossier.aliases):
        console.print(f"  [dim]… {dossier.alias_count - len(dossier.aliases)} more: factfile actors why {escape(dossier.name)!r}[/]")

    if dossier.facts:
        print_profile(console, dossier)
        if dossier.conflicts:
            print_conflicts(console, dossier)

    if dossier.events:
        console.print("\n[bold]Events[/]")
        for event in dossier.events:
            when = event.date_start.isoformat() if event.date_start else "date unknown"
            if event.date_end and event.date_start and event.date_end != event.date_start:
                when += f"..{event.date_end.isoformat()}"
            who = " → ".join(a for a in (event.actor1, event.actor2) if a) or "?"
            claim = event.certainty + (f", by {event.reported_by}" if event.reported_by else "")
            console.print(
                f"  • [bold]{escape(when)}[/] {escape(event.event_type)} / {escape(event.sub_type or '-')} · {escape(who)}"
                f" · {escape(event.place or 'place unknown')} [dim]({escape(claim)}; doc {event.document_id})[/]"
            )
            console.print(Text("      " + event.sentence, style="dim"))

    if dossier.said:
        console.print("\n[bold]What it said[/]")
        print_statements(console, dossier.said)
    if dossier.said_about:
        console.print("\n[bold]What others said about it[/]")
        print_statements(console, dossier.said_about)

    console.print("\n[bold]Mentions by document[/]")
    for document in dossier.documents:
        source = document.evidence[0].source_label if document.evidence else ""
        console.print(
            f"  • [bold]{escape(document.title or '(untitled)')}[/] — [cyan]{escape(source)}[/] "
            f"[dim]{escape(f'[doc {document.document_id}, {document.mentions} mentions]')}[/]"
        )
        for evidence in document.evidence:
            console.print(evidence_text(evidence, with_source=False))


PREDICATE_LABELS = {
    "description": "What the sources say it is", "founded": "Founded", "founded_by": "Founded by",
    "based_in": "Based in", "size": "Size", "designation": "Designations", "part_of": "Part of",
    "ally": "Allies", "opponent": "Opponents",
}

def print_profile(console: Console, dossier: Dossier) -> None:
    """Profile facts grouped by kind, each value with its support (independent outlets) and evidence."""
    predicate = None
    for fact in dossier.facts:
        if fact.predicate != predicate:
            predicate = fact.predicate
            label = PREDICATE_LABELS.get(predicate, predicate.replace("_", " ").capitalize())
            console.print(f"\n[bold]{escape(label)}[/]")
        said = ", ".join(fact.sources[:3])
        console.print(
            f"  • [bold]{escape(fact.value)}[/] "
            f"[dim]({fact.mentions} mention(s), {fact.outlets} outlet(s); says {escape(said)})[/]"
        )
        for evidence in fact.evidence[:3]:
            console.print(evidence_text(evidence))
def print_conflicts(console: Console, dossier: Dossier) -> None:
    """Values that cannot all be true, side by side: each with who says it, where and when."""
    console.print("\n[bold]Conflicting values[/]")
    for predicate, lines in dossier.conflicts.items():
        console.print(f"  [bold]{escape(PREDICATE_LABELS.get(predicate, predicate))}[/]")
        width = max(len(line.value) for line in lines)
        for line in lines:
            for evidence in line.evidence:
                when = evidence.published.isoformat() if evidence.published else "undated"
                console.print(
                    f"    {escape(line.value.ljust(width))}  {escape(evidence.said_by or 'the article')} "
                    f"[dim]· {escape(evidence.source_label)} · {when} · doc {evidence.document_id}[/]"
                )


def statement_head(line: StatementLine) -> Text:
    """"• [hedged] Caesar (person) — told: ..." — who, how sure the source sounds (and the reporter's distancing
    words: "[reported; framed: claimed]"), through which cue."""
    head = Text("  • ")
    framing = f"; framed: {', '.join(line.framing)}" if line.framing else ""
    head.append(f"[{line.certainty}{', ' + ', '.join(line.hedges) if line.hedges else ''}{framing}] ", style="magenta")
    who = line.source_actor or (" ".join(line.source.split()) if line.source else None)
    head.append(who or ("the article" if line.source_type == "article" else "unnamed source"), style="bold")
    if line.source and line.source_actor and " ".join(line.source.split()) != line.source_actor:
        head.append(f" (“{' '.join(line.source.split())}”)")
    head.append(f" · {line.source_type}" + (" · direct quote" if line.direct else ""), style="dim")
    if line.cue:
        head.append(" — " + " ".join(line.cue.split()))
    return head
def print_statements(console: Console, lines: list[StatementLine]) -> None:
    for line in lines:
        console.print(statement_head(line))
        passage = " ".join(line.passage.split())
        start, end = line.highlight
        text = Text("      “")
        text.append(" ".join(line.passage[:start].split()) + (" " if start and line.passage[start - 1].isspace() else ""))
        text.append(" ".join(line.passage[start:end].split()), style="bold")
        text.append((" " if line.passage[end:end + 1].isspace() else "") + " ".join(line.passage[end:].split()) if passage else "")
        text.append("” — ")
        text.append(line.outlet or f"document {line.document_id}", style="cyan")
        when = line.published.isoformat() if line.published else None
        text.append(f" [doc {line.document_id}{', ' + when if when else ''}, statement {line.statement_id}]", style="dim")
        console.print(text)
        for post in line.quoted_posts:
            console.print(Text("      reports the Telegram post ").append(post_line(post), style="cyan"))


def post_line(post) -> str:
    """A post in one line: channel, time, address (or document id)."""
    when = f", {post.posted_at:%Y-%m-%d %H:%M} UTC" if post.posted_at else ""
    return f"{post.channel}{when}: {post.url or f'document {post.document_id}'}"


def print_stats(console: Console, session: Snapshot, store) -> None:
    console.print(f"[bold]Store[/] {escape(store.url)}")
    for name, count in stats.counts(session).items():
        console.print(f"  {name:<12} {count:>10,}")
    console.print("\n[bold]Languages[/]")
    for language, count in stats.languages(session):
        console.print(f"  {language or 'unknown':<12} {count:>10,}")
    console.print("\n[bold]Top outlets[/]")
    for name, count in stats.top_outlets(session):
        console.print(f"  {escape(name or '?'):<40} {count:>6,} documents")
    console.print("\n[bold]Most mentioned actors[/] (people, organisations, groups)")
    for actor, mentions, documents in stats.top_actors(session, kinds=("person", "organization", "group")):
        console.print(f"  {escape(actor.name):<40} {mentions:>6,} mentions in {documents:,} documents  [dim]#{actor.id}[/]")
