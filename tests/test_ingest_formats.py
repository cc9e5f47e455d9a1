"""Each input kind yields the article in it, with text and metadata."""

from __future__ import annotations

import gzip
import json

import pytest

from conftest import PAGES, SEED, make_warc
from factfile.ingest import read_items, to_article
from factfile.records import RawItem, Rejection

KEY, PAGE = next(iter(PAGES.items()))
FIRST_WORDS = " ".join(PAGE["articleBody"].split()[:12])


def articles(*paths):
    found = list(read_items([str(p) for p in paths]))
    assert all(isinstance(f, RawItem) for f in found), [str(f) for f in found if isinstance(f, Rejection)]
    return [to_article(item) for item in found]


def test_html_gz_page_gives_main_text_and_metadata():
    (article,) = articles(PAGE["path"])
    assert FIRST_WORDS in " ".join(article.text.split())
    assert article.title and article.language == "en"
    assert article.url == PAGE["url"] or article.domain in PAGE["url"]
    assert "Advertisement" not in article.text.split("\n")


def test_plain_html_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE["html"])
    (article,) = articles(path)
    assert FIRST_WORDS in " ".join(article.text.split())


def test_plain_text_first_line_is_title_kept_in_text_and_trailer_is_cut():
    (article,) = articles(SEED)
    assert article.title.startswith("These are the Russians who want to overthrow Putin")
    assert article.text.startswith(article.title + "\n\nSoldiers of the «Legion of Freedom of Russia».")
    assert article.declared_source == "Watson"
    assert article.author == "Yasmin Muller"
    assert "Amelia James" not in article.text and "Related Posts" not in article.text
    assert article.text.rstrip().endswith("as he put it in the Financial Times a week ago.")


def test_jsonl_with_text_and_html_lines(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [
        {"url": "https://example.org/a", "title": "Seed", "text": SEED.read_text(encoding="utf-8"), "date": "2023-05-23", "source": "Example News"},
        {"url": PAGE["url"], "html": PAGE["html"].decode("utf-8"), "date": "2019-11-18T10:00:00Z"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    first, second = articles(path)
    assert first.title == "Seed" and first.published.isoformat() == "2023-05-23" and first.site == "Example News"
    assert first.domain == "example.org"
    assert FIRST_WORDS in " ".join(second.text.split())
    assert second.published.isoformat() == "2019-11-18"


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"text": SEED.read_text(encoding="utf-8")}) + "\n").encode()))
    (article,) = articles(path)
    assert "Legion of Freedom of Russia" in article.text


@pytest.mark.parametrize("gz", [True, False])
def test_warc_response_records_become_articles(tmp_path, gz):
    pages = [(p["url"], p["html"]) for p in PAGES.values()]
    path = make_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), pages, gz=gz)
    found = articles(path)
    assert [a.url for a in found] == [url for url, _ in pages]
    for article, page in zip(found, PAGES.values(), strict=True):
        assert " ".join(page["articleBody"].split()[:10]) in " ".join(article.text.split())


def test_rss_and_atom_entries(tmp_path):
    body = "<p>" + "</p><p>".join(SEED.read_text(encoding="utf-8").split("\n\n")[1:8]) + "</p>"
    rss = tmp_path / "feed.rss"
    rss.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Example Feed</title>"
        "<item><title>Raid into Belgorod</title><link>https://example.org/raid</link>"
        "<pubDate>Tue, 23 May 2023 08:00:00 GMT</pubDate>"
        f"<description><![CDATA[{body}]]></description></item></channel></rss>",
        encoding="utf-8",
    )
    atom = tmp_path / "feed.atom"
    atom.write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Atom Site</title>"
        "<entry><title>Legion</title><link href='https://example.com/legion'/><updated>2023-05-24T00:00:00Z</updated>"
        f"<content type='html'><![CDATA[{body}]]></content></entry></feed>",
        encoding="utf-8",
    )
    rss_article, atom_article = articles(rss, atom)
    assert rss_article.title == "Raid into Belgorod" and rss_article.site == "Example Feed"
    assert rss_article.published.isoformat() == "2023-05-23" and rss_article.domain == "example.org"
    assert "Legion of Freedom of Russia" in rss_article.text
    assert atom_article.url == "https://example.com/legion" and atom_article.published.isoformat() == "2023-05-24"


def test_folders_and_globs_are_expanded(tmp_path):
    folder = tmp_path / "corpus" / "sub"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    assert len(list(read_items([str(tmp_path / "corpus")]))) == 1
    assert len(list(read_items([str(tmp_path / "corpus" / "**" / "*.txt")]))) == 1
    (missing,) = list(read_items([str(tmp_path / "nope" / "*.html")]))
    assert isinstance(missing, Rejection) and "matches no file" in missing.problem


def test_mojibake_and_legacy_encodings_are_repaired(tmp_path):
    text = "Headline here\n\nThe “Legion of Freedom of Russia” – a group based in Kyiv – said it’s ready. " * 3
    mojibake = tmp_path / "mojibake.txt"
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252, the codec that makes real mojibake)

    mojibake.write_bytes(text.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"))
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Überschrift hier\n\nDer Präsident sagte, dass die Lösung schön und größer wäre. Grüße aus München. ".encode("cp1252") * 3)
    fixed, decoded = articles(mojibake, legacy)
    assert "“Legion of Freedom of Russia”" in fixed.text and "â€" not in fixed.text
    assert any("mojibake" in w for w in fixed.warnings)
    assert "Präsident" in decoded.text and "München" in decoded.text
    assert any("not valid UTF-8" in w for w in decoded.warnings)


@pytest.mark.parametrize(
    "text, source",
    [
        ("KYIV, Ukraine (AP) — Ukrainian forces said", "AP"),
        ("WASHINGTON (Reuters) - The president said", "Reuters"),
        ("Body text.\n\nSoource :Watson\n\nfollow:", "Watson"),
        ("Body text.\n\nSource: Watson.ch", "Watson.ch"),
        ("This article was originally published by The Conversation.", "The Conversation"),
        ("The statement was distributed via AP on Monday.", "AP"),
        ("Course: Mathematics\n\nStatus: done", None),
        ("Photo credit: Getty Images", None),
        ("rail cars on fire [Maxar Technologies via AP Photo]\n\nTraffic has resumed on the bridge.", None),
    ],
)
def test_declared_original_source(text, source):
    from factfile.ingest.provenance import declared_source

    assert declared_source(text) == source
