"""Wire agencies: which agency a text credits ("(Reuters) -", "By REUTERS", "— AP", "/ТАСС/", "with AFP"),
and whether an outlet is itself an agency; and which other source a page says it carries (a title ending
", un.org", a mirror whose address holds wikipedia.org).

A wire story is carried by many outlets at once, often re-edited (cut, re-ordered, a local paragraph
added); the credit line, not the publication date, says where the text comes from. Only credit forms
are read (a dateline, a byline, a trailer), never a mention in a sentence ("told Reuters", "сообщает
ТАСС"), which is an outlet citing an agency, not carrying its story.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factfile.store.schema import Outlet

# Canonical agency name -> the names and domains it goes by. An agency whose initials also stand for other
# bodies in a lead's "Full Name (ABBR)" ("ANP": Brazil's petroleum agency; "MTI", "STA", "BNS", "ELTA") or
# whose name is a photo credit's ("Foto: APA/…") goes by its domain only.
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "REUTERS", "رويترز", "Ρόιτερς", "reuters.com"),
    "AP": ("AP", "Associated Press", "The Associated Press", "أسوشيتد برس", "اسوشيتد برس", "apnews.com"),
    "AFP": ("AFP", "Agence France-Presse", "فرانس برس", "أ ف ب", "أ.ف.ب", "Франс Пресс", "afp.com"),
    "dpa": ("dpa", "DPA", "dpa.com"),
    "Bloomberg": ("Bloomberg", "bloomberg.com"),
    "UPI": ("UPI", "upi.com"),
    "ANSA": ("ANSA", "ansa.it"),
    "EFE": ("EFE", "efe.com"),
    "Europa Press": ("Europa Press", "europapress.es"),
    "Lusa": ("Lusa", "lusa.pt"),
    "Xinhua": ("Xinhua", "新华社", "Синьхуа", "xinhuanet.com", "news.cn"),
    "IANS": ("IANS", "ians.in"),
    "PTI": ("PTI", "ptinews.com"),
    "ANI": ("ANI", "aninews.in"),
    "TASS": ("TASS", "ТАСС", "tass.ru", "tass.com"),
    "RIA Novosti": ("RIA Novosti", "РИА Новости", "ria.ru"),
    "Sputnik": ("Sputnik", "sputniknews.com", "sputnikglobe.com"),
    "Interfax": ("Interfax", "Интерфакс", "Інтерфакс", "Interfax-Ukraine", "Интерфакс-Украина", "Інтерфакс-Україна",
                 "interfax.ru", "interfax.com.ua"),
    "Ukrinform": ("Ukrinform", "Укрінформ", "Укринформ", "ukrinform.ua", "ukrinform.net", "ukrinform.ru", "ukrinform.de",
                  "ukrinform.es", "ukrinform.fr", "ukrinform.pl", "ukrinform.jp"),  # its language editions' own domains
    "UNIAN": ("UNIAN", "УНИАН", "УНІАН", "unian.net", "unian.ua", "unian.info"),
    "BelTA": ("BelTA", "БелТА", "belta.by"),
    "PAP": ("PAP", "Polska Agencja Prasowa", "pap.pl"),
    "ČTK": ("ČTK", "ctk.cz"),
    "TASR": ("TASR", "tasr.sk"),
    "MTI": ("mti.hu",),
    "Agerpres": ("Agerpres", "AGERPRES", "agerpres.ro"),
    "BTA": ("БТА", "bta.bg"),
    "HINA": ("HINA", "hina.hr"),
    "STA": ("sta.si",),
    "Tanjug": ("Tanjug", "Танјуг", "tanjug.rs"),
    "ANA-MPA": ("ANA-MPA", "ΑΠΕ-ΜΠΕ", "amna.gr"),
    "ANP": ("anp.nl",),
    "Belga": ("Belga", "belga.be"),
    "Ritzau": ("Ritzau", "ritzau.dk"),
    "NTB": ("ntb.no",),
    "TT": ("tt.se",),
    "STT": ("stt.fi",),
    "ELTA": ("elta.lt",),
    "BNS": ("bns.lt",),
    "LETA": ("LETA", "leta.lv"),
    "Kazinform": ("Kazinform", "Казинформ", "inform.kz"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "الأناضول", "aa.com.tr"),
    "Kyodo": ("Kyodo", "kyodonews.net"),
    "Yonhap": ("Yonhap", "yna.co.kr"),
    "PA": ("Press Association", "PA Media"),
    "APA": ("apa.at",),
    "Keystone-SDA": ("Keystone-SDA", "keystone-sda.ch"),
}
# Not agencies, but carried word for word the same way, by mirrors that credit them in title or address.
REFERENCES: dict[str, tuple[str, ...]] = {
    "Wikipedia": ("Wikipedia", "Википедия", "Вікіпедія", "wikipedia.org"),
}
_KNOWN = AGENCIES | REFERENCES
_ALIASES = [alias for aliases in _KNOWN.values() for alias in aliases if "." not in alias]
_NAME_OF = {alias.casefold(): agency for agency, aliases in _KNOWN.items() for alias in aliases if "." not in alias}
_DOMAIN_OF = {alias: agency for agency, aliases in _KNOWN.items() for alias in aliases if "." in alias}
_ALT = "|".join(sorted(map(re.escape, _ALIASES), key=len, reverse=True))

# The Russian and Ukrainian verb of passing on another's report ("передает ТАСС", "передає Укрінформ").
_PASSES_ON = r"(?:передает|передаёт|передают|передає|передають)"
# "Source:" as a credit line says it in the languages of the European, Russian, Ukrainian, Turkish and Arabic press.
_SOURCE_WORDS = (
    r"[Ss]ources?|Quelle|Источник|Джерело|Fuente|Fonte|Źródło|Zdroj|Forrás|Kilde|Källa|Lähde|Bron|Πηγή|Kaynak|Sursa"
    r"|Izvor|Извор|Източник|Allikas|Šaltinis|Avots|المصدر"
)

# (pattern, where): "head" is the first 400 characters, "tail" the last 300. Aliases match case-sensitively
# ("AP", not "ap").
_CREDITS = [
    # "KYIV, June 6 (Reuters) -", "New Delhi, June 6 (IANS)", "(AP) —"
    (re.compile(r"\((?P<name>" + _ALT + r")\)"), "head"),
    # "By REUTERS", "By The Associated Press" as a byline
    (re.compile(r"(?:^|\n)\s*(?:By|BY|by)\s+(?P<name>" + _ALT + r")\s*(?:$|\n|[,|·])"), "head"),
    # "МОСКВА, 6 июня. /ТАСС/.", "КИЕВ, 6 июн — РИА Новости."
    (re.compile(r"/\s*(?P<name>" + _ALT + r")\s*/"), "head"),
    (re.compile(r"^[^\n]{0,80}?[—–-]\s*(?P<name>" + _ALT + r")\s*[.:]", re.M), "head"),
    # a title in the source's namespace: "Русская Википедия:Разрушение …", "Reuters: Ukraine says …"
    (re.compile(r"\A\s*(?:\w+\s)?(?P<name>" + _ALT + r"):"), "head"),
    # a ticker line "+++UPDATE dpa+++"
    (re.compile(r"\+{2,}[ \t]*(?:[A-Z]+[ \t]+)?(?P<name>" + _ALT + r")[ \t]*\+{2,}"), "head"),
    # "... Nova Kakhovka Dam - Reuters  A vast ...", "© Reuters. FILE PHOTO", "(dpa-AFX)"
    (re.compile(r"(?:\s[—–-]|©)\s*(?P<name>" + _ALT + r")(?=[\s.:,]|$)(?!\s+(?:said|says|reported|reports|news agency))"), "head"),
    (re.compile(r"\((?P<name>" + _ALT + r")-[A-Z]+\)"), "head"),
    # a joint credit "AFP/Belga", "dpa/TASS": the agency that wrote the story first, then the one that passes it on
    (re.compile(r"(?<!\w)(?P<name>" + _ALT + r")\s?/\s?(?:" + _ALT + r")\b"), "head"),
    # a byline "Von B.Z./dpa", "By Jane Doe/AP"
    (re.compile(r"[\w.]/\s?(?P<name>" + _ALT + r")\b"), "head"),
    # a byline on a line of its own above the text: "Reuters\nPublished : 29 July 2022"
    (re.compile(r"^[ \t]*(?P<name>" + _ALT + r")[ \t]*$", re.M), "head"),
    # "…, передает ТАСС.", "— передає Укрінформ": the Russian and Ukrainian press's credit of the agency it carries
    # (to transmit a wire) closing a sentence, not its citing of one ("сообщает ТАСС", "пишет УНИАН": reports,
    # writes; "его слова передает ТАСС": a quote relayed)
    (
        re.compile(
            r"[,—–-]\s*" + _PASSES_ON + r"\s+(?P<name>" + _ALT + r")"
            r"(?=\s*[.;,)]|\s+(?:со ссылкой|з посиланням))"
        ),
        "head",
    ),
    # trailers: "— AP", "(with AFP)", "with Reuters", "Source: IANS", "Fuente: EFE", "Źródło: PAP", a line "IANS"
    (re.compile(r"^\s*(?:[—–-]\s*|\(?\s*(?:[Ww]ith|" + _SOURCE_WORDS + r")\s*:?\s*)"
                r"(?P<name>" + _ALT + r")\s*\)?\s*\.?\s*$", re.M), "tail"),
    (re.compile(r"^\s*(?P<name>" + _ALT + r")\s*$", re.M), "tail"),
    # the agency's name closing the text after its last sentence: "… 334,8 megavatios. EFE"
    (re.compile(r"[.!?»”\"]\s+(?P<name>" + _ALT + r")\s*\.?\s*\Z"), "tail"),
]
CREDIT_HEAD = 600  # characters at a text's start where a credit passing on another outlet's report is read
_REUTERS_TRAILER = re.compile(r"\bReporting by [A-Z][^\n]{2,200}?\bEditing by\b")
# A photographer's credit names the agency that took the picture, not the one that wrote the text: "Автор фото,
# Mikhail Tereshchenko/TASS", "(Satellite image ©2022 Maxar Technologies/AP)"; a photo service's own line
# ("picture alliance/dpa") comes with the agency's text in the German press and still credits it.
_PHOTO_LINE = re.compile(r"photo|foto|фото|image|bild|picture|imago|getty", re.I)


def agency(name: str | None) -> str | None:
    """The canonical agency (or reference work) a name or domain stands for ("The Associated Press" -> "AP"), else None."""
    if not name:
        return None
    name = name.strip().removeprefix("www.")
    return _NAME_OF.get(name.casefold()) or _DOMAIN_OF.get(name.casefold()) or next(
        (a for domain, a in _DOMAIN_OF.items() if name.casefold().endswith("." + domain)), None
    )


def credited_agency(text: str, declared_source: str | None = None) -> str | None:
    """The wire agency whose story the text says it carries, or None."""
    if found := agency(declared_source):
        return found
    for pattern, within in _CREDITS:
        region = text[:400] if within == "head" else text[-300:]
        for match in pattern.finditer(region):
            if (found := agency(match.group("name"))) and not _in_photo_credit(region, match):
                return found
    if _REUTERS_TRAILER.search(text[-600:]):
        return "Reuters"
    return _verifying_agency(text) or _reporting_agency(text)


# An agency says of itself that it could not verify a claim ("Reuters could not immediately verify", "AFP n'a pas pu
# vérifier", "لم يتسن لوكالة فرانس برس التأكد"): a sentence only its own story has, kept by every outlet carrying it,
# translated or not. One sentence holding the agency's name, a negation and a verb of checking, in any of these languages.
_NEGATION = re.compile(
    r"(?<!\w)(?:not|unable|cannot|nicht|kein\w*|ne|non|no|não|nie|не|ні|нельзя|[وف]?لم|[وف]?لا|δεν|nem|nu|ei)(?!\w)"
    r"|\w(?:n't|n’t)|(?<!\w)n['’]",
    re.I,
)
_VERIFYING = re.compile(
    r"verif|überprüf|ueberpruef|nachprüf|prüfen|vérif|verifiz|weryfik|zweryfik|провер|перевір|підтверд|подтверд|التحقق|التأكد"
    r"|επαλήθευ|επιβεβαι|ellenőr|ověř|overen",
    re.I,
)
NEGATED_VERB = 60  # characters from the negation to the verb it negates: "n'a pas pu vérifier", "لم يتسن لوكالة فرانس برس التأكد"
_AGENCY = re.compile(r"(?<!\w)(?P<name>" + _ALT + r")(?!\w)")
_SENTENCE_ENDS = ".!?\n"
_CITED = re.compile(r"(?:\b(?:told|to|by|according to)|сказал\w*|заявил\w*|сообщил\w*)\s+(?:the\s+)?$", re.I)


def _named_agencies(text: str) -> Iterator[tuple[re.Match, str]]:
    """Each place the text names a wire agency, with the agency's canonical name."""
    for found in _AGENCY.finditer(text):
        if (name := agency(found.group("name"))) in AGENCIES:
            yield found, name


