"""statement bands of Cyrillic contents by word stems: "дело Пригожина прекратят" and "дело Пригожин будет
прекращено" now share keys (relate/claims.py cuts a Cyrillic word to its first 5 letters and leaves
Russian and Ukrainian stop words out)

The keys of every stored statement whose content holds a Cyrillic letter are computed again, a batch at
a time; other contents' keys do not change. As in 0009, the keys come from a frozen copy of what
relate/claims.py computes at this revision (hash functions, seeds, spaCy 3's English, Russian and
Ukrainian stop words), so a later change there does not change what this migration writes.

Revision ID: 0015
Revises: 0014
"""

import hashlib
import re

import numpy as np
import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

BATCH = 20_000
ROWS = 2
BANDS = 8
SEED = 20230522
STEM = 5
_WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ENGLISH_STOP_WORDS = frozenset(
    """
'd 'll 'm 're 's 've a about above across after afterwards again against all almost alone along already also
although always am among amongst amount an and another any anyhow anyone anything anyway anywhere are around
as at back be became because become becomes becoming been before beforehand behind being below beside besides
between beyond both bottom but by ca call can cannot could did do does doing done down due during each eight
either eleven else elsewhere empty enough even ever every everyone everything everywhere except few fifteen
fifty first five for former formerly forty four from front full further get give go had has have he hence her
here hereafter hereby herein hereupon hers herself him himself his how however hundred i if in indeed into is
it its itself just keep last latter latterly least less made make many may me meanwhile might mine more
moreover most mostly move much must my myself n't name namely neither never nevertheless next nine no nobody
none noone nor not nothing now nowhere n‘t n’t of off often on once one only onto or other others otherwise
our ours ourselves out over own part per perhaps please put quite rather re really regarding same say see seem
seemed seeming seems serious several she should show side since six sixty so some somehow someone something
sometime sometimes somewhere still such take ten than that the their them themselves then thence there
thereafter thereby therefore therein thereupon these they third this those though three through throughout
thru thus to together too top toward towards twelve twenty two under unless until up upon us used using
various very via was we well were what whatever when whence whenever where whereafter whereas whereby wherein
whereupon wherever whether which while whither who whoever whole whom whose why will with within without would
yet you your yours yourself yourselves ‘d ‘ll ‘m ‘re ‘s ‘ve ’d ’ll ’m ’re ’s ’ve
    """.split()
)
CYRILLIC_STOP_WORDS = frozenset(
    """
а або авось ага агу адже аж ай але али алло ау ах ая б багато бац без безперервно безусловно би бишь благо
благодаря ближайшие близко близько бо более больше був буває буде будем будемо будет будете будеш будешь будто
буду будут будуть будучи будь будьте була були було бути бы бывает бывала бывали бываю бывают был была были
было бытует быть більш більше біля в вам вами вас ваш ваша ваше ваши вашим вашими ваших вашого вашому вашою
вашої вашу ваші вашій вгору вгорі вдали вдалині вдобавок вдруг ведь везде вернее весь вже взаимно взаправду ви
видно вишь включая вместо внакладе вначале вне вниз внизу вновь во вовсе возможно воистину вокруг вон вона
вони воно вообще вопреки восьмий вот вперекор вплоть вполне вправду вправе впрочем впрямь вресноту вроде вряд
все всегда всего всей всем всеми всему всех всею всея всього всьому всю всюду вся всякий всякого всякой
всячески всё всём всі всім всіх втім вчеред вы від відсотків він вісім вісімнадцятий вісімнадцять г гав где
геть го говорив говорить гораздо д да дабы давайте давно давным даже далее далеко дальше далі данная данного
данное данной данном данному данные данный данных дану данунах дарма даром два двадцятий двадцять дванадцятий
дванадцять двох дві де дев'ятий дев'ятнадцятий дев'ятнадцять дев'ять действительно декілька день десятий
десять для дня до добре довго довольно доки доколе доколь долго должен должна должно должны должный
дополнительно досить другая другие другий другим другими других другое другой дуже дякую дійсно е его едва
едим едят ее ежели ей ел ела еле ем ему емъ если ест есть ешь еще ещё ею её ж же з за завжди зазвичай занадто
зараз зате затем зато зачем звичайно звідси звідусіль здається здесь значит значить знову зовсім зря зі и ибо
из или иль им имеет имел имела имело именно иметь ими имъ иначе иногда иным иными итак их ишь й його йому к ка
кабы каждая каждое каждые каждый каже кажется казалась казались казалось казался казаться как какая какие
каким какими каков какого какой какому какою касательно кем ким ко когда кого кожен кожна кожне кожні кой коли
коль ком кому комья конечно короче которая которого которое которой котором которому которою которую которые
который которым которыми которых краще кроме крім кстати кто ку куда куди кілька л ласка ледве ли либо лише
лишь любая любого любое любой любом любую любыми любых м майже мало мати має меж между мене менее менш менше
меньше меня мені ми мимо мне многие много многого многое многом многому мной мною мог моги могите могла могли
могло мого могти могу могут мое моего моей моем моему моею може можем может можете можешь можна можно можуть
мои моим моими моих мой мол мочь мою моя моё моём моє моєму моєю моєї мої моїй моїм моїми моїх му мы міг між
мій мільйонів н на наверняка наверху навколо навкруги навряд навыворот навіть навіщо нагорі над надо назад
наиболее наизворот наизнанку наипаче найбільш накануне наконец нам нами наоборот наперед наперекор наподобие
например напротив напрямую нарешті нас наса насилу настоящая настоящее настоящие настоящий насчет нате
находиться начала начале наш наша наше нашего нашей нашем нашему нашею наши нашим нашими наших нашого нашому
нашою нашої нашу наші нашій не небагато небудь неважно негде него недавно недалеко нее незачем ней некем
некогда некому некоторая некоторые некоторый некоторых некто некуда нельзя нем немає немногие немногим немного
нему необходимо необходимости необходимые необходимым неоткуда непрерывно нередко нерідко несколько нет нету
неужели нечего нечем нечему нечто нешто нещодавно нею неё неї нибудь нигде ниже нижче низко низько никак
никакой никем никогда никого никому никто никуда ним ними ниоткуда нипочем них ничего ничем ничему ничто но ну
нужная нужно нужного нужные нужный нужных ныне нынешнее нынешней нынешних нынче нього ньому нём ні ніби ніж
ній ніколи нікуди нім нічого о об оба обидва обоє общую обычно ого один одинадцятий одинадцять одна однажды
однак однако одни одним одними одних одно одного одной одном одному одною одну одній однієї означає ой около
окрім ом он она оне они оно оный оп опять особенно особливо особо особую особые ось от откуда отнелижа
отнелиже отовсюду отсюда оттого оттот оттуда отчего отчему ох очевидно очень п п'ятий п'ятнадцятий п'ятнадцять
п'ять паче перед перший по повинно под подавно поди подобная подобно подобного подобные подобный подобным
подобных подів поелику пожалуй пожалуйста позже поистине пока покамест поки поколе поколь покуда покудова
помимо понеже поприще пор пора поруч посему посеред поскольку после посреди посредством потом потому потомушта
потрібно потім похожем почала початку почему почти поэтому прежде при притом причем про просто проте проти
прочего прочее прочему прочими проще прям пусть під пізніше пір після р ради раз разве разу ранее рано раньше
раніше раптом роки року років році рядом рік с сам сама самая саме сами самим самими самих само самого самое
самой самом самому саму самый самых самі самій сверх свого свое своего своей своем своему своею свои своим
своими своих свой свою своя своё своём своє своєї свої своїй своїх свыше се себе себя сего сей сейчас сие сих
сказав сказала сказати сквозь сколько скорее скоро скрізь скільки следует слишком смогут сможет сначала снова
со собой собою собственно собі совсем спасибі сперва спокону спочатку справ спустя сразу среди сродни став
стал стала стали стало стать суть сызнова сьогодні сьомий сім сімнадцятий сімнадцять т та так така такая таке
также таки такие такий таким такими таких таков такова такого такое також такой таком такому такою такую такі
там тая твого твои твоим твоих твой твою твоя твоё твоє твоєму твоєю твоєї твої твоїй твоїм твоїми твоїх твій
те тебе тебя теж тем теми тепер теперь тех ти тим тими тисяч тих то тобой тобою тобі тогда того тоді тоже той
только том томах тому тот тотчас точно тою треба третій три тринадцятий тринадцять трохи ту туда туди тут ты
тьфу ті тій тільки тім тією тієї у увесь увы уж уже уміти ура усе усього усьому усю усюди уся усі усім усіма
усіх ух ую ф фу х ха хе хорошо хотел хотела хотелось хотеть хоть хотя хотіти хоч хоча хочеш хочешь хочу хто
хуже хіба це цей цим цими цих цього цьому цю ця ці цій цієї ч час часто частіше часу чаще чего чей чем чему
через четвертий чи чий чийого чийому чим численна численне численний численні чию чия чиє чиєму чиєї чиї чиїй
чиїм чиїми чиїх чого чому чотири чотирнадцятий чотирнадцять что чтоб чтобы чуть чхать чьим чьих чьё чё чём ш
ша шостий шістнадцятий шістнадцять шість щ ща щас ще що щоб щодо щось ы ые ый ых э эдак эдакий эй эка экий эта
этак этакий эти этим этими этих это этого этой этом этому этот этою эту эх ю я явно явных як яка який яких яко
якобы якого якоже якої якщо які якій є і із іноді інша інше інший інших інші їй їм їх її
    """.split()
)
STOP_WORDS = ENGLISH_STOP_WORDS | CYRILLIC_STOP_WORDS


