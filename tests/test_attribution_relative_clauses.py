"""What is said inside and around relative clauses and asides: "a move that OpenAI said would eliminate ...",
"Ellison, who, he said, did not ...", "In an analogy he employed ..., he said that “working at a startup is ...”",
and "X, he said; Y"."""
import pytest

from index.claims import ClaimExtractor


def _claims(text: str):
    return [(c.actor, c.text) for c in ClaimExtractor().extract(text, "d", "2023-10-04")]


@pytest.mark.parametrize("text, expected", [
    ("Musk resigned from the board in a move that OpenAI said would eliminate a “potential future conflict for Elon” "
     "due to Tesla’s work.",
     ("OpenAI", "would eliminate a “potential future conflict for Elon” due to Tesla’s work")),
    ("The sanctions, which Russia says are illegal, took effect on Monday.", ("Russia", "are illegal")),
    ("Israel struck the camp, which Palestinian officials said was hit twice.", ("Palestine", "was hit twice")),
])
def test_what_a_relative_clause_says_of_its_noun_starts_after_the_cue(text, expected):
    assert _claims(text) == [expected]


def test_a_parenthetical_he_said_in_a_relative_clause_is_the_main_clauses_he():
    text = ("Defense lawyer Mark Cohen spoke next. In fact, he specifically pointed the finger at Caroline Ellison, "
            "the former CEO of Alameda, who, he said, did not adequately protect her hedge fund from the inherent "
            "risk of the crypto markets.")
    assert _claims(text) == [
        ("Mark Cohen", "did not adequately protect her hedge fund from the inherent risk of the crypto markets")]


def test_a_clause_said_after_the_cue_is_the_content_whatever_its_subject():
    text = ("Defense lawyer Mark Cohen spoke next. In an analogy he employed throughout his opening statement, he said "
            "that “working at a startup is like building a plane as you’re flying it” and that businesses sometimes "
            "fail.")
    [(actor, content)] = _claims(text)
    assert actor == "Mark Cohen" and content.startswith("working at a startup is like building a plane")


def test_what_comes_after_a_semicolon_is_not_what_the_trailing_cue_said():
    text = ("In a response on Google’s blog, president of global affairs Kent Walker said the company’s search product "
            "was the favourite of users. And being default was not determinative, he said; changing from Google "
            "Search to any other search provider was easy.")
    assert ("Kent Walker", "And being default was not determinative") in _claims(text)


def _speech(text: str, country: str = "Romania"):
    ex = ClaimExtractor()
    meta = {"country": country, "speaker": "Mr. X Y", "post": "President"}
    return [(c.actor, c.text) for c in ex.extract(text, "d", "2020", voice=ex.voice_of({"un_speech": meta, **meta}))]


@pytest.mark.parametrize("text, expected", [
    ("As stressed by the Secretary-General, we must act now to save the planet.",
     ("Secretary-General", "we must act now to save the planet")),
    ("As outlined by the President of the General Assembly, we have to facilitate quick responses to emergencies.",
     ("President of the General Assembly", "we have to facilitate quick responses to emergencies")),
    ("Over the last year, the conflict in Sudan has created one of the worst humanitarian crises in the world, as "
     "stated by the United Nations.",
     ("United Nations", "Over the last year, the conflict in Sudan has created one of the worst humanitarian crises "
                        "in the world")),
])
def test_what_a_speech_gives_as_stated_by_another_is_theirs(text, expected):
    assert _speech(text) == [expected]


def test_words_quoted_as_mentioned_by_another_stay_inside_the_speakers_own_demand():
    text = ("We must show commitment to “a quantum leap in collective engagement”, as mentioned by the "
            "Secretary-General.")
    assert [a for a, _ in _speech(text)] == ["Romania"]


def test_a_name_ending_the_sentence_after_the_cue_is_who_spoke():
    text = ("Prosecutor Thane Rehn spoke first. The key to his alleged scheme? Alameda Research, a crypto hedge fund he "
            "also owned, argued Rehn.")
    assert _claims(text) == [("Thane Rehn", "Alameda Research, a crypto hedge fund he also owned")]


def test_a_name_after_told_is_whom_it_was_told():
    text = "HIV specialist Monica Gandhi, of UCSF, told Live Science the treatments keep getting better."
    assert "Live Science" not in [a for a, _ in _claims(text)]


TRIAL = ("“In the end, Sam started and built two billion-dollar businesses,” defense lawyer Mark Cohen concluded.\n\n"
         "The first was a victim: Marc-Antoine Julliard, a Paris-born cocoa trader who lives in London. In 2021, "
         "Julliard decided to invest in crypto.\n\n"
         "On Nov. 8, in the crypto exchange’s final few days, he tried to pull out his cash and crypto. How much? "
         "Almost $100,000, he said. And was he ever able to? “Never,” he told prosecutors.")


def test_a_short_answer_is_a_statement_of_the_person_introduced_by_what_they_are():
    assert _claims(TRIAL)[1:] == [("Marc-Antoine Julliard", "Almost $100,000"), ("Marc-Antoine Julliard", "Never")]