def _verifying_agency(text: str) -> str | None:
    """The wire agency a sentence says could not verify something itself (a negation shortly before a verb of
    checking, the agency's name in the sentence and not cited: "told Reuters"), else None."""
    for found, name in _named_agencies(text):
        start = max(text.rfind(end, 0, found.start()) for end in _SENTENCE_ENDS) + 1
        stop = min((i for i in (text.find(end, found.end()) for end in _SENTENCE_ENDS) if i >= 0), default=len(text))
        if _CITED.search(text, start, found.start()):
            continue
        if any(_VERIFYING.search(text, n.end(), min(stop, n.end() + NEGATED_VERB)) for n in _NEGATION.finditer(text, start, stop)):
            return name
    return None


# An agency's own staff on the scene ("an AFP reporter saw", "der AFP-Reporter", "un giornalista dell'AFP", "корреспондент
# AFP"): only the agency's own story speaks of its reporter so, and every outlet carrying it keeps the phrase, translated or
# not. The nouns for a reporter, journalist and correspondent in the languages of the European, Russian, Ukrainian,
# Turkish and Arabic press, by their stems.
_STAFF = re.compile(
    r"(?<!\w)(?:rep[oó]rt[eé]r|journalist|giornalist|jornalist|jurnalist|periodist|[ck]orr?[ie]?spond[ae]nt|corresponsal"
    r"|verslaggever|dziennikar|novin[aá]ř|novinár|zpravodaj|spravodaj|riporter|tudósító|újságíró|muhabir"
    r"|корреспондент|кореспондент|журналист|журналіст|репортер|репортёр|ανταποκριτ|δημοσιογράφ|ρεπόρτερ"
    r"|مراسل|صحفي|صحافي)\w*",
    re.I,
)
STAFF_DISTANCE = 25  # characters between the agency's name and the noun for its reporter ("un giornalista dell'AFP sul posto")


