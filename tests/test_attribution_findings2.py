"""Attribution faults a new user found on wire stories about Sweden's NATO bid and on UN speeches: another state's
denial under a speech's "We understand that ..." credited as the speaker's denial, a quotation paragraph credited
in the next paragraph ("That was how X described ...") lost, a pledge told by another ("X said Y had promised ...")
never Y's, an infinitive agreed to read as the writer's trailing gloss, a content cut at a "—let me stress—"
aside, "Abdel Fattah el-Sisi" read as "Abdel Fattah"; and one the extractor already got right (a body's
spokesperson keeps the body in the role)."""
from index.claims import ClaimExtractor


def _claims(text: str):
    return ClaimExtractor().extract(text, "d", "2023-07-11")


def test_another_states_denial_under_we_understand_is_the_speakers_account_not_its_denial():
    """Lavrov's speech (Russia's voice): "We understand that the United States denies everything ..." gave a
    Russia claim with the United States as speaker and "denies" as cue, a position: the speech's own words
    ("We understand"), its account of the other state's conduct, read as criticism of it."""
    ex = ClaimExtractor()
    voice = ex.voice_of({"country": "Russia", "speaker": "Sergey Lavrov", "post": "Minister of Foreign Affairs"})
    text = ("We understand that the United States denies everything and will do everything in its power to "
            "obfuscate the facts\u2014just as it did when presented with irrefutable evidence of its involvement in "
            "the sabotage of the Nord Stream pipelines.")
    got = ex.extract(text, "d", "2024-09-28", voice=voice)
    assert [(c.actor, c.speaker, c.cue, c.kind) for c in got] == [("Russia", "We", "understand", "criticism")], got
    assert got[0].text.startswith("the United States denies everything and will do everything in its power")
    # (what a speech hopes another will do stays its position)
    hoped = ex.extract("We are hopeful that the United Nations will condemn the blockade.", "d", "2023-09-23",
                       voice=ex.voice_of({"country": "Armenia", "speaker": "X", "post": "President"}))
    assert [(c.actor, c.kind) for c in hoped] == [("Armenia", "position")], hoped


def test_a_quotation_paragraph_credited_in_the_next_paragraph_is_that_persons():
    """A wire story: a paragraph that is one quotation, then "That was how Swedish Foreign Minister Tobias
    Billstrom described the dispute ...": the quotation was lost (nobody's); it is Billstrom's."""
    text = ("Swedish Prime Minister Ulf Kristersson said his government would tighten its anti-terrorism "
            "legislation by June.\n\n"
            "\"Sweden has done what it promised in Madrid. We expect Turkey to keep its side of the bargain.\"\n\n"
            "That was how Swedish Foreign Minister Tobias Billstrom described the dispute in a radio interview on "
            "Thursday evening.\n\n"
            "\"We will not move an inch on this.\"\n\n"
            "So said Turkish President Tayyip Erdogan, speaking in Ankara.\n\n"
            "\"The talks have collapsed.\"\n\n"
            "That was how the crisis began.")
    got = {c.text: c for c in _claims(text)}
    said = got.get("Sweden has done what it promised in Madrid. We expect Turkey to keep its side of the bargain")
    assert said is not None and said.actor == "Tobias Billstrom" and said.direct, sorted(got)
    assert said.role == "Swedish Foreign Minister" and said.kind != "pledge"
    assert got["We will not move an inch on this"].actor == "Tayyip Erdogan"
    assert "The talks have collapsed" not in got  # (no one named: nobody's)


def test_a_pledge_one_person_tells_of_another_is_the_others_pledge():
    """"French President Emmanuel Macron said German Chancellor Olaf Scholz had promised him that Germany would
    deliver ...": only Macron's statement was read; the promise is Scholz's (as Macron tells it), as "According to
    Kindiki, Brandvold had pledged ..." is Brandvold's. The teller's claim is no pledge of his own."""
    text = ("French President Emmanuel Macron said German Chancellor Olaf Scholz had promised him that Germany would "
            "deliver more Patriot air defence systems to Ukraine before winter. A German government spokesman "
            "declined to comment on Macron's account. Zelensky said Russia had promised to withdraw its troops "
            "from the plant.")
    got = {(c.actor, c.kind, c.text) for c in _claims(text)}
    assert ("Olaf Scholz", "pledge",
            "Germany would deliver more Patriot air defence systems to Ukraine before winter") in got, got
    assert ("Emmanuel Macron", "statement", "German Chancellor Olaf Scholz had promised him that Germany would "
            "deliver more Patriot air defence systems to Ukraine before winter") in got, got
    assert ("Russia", "pledge", "withdraw its troops from the plant") in got, got
    assert not any(a.endswith("Zelensky") and k == "pledge" for a, k, _ in got), got