def upgrade() -> None:
    _index_cyrillic_statements(op.get_bind(), _words)


def downgrade() -> None:
    _index_cyrillic_statements(op.get_bind(), _whole_words)


def _index_cyrillic_statements(connection: sa.Connection, words) -> None:
    statements = sa.table("statements", sa.column("id", sa.Integer), sa.column("content_text", sa.Text))
    bands = sa.table("statement_bands", sa.column("key", sa.BigInteger), sa.column("statement_id", sa.Integer))
    last = 0
    while True:
        batch = connection.execute(
            sa.select(statements.c.id, statements.c.content_text).where(statements.c.id > last).order_by(statements.c.id).limit(BATCH)
        ).all()
        if not batch:
            return
        last = batch[-1][0]
        cyrillic = [(statement_id, content) for statement_id, content in batch if content and _CYRILLIC.search(content)]
        if not cyrillic:
            continue
        connection.execute(bands.delete().where(bands.c.statement_id.in_([statement_id for statement_id, _ in cyrillic])))
        keys = keys_of([content for _, content in cyrillic], words)
        rows = [{"key": key, "statement_id": statement_id} for (statement_id, _), own in zip(cyrillic, keys, strict=True) for key in set(own)]
        if rows:
            connection.execute(bands.insert(), rows)


