"""Companies named by what they make or are ("ChatGPT-maker Open AI", "iPhone maker Apple"), a company the tagger
leaves untyped ("OpenAI fired ..."), and again as "the artificial intelligence company"; the day a statement was
made kept out of what it said ("said on Monday it would ...")."""
import pytest

from index.actors import ActorResolver
from index.claims import ClaimExtractor


def _claims(text: str):
    return ClaimExtractor().extract(text, "d", "2023-11-18")


@pytest.mark.parametrize("mention, name, role", [
    ("ChatGPT-maker Open AI", "Open AI", "chatgpt-maker"),
    ("ChatGPT maker OpenAI", "OpenAI", "chatgpt maker"),
    ("Electric-car maker Tesla", "Tesla", "electric-car maker"),
    ("crypto exchange Binance", "Binance", "crypto exchange"),
    ("German chipmaker Infineon", "Infineon", "german chipmaker"),
])
def test_a_body_introduced_by_what_it_makes_or_is_is_named_by_its_name(mention, name, role):
    actor = ActorResolver().resolve(mention)
    assert (actor.name, actor.actor_type, actor.role) == (name, "organisation", role)


def test_an_office_after_a_body_word_is_no_description_of_a_body():
    assert ActorResolver().resolve("central bank Governor Andrew Bailey").name != "Governor Andrew Bailey"


def test_the_described_company_is_the_one_named_in_the_paragraph_before():
    text = ("ChatGPT-maker Open AI said Friday it has pushed out its co-founder and CEO Sam Altman after a review.\n\n"
            "“The board no longer has confidence in his ability to continue leading OpenAI,” the artificial "
            "intelligence company said in a statement.")
    claims = _claims(text)
    assert [c.actor for c in claims] == ["Open AI", "Open AI"]
    assert claims[1].text.startswith("The board no longer has confidence")


@pytest.mark.parametrize("first", ["OpenAI fired Sam Altman on Friday.", "Gogoro opened 30 stations in Delhi."])
def test_a_company_the_tagger_leaves_untyped_is_the_company_spoken_of(first):
    name = first.split()[0]
    text = f"{first} The company said in a statement that the board had lost confidence in him."
    assert [c.actor for c in _claims(text)] == [name]


def test_a_person_named_before_is_never_the_company():
    text = ("Sam Altman joined the board in 2019. Altman left on Friday. The company said in a statement that the "
            "board had lost confidence in him.")
    assert "Sam Altman" not in [c.actor for c in _claims(text)]


@pytest.mark.parametrize("text, content", [
    ("Apple said on Monday it would cut prices.", "it would cut prices"),
    ("Lavrov told reporters on Tuesday Moscow would respond.", "Moscow would respond"),
    ("Lavrov said on Tuesday that Moscow would respond.", "Moscow would respond"),
])
def test_the_day_a_statement_was_made_is_not_what_it_said(text, content):
    assert [c.text for c in _claims(text)] == [content]


def test_a_two_word_countrys_demonym_before_an_office_teaches_no_state():
    # (the index's "South Korean President Yoon Suk Yeol" had made "Korea" a state for the whole process)
    shown = ActorResolver().states_in("South Korean President Yoon Suk Yeol met North Korean Foreign Minister Choe.")
    assert "korea" not in shown and "korean" not in shown
