"""Telegram Desktop exports: posts as documents, forwards as copies of their originals, reply threads,
and an article's statement that reports a stored post linked to it.

The exports are written the way tdesktop writes them (export/output/export_output_json.cpp): a
single chat's `result.json` opens with name, type and id; the whole-account export has "about" and
`chats.list` / `left_chats.list`; `text` is a string for plain text and an array of strings and
entity objects otherwise (tdesktop#25000), `text_entities` always the array; `date` is local time
without a zone and `date_unixtime` the unix time as a string; forwards carry `forwarded_from` (and,
in exports that have it, `forwarded_from_id` as "channel<id>").
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from conftest import SEED
from factfile.config import DEFAULT_LIMITS
from factfile.errors import IngestError
from factfile.ingest import read_items, to_article
from factfile.ingest.telegram import read_telegram
from factfile.pipeline import Pipeline
from factfile.read.posts import post_of, quoted_posts
from factfile.records import RawItem, Rejection
from factfile.relate.corroboration import independent_sources
from factfile.serve.app import create_app
from factfile.serve.security import ServeSettings
from factfile.store import Store
from factfile.store.schema import Document, Post, PostQuote, Statement

LEGION, LEGION_ID = "Freedom of Russia Legion", 1611468932
RVC, RVC_ID = "Russian Volunteer Corps", 1542319734
NEWS, NEWS_ID = "Belgorod Border News", 1788240051
WATCH, WATCH_ID = "Frontline Watch", 1900112233

TAKEN = "The Legion has taken the village of Kozinka in the Belgorod region. Our fighters now control the road to Grayvoron."
FLAG = "Photo from Kozinka: the Russian flag was taken down from the administration building this morning."
GLOTOVO = "Russian Volunteer Corps fighters entered Glotovo together with the Legion and are advancing towards Grayvoron."
ARTICLE = (
    "Fighting in Belgorod region\n\n"
    "Armed groups crossed from Ukraine into the Belgorod region of Russia on Monday, local officials said.\n\n"
    "The Freedom of Russia Legion posted on Telegram that it had taken the village of Kozinka in the Belgorod region. "
    "The governor, Vyacheslav Gladkov, said the army was repelling the attack."
)


def unix(hour: int, minute: int = 0) -> int:
    return int(datetime(2023, 5, 22, hour, minute, tzinfo=UTC).timestamp())


def message(message_id: int, when: int, text, **extra) -> dict:
    """A message as tdesktop writes it: `text` as given (string or array), `text_entities` always an array."""
    entities = [{"type": "plain", "text": text}] if isinstance(text, str) else [
        piece if isinstance(piece, dict) else {"type": "plain", "text": piece} for piece in text
    ]
    local = datetime.fromtimestamp(when, UTC).replace(tzinfo=None).isoformat()  # tdesktop writes the local time, zone-less
    return {"id": message_id, "type": "message", "date": local, "date_unixtime": str(when), **extra, "text": text, "text_entities": entities}


def service(message_id: int, when: int, channel: str, channel_id: int) -> dict:
    return {"id": message_id, "type": "service", "date": "2023-05-22T05:00:00", "date_unixtime": str(when), "actor": channel,
            "actor_id": f"channel{channel_id}", "action": "pin_message", "message_id": 2, "text": "", "text_entities": []}


def chat(name: str, chat_id: int, messages: list[dict]) -> dict:
    return {"name": name, "type": "public_channel", "id": chat_id, "messages": messages}


def legion_chat() -> dict:
    return chat(LEGION, LEGION_ID, [
        service(1, unix(5), LEGION, LEGION_ID),
        message(2, unix(6, 30), [TAKEN + " ", {"type": "text_link", "text": "Video", "href": "https://example.org/kozinka.mp4"}],
                **{"from": LEGION, "from_id": f"channel{LEGION_ID}"}),
        message(3, unix(7), FLAG, reply_to_message_id=2, photo="(File not included. Change data exporting settings to download.)",
                width=1280, height=720, **{"from": LEGION, "from_id": f"channel{LEGION_ID}"}),
        message(4, unix(7, 30), GLOTOVO, forwarded_from=RVC, **{"from": LEGION, "from_id": f"channel{LEGION_ID}"}),
        message(5, unix(7, 40), "", photo="(File not included. Change data exporting settings to download.)"),
    ])


def all_chats() -> dict:
    """A whole-account export: the Legion's channel, a news channel forwarding two posts, and a left channel."""
    news = chat(NEWS, NEWS_ID, [
        message(10, unix(8), TAKEN + " Video", forwarded_from=LEGION, forwarded_from_id=f"channel{LEGION_ID}"),
        message(11, unix(8, 5), GLOTOVO, forwarded_from=RVC),
        message(12, unix(8, 10), "Air raid alert in Grayvoron district. Residents are asked to stay in shelters."),
    ])
    watch = chat(WATCH, WATCH_ID, [message(20, unix(9), TAKEN + " Video", forwarded_from=LEGION)])
    return {
        "about": "Here is the data you requested. Remember: Telegram is ad free, it doesn't sell your data.",
        "personal_information": {"user_id": 1, "first_name": "A", "last_name": "", "phone_number": "+0", "bio": ""},
        "chats": {"about": "This page lists all chats from this export.", "list": [legion_chat(), news]},
        "left_chats": {"about": "Channels you have left.", "list": [watch]},
    }