def _reporting_agency(text: str) -> str | None:
    """The wire agency a sentence speaks of as having its own reporter there (the name within STAFF_DISTANCE of a noun
    for a reporter, in one sentence; not a reporter a text cites the agency beside: "told Reuters"), else None."""
    for found, name in _named_agencies(text):
        start, stop = max(0, found.start() - STAFF_DISTANCE), found.end() + STAFF_DISTANCE
        for staff in _STAFF.finditer(text, start, min(stop, len(text))):
            between = text[min(staff.end(), found.end()) : max(staff.start(), found.start())]
            if not any(end in between for end in _SENTENCE_ENDS) and not _CITED.search(text, start, found.start()):
                return name
    return None


def _in_photo_credit(region: str, match: re.Match) -> bool:
    """Whether a credit written after a slash follows a photographer's name ("Name/AP") on a line about a photo."""
    before = region[max(0, match.start() - 60) : match.start("name")]
    if not (named := _NAME_SLASH.search(before)):
        return False
    start = region.rfind("\n", 0, match.start()) + 1
    end = region.find("\n", match.end())
    return bool(_PHOTO_LINE.search(region[start : end if end >= 0 else len(region)])) and named.group(1)[0].isupper()


_NAME_SLASH = re.compile(r"([^\W\d_][\w.-]*)\s?/\s?$")