def test_an_infinitive_agreed_is_the_agreement_not_the_trailing_participle():
    """"Erdogan agreed on Monday to forward Sweden's bid ..., NATO Secretary-General Jens Stoltenberg said, ending
    more than a year of obstruction": the agreement was read as "ending more than a year of obstruction" (the
    writer's gloss the parser hung on "agreed")."""
    text = ("VILNIUS, July 10 (Nordic Wire Service) - Turkish President Tayyip Erdogan agreed on Monday to forward "
            "Sweden's bid to join NATO to the Turkish parliament for ratification, NATO Secretary-General Jens "
            "Stoltenberg said, ending more than a year of obstruction.\n\n"
            "Erdogan agreed to send the bid to parliament, NATO chief Jens Stoltenberg said, ending months of "
            "obstruction.")
    agreed = [c.text for c in _claims(text) if c.actor == "Tayyip Erdogan"]
    assert agreed == ["forward Sweden's bid to join NATO to the Turkish parliament for ratification",
                      "send the bid to parliament"], agreed


def test_an_aside_between_dashes_does_not_end_a_speech_content():
    """Lavrov's speech record (with markdown bold): "Russia has proposed building an **inclusive architecture
    ...**, open—let me stress—to all states ..." was cut at "open": the aside is inside what was proposed."""
    ex = ClaimExtractor()
    voice = ex.voice_of({"country": "Russia", "speaker": "Sergey Lavrov", "post": "Minister of Foreign Affairs"})
    text = ("Russia has proposed building an **inclusive architecture of equal and indivisible security in "
            "Eurasia**, open\u2014let me stress\u2014to all states and organisations across our shared continent "
            "that are ready to work together in search of mutually acceptable solutions.")
    got = [(c.kind, c.text) for c in ex.extract(text, "d", "2024-09-28", voice=voice)]
    assert got == [("proposal", "building an **inclusive architecture of equal and indivisible security in "
                    "Eurasia**, open\u2014let me stress\u2014to all states and organisations across our shared "
                    "continent that are ready to work together in search of mutually acceptable solutions")], got


def test_a_bodys_spokesperson_keeps_the_body_in_the_role():
    """Already right when checked (kept as a guard): "European Commission spokesperson Dana Spinant rejected any
    link ..." keeps the role "European Commission spokesperson", so "What did the European Commission reject?"
    can find her."""
    got = [(c.actor, c.role, c.kind, c.text) for c in _claims(
        "European Commission spokesperson Dana Spinant rejected any link between the two processes.")]
    assert got == [("Dana Spinant", "European Commission spokesperson", "rejection",
                    "any link between the two processes")], got


def test_a_name_with_a_lowercase_hyphened_particle_keeps_it_and_he_rejected_any_suggestion_is_his():
    """Fortune on Egypt: "But he has rejected any suggestion Egypt host Gazan refugees, suggesting Israel should
    instead take in Palestinians ..." is the named president's rejection and proposal. Already right for
    "Abdel-Fattah El-Sisi" as Fortune writes it; written "Abdel Fattah el-Sisi" the person was "Abdel Fattah"
    (the name cut at the lower-case "el-") and "El-Sisi said" an organisation of its own."""
    text = ("Egyptian President Abdel Fattah el-Sisi has been courted by a succession of world leaders.\n\n"
            "Those same governments are now courting el-Sisi for help in alleviating the pressure on Gaza. But he "
            "has rejected any suggestion Egypt host Gazan refugees, suggesting Israel should instead take in "
            "Palestinians to its Negev desert. El-Sisi said Egypt would keep the Rafah crossing open for aid.")
    got = {(c.actor, c.kind, c.text) for c in _claims(text)}
    assert ("Abdel Fattah el-Sisi", "rejection", "any suggestion Egypt host Gazan refugees") in got, got
    assert ("Abdel Fattah el-Sisi", "proposal", "Israel should instead take in Palestinians to its Negev desert") \
        in got, got
    assert {a for a, _, _ in got} == {"Abdel Fattah el-Sisi"}, got


def test_a_quotation_credited_after_answers_on_a_topic_its_second_sentence_names(tmp_path):
    """From a final new-user check: `attache positions Billstrom` credited him the quotation, but "What did
    Billstrom say about Turkey?" said he said nothing about Turkey: only the quotation's first sentence carried
    his statement, and Turkey is named in its second."""
    from test_attribution import _ingested

    a = _ingested(tmp_path, "Turkey says it will not back Sweden's NATO bid for now", "2023-03-16", (
        "Turkey will not approve Sweden's application to join NATO for now, Foreign Minister Mevlut Cavusoglu "
        "said on Thursday.\n\n"
        "\"Sweden has done what it promised in Madrid. We expect Turkey to keep its side of the bargain.\"\n\n"
        "That was how Swedish Foreign Minister Tobias Billstrom described the dispute in a radio interview on "
        "Thursday evening."), source="Nordic Wire Service")
    ans = a.ask("What did Billstrom say about Turkey?")
    assert not ans.abstained and any("keep its side of the bargain" in c.quote for c in ans.citations), ans.answer
    assert ans.citations[0].speaker == "Tobias Billstrom", ans.answer
