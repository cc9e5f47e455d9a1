"""`factfile post`: a Telegram post with its thread, its forward's original and the articles that report it."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from factfile.cli import app, open_store, out
from factfile.errors import NotFound


@app.command()
def post(document: Annotated[int, typer.Argument(help="The document id of a Telegram post (see `factfile search`).")]) -> None:
    """Show a Telegram post: channel, time (UTC), address, links, the message it answers and the answers
    to it, the post it forwards, and the statements of articles that report it."""
    from factfile.cli.render import post_line
    from factfile.read.posts import post_of

    store = open_store()
    with store.snapshot() as session:
        found = post_of(session, document)
    if found is None:
        raise NotFound(f"document #{document} is not a Telegram post in the store")
    out.print(f"[bold]#{found.document_id}[/] {escape(post_line(found))}" + (f" [dim]({escape(found.media)})[/]" if found.media else ""))
    out.print(escape(found.text))
    for link in found.links:
        out.print(f"  link: {escape(link)}")
    if found.forwarded_from or found.original_document_id:
        original = f" — original: document #{found.original_document_id}" if found.original_document_id else ""
        out.print(f"forwarded from {escape(found.forwarded_from or '?')}{original}")
    if found.reply_to_message_id is not None:
        stored = f"document #{found.reply_to_document_id}" if found.reply_to_document_id else "not stored"
        out.print(f"answers message {found.reply_to_message_id} ({stored})")
    for reply in found.replies:
        out.print(f"  answered by #{reply.document_id} {escape(post_line(reply))}")
    if found.quoted_by:
        out.print("reported by statements " + ", ".join(f"#{i}" for i in found.quoted_by) + " (`factfile statements`)")