# "KHARKIV, Ukraine (AP) —", "MOSCOW, June 6 (Reuters) -": the place an agency files a story from, opening a line
_DATELINE = re.compile(r"^[ \t]*(?P<place>[A-Z][A-Z .'’-]{1,40}?)\b[^\n(]{0,40}?\((?P<name>" + _ALT + r")\)", re.M)


def dateline(text: str) -> str | None:
    """The dateline a wire story opens with, as "PLACE (Agency)", or None."""
    if (found := _DATELINE.search(text[:600])) and (name := agency(found.group("name"))):
        return f"{found.group('place').strip()} ({name})"
    return None


# a title ending with the domain it was taken from: "…, un.org", "… - reuters.com", "… | apnews.com"
_TITLE_DOMAIN = re.compile(r"(?:,|\s[-–—|])\s*(?:www\.)?(?P<domain>(?:[a-z0-9-]+\.)+[a-z]{2,})\s*$", re.I)
# an address that holds another site's host: a proxy or mirror ("…/host-http-ru.m.wikipedia.org/wiki/…")
_EMBEDDED_HOST = re.compile(r"[/-](?P<host>(?:[a-z0-9-]+\.)+[a-z]{2,})(?=/)", re.I)


def domains(source: str) -> list[str]:
    """The domains a source publishes under: an agency's or reference work's known ones, or itself."""
    return [alias for alias in _KNOWN.get(source, (source,)) if "." in alias]


