"""`factfile follow`: poll feeds and pages on a schedule, storing each new article once."""

from __future__ import annotations

import re
from typing import Annotated

import typer
from rich.markup import escape

from factfile.cli import app, err, open_store, out
from factfile.errors import BadArgument, FactfileError

_UNITS = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def duration(text: str) -> float:
    """Seconds in "90", "30s", "15m", "2h", "1d"."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?\s*", text)
    if not match:
        raise BadArgument(f"--every {text!r}: expected a duration such as 30s, 15m, 2h or 1d")
    return float(match.group(1)) * _UNITS[match.group(2) or "s"]


@app.command()
def follow(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Feed (RSS/Atom) or page URLs, or files listing them one per line; none: every feed followed before.", show_default=False),
    ] = None,
    every: Annotated[str, typer.Option(help="Poll each feed this often: 30s, 15m, 2h, 1d.")] = "15m",
    rounds: Annotated[int | None, typer.Option(min=1, help="Stop after N rounds (default: run until interrupted).")] = None,
    once: Annotated[bool, typer.Option("--once", help="One round, then exit (for cron): the same as --rounds 1.")] = False,
    delay: Annotated[float, typer.Option(min=0, help="Seconds between two requests to one host (a robots.txt Crawl-delay may ask for more).")] = 1.0,
    status: Annotated[bool, typer.Option("--status", help="List the followed feeds and their state, and exit.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for extraction and NLP.")] = 1,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Let URLs reach private, loopback and link-local addresses (refused by default).")
    ] = False,
) -> None:
    """Follow feeds and pages: poll them politely (conditional requests, robots.txt, per-host delay,
    backoff) and store each new article once. Stop it at any time: the next run resumes where it stopped."""
    store = open_store()
    if status:
        _print_status(store)
        return
    from factfile.follow import Follower, feed_list
    from factfile.ingest.url import FetchPolicy

    interval = duration(every)
    given = feed_list(sources or [])
    for problem in given.problems:
        err.print(f"[red]skipped[/] {escape(problem)}")
    follower = Follower(
        store, FetchPolicy(allow_private=allow_private), every=interval, delay=delay, workers=workers,
        say=lambda line: err.print(f"[red]problem[/] {escape(line)}"),
    )
    if sources:
        feed_ids = follower.follow(given.urls)
    else:
        feed_ids = follower.followed()
    if not feed_ids:
        raise FactfileError("no feeds to follow: give feed URLs or a file listing them")
    last = None
    try:
        for last in follower.run(feed_ids, 1 if once else rounds):
            out.print(last.summary())
    except KeyboardInterrupt:
        err.print("stopped; the next `factfile follow` resumes where this one stopped")
        raise typer.Exit(130) from None
    if last is not None and last.polled and last.failed == last.polled and not last.stored:
        raise typer.Exit(1)


def _print_status(store) -> None:
    from factfile.read.follow import followed

    with store.snapshot() as session:
        feeds = followed(session)
    if not feeds:
        out.print("no feeds followed yet: `factfile follow URL_OR_FILE ...`")
        return
    for feed in feeds:
        line = (
            f"{feed.url}  {feed.kind or 'not answered yet'}  items {feed.items} (stored {feed.stored}, waiting {feed.pending}, "
            f"failed {feed.failed})  polled {_when(feed.polled_at)}  next {_when(feed.next_poll_at)}  "
            f"conditional {'yes' if feed.conditional else 'no'}"
        )
        if feed.problem:
            line += f"  problem: {feed.problem} ({feed.failures} in a row)"
        out.print(escape(line))


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC") if moment is not None else "-"
