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