@pytest.mark.parametrize("text", [
    "Meanwhile, Bankman-Fried tweeted.",
    "In 2015, in his opening remarks to the summit, Pope Francis said,",
    "To the honourable Libyan people, I say:",
])
def test_a_fragment_is_said_only_when_it_has_a_thing_and_the_sentence_ends_there(text):
    assert _claims(text) == []


def test_san_francisco_before_the_coach_said_is_no_person():
    text = ("Head coach Pete Carroll said that Smith will make it back. When asked if that means for Thursday's matchup "
            "against San Francisco, the coach said, “I would think so.”")
    assert "San Francisco" not in [a for a, _ in _claims(text)]


@pytest.mark.parametrize("text, expected", [
    ("Moscow sees NATO expansion as a direct threat to its security.",
     ("Russia", "NATO expansion as a direct threat to its security")),
    ("Russian President Vladimir Putin views the sanctions as an act of economic war.",
     ("Vladimir Putin", "the sanctions as an act of economic war")),
    ("Beijing regards Taiwan as a breakaway province.", ("China", "Taiwan as a breakaway province")),
])
def test_a_view_held_of_a_thing_is_a_position(text, expected):
    assert _claims(text) == [expected]


@pytest.mark.parametrize("text", ["The company viewed the footage on Monday.", "She sees her family often.",
                                  "Episode one sees Diana visiting Tony Blair with William."])
def test_seeing_or_viewing_a_thing_is_no_view(text):
    assert _claims(text) == []


def test_what_a_person_admitted_in_an_as_clause_is_theirs():
    text = ("Gogoro CEO Horace Luke spoke at the launch. The growth of Gogoro is stagnant and is even dropping in "
            "Taiwan, as Luke admitted to TechCrunch.")
    assert _claims(text) == [("Horace Luke", "The growth of Gogoro is stagnant and is even dropping in Taiwan")]


def test_that_after_the_medium_opens_what_was_said_when_a_subject_follows_it():
    text = ("RSF commander Gen. Mohamed Hamdan Dagalo said in an audio message that his forces were committed to a "
            "humanitarian truce.")
    assert _claims(text) == [("Mohamed Hamdan Dagalo", "his forces were committed to a humanitarian truce")]


@pytest.mark.parametrize("text, expected", [
    ("Dominica is of the view that a strategy that addresses the root causes of instability in Haiti will be "
     "embraced.", ("Dominica", "a strategy that addresses the root causes of instability in Haiti will be embraced")),
    ("We are of the firm view that the Council must be reformed.", ("Dominica", "the Council must be reformed")),
])
def test_being_of_the_view_that_is_a_position_in_a_speech(text, expected):
    assert _speech(text, "Dominica") == [expected]


def test_being_of_the_view_that_is_a_position_in_news():
    assert _claims("The Indian government is of the view that the allegations are absurd.") == [
        ("India", "the allegations are absurd")]


def test_the_ministry_is_the_ministry_of_the_minister_quoted_before_never_a_body_named_between():
    text = ("NAIROBI, March 4 (Reuters) - Kenya will give $50 million in humanitarian aid to Sudan and wants the "
            "African Union to send ceasefire monitors, Foreign Minister Amina Wekesa said on Tuesday.\n\n"
            "\"We are also ready to lead. Nairobi will host the monitors' headquarters if the African Union agrees,\" "
            "she added.\n\n"
            "The ministry said in a statement that the first $20 million would be disbursed through the World Food "
            "Programme by the end of April.")
    assert [a for a, t in _claims(text) if t.startswith("the first $20 million")] == ["Kenya"]


TURKEY = ("Turkish Foreign Minister Ayse Demir said Ankara was ready to resume talks.\n\n"
          "NATO Secretary General Lars Holm welcomed the offer during a visit to Brussels. The ministry said in a "
          "statement that Turkey would send a delegation to Athens within two weeks if Greece accepted.\n\n"
          "Greek Foreign Minister Nikos Pappas was blunt. \"We will not negotiate while Turkish jets fly over our "
          "islands. Halt the overflights, and we will talk.\"\n\n"
          "Greece also rejected Turkey's demand to demilitarise the islands, a Greek foreign ministry source said.")


def test_a_ministry_a_quotation_after_a_blunt_minister_and_a_ministry_source():
    claims = _claims(TURKEY)
    assert [a for a, t in claims if t.startswith("Turkey would send a delegation")] == ["Turkey"]
    assert [a for a, t in claims if "overflights, and we will talk" in t] == ["Nikos Pappas"]
    assert [a for a, t in claims if t.startswith("Greece also rejected")] == ["Greece"]


def test_the_quotation_after_a_sentence_naming_two_is_the_one_named_last():
    text = ("France coach Fabien Galthié praised the team. Flanker Charles Ollivon played well.\n\n"
            "When flanker Charles Ollivon was asked about the opponents, Galthié interjected. “We can’t know our "
            "opponent. It’s a World Cup final for us.”")
    assert {a for a, _ in _claims(text) if a in ("Fabien Galthié", "Charles Ollivon")} == {"Fabien Galthié"}