def _mix(values: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _words(content: str) -> list[int]:
    tokens = {t.casefold() for t in _WORD.findall(content)}
    kept = tokens - STOP_WORDS or tokens
    return sorted({_hash(t[:STEM] if _CYRILLIC.match(t) else t) for t in kept})


def _whole_words(content: str) -> list[int]:
    """The words as 0009 keyed them (English stop words only, no stems)."""
    tokens = {t.casefold() for t in _WORD.findall(content)}
    return sorted(_hash(t) for t in (tokens - ENGLISH_STOP_WORDS or tokens))


def keys_of(contents: list[str], words) -> list[list[int]]:
    """The band keys of each content, as relate/claims.py computed them at this revision."""
    seeds = np.random.RandomState(SEED).randint(0, 1 << 63, size=ROWS * BANDS, dtype=np.uint64)
    hashed = [words(c) for c in contents]
    sizes = np.array([len(h) for h in hashed])
    result: list[list[int]] = [[] for _ in contents]
    present = np.flatnonzero(sizes)
    if len(present) == 0:
        return result
    flat = np.fromiter((h for i in present for h in hashed[i]), dtype=np.uint64, count=int(sizes.sum()))
    values = _mix(flat[:, None] ^ seeds)
    starts = np.concatenate(([0], np.cumsum(sizes[present])[:-1]))
    minima = np.minimum.reduceat(values, starts, axis=0).astype(np.uint64)
    bands = minima.reshape(len(present), BANDS, ROWS)
    combined = _mix(bands[:, :, 0] ^ _mix(bands[:, :, 1] ^ seeds[:BANDS]))
    for row, i in zip(combined.view(np.int64).tolist(), present.tolist(), strict=True):
        result[i] = row
    return result
