"""Which wire agency a text credits: bylines, datelines and trailers, not the credit of a photo."""

from factfile.relate.wires import credited_agency


def test_a_photo_credit_after_a_slash_is_no_credit_of_the_text():
    assert credited_agency("Автор фото, Mikhail Tereshchenko/TASS\nВ результате обстрела колонии погибли 53 человека.") is None
    assert credited_agency("Ukrainian soldiers. (Satellite image ©2022 Maxar Technologies/AP)\n\nEarly on July 29 ...") is None
    assert credited_agency("Fire on the bridge. Photo: Olga MALTSEVA / AFP / Profimedia\n\nThe dam ...") is None


def test_a_slash_byline_still_credits_its_agency():
    assert credited_agency("Von B.Z./dpa\n\nDer Chef der Söldnertruppe ...") == "dpa"


BODY = "The story goes on for some paragraphs before it ends. " * 8


def test_an_agency_alone_on_a_line_above_the_text_is_its_byline():
    assert credited_agency(f"40 POWs killed\n\n    Reuters\n    Published : 29 July 2022\n\n{BODY}") == "Reuters"
    assert credited_agency(f"A caption.\n\n Associated Press\n\nKYIV, Ukraine — The owner of {BODY}") == "AP"


def test_a_photo_services_own_credit_line_still_credits_its_agency():
    assert credited_agency("Ein Kraftstofftank brennt. picture alliance/dpa/TASS | Alyona Popova\n\nAm Samstag ...") == "dpa"


def test_an_agency_that_could_not_verify_a_claim_is_the_author_of_the_text_in_any_language():
    assert credited_agency(f"{BODY}\nReuters could not immediately verify the report.\n{BODY}") == "Reuters"
    assert credited_agency(f"{BODY}\nDie Angaben konnte Reuters nicht unabhängig überprüfen.\n{BODY}") == "Reuters"
    assert credited_agency(f"{BODY}\nL'AFP n'a pas pu vérifier ces informations de source indépendante.\n{BODY}") == "AFP"
    assert credited_agency(f'{BODY}\nولم يتسن لوكالة "فرانس برس" التأكد من صحة هذه التصريحات.') == "AFP"
    assert credited_agency(f"{BODY}\nАгентство Reuters не смогло независимо проверить эти данные.\n{BODY}") == "Reuters"


def test_an_agency_cited_beside_an_unverified_claim_is_no_credit():
    assert credited_agency(f"{BODY}\nAn official told Reuters he could not verify the toll.\n{BODY}") is None
    assert credited_agency(f"{BODY}\nReuters reported the toll. Officials did not verify it.\n{BODY}") is None
    assert credited_agency(f"{BODY}\nDie Soldaten, die nicht kämpften, stehen laut AP unter Kontrolle der Armee.") is None


def test_a_source_line_credits_its_agency_in_the_papers_language():
    assert credited_agency(f"{BODY}\nFuente: AFP") == "AFP"
    assert credited_agency(f"{BODY}\nŹródło: PAP") == "PAP"
    assert credited_agency(f"{BODY}\nFonte: ANSA") == "ANSA"


def test_an_agency_closing_the_text_credits_it():
    assert credited_agency(f"{BODY}La central tiene una potencia de 334,8 megavatios. EFE") == "EFE"
    assert credited_agency(f"{BODY}La central fue construida por la AFP y EFE en 1956.") is None


def test_passing_on_an_agency_s_report_credits_it_but_citing_one_does_not():
    assert credited_agency("Об этом заявили в НАК, передает ТАСС.\nВ НАК отметили ...") == "TASS"
    assert credited_agency("Про це повідомив Братчук, передає Укрінформ.\nДалі ...") == "Ukrinform"
    assert credited_agency("Об этом сообщает ТАСС со ссылкой на Росморречфлот.\nДалее ...") is None
    assert credited_agency("Песков ответил на вопрос. Его слова передает ТАСС.\nДалее ...") is None


def test_an_agency_s_own_reporter_on_the_scene_credits_it_in_any_language():
    assert credited_agency(f"{BODY}\nVor dem Angriff hatte der AFP-Reporter am Morgen Menschen gesehen.\n{BODY}") == "AFP"
    assert credited_agency(f"{BODY}\nAn AFP reporter at the scene saw bodies under sheets.\n{BODY}") == "AFP"
    assert credited_agency(f"{BODY}\nUn giornalista dell'AFP sul posto ha visto la polizia.\n{BODY}") == "AFP"
    assert credited_agency(f"{BODY}\nКорреспондент AFP видел на месте тела погибших.\n{BODY}") == "AFP"


def test_an_agency_and_a_reporter_in_two_sentences_or_far_apart_is_no_credit():
    assert credited_agency(f"{BODY}\nThe toll was given to AFP. A local reporter saw it.\n{BODY}") is None
    assert credited_agency(f"{BODY}\nAFP said the toll had risen to fifty dead, as local journalists reported.\n{BODY}") is None
    assert credited_agency(f"{BODY}\nReuters reported the toll, corresponding to the count of the city.\n{BODY}") is None


def test_passing_on_an_outlets_report_credits_that_outlet():
    from factfile.relate.wires import credited_source

    assert credited_source("Об этом заявили в министерстве обороны России, передаёт телеканал RT.\nДалее ...") == "RT"
    assert credited_source("Об этом заявили в Кремле, передает РИА Новости в пятницу вечером.\nДалее ...") is None
    assert credited_source("Об этом сообщает издание «Крыминформ».\nДалее ...") is None


def test_a_joint_credit_names_the_agency_that_wrote_the_story_first():
    text = "Strike on a restaurant.\n\nLast Updated:\n27-06-23, 22:15\n\nAFP/Belga, Arnaud de Decker\n\nThe bodies of ..."
    assert credited_agency(text) == "AFP"
