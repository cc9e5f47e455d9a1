"""A country's leader named by another word for the office (statements/roles.py)."""

from __future__ import annotations

from factfile.extract.lang import analyse
from factfile.records import Article


def _sources(text: str) -> list[tuple[str, str | None]]:
    analysis = analyse(Article("fr", text, f"r-{hash(text)}", language="fr"))
    return [
        (st.source.text, analysis.chains[st.source_chain].name if st.source_chain is not None else None)
        for st in analysis.statements
    ]


def test_a_head_of_state_is_the_president_of_the_same_country():
    """ "le chef de l'État ukrainien", "le dirigeant ukrainien" after "le président ukrainien X": X; not after the Russian one."""
    said = "« C’est un crime de guerre », a déclaré le chef de l’Etat ukrainien."
    assert _sources("Le président ukrainien Volodymyr Zelensky a qualifié le bombardement de crime. " + said)[-1] == (
        "le chef de l’Etat ukrainien",
        "Volodymyr Zelensky",
    )
    assert _sources(
        "Le président ukrainien Volodymyr Zelensky a parlé. « C’est un crime », a expliqué le dirigeant ukrainien."
    ) == [("le dirigeant ukrainien", "Volodymyr Zelensky")]
    assert _sources("Le président russe Vladimir Poutine a parlé hier. " + said) == [("le chef de l’Etat ukrainien", None)]
    assert _sources(
        "Le président ukrainien Volodymyr Zelensky a parlé. « C’est un crime », a déclaré le ministre ukrainien."
    ) == [("le ministre ukrainien", None)]
