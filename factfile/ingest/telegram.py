"""Telegram Desktop JSON exports: a chat's or channel's `result.json`, and the export of all chats.

Each message with text becomes one post: its channel is the outlet, its text the article (entities
flattened to their text, the addresses of links kept beside it, a media caption read as the text),
its unix time the publication time in UTC. A forward keeps the channel it comes from, a reply the
message it answers. Service messages and messages without text are skipped and counted; a message
with a broken field is rejected alone, and the export's other messages are read.

The layout followed is the one tdesktop writes (Telegram/SourceFiles/export/output/export_output_json.cpp):
`text` is a string when the message is plain, else an array of strings and entity objects
({"type", "text", "href"}); `text_entities` is always that array.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from factfile.config import Limits
from factfile.records import Hints, Post, RawItem, Rejection

MAX_EXPORT_BYTES = 1 << 30  # the export is parsed whole; bigger ones are refused rather than filling the memory
CHANNEL_TYPES = ("public_channel", "private_channel", "public_supergroup", "private_supergroup")
CHAT_TYPES = (*CHANNEL_TYPES, "personal_chat", "bot_chat", "private_group", "saved_messages", "replies")
_PEER = re.compile(r"^(channel|user|chat)(\d+)$")
_TITLE_CHARS = 120

# A single-chat export opens with its name, type and id; the all-chats one with "about".
_SINGLE = re.compile(rb'^\{\s*(?:"name"\s*:\s*(?:"(?:[^"\\]|\\.)*"|null)\s*,\s*)?"type"\s*:\s*"(' + "|".join(CHAT_TYPES).encode() + rb')"')
_ALL = re.compile(rb'^\{\s*"about"\s*:\s*"[^"]*Telegram')


def looks_like_export(head: bytes) -> bool:
    """Whether the first bytes of a JSON file are those of a Telegram Desktop export."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_SINGLE.match(start) or _ALL.match(start))


class BrokenMessage(ValueError):
    """A message whose fields are not what the export format says they are."""


@dataclass(slots=True)
class Chat:
    name: str
    key: str
    username: str | None
    public_id: int | None  # the id in https://t.me/c/<id>/<message>, for channels and supergroups


@dataclass(slots=True)
class Tally:
    service: int = 0
    empty: int = 0


