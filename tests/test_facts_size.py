from factfile.extract import Extractor
from factfile.records import Article


def _sizes(text: str) -> set[str]:
    analysis = Extractor()(Article(origin="t", text=text, content_hash=str(hash(text)), language="en"))
    return {f.value for f in analysis.facts if f.predicate == "size"}


def test_a_toll_or_a_town_of_people_is_no_group_size():
    """eval/realstory: "said on the Telegram messaging app the death toll had risen to 29 people" and "fired two
    rockets at the city of 150,000 people" gave Telegram two sizes, shown as a dispute."""
    assert _sizes("Andrei Alekseyenko said on the Telegram messaging app the death toll had risen to 29 people.") == set()
    assert _sizes("According to Ukrainian police, Russia fired two rockets at the city of 150,000 people.") == set()


def test_a_group_having_people_or_fighters_has_a_size():
    assert _sizes("The Wagner Group has about 5,000 people in Africa.") == {"about 5,000"}
    assert _sizes("The Wagner Group grew to 2,500 fighters.") == {"2,500"}
    assert _sizes("Wagner Group, a force of 5,000 men, moved north.") == {"5,000"}