# "…, передаёт телеканал RT.", "— передає видання Главком.": the same credit form as an agency's (`_CREDITS`), of any
# outlet, its kind of medium (the nouns for a channel, paper, site, agency or outlet) between the verb and its name.
_PASSED_ON = re.compile(
    r"[,—–-]\s*" + _PASSES_ON + r"\s+"
    r"(?:(?:телеканал|канал|агентство|издание|видання|газета|портал|сайт|радио|радіо|телеграм-канал)\s+)?"
    r"[«\"„“]?(?P<name>[A-ZА-ЯЁІЇЄ][\w-]*(?:[ -][A-ZА-ЯЁІЇЄ][\w-]*)?)[»\"“”]?(?=\s*[.;,)])"
)


def credited_source(text: str, declared_source: str | None = None, title: str | None = None, url: str | None = None) -> str | None:
    """The source a page says it carries: a wire agency it credits (canonical name), else an outlet it credits as it
    would an agency ("передаёт телеканал RT"), else the domain its title ends with, else a known source whose host its
    address holds (a proxy mirror); None if none."""
    if found := credited_agency(text, declared_source):
        return found
    if match := _PASSED_ON.search(text[:CREDIT_HEAD]):
        return agency(match.group("name")) or match.group("name")
    heading = title or text.split("\n", 1)[0]
    if match := _TITLE_DOMAIN.search(heading[:300]):
        domain = match.group("domain").casefold()
        return agency(domain) or domain
    path = url.split("://", 1)[-1].split("/", 1)[-1] if url else ""
    for match in _EMBEDDED_HOST.finditer("/" + path):
        if found := agency(match.group("host")):
            return found
    return None


def outlet_agency(outlet: Outlet | None) -> str | None:
    """The agency an outlet is (reuters.com, "name:TASS"), else None."""
    if outlet is None:
        return None
    return agency(outlet.domain) or agency(outlet.name) or agency(outlet.key.removeprefix("name:"))