def write(path: Path, export) -> Path:
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@pytest.fixture
def store(db):
    store = Store(db)
    yield store
    store.close()


def post_document(session, channel_key: str, message_id: int) -> Document:
    return session.scalar(
        select(Document).join(Post, Post.document_id == Document.id).where(Post.channel_key == channel_key, Post.message_id == message_id)
    )


def test_a_channel_export_gives_one_post_per_text_message(tmp_path):
    found = list(read_items([str(write(tmp_path / "result.json", legion_chat()))]))
    items = [f for f in found if isinstance(f, RawItem)]
    assert not [f for f in found if isinstance(f, Rejection)]
    assert [i.hints.post.message_id for i in items] == [2, 3, 4]  # the service message and the empty photo are skipped
    assert "1 service message, 1 message without text" in items[-1].warnings[-1]
    taken, flag, forward = (to_article(i) for i in items)
    assert taken.text == TAKEN + " Video"  # the text array flattened
    assert taken.post.links == ["https://example.org/kozinka.mp4"]  # the text_link's address kept
    assert taken.url == f"https://t.me/c/{LEGION_ID}/2" and taken.site == LEGION
    assert taken.post.posted_at == datetime(2023, 5, 22, 6, 30, tzinfo=UTC)
    assert flag.text == FLAG and flag.post.media == "photo" and flag.post.reply_to == 2  # a caption is the text
    assert forward.post.forwarded_from == RVC
    assert forward.content_hash != to_article(RawItem("x", "text", GLOTOVO)).content_hash


def test_a_channel_export_is_sniffed_by_content_whatever_its_name(tmp_path):
    path = write(tmp_path / "export-legion.data", legion_chat())
    assert [i.hints.post.message_id for i in read_items([str(path)]) if isinstance(i, RawItem)] == [2, 3, 4]