def read_telegram(path: Path, limits: Limits) -> Iterator[RawItem | Rejection]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            yield Rejection(origin, f"Telegram export of {size:,} bytes, over the {MAX_EXPORT_BYTES:,}-byte limit")
            return
        with path.open("rb") as handle:
            export = json.load(handle)
    except OSError as exc:
        yield Rejection(origin, f"cannot read file: {exc.strerror or exc}")
        return
    except UnicodeDecodeError:
        yield Rejection(origin, "Telegram export is not valid UTF-8 JSON")
        return
    except json.JSONDecodeError as exc:
        yield Rejection(origin, f"invalid JSON in Telegram export ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    except RecursionError:
        yield Rejection(origin, "invalid JSON in Telegram export (nested too deeply)")
        return
    chats = _chats(export)
    if chats is None:
        yield Rejection(origin, "JSON is not a Telegram Desktop export: no 'messages' list nor 'chats' with a 'list'")
        return
    tally = Tally()
    last: RawItem | None = None
    read = 0
    for index, chat in enumerate(chats):
        where = origin if len(chats) == 1 and chat is export else f"{origin}#chat {index + 1}"
        if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
            yield Rejection(where, "chat without a 'messages' list")
            continue
        try:
            about = _chat(chat)
        except BrokenMessage as error:
            yield Rejection(where, str(error))
            continue
        for number, message in enumerate(chat["messages"], start=1):
            read += 1
            if read > limits.max_records:
                yield Rejection(origin, f"more than {limits.max_records} messages; the rest is not read")
                return
            message_id = message.get("id") if isinstance(message, dict) else None
            label = f"{where}#message {message_id if isinstance(message_id, int) else f'number {number}'}"
            try:
                item = _post(message, about, label, tally)
            except BrokenMessage as error:
                yield Rejection(label, str(error))
                continue
            if item is None:
                continue
            if last is not None:
                yield last
            last = item
    if last is None:
        yield Rejection(origin, f"Telegram export holds no message with text ({_skipped(tally) or 'no messages'})")
        return
    if skipped := _skipped(tally):
        last.warnings.append(f"skipped in this export: {skipped}")
    yield last


def _skipped(tally: Tally) -> str:
    parts = [f"{tally.service} service message{'s' * (tally.service != 1)}" if tally.service else "",
             f"{tally.empty} message{'s' * (tally.empty != 1)} without text" if tally.empty else ""]
    return ", ".join(p for p in parts if p)


def _chats(export: object) -> list | None:
    """The chats of an export: the one of a single-chat export, or every chat (and left channel) of a whole one."""
    if not isinstance(export, dict):
        return None
    if isinstance(export.get("messages"), list):
        return [export]
    found = []
    for section in ("chats", "left_chats"):
        block = export.get(section)
        if isinstance(block, dict) and isinstance(block.get("list"), list):
            found += block["list"]
    has_section = any(isinstance(export.get(s), dict) and isinstance(export[s].get("list"), list) for s in ("chats", "left_chats"))
    return found if has_section else None


def _chat(chat: dict) -> Chat:
    kind, chat_id, name = chat.get("type"), chat.get("id"), chat.get("name")
    if not isinstance(chat_id, int) or isinstance(chat_id, bool):
        raise BrokenMessage(f"chat id is {chat_id!r}, not a number")
    if name is not None and not isinstance(name, str):
        raise BrokenMessage("chat name is not a string")
    username = chat.get("username") if isinstance(chat.get("username"), str) else None
    username = username.strip().lstrip("@") or None if username else None
    if kind in CHANNEL_TYPES:
        key, public_id = f"telegram:{chat_id}", chat_id
    elif kind in ("private_group",):
        key, public_id = f"telegram:chat{chat_id}", None
    else:
        key, public_id = f"telegram:user{chat_id}", None
    return Chat(name or kind or f"chat {chat_id}", key, username, public_id)


def peer_key(peer_id: object) -> str | None:
    """The channel key of an exported peer id ("channel1234" -> "telegram:1234", "user5" -> "telegram:user5")."""
    if not isinstance(peer_id, str) or not (match := _PEER.match(peer_id.strip())):
        return None
    kind, number = match.groups()
    return f"telegram:{number}" if kind == "channel" else f"telegram:{kind}{number}"


def _post(message: object, chat: Chat, label: str, tally: Tally) -> RawItem | None:
    if not isinstance(message, dict):
        raise BrokenMessage(f"message is a {type(message).__name__}, not an object")
    kind = message.get("type")
    if kind in ("service", "unsupported"):
        tally.service += 1
        return None
    if kind != "message":
        raise BrokenMessage(f"message type is {kind!r}, not 'message' or 'service'")
    message_id = message.get("id")
    if not isinstance(message_id, int) or isinstance(message_id, bool):
        raise BrokenMessage(f"message id is {message_id!r}, not a number")
    pieces = message["text_entities"] if isinstance(message.get("text_entities"), list) else message.get("text", "")
    text, links = flatten(pieces)
    text = text.strip()
    if not any(c.isalpha() for c in text):
        tally.empty += 1
        return None
    warnings: list[str] = []
    posted_at, published = _when(message, warnings)
    reply_to = message.get("reply_to_message_id")
    if reply_to is not None and (not isinstance(reply_to, int) or isinstance(reply_to, bool)):
        raise BrokenMessage(f"reply_to_message_id is {reply_to!r}, not a number")
    if message.get("reply_to_peer_id") not in (None, ""):
        reply_to = None  # an answer to a message of another chat: not a thread of this one
    forwarded_from = message.get("forwarded_from") or message.get("saved_from")
    if forwarded_from is not None and not isinstance(forwarded_from, str):
        raise BrokenMessage("forwarded_from is not a string")
    forwarded_key = peer_key(message.get("forwarded_from_id") or message.get("saved_from_id"))
    post = Post(
        channel=chat.name, channel_key=chat.key, message_id=message_id, posted_at=posted_at, username=chat.username,
        reply_to=reply_to, forwarded_from=forwarded_from or None, forwarded_from_key=forwarded_key,
        links=links, media=_media(message),
    )
    first_line = text.splitlines()[0].strip()
    title = first_line if len(first_line) <= _TITLE_CHARS else first_line[: _TITLE_CHARS - 1].rstrip() + "…"
    hints = Hints(url=post_url(chat, message_id), title=title, published=published, site=chat.name, author=_author(message, chat), post=post)
    return RawItem(origin=label, kind="text", payload=text, hints=hints, warnings=warnings)


def post_url(chat: Chat, message_id: int) -> str | None:
    """https://t.me/<username>/<id> for a public channel, https://t.me/c/<channel id>/<id> otherwise."""
    if chat.username:
        return f"https://t.me/{chat.username}/{message_id}"
    if chat.public_id is not None:
        return f"https://t.me/c/{chat.public_id}/{message_id}"
    return None


def flatten(pieces: object) -> tuple[str, list[str]]:
    """The plain text of an exported `text` (a string, or an array of strings and entities) and its link addresses."""
    if isinstance(pieces, str):
        return pieces, []
    if not isinstance(pieces, list):
        raise BrokenMessage(f"text is a {type(pieces).__name__}, not a string or an array")
    parts: list[str] = []
    links: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            parts.append(piece)
            continue
        if not isinstance(piece, dict) or not isinstance(piece.get("text"), str):
            raise BrokenMessage("text holds an entity without a 'text' string")
        parts.append(piece["text"])
        kind = piece.get("type")
        if kind == "text_link" and isinstance(piece.get("href"), str) and piece["href"].strip():
            links.append(piece["href"].strip())
        elif kind == "link" and piece["text"].strip():
            links.append(piece["text"].strip())
    return "".join(parts), list(dict.fromkeys(links))


def _when(message: dict, warnings: list[str]) -> tuple[datetime | None, str | None]:
    """(time in UTC, the date to publish under) from `date_unixtime`; the local `date` has no time zone."""
    raw = message.get("date_unixtime")
    if raw is not None:
        try:
            moment = datetime.fromtimestamp(int(raw), UTC)
        except (TypeError, ValueError, OverflowError, OSError) as exc:
            raise BrokenMessage(f"date_unixtime is {raw!r}, not a unix time") from exc
        return moment, moment.isoformat()
    local = message.get("date")
    if isinstance(local, str) and local.strip():
        warnings.append("no date_unixtime: the date is the exporting computer's local date, time zone unknown")
        return None, local.strip()[:10]
    warnings.append("message has no date")
    return None, None


def _author(message: dict, chat: Chat) -> str | None:
    """A channel post's signature; in a group, who wrote the message."""
    for field in ("author", "from"):
        value = message.get(field)
        if isinstance(value, str) and value.strip() and value.strip() != chat.name:
            return value.strip()
    return None


def _media(message: dict) -> str | None:
    if isinstance(message.get("media_type"), str):
        return message["media_type"]
    for kind in ("photo", "file", "poll", "location_information", "contact_information"):
        if message.get(kind) is not None:
            return kind
    return None
