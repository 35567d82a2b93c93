"""Names with the Samoan ʻokina (and the other marks written as apostrophes or glottal stops) are
found when typed the usual English ways (new-user finding A8): the UN record's speaker is
"Fiamē Naomi Mataʻafa", and "Mataafa", "Mata'afa" and "Fiame Naomi Mataafa" all found nothing.

``fold`` drops the marks, so every lookup that folds both sides (surname, partial and full name,
a speech giver named in a question) reads them alike. Real spaCy model, real store and embedder.
"""
import pytest
from test_attribution import _speech, _speeches_and_articles

from index.actors import fold, match_actor_names, translit_key

SPEAKER = "Fiamē Naomi Mataʻafa"  # U+02BB MODIFIER LETTER TURNED COMMA, as the UN record writes it
#: the marks written for an apostrophe or a glottal stop, as keyboards and sources give them
MARKS = {
    "U+02BB turned comma (ʻokina)": "\u02bb",
    "U+02BC modifier apostrophe": "\u02bc",
    "U+02BD reversed comma": "\u02bd",
    "U+02B9 modifier prime": "\u02b9",
    "U+2018 left quote": "\u2018",
    "U+2019 right quote": "\u2019",
    "U+0060 grave accent": "\u0060",
    "U+00B4 acute accent": "\u00b4",
    "U+0027 apostrophe": "'",
    "U+02BE right half ring (hamza)": "\u02be",
    "U+02BF left half ring (ayn)": "\u02bf",
}


@pytest.mark.parametrize("mark", list(MARKS.values()), ids=list(MARKS))
def test_fold_drops_every_apostrophe_like_mark(mark):
    assert fold(f"Mata{mark}afa") == "mataafa"
    assert fold(f"Fiamē Naomi Mata{mark}afa") == "fiame naomi mataafa"
    assert fold(f"Hawai{mark}i") == "hawaii"


def test_fold_keeps_what_it_folded_before():
    assert fold("Zoë D’Souza") == "zoe dsouza"
    assert fold("  Recep   Tayyip ERDOĞAN ") == "recep tayyip erdogan"
    assert fold("Sæther") == "saether"
    assert fold("O'Neill") == fold("O’Neill") == fold("ONeill") == "oneill"
    assert translit_key("Mataʻafa") == translit_key("Mataafa")


@pytest.mark.parametrize("typed", ["Mataafa", "Mata'afa", "Mata’afa", "Mataʻafa", "Fiame Naomi Mataafa",
                                   "Fiamē Naomi Mataʻafa", "fiame naomi mata'afa", "Fiame"])
def test_typed_names_match_the_okina_spelling(typed):
    assert match_actor_names(typed, ["Samoa", SPEAKER, "Naomi Watts"]) == [SPEAKER]


def test_a_speech_giver_with_an_okina_is_found_by_plain_spellings(tmp_path):
    """End to end: a UN speech by "Fiamē Naomi Mataʻafa" for Samoa; ``positions`` and ``ask`` by
    the plain spellings find her statements (the speech's, credited to Samoa with her in the role)."""
    a = _speeches_and_articles(tmp_path, [_speech(
        "WSM", "Samoa", SPEAKER, "Prime Minister",
        "Samoa will host the Pacific Islands Forum leaders next year. We pledge to protect the ocean for the "
        "generations to come.")])
    want = {c.claim_id for c in a.positions(SPEAKER)}
    assert want, "the speech's statements, by the name as written"
    for typed in ("Mataafa", "Mata'afa", "Mata’afa", "Fiame Naomi Mataafa"):
        found = a.positions(typed)
        assert {c.claim_id for c in found} == want, typed
        assert any("Pacific Islands Forum" in c.text or "ocean" in c.text for c in found), [c.text for c in found]
    for question in ("What did Mataafa pledge?", "What did Mata'afa pledge?", "What did Fiame Naomi Mataafa pledge?"):
        ans = a.ask(question)
        assert not ans.abstained, (question, ans.answer)
        assert "do not mention" not in ans.answer, (question, ans.answer)
        assert ans.citations and all(c.speaker == "Samoa" for c in ans.citations), (question, ans.answer)
        assert any("Pacific Islands Forum" in c.quote or "ocean" in c.quote for c in ans.citations), ans.answer


def test_a_name_typed_with_spaces_for_its_hyphens_is_the_same_person():
    """From a fourth new-user check: "What did Abdel Fattah el-Sisi say about Israel?" found nothing, as the index
    writes him "Abdel-Fattah El-Sisi" (and the question now keeps "el-Sisi" in his name)."""
    from index.actors import match_actor_names

    assert match_actor_names("Abdel Fattah el-Sisi", ["Abdel-Fattah El-Sisi", "Joe Biden"]) == ["Abdel-Fattah El-Sisi"]
    assert match_actor_names("El-Sisi", ["Abdel-Fattah El-Sisi"]) == ["Abdel-Fattah El-Sisi"]
