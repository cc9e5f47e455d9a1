"""Terminal rendering of dossiers and statistics (rich). Article text is printed escaped, never as markup."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.text import Text
from sqlalchemy.orm import Session

from factfile.serve.dossier import Dossier, Evidence
from factfile.serve.statements import StatementLine
from factfile.store import queries


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

    if dossier.facts:
        console.print("\n[bold]What the sources say it is[/]")
        for fact in dossier.facts:
            label = "" if fact.predicate == "description" else f"{fact.predicate}: "
            console.print(
                f"  • {escape(label)}[bold]{escape(fact.value)}[/] "
                f"[dim]({len(fact.evidence)} mention(s), {fact.outlets} outlet(s))[/]"
            )
            for evidence in fact.evidence[:3]:
                console.print(evidence_text(evidence))

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


def statement_head(line: StatementLine) -> Text:
    """"• [hedged] Caesar (person) — told: ..." — who, how sure, through which cue."""
    head = Text("  • ")
    head.append(f"[{line.certainty}{', ' + ', '.join(line.hedges) if line.hedges else ''}] ", style="magenta")
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


def print_stats(console: Console, session: Session, store) -> None:
    console.print(f"[bold]Store[/] {escape(store.url)}")
    for name, count in queries.counts(session).items():
        console.print(f"  {name:<12} {count:>10,}")
    console.print("\n[bold]Languages[/]")
    for language, count in queries.languages(session):
        console.print(f"  {language or 'unknown':<12} {count:>10,}")
    console.print("\n[bold]Top outlets[/]")
    for name, count in queries.top_outlets(session):
        console.print(f"  {escape(name or '?'):<40} {count:>6,} documents")
    console.print("\n[bold]Most mentioned actors[/] (people, organisations, groups)")
    for actor, mentions, documents in queries.top_actors(session, kinds=("person", "organization", "group")):
        console.print(f"  {escape(actor.name):<40} {mentions:>6,} mentions in {documents:,} documents  [dim]#{actor.id}[/]")