def test_bad_exports_get_one_line_and_bad_messages_do_not_stop_the_others(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"name": "X", "type": "public_channel", "id": 1, "messages": [', encoding="utf-8")
    other = write(tmp_path / "other.json", {"about": "Telegram export", "chats": {"nope": []}})
    bad = legion_chat()
    bad["messages"].insert(2, {"id": 99, "type": "message", "date_unixtime": "soon", "text": "A date that is no time at all."})
    bad["messages"].insert(3, {"id": 98, "type": "message", "date_unixtime": "1684742100", "text": [{"type": "bold"}]})
    found = list(read_items([str(broken), str(other), str(write(tmp_path / "bad.json", bad))]))
    rejections = [str(f) for f in found if isinstance(f, Rejection)]
    assert rejections == [
        f"{broken}: invalid JSON in Telegram export (Expecting value at line 1 column 63)",
        f"{other}: JSON is not a Telegram Desktop export: no 'messages' list nor 'chats' with a 'list'",
        f"{tmp_path / 'bad.json'}#message 99: date_unixtime is 'soon', not a unix time",
        f"{tmp_path / 'bad.json'}#message 98: text holds an entity without a 'text' string",
    ]
    assert [f.hints.post.message_id for f in found if isinstance(f, RawItem)] == [2, 3, 4]


def test_forwards_are_copies_of_their_originals_and_count_once(store, tmp_path):
    summary = Pipeline(store).ingest([str(write(tmp_path / "result.json", all_chats()))])
    assert summary.rejected == 0 and summary.stored == 7
    with store.session() as session:
        original = post_document(session, f"telegram:{LEGION_ID}", 2)
        forwards = [post_document(session, f"telegram:{NEWS_ID}", 10), post_document(session, f"telegram:{WATCH_ID}", 20)]
        assert [f.copy_of_id for f in forwards] == [original.id, original.id]  # by channel id, and by channel name
        assert original.copy_of_id is None
        origins, outlets = independent_sources(session, [original.id, *(f.id for f in forwards)])
        assert origins == [original.id] and outlets == [f"telegram:{LEGION_ID}"]

        # The Volunteer Corps' post is not stored: its two forwards share one stand-in original.
        glotovo = [post_document(session, f"telegram:{LEGION_ID}", 4), post_document(session, f"telegram:{NEWS_ID}", 11)]
        stand_in = session.get(Document, glotovo[0].copy_of_id)
        assert glotovo[1].copy_of_id == stand_in.id and stand_in.text == "" and stand_in.url is None
        origins, outlets = independent_sources(session, [d.id for d in glotovo])
        assert origins == [stand_in.id] and outlets == [f"telegram:name:{RVC.casefold()}"]

        # The reply keeps its thread.
        flag = post_of(session, post_document(session, f"telegram:{LEGION_ID}", 3).id)
        assert flag.reply_to_document_id == original.id and flag.posted_at == datetime(2023, 5, 22, 7, tzinfo=UTC)
        assert [r.document_id for r in post_of(session, original.id).replies] == [flag.document_id]
        assert post_of(session, forwards[0].id).original_document_id == original.id

    # The Volunteer Corps' own channel arrives later: its post takes the stand-in's place.
    rvc = chat(RVC, RVC_ID, [message(7, unix(7, 10), GLOTOVO)])
    Pipeline(store).ingest([str(write(tmp_path / "rvc.json", rvc))])
    with store.session() as session:
        post = post_document(session, f"telegram:{RVC_ID}", 7)
        assert session.get(Document, stand_in.id) is None
        assert [session.get(Document, d.id).copy_of_id for d in glotovo] == [post.id, post.id]


def test_an_article_reporting_a_stored_post_links_to_it(store, tmp_path, cli):
    Pipeline(store).ingest([str(write(tmp_path / "result.json", legion_chat()))])
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    Pipeline(store).ingest([str(article)])
    with store.session() as session:
        taken = post_document(session, f"telegram:{LEGION_ID}", 2)
        quotes = session.execute(select(PostQuote, Statement).join(Statement, Statement.id == PostQuote.statement_id)).all()
        assert [(q.post_document_id, st.source_text) for q, st in quotes] == [(taken.id, "The Freedom of Russia Legion")]
        statement_id = quotes[0][1].id
        assert [p.document_id for p in quoted_posts(session, [statement_id])[statement_id]] == [taken.id]
    shown = cli("statements", "--source", "Legion")
    assert shown.exit_code == 0 and f"reports the Telegram post {LEGION}, 2023-05-22 06:30 UTC: https://t.me/c/{LEGION_ID}/2" in shown.stdout
    post = cli("post", str(taken.id))
    assert post.exit_code == 0 and f"reported by statements #{statement_id}" in post.stdout
    assert "link: https://example.org/kozinka.mp4" in post.stdout and "answered by #" in post.stdout

    client = TestClient(create_app(store, ServeSettings(token="t" * 32)))
    statements = client.get("/api/statements", params={"source": "Legion"}).json()["items"]
    assert [[q["document_id"] for q in st["quoted_posts"]] for st in statements if st["id"] == statement_id] == [[taken.id]]
    detail = client.get(f"/api/documents/{taken.id}").json()
    assert detail["post"]["quoted_by"] == [statement_id] and detail["post"]["links"] == ["https://example.org/kozinka.mp4"]
    assert [r["message_id"] for r in detail["post"]["replies"]] == [3]


def test_a_statement_without_a_vector_naming_a_stored_channel_is_stored(store, tmp_path):
    """A Russian statement gets no claim vector (the model is English-only); its sentence naming a stored
    channel must not stop the article, nor the run, from being stored."""
    Pipeline(store).ingest([str(write(tmp_path / "result.json", legion_chat()))])
    russian = tmp_path / "ru.txt"
    russian.write_text(
        "Бои в Белгородской области\n\nFreedom of Russia Legion заявил в Telegram, что занял село Козинка в Белгородской области. "
        "Губернатор Вячеслав Гладков сообщил, что армия отражает атаку.", encoding="utf-8")
    english = tmp_path / "article.txt"
    english.write_text(ARTICLE, encoding="utf-8")
    summary = Pipeline(store).ingest([str(russian), str(english)])
    assert summary.stored == 2
    with store.session() as session:
        sources = session.scalars(select(Statement.source_text).join(Document).where(Document.language == "ru")).all()
    assert any("Legion" in source for source in sources)


def test_an_older_export_without_unix_times_keeps_the_local_date(tmp_path):
    """Exports written before tdesktop added `date_unixtime` and `text_entities` (2021, `from_id` a number)."""
    old = {"name": "KHream", "type": "public_channel", "id": 10083966286, "messages": [
        {"id": 4984, "type": "message", "date": "2021-01-31T21:02:29", "from": "KHream", "from_id": 10083966286,
         "text": "Position in long: the price is 33467.0 for now"},
    ]}
    (item,) = read_items([str(write(tmp_path / "result.json", old))])
    article = to_article(item)
    assert article.published.isoformat() == "2021-01-31" and article.post.posted_at is None
    assert "time zone unknown" in article.warnings[0]


def test_a_post_stored_after_the_article_that_reports_it_is_linked(store, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    Pipeline(store).ingest([str(article)])
    Pipeline(store).ingest([str(write(tmp_path / "result.json", legion_chat()))])
    with store.session() as session:
        taken = post_document(session, f"telegram:{LEGION_ID}", 2)
        quotes = session.execute(select(PostQuote, Statement).join(Statement, Statement.id == PostQuote.statement_id)).all()
        assert [(q.post_document_id, st.source_text) for q, st in quotes] == [(taken.id, "The Freedom of Russia Legion")]


def test_a_real_report_of_two_channels_posts_links_each_statement_to_its_channels_post(store, tmp_path):
    """The seed article (a real report) says "The Legion posted a message on their Telegram channel on
    Friday that they had taken the small frontier village of Konzinka and would now march on Graivoron"
    and that videos "appeared on the Telegram channel of the «Russian Volunteer Corps»" in which gunmen
    declared "not at war with the civilian population". With the two channels' posts stored (the
    Legion's under its Russian name), each such statement links to its channel's post, none to the other's."""
    legion = chat("Легион «Свобода России»", LEGION_ID, [
        message(101, unix(10), "The Legion has taken the village of Kozinka. We are moving on to Graivoron."),
        message(102, unix(11), "Our fighters repelled an attack near Glotovo, two armoured vehicles destroyed."),
    ])
    rvc = chat(RVC, RVC_ID, [message(55, unix(9, 50), "We are not at war with the civilian population. "
                                                     "Ordinary Russian citizens, stand up and fight against the regime!")])
    Pipeline(store).ingest([str(write(tmp_path / "legion.json", legion)), str(write(tmp_path / "rvc.json", rvc)), str(SEED)])
    with store.session() as session:
        links = session.execute(
            select(Statement.cue_text, Post.channel_key, Post.message_id)
            .join(PostQuote, PostQuote.statement_id == Statement.id).join(Post, Post.document_id == PostQuote.post_document_id)
        ).all()
    assert ("posted", f"telegram:{LEGION_ID}", 101) in links
    assert ("declared", f"telegram:{RVC_ID}", 55) in links
    assert all(key != f"telegram:{LEGION_ID}" or number == 101 for _, key, number in links)


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)
fields = ("date", "text_entities", "forwarded_from", "forwarded_from_id",
          "reply_to_message_id", "reply_to_peer_id", "photo", "media_type", "author", "from")
messages = st.fixed_dictionaries(
    {"id": st.integers(1, 10**6) | st.integers(1, 10**6) | values,
     "type": st.sampled_from(["message", "message", "message", "service"]) | st.sampled_from(["message", "x"]) | values,
     "date_unixtime": st.integers(-(10**20), 10**20).map(str) | values,
     "text": st.from_regex(r"[A-Za-zА-я ]{1,40}", fullmatch=True) | st.text(max_size=60) | st.lists(st.text(max_size=20) | st.fixed_dictionaries({"type": st.sampled_from(["text_link", "link", "bold"]), "text": values, "href": values}), max_size=3)},
    optional={name: values for name in fields},
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(chat_fields=st.dictionaries(st.sampled_from(["name", "type", "id", "username"]), values, max_size=4), found=st.lists(messages, max_size=6))
def test_any_export_gives_posts_or_one_line_problems(tmp_path, chat_fields, found):
    """Whatever the fields hold, the reader gives posts or rejections naming the file; never an exception."""
    path = write(tmp_path / "result.json", {"name": "C", "type": "public_channel", "id": 5, **chat_fields, "messages": found})
    for result in read_telegram(path, DEFAULT_LIMITS):
        assert isinstance(result, RawItem | Rejection)
        if isinstance(result, Rejection):
            assert result.origin.startswith(str(path)) and result.problem
            continue
        try:
            article = to_article(result)
        except IngestError as error:
            assert error.origin == result.origin and error.problem
            continue
        assert article.text and article.post is not None and len(article.content_hash) == 64
