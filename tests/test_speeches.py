"""Questions about UN General Debate speeches (found by a new-user pass on the 2022-2023 sessions):
a speech's sentences are its giver's words though they name neither giver nor state, so a
question naming the giver finds them, and another state's speech is never the answer.
Real store, embedder and spaCy model; speech records shaped as the shared dataset's."""
import json

import pytest
from test_attribution import _md, _speech, _speeches_and_articles

_FILLER = ("The ocean economy must be sustainable. Our coastal communities depend on healthy fisheries. "
           "Marine litter threatens the livelihoods of millions. ")

def _speech_claims(country: str, speaker: str, post: str, text: str, year: str = "2019") -> list:
    """The claims the extractor reads in ``text`` as ``speaker``'s (``post``) speech for ``country``."""
    from index.claims import ClaimExtractor

    ex = ClaimExtractor()
    return ex.extract(text, "speech", year, voice=ex.voice_of({"country": country, "speaker": speaker, "post": post}))


_SPEECHES = [
    _speech("NOR", "Norway", "Anne Beathe Tvinnereim", "Minister of International Development",
            "We will continue to provide a high level of climate funding up to 2030. "
            "In 2024, we will launch a guarantee instrument for renewable energy in developing countries. "
            + _FILLER * 3 +
            "Russia’s war of aggression against Ukraine is therefore of great concern to us. "
            "We have provided extensive civilian, military and humanitarian support to Ukraine, and will do so "
            "for as long as it takes."),
    _speech("RUS", "Russia", "Sergey Lavrov", "Minister for Foreign Affairs",
            "Led by Washington, the NATO countries are building up their offensive capabilities in space. "
            "Russia has always been open to talks on Ukraine. The West is waging a hybrid war against Russia. "
            "We will continue to defend our legitimate interests."),
    _speech("LVA", "Latvia", "Edgars Rinkevics", "President",
            "Russia must be held to account for its war against Ukraine. Latvia will support Ukraine for as long "
            "as it takes. Russia’s aggression against Ukraine threatens all of Europe."),
    _speech("POL", "Poland", "Andrzej Duda", "President",
            "Russia’s invasion of Ukraine is a crime. Poland has welcomed millions of refugees from Ukraine. "
            "Russia believes the old days of empire can return."),
    _speech("BRA", "Brazil", "Luiz Inácio Lula da Silva", "President",
            "Hunger has returned to the world. We must end hunger by 2030. " + _FILLER * 3 +
            "The war in Ukraine exposes our collective inability to enforce the purposes and principles of the "
            "Charter. Inequality must be at the heart of our agenda."),
]
_SPEECHES += [
    _speech("UKR", "Ukraine", "Volodymyr Zelenskyy", "President",
            "We tried to implement the basic provisions of the Charter for Ukraine through negotiations. "
            "But Russia is afraid of real negotiations. " + _FILLER * 2 + "Our grain corridor feeds the world. "
            "Russia should pay for this war with its assets. We cannot agree to a delayed war."),
    _speech("RUS", "Russia", "Sergey Lavrov", "Minister for Foreign Affairs",
            "Russia will never accept the expansion of NATO to its borders. We demand that NATO stop its "
            "expansion to the east. " + _FILLER * 2 + "Our country has always respected the Charter.", session=77),
    _speech("ESP", "Spain", "Pedro Sanchez Perez-Castejon", "President of Government",
            "Spain will continue to stand by Ukraine for as long as it is necessary. " + _FILLER * 2 +
            "Rarely have the foundations of this institution been shaken as strongly as in February."),
    _speech("TUR", "Turkey", "Recep Tayyip Erdoğan", "President",
            "We will fight terrorism in all its forms without any discrimination. " + _FILLER * 2 +
            "Turkey hosts more refugees than any other country."),
]
# Other states' speeches that speak of Ukraine in every sentence: the whole-index retrieval fills up with them
_OTHERS = [("EST", "Estonia"), ("LTU", "Lithuania"), ("FIN", "Finland"), ("SWE", "Sweden"), ("DNK", "Denmark"),
           ("DEU", "Germany"), ("FRA", "France"), ("CZE", "Czech Republic"), ("SVK", "Slovakia"),
           ("ROU", "Romania"), ("BGR", "Bulgaria"), ("HRV", "Croatia")]
_SPEECHES += [_speech(iso3, country, f"Speaker of {country}", "President",
                      f"{country} stands with Ukraine. The war in Ukraine must end with Ukraine’s victory. "
                      f"Ukraine deserves our support, and {country} will support Ukraine. Ukraine’s grain feeds "
                      f"the world, and Ukraine’s ports must stay open.") for iso3, country in _OTHERS]


def test_a_speech_givers_words_answer_though_they_name_neither_giver_nor_state(tmp_path):
    """'What did she say about Russia?' after a question about Anne Beathe Tvinnereim crashed the
    chat with a KeyError (another state's speech sentence had no speaker entry), and the question
    typed in full answered with Russia's speech; 'What did Lula say about Ukraine?' said Brazil said
    nothing, the one Brazilian sentence on Ukraine never being retrieved among the other speeches."""
    a = _speeches_and_articles(tmp_path, _SPEECHES)
    first = "What did Anne Beathe Tvinnereim pledge?"
    ans = a.ask(first)
    assert not ans.abstained, ans.answer
    for q, history in (("What did she say about Russia?", [(first, ans.answer)]),
                       ("What did Anne Beathe Tvinnereim say about Russia?", None)):
        got = a.ask(q, history=history)
        assert not got.abstained and got.citations, (q, got.answer)
        assert all("Tvinnereim" in c.title for c in got.citations), (q, got.answer)
        assert any("war of aggression against Ukraine" in c.quote for c in got.citations), (q, got.answer)
    lula = a.ask("What did Lula say about Ukraine?")
    assert not lula.abstained, lula.answer
    assert any("The war in Ukraine exposes" in c.quote for c in lula.citations), lula.answer
    assert all("Lula" in c.title for c in lula.citations), lula.answer


def test_a_speechs_pledge_by_a_clause_that_refers_back():
    """'We have provided support to Ukraine, and will do so for as long as it takes': a pledge of
    the speech's state whose content reads with what "so" refers to; 'We are standing with
    Ukraine' is a position."""
    from index.actors import Actor
    from index.claims import ClaimExtractor

    norway = Actor("Norway", "government", "Minister Anne Beathe Tvinnereim")
    text = ("We have provided extensive civilian, military and humanitarian support to Ukraine, and will do so for "
            "as long as it takes. We are standing with Ukraine and aiding its self-defence.")
    got = {(c.kind, c.text) for c in ClaimExtractor().extract(text, "d", "2023", voice=norway)}
    assert ("pledge", "We have provided extensive civilian, military and humanitarian support to Ukraine, and will "
            "do so for as long as it takes") in got, got
    assert any(k == "position" and t.startswith("with Ukraine") for k, t in got), got


def test_a_rejection_kept_up_is_a_rejection(tmp_path):
    """From a new-user pass: "Brazil will continue to reject the unilateral embargo imposed on Cuba"
    was a pledge, so "What did Brazil reject?" did not find it. A "will continue to" clause has the
    kind of the verb it continues (reject: rejection; condemn: criticism; urge: demand); continued
    support stays a pledge."""
    speech = _speech("BRA", "Brazil", "Luiz Inácio Lula da Silva", "President", (
        "Brazil will continue to reject the unilateral embargo imposed on Cuba. We will continue to condemn "
        "terrorism in all its forms. We will continue to support the people of Haiti."), session=78)
    a = _speeches_and_articles(tmp_path, [speech])
    kinds = {c.text: c.kind for c in a.positions("Brazil")}
    assert kinds == {"continue to reject the unilateral embargo imposed on Cuba": "rejection",
                     "continue to condemn terrorism in all its forms": "criticism",
                     "continue to support the people of Haiti": "pledge"}, kinds
    ans = a.ask("What did Brazil reject?")
    assert not ans.abstained and [c.quote for c in ans.citations][:1] == [
        "Brazil will continue to reject the unilateral embargo imposed on Cuba."], ans.answer


def test_a_speechs_year_only_date_is_charted_at_the_debate_and_shown_as_the_year(tmp_path):
    """From new-user passes: a speech dated only by its session's year was plotted on the Positions
    chart at 1 January, and its tooltip read "01 Jan 2023"; then mid-year (the General Debate is in
    late September), its statements one point with one tooltip. The point now sits at the debate,
    the tooltip's ``when`` is the date as known ("2023"); an article's day stays that day."""
    from assistant.ui import positions_chart

    speech = _speech("BRA", "Brazil", "Luiz Inácio Lula da Silva", "President",
                     "Brazil will continue to support the people of Haiti.", session=78)
    news = {"n.md": _md("Brazil pledges aid", "2023-03-09", "Brazil pledged 10 million reais to Haiti.")}
    a = _speeches_and_articles(tmp_path, [speech], news)
    frame = positions_chart(a.positions("Brazil"))
    got = sorted((str(d.date()), w) for d, w in zip(frame["date"], frame["when"]))
    assert got == [("2023-03-09", "2023-03-09"), ("2023-09-22", "2023")], got
    # (a speech's statements, known to the year only, are spread a day apart around that point: each hovers)
    speech = _speech("BRA", "Brazil", "Luiz Inácio Lula da Silva", "President",
                     "Brazil will continue to support the people of Haiti. We will never accept hunger. "
                     "We demand that the Council be reformed.", session=78)
    (tmp_path / "three").mkdir()
    frame = positions_chart(_speeches_and_articles(tmp_path / "three", [speech]).positions("Brazil"))
    assert len(frame) == 3 and frame["date"].nunique() == 3, frame
    assert {str(d.date()) for d in frame["date"]} == {"2023-09-21", "2023-09-22", "2023-09-23"}, frame


def test_a_stance_change_question_over_one_date_says_no_change_can_be_shown(tmp_path):
    """From a new-user pass: "How has Latvia's stance on Russia changed?" listed four statements of
    Latvia's one 2023 speech with no lead, and Russia's answer read "In UN General Debate, session 78
    on 2023: ..." before each sentence: neither said that one date shows no change. Both now lead
    with it; statements of two dates lead "earliest to latest"."""
    speeches = [
        _speech("LVA", "Latvia", "Edgars Rinkēvičs", "President", (
            "Russia must withdraw all its forces from Ukraine. We condemn Russia’s unilateral termination of the "
            "Black Sea Grain Initiative.")),
        _speech("RUS", "Russia", "Sergey Lavrov", "Minister for Foreign Affairs", (
            "The Soviet leadership was given assurances regarding the non-expansion eastward of the NATO bloc. "
            "By bringing NATO closer to our borders, they violated those commitments.")),
    ]
    news = {"lv.md": _md("Latvia to close border crossing", "2024-02-01", (
        "Latvia's Foreign Minister Krisjanis Karins said Russia must stop its hybrid attacks on the border."))}
    a = _speeches_and_articles(tmp_path, speeches, news)
    latvia = a.ask("How has Latvia's stance on the grain initiative changed?")
    assert latvia.answer.startswith("Latvia on grain initiative: every statement found is of 2023, so the "
                                    "articles show no change over time"), latvia.answer
    russia = a.ask("How has Russia's stance on NATO changed?")
    assert russia.answer.startswith("Russia on NATO: every statement found is of 2023, so the articles show no "
                                    "change over time"), russia.answer
    assert "In UN General Debate" not in russia.answer, russia.answer
    both = a.ask("How has Latvia's stance on Russia changed?")
    assert both.answer.startswith("Latvia on Russia, earliest to latest: 2023"), both.answer
    assert "2024-02-01" in both.answer, both.answer


def test_a_speechs_verdict_on_a_thing_is_its_position():
    """A speech's judgement with no first-person cue ("Impunity ... remains unacceptable", "Progress on
    this front has been too slow", "Investing in people is essential for lasting peace") is the
    state's criticism or position, as annotators of the UN gold list them; a conditional clause or
    a plain description ("The weather was nice") is none."""
    from index.actors import Actor
    from index.claims import ClaimExtractor

    canada = Actor("Canada", "government", "Prime Minister Justin Trudeau")
    text = ("Impunity, including for sexual and gender-based violence, remains unacceptable. Progress on this front "
            "has been too slow. Investing in people is essential for lasting peace. The weather in New York was nice "
            "this week. If the situation is unacceptable, others act.")
    got = {(c.kind, c.text) for c in ClaimExtractor().extract(text, "d", "2019", voice=canada)}
    assert got == {("criticism", "Impunity, including for sexual and gender-based violence, remains unacceptable"),
                   ("criticism", "Progress on this front has been too slow"),
                   ("position", "Investing in people is essential for lasting peace")}, got
    tuvalu = Actor("Tuvalu", "government", "Minister for Foreign Affairs Taukelina Finikaso")
    text = ("There must be no backsliding. Security Council reform is long overdue. Settlement of the protracted "
            "conflicts in wider Europe remains of the utmost importance.")
    got = {(c.kind, c.text) for c in ClaimExtractor().extract(text, "d", "2015", voice=tuvalu)}
    assert got == {("demand", "There must be no backsliding"), ("position", "Security Council reform is long overdue"),
                   ("position", "Settlement of the protracted conflicts in wider Europe remains of the utmost "
                                "importance")}, got
    latvia = Actor("Latvia", "government", "Minister for Foreign Affairs Edgars Rinkēvičs")
    text = "Member States therefore have a responsibility to ensure one another’s security."
    got = {(c.kind, c.text) for c in ClaimExtractor().extract(text, "d", "2018", voice=latvia)}
    assert got == {("demand", "Member States therefore have a responsibility to ensure one another’s security")}, got


def test_a_speech_read_out_on_anothers_behalf_is_the_states_own_words(tmp_path):
    """Togo's 2017 speech is the President's message read out by the Prime Minister: every paragraph
    opens with a quotation mark and only the last closes. Those are the speech's own words, not a
    quotation of someone else's; the statements in them were all lost (blind UN gold, dev half)."""
    text = ("I take the floor to deliver the following message on his behalf.\n"
            "“It is with a renewed sense of joy that we take part in this session.\n"
            "“We call on the most affluent countries among us to support the fight against terrorism. Togo will "
            "continue to support the initiative of the Group of Five for the Sahel.\n"
            "“Only dialogue and concerted efforts can settle this issue.”")
    speech = _speech("TGO", "Togo", "Selom Komi Klassou", "Prime Minister", text, session=72)
    a = _speeches_and_articles(tmp_path, [speech])
    got = {(c.kind, c.text) for c in a.positions("Togo")}
    assert ("demand", "the most affluent countries among us to support the fight against terrorism") in got, got
    assert ("pledge", "continue to support the initiative of the Group of Five for the Sahel") in got, got


@pytest.fixture(scope="module")
def speeches_and_news(tmp_path_factory):
    """The speeches above and a news article naming Zelensky and Erdogan (actors of their own)."""
    news = {"news.md": _md("Leaders meet in New York", "2023-09-20", (
        "Ukrainian President Volodymyr Zelensky met Turkish President Recep Tayyip Erdogan in New York.\n\n"
        "Zelensky said Ukraine needed more air defence.\n\n"
        "Erdogan said Turkey would keep talking to both sides about grain."))}
    return _speeches_and_articles(tmp_path_factory.mktemp("speeches"), _SPEECHES, news)


def test_a_giver_by_another_spelling_and_a_stance_changed(speeches_and_news):
    """From a new-user pass on the 2022-2023 speeches: "Zelensky" (the giver is "Zelenskyy", the
    news's actor "Volodymyr Zelensky") was said to have said nothing on negotiations; "How has
    Ukraine's stance on negotiations changed?" said Ukraine said nothing "on negotiations changed"."""
    for q in ("What did Zelensky say about negotiations?", "How has Ukraine's stance on negotiations changed?"):
        got = speeches_and_news.ask(q)
        assert not got.abstained and got.citations, (q, got.answer)
        assert all("Zelenskyy" in c.title for c in got.citations), (q, got.answer)
        assert any("negotiations" in c.quote for c in got.citations), (q, got.answer)


def test_a_topic_in_a_place_is_no_actor_asked(speeches_and_news):
    """"What is Brazil's position on the war in Ukraine?" took Ukraine for an actor asked about
    and quoted Ukraine's speech."""
    brazil = speeches_and_news.ask("What is Brazil's position on the war in Ukraine?")
    assert not brazil.abstained and brazil.citations, brazil.answer
    assert all("Lula" in c.title for c in brazil.citations), brazil.answer


def test_a_givers_pledges_are_no_pledge_of_another_actor_missing(speeches_and_news):
    """"What did Recep Tayyip Erdoğan pledge?" said no pledge of his was found, then quoted his
    speech's pledges (the giver and his state counted as two actors asked)."""
    erdogan = speeches_and_news.ask("What did Recep Tayyip Erdoğan pledge?")
    assert not erdogan.answer.startswith("No statement found"), erdogan.answer
    assert any("We will fight terrorism" in c.quote for c in erdogan.citations), erdogan.answer


def test_a_giver_typed_with_or_without_accents_gets_one_answer(speeches_and_news):
    """"What did Pedro Sánchez say about Ukraine?" quoted a fragment of another speech while
    "Pedro Sanchez" (as the record spells him) got his "Spain will continue to stand by Ukraine"."""
    answers = [speeches_and_news.ask(f"What did Pedro {n} say about Ukraine?") for n in ("Sánchez", "Sanchez")]
    quotes = [[c.quote for c in ans.citations] for ans in answers]
    assert quotes[0] == quotes[1], [ans.answer for ans in answers]
    assert any("stand by Ukraine" in q for q in quotes[0]), answers[0].answer


def test_a_stance_changed_reads_the_speeches_sentences_no_cue_marks(speeches_and_news):
    """"How has Russia's stance on NATO changed?" quoted only the speeches' sentences a cue marks
    (its 2023 speech on NATO has none): every sentence of a speech is its state's words."""
    ans = speeches_and_news.ask("How has Russia's stance on NATO changed?")
    assert not ans.abstained, ans.answer
    nato = [c for c in ans.citations if "NATO" in c.quote]
    assert {c.published[:4] for c in nato} == {"2022", "2023"}, ans.answer
    assert all("Lavrov" in c.title for c in ans.citations), ans.answer


def test_a_giver_whose_record_spells_the_name_with_a_stray_comma_is_found(tmp_path):
    """The corpus gives Italy's 2023 speaker as "Giorgia Meloni," (a trailing comma): "What did
    Giorgia Meloni pledge?" said she was not mentioned, and her title read "Giorgia Meloni,, ..."."""
    a = _speeches_and_articles(tmp_path, [
        _speech("ITA", "Italy", "Giorgia Meloni,", "President of the Council of Ministers",
                "We will fight the traffickers of human beings in the Mediterranean. " + _FILLER),
        _speech("FRA", "France", "Catherine Colonna", "Minister for Europe and Foreign Affairs",
                "We will double our support to the Sahel. " + _FILLER),
    ])
    ans = a.ask("What did Giorgia Meloni pledge?")
    assert not ans.abstained and ans.citations, ans.answer
    assert all(c.title == "Giorgia Meloni, President of the Council of Ministers, Italy" for c in ans.citations), \
        ans.answer
    assert any("traffickers" in c.quote for c in ans.citations), ans.answer


def test_a_speechs_negated_need_keeps_its_negation():
    """"We do not need to agree on everything" was listed as the speech's "need to agree on
    everything", the opposite of what was said."""
    from index.actors import Actor
    from index.claims import ClaimExtractor

    us = Actor("United States", "government", "President Joseph R. Biden")
    text = "We do not need to agree on everything to keep moving forward on issues like arms control."
    got = [c.text for c in ClaimExtractor().extract(text, "d", "2023", voice=us)]
    assert got and all(t.startswith("do not need") for t in got), got


def test_a_speech_giver_asked_is_answered_from_their_own_words_only(tmp_path):
    """From a new-user pass: "What did Netanyahu pledge?" quoted Yair Lapid's 2022 speech for Israel
    (the state's statements, date-ordered, crowded out his own), "What did Lavrov pledge about Iran?"
    quoted Putin's pledge for Russia, "What did Ukraine propose at the UN?" read "UN" as Kim Jong Un,
    "Mr Biden" (no full stop) found nobody, and "What did Greece reject?" named no one."""
    speeches = [
        _speech("ISR", "Israel", "Yair Lapid", "Prime Minister",
                "Israel will continue to defend itself against every threat. We will build peace with our neighbours.",
                session=77),
        _speech("ISR", "Israel", "Benjamin Netanyahu", "Prime Minister",
                "I will do everything in my power to prevent Iran from getting nuclear weapons.", session=78),
        _speech("RUS", "Russia", "Sergey Lavrov", "Minister for Foreign Affairs",
                "We will work to revive the Joint Comprehensive Plan of Action for Iran's nuclear programme.",
                session=77),
        _speech("UKR", "Ukraine", "Volodymyr Zelenskyy", "President",
                "I proposed a comprehensive strategy to end the war and to ensure security.", session=79),
        _speech("TUR", "Turkey", "Recep Tayyip Erdoğan", "President",
                "We reject the claims of Greece on the islands.", session=78),
    ]
    news = {"n.md": _md("Xi and Putin meet", "2018-06-08", (
        "Russian President Vladimir Putin and North Korean leader Kim Jong Un exchanged letters. Putin pledged to "
        "preserve the nuclear accord on Iran. U.S. President Joe Biden pledged to cut emissions in half by 2030."))}
    a = _speeches_and_articles(tmp_path, speeches, news)
    net = a.ask("What did Netanyahu pledge?")
    assert net.citations and all("Lapid" not in c.title for c in net.citations), net.answer
    assert "prevent Iran from getting nuclear weapons" in net.citations[0].quote, net.answer
    lav = a.ask("What did Lavrov pledge about Iran?")
    assert [c.speaker for c in lav.citations] == ["Russia"] and "Joint Comprehensive" in lav.citations[0].quote, \
        lav.answer
    ukr = a.ask("What did Ukraine propose at the UN?")
    assert "Kim Jong Un" not in ukr.answer and "comprehensive strategy" in ukr.citations[0].quote, ukr.answer
    assert a.parser.parse("What did Mr Biden pledge?").actors[:1] == ("Joe Biden",)
    greece = a.ask("What did Greece reject?")
    assert greece.abstained and "report Greece" in greece.answer, greece.answer


def test_climate_change_is_a_topic_not_a_change_asked_about():
    """From a new-user pass: "What did Han Zheng say about climate change?" was answered as a stance-change
    question ("China on climate, earliest to latest: ...", with Wang Yi's speeches of other years)."""
    from assistant.query import CHANGE_QUESTION

    assert not CHANGE_QUESTION.search("What did Han Zheng say about climate change?")
    assert not CHANGE_QUESTION.search("What did Iran say about regime change?")
    assert CHANGE_QUESTION.search("How has China's stance on climate change changed?")


def test_a_name_is_no_kind_word():
    """Noticed by a helper: "What did Mark Warner say about ...?" asked for a threat (the "warn" in "Warner")."""
    from assistant.query import question_kind

    assert question_kind("What did Mark Warner say about TikTok?") == "position"
    assert question_kind("What did Mark Warner warn about?") == "threat"
    assert question_kind("What did Nick Offerman propose?") == "proposal"


def test_a_stance_is_the_holders_own_words_not_another_states_speech_telling_them(tmp_path):
    """From a new-user pass: "How has Russia's stance on Ukraine changed?" quoted, as Russia's
    latest statement, Zelenskyy's "that's why Russia says the Peace Formula doesn't suit it":
    Ukraine's account of Russia in Ukraine's speech, not Russia's stance."""
    a = _speeches_and_articles(tmp_path, [
        _speech("RUS", "Russia", "Sergey Lavrov", "Minister for Foreign Affairs",
                "Russia has always been open to talks on Ukraine. " + _FILLER * 2 +
                "Our country has always respected the Charter.", session=77),
        _speech("RUS", "Russia", "Sergey Lavrov", "Minister for Foreign Affairs",
                "The West continued to militarize the Kyiv regime in Ukraine. " + _FILLER * 2 +
                "We will continue to defend our legitimate interests."),
        _speech("UKR", "Ukraine", "Volodymyr Zelenskyy", "President",
                "All were equal, and that is what Russia hates the most: that is why Russia says the Peace Formula "
                "for Ukraine does not suit it. " + _FILLER * 2 + "Our grain corridor feeds the world.", session=79),
    ])
    ans = a.ask("How has Russia's stance on Ukraine changed?")
    assert not ans.abstained and len(ans.citations) >= 2, ans.answer
    assert all("Lavrov" in c.title for c in ans.citations), ans.answer
    assert "Peace Formula" not in ans.answer, ans.answer


def test_a_proposal_named_by_its_doer_in_a_participle_is_theirs(tmp_path):
    """From a new-user pass: "What did Lula propose?" said no proposal of Brazil was found, then
    quoted "the six-point understanding jointly proposed by China and Brazil" (a participle that
    names who proposed it, not a passive verb). A participle naming nobody stays no statement."""
    from index.claims import ClaimExtractor

    a = _speeches_and_articles(tmp_path, [_speech(
        "BRA", "Brazil", "Luiz Inacio Lula da Silva", "President",
        "Hunger has returned to the world. " + _FILLER * 2 +
        "This is the essence of the six-point understanding jointly proposed by China and Brazil, intended to "
        "lay the groundwork for dialogue and an end to hostilities.")])
    ans = a.ask("What did Lula propose?")
    assert not ans.answer.startswith("No statement found"), ans.answer
    assert ans.citations and "six-point understanding" in ans.citations[0].quote, ans.answer
    got = [(c.actor, c.kind, c.text) for c in ClaimExtractor().extract(
        "The talks will follow the plan proposed by Ostmark last year. The freeze agreed in May holds. "
        "The movie directed by Sam Wrench opens today.", "d", "2024-01-01")]
    assert got == [("Ostmark", "proposal", "the plan")], got


def test_he_after_a_person_named_in_a_later_paragraph_is_that_person_not_an_earlier_subject():
    """From a new-user pass on Israel's 2023 speech: "Palestinian leader Mahmoud Abbas must stop ...
    He recently said that Hitler was not an antisemite" was credited to Moses, the subject of the
    speech's opening paragraph (a one-word name the pronoun resolution never counted as mentioned)."""
    from index.actors import Actor
    from index.claims import ClaimExtractor

    text = ("Moses told the people of Israel that their fate would be determined by the choice they made.\n\n"
            "Peace can be achieved only if it is based on truth. Palestinian leader Mahmoud Abbas must stop "
            "spreading the horrible antisemitic conspiracies against the Jewish people. He recently said that "
            "Hitler was not an antisemite. You cannot make this up.")
    for paragraphs in (text, text.replace("\n\n", "\n")):  # (the speech records break paragraphs with one)
        claims = ClaimExtractor().extract(paragraphs, "d", "2023",
                                          voice=Actor("Israel", "government", "Prime Minister"))
        hitler = [c.actor for c in claims if "Hitler" in c.text]
        assert hitler == ["Mahmoud Abbas"], [(c.actor, c.text) for c in claims]


def test_a_pact_named_by_a_place_is_no_states_words_and_what_it_must_do_is_the_speakers_demand():
    """Tuvalu's 2015 speech (gold dev): "The Paris agreement therefore must reduce greenhouse gas
    emissions ...; recognize that climate change is a human right issue" was credited to France (the
    capital's state) as its position; it is Tuvalu's demand. A pact's own text still speaks for it."""
    from index.actors import Actor
    from index.claims import ClaimExtractor

    x = ClaimExtractor()
    speech = ("The Paris agreement therefore must reduce greenhouse gas emissions and keep the global average "
              "temperature rise below 1.5 degrees; recognize that climate change is a human right issue for "
              "Tuvaluans.")
    got = [(c.actor, c.kind) for c in x.extract(speech, "d", "2015", voice=Actor("Tuvalu", "government", "PM"))]
    assert got == [("Tuvalu", "demand")], got
    news = [(c.actor, c.actor_type) for c in x.extract(
        "The Paris agreement recognizes that climate change is a threat to all nations.", "d", "2015-12-12")]
    assert news == [("Paris agreement", "document")], news


def test_what_a_speech_says_a_course_means_doing_is_its_position():
    """UN gold (dev): "That means committing to the climate targets ...", "It also means challenging
    those countries who support Russia's defence industry" are the speaking state's positions; they
    gave no statement. "That means nothing to us" is none; nor is it in news narration."""
    from index.actors import Actor
    from index.claims import ClaimExtractor

    x = ClaimExtractor()
    nld = Actor("Netherlands", "government", "Prime Minister Dick Schoof")
    text = ("Ukraine deserves our help. That means committing to the climate targets of the Paris Agreement. "
            "It also means challenging those countries who support Russia's defence industry. "
            "That means nothing to us.")
    got = [(c.actor, c.text) for c in x.extract(text, "d", "2024", voice=nld) if c.cue == "means"]
    assert got == [("Netherlands", "committing to the climate targets of the Paris Agreement"),
                   ("Netherlands", "challenging those countries who support Russia's defence industry")], got
    assert not [c for c in x.extract(text, "d", "2024-09-26") if c.cue == "means"]


def test_a_giver_recorded_with_a_suffix_is_found_by_surname_short_name_or_title(tmp_path):
    """From a new-user pass: the 2022 record gives "Joseph R. Biden, Jr" (a comma in the name) and
    the news "Joe Biden": "What did Biden say about China?", "President Biden" and "Joe Biden" all
    said Biden said nothing on China (the role's words kept their punctuation, "biden,")."""
    a = _speeches_and_articles(tmp_path, [_speech(
        "USA", "USA", "Joseph R. Biden, Jr", "President",
        "We remain committed to our One China Policy, which has helped prevent conflict for four decades. "
        + _FILLER * 2 + "We will stand in solidarity with Ukraine.", session=77)],
        {"news.md": _md("Autoworkers strike", "2023-09-26", (
            "President Joe Biden joined the picket line in Michigan.\n\n"
            "Biden said the workers deserved a significant raise."))})
    for q in ("What did Biden say about China?", "What did President Biden say about China?",
              "What did Joe Biden say about China?"):
        ans = a.ask(q)
        assert not ans.abstained and ans.citations, (q, ans.answer)
        assert "One China Policy" in ans.citations[0].quote, (q, ans.answer)


def test_an_office_asked_is_its_givers_speech_by_any_title_of_it(tmp_path):
    """From a new-user pass: "What did China's vice president say about Taiwan?" quoted Wang Yi's
    speech (the state held the office through Han Zheng's, then all its speeches answered);
    "Germany's chancellor" found no one (the record gives Scholz as "Prime Minister")."""
    a = _speeches_and_articles(tmp_path, [
        _speech("CHN", "China", "Wang Yi", "Minister for Foreign Affairs",
                "Taiwan is part of China and we will never allow separatism. " + _FILLER * 2, session=77),
        _speech("CHN", "China", "Han Zheng", "Vice President",
                "Taiwan has been an inalienable part of China's territory since ancient times. " + _FILLER * 2),
        _speech("DEU", "Germany", "Olaf Scholz", "Prime Minister",
                "Germany will stand by Ukraine for as long as it takes. " + _FILLER * 2),
        _speech("DEU", "Germany", "Annalena Baerbock", "Minister for Foreign Affairs",
                "Ukraine must be able to defend itself against the invasion. " + _FILLER * 2, session=79),
    ])
    vice = a.ask("What did China's vice president say about Taiwan?")
    assert vice.citations and all("Han Zheng" in c.title for c in vice.citations), vice.answer
    chancellor = a.ask("What did Germany's chancellor say about Ukraine?")
    assert chancellor.citations and all("Scholz" in c.title for c in chancellor.citations), chancellor.answer


def test_there_must_not_be_any_is_the_speakers_demand():
    """From a new-user pass: China's 2024 "There must not be any delay in reaching a comprehensive
    ceasefire" (its Gaza paragraph) gave no statement; "There must be no X" did."""
    from index.actors import Actor
    from index.claims import ClaimExtractor

    got = [(c.actor, c.kind, c.text) for c in ClaimExtractor().extract(
        "There must not be any delay in reaching a comprehensive ceasefire.", "d", "2024",
        voice=Actor("China", "government", "Minister for Foreign Affairs Wang Yi"))]
    assert got == [("China", "demand", "There must not be any delay in reaching a comprehensive ceasefire")], got


def test_a_one_word_line_is_no_stance_and_let_us_imagine_is_no_demand(tmp_path):
    """From a new-user pass: "How has the United States' stance on Ukraine changed?" gave "2023
    (United States, statement): Ukraine." (a speech's one-word line) as the whole 2023 stance;
    Netanyahu's "Let us imagine robots helping to care for the elderly" was filed a demand."""
    from index.actors import Actor
    from index.claims import ClaimExtractor

    a = _speeches_and_articles(tmp_path, [
        _speech("USA", "USA", "Joseph R. Biden, Jr", "President",
                "We will stand in solidarity with Ukraine against this aggression. " + _FILLER * 2, session=77),
        _speech("USA", "United States of America", "Joseph R. Biden", "President",
                _FILLER + "Ukraine.\nWe will not let up on our support for Ukraine until it wins a just peace. "
                + _FILLER)])
    ans = a.ask("How has the United States' stance on Ukraine changed?")
    assert ans.citations and not any(c.quote.strip() == "Ukraine." for c in ans.citations), ans.answer
    kinds = [c.kind for c in ClaimExtractor().extract(
        "Let us imagine robots helping to care for the elderly.", "d", "2023",
        voice=Actor("Israel", "government", "Prime Minister Benjamin Netanyahu"))]
    assert kinds == ["statement"], kinds


def test_a_giver_asked_with_another_person_is_one_actor_with_their_state(tmp_path):
    """From a new-user pass: "What did Xi and Putin pledge about Iran?" (Xi gave China's 2021 speech)
    led with "No statement found is a pledge by China", then quoted Xi and Putin's joint pledge."""
    a = _speeches_and_articles(tmp_path, [_speech("CHN", "China", "Xi Jinping", "President",
                                                  "China will never seek hegemony. " + _FILLER * 2, session=76)],
                               {"n.md": _md("Putin, Xi hail partnership", "2018-06-08", (
                                   "Russian President Vladimir Putin and Chinese counterpart Xi Jinping pledged "
                                   "to preserve the international accord on Iran's nuclear program."))})
    ans = a.ask("What did Xi and Putin pledge about Iran?")
    assert not ans.answer.startswith("No statement found"), ans.answer
    assert ans.citations and "Iran's nuclear program" in ans.citations[0].quote, ans.answer


def test_anothers_statement_read_out_in_a_speech_is_not_the_givers(tmp_path):
    """From a new-user pass: "What did Zelensky demand of Russia?" quoted, from his speech, "The
    General Assembly demanded that Russia return control of the Zaporizhzhia plant": the
    Assembly's demand, which the answer presented as his."""
    a = _speeches_and_articles(tmp_path, [_speech(
        "UKR", "Ukraine", "Volodymyr Zelenskyy", "President",
        "It is necessary to remove the main factor of global price turbulence, namely: Russian energy blackmailing. "
        "The General Assembly demanded that Russia return control of the Zaporizhzhia nuclear plant to Ukraine. "
        + _FILLER * 2 + "Russia should pay for this war with its assets.", session=77)],
        {"n.md": _md("Kyiv asks for air defence", "2023-09-20",
                     "Ukrainian President Volodymyr Zelensky said Ukraine needs more air defence systems.")})
    ans = a.ask("What did Zelensky demand of Russia?")
    assert ans.citations and not any("General Assembly demanded" in c.quote for c in ans.citations), ans.answer
    assert any("pay for this war" in c.quote for c in ans.citations), ans.answer


def test_a_speechs_pronoun_is_nobody_named_pages_before_and_they_after_things_is_no_group():
    """From a new-user pass on real speeches: Zelensky's "Today the United Nations is like a retired
    superhero ... He considers himself a burden" was Putin's (named thousands of characters earlier),
    and Lavrov's "Those words [of Hammarskjold] have never been more relevant. They call on all of us
    to ..." was a demand of Brazil and India, named together long before."""
    from index.claims import ClaimExtractor

    ex = ClaimExtractor()
    ukraine = ("I spoke in Russian because I was quoting the Russian President Vladimir Putin at the General "
               "Assembly in 2015. " + _FILLER * 12 + "\nToday the United Nations is like a retired superhero who "
               "has forgotten what he used to be able to do. He considers himself a burden, a weak, frail, useless "
               "old man whose life has been in vain.\n")
    claims = ex.extract(ukraine, "u", "2021", voice=ex.voice_of(
        {"country": "Ukraine", "speaker": "Volodymyr Zelenskyy", "post": "President"}))
    assert not any(c.actor == "Vladimir Putin" for c in claims), [(c.actor, c.text) for c in claims]
    russia = ("Brazil and India said they would host the next rounds of talks on the grain corridor. " + _FILLER * 12
              + "\nThe former Secretary-General Dag Hammarskjold said that the United Nations was not created in "
              "order to bring us to heaven, but in order to save us from hell. Those words have never been more "
              "relevant. They call on all of us to assume our individual and collective responsibility.\n")
    claims = ex.extract(russia, "r", "2022", voice=ex.voice_of(
        {"country": "Russia", "speaker": "Sergey Lavrov", "post": "Minister for Foreign Affairs"}))
    assert not any(c.actor in ("Brazil", "India") and "responsibility" in c.text for c in claims), \
        [(c.actor, c.text) for c in claims]


@pytest.fixture(scope="module")
def leaders(tmp_path_factory):
    """Speeches and news of the shapes a new-user pass found answered wrongly."""
    speeches = [
        _speech("CHN", "China", "Xi Jinping", "President",
                "The year 2021 is a truly remarkable one. " + _FILLER * 2 + "China will never seek hegemony.",
                session=76),
        _speech("CHN", "China", "Wang Yi", "Minister of Foreign Affairs",
                "At the seventy-sixth session of the General Assembly, President Xi proposed the Global Development "
                "Initiative. " + _FILLER * 2 + "China will never seek hegemony.", session=77),
        _speech("EGY", "Egypt", "Badr Abdelatty", "Minister of Foreign Affairs",
                _FILLER * 2 + "We strongly condemn Israel’s dangerous escalation, which is dragging the region to the "
                "brink.", session=79),
        _speech("FRA", "France", "Emmanuel Macron", "President",
                _FILLER * 2 + "We unequivocally condemn the horrific terrorist attack carried out by Hamas against "
                "Israel on 7 October.", session=79),
        _speech("ISR", "Israel", "Benjamin Netanyahu", "Prime Minister",
                "This Assembly condemned Israel more than all the other countries in the world. " + _FILLER * 2
                + "If Hamas stays in power, it will regroup and attack Israel again. This is why Israel will reject "
                "any role for Hamas in a post-war Gaza.", session=79),
        _speech("USA", "United States of America", "Joseph R. Biden, Jr", "President",
                _FILLER * 2 + "We will stand in solidarity with Ukraine. The United States will continue to support "
                "Ukraine's right to defend itself.", session=77),
    ]
    news = {
        "fence.md": _md("Israel's defence undone", "2023-10-20", (
            "At the time of the completion of the fence, Prime Minister Benjamin Netanyahu, then in the opposition, "
            "said that \"Any time Hamas terrorists have tried to penetrate the border through the tunnels, they were "
            "terminated underground.\"\n\nNetanyahu said Hamas would never again threaten Israel's position.")),
        "aid.md": _md("Aid for Kyiv", "2023-09-20", (
            "The Biden Administration said it would send more air defence systems to Kyiv.\n\n"
            "Joe Biden said the talks with the Ukrainian prime minister were useful.")),
    }
    return _speeches_and_articles(tmp_path_factory.mktemp("leaders"), speeches, news)


def test_a_givers_proposal_reported_in_a_colleagues_speech_is_theirs(leaders):
    """"What did Xi Jinping propose?" said no proposal of Xi or China was found, though Wang Yi's
    speech reports "President Xi proposed the Global Development Initiative" (a speech of China's not
    given by Xi was left out whole, his own words reported in it too)."""
    ans = leaders.ask("What did Xi Jinping propose?")
    assert not ans.answer.startswith("No statement found"), ans.answer
    assert any("Global Development Initiative" in c.quote for c in ans.citations), ans.answer


def test_who_criticized_a_state_finds_the_doers_and_never_the_state_or_its_victimhood(leaders):
    """"Who criticized Israel?" said nobody did and quoted Israel's own speech; France's condemnation
    of an attack "against Israel" is no criticism of Israel."""
    ans = leaders.ask("Who criticized Israel?")
    assert not ans.answer.startswith("No statement found"), ans.answer
    assert any("dangerous escalation" in c.quote for c in ans.citations), ans.answer
    assert not any("Netanyahu" in c.title or "Macron" in c.title for c in ans.citations), ans.answer


def test_a_givers_position_quotes_their_speech_beside_a_news_line_naming_them(leaders):
    """"What is Netanyahu's position on Hamas?" quoted only a news line naming him (it outscored his
    speech, which names him nowhere)."""
    ans = leaders.ask("What is Netanyahu's position on Hamas?")
    assert any("Netanyahu" in c.title and "Hamas" in c.quote for c in ans.citations), ans.answer


def test_a_surname_is_the_person_not_the_administration_named_after_them(leaders):
    """"What did Biden say about Ukraine?" said the articles did not report "Biden Administration and
    Joe Biden" saying anything: the surname matched the administration too, and the speech's giver
    ("Joseph R. Biden, Jr") was lost."""
    from index.actors import match_actor_names

    assert match_actor_names("Biden", ["Biden Administration", "Joe Biden"]) == ["Joe Biden"]
    ans = leaders.ask("What did Biden say about Ukraine?")
    assert not ans.abstained and any("Biden" in c.title and "Ukraine" in c.quote for c in ans.citations), ans.answer


def test_a_stance_on_a_name_is_read_only_from_sentences_naming_it_and_no_record_note_is_a_statement(tmp_path):
    """From a new-user pass: "How has Russia's stance on NATO changed?" opened with a 2021 sentence on
    "the Collective Security Treaty Organization and the Shanghai Cooperation" (near in meaning, naming
    no NATO, and cut at the record's line break before "Organization."); `positions` listed a record's
    "(spoke in Russian)", "we know: Moscow's answer" and "we stand: , in my view, at an inflection point"."""
    russia = [
        _speech("RUS", "Russia", "Sergey Lavrov", "Minister of Foreign Affairs", _FILLER * 2 + (
            "Russia, together with its partners and allies, supports strengthening a mutually reinforcing network "
            "of alliances by developing integrative processes within the Commonwealth of Independent States, the "
            "Eurasian Economic Union, the Collective Security Treaty Organization and the Shanghai Cooperation\n"
            "Organization."), session=76),
        _speech("RUS", "Russia", "Sergey Lavrov", "Minister of Foreign Affairs",
                _FILLER * 2 + "We continue to await the response of NATO members to our proposal of a moratorium.",
                session=77),
        _speech("RUS", "Russia", "Sergey Lavrov", "Minister of Foreign Affairs",
                _FILLER * 2 + "Led by Washington, the NATO countries are building up their offensive capabilities.",
                session=78),
        _speech("UKR", "Ukraine", "Volodymyr Zelensky", "President", _FILLER + (
            "\n(spoke in Russian)\n“What is State sovereignty? It is the freedom of every people.”\n"
            "I spoke in Russian because I was quoting the Russian President. Was it untrue? Unfortunately, we know "
            "Moscow’s answer. We stand, in my view, at an inflection point in the war with Russia."), session=76),
    ]
    a = _speeches_and_articles(tmp_path, russia)
    ans = a.ask("How has Russia's stance on NATO changed?")
    assert len(ans.citations) >= 2 and all("NATO" in c.quote for c in ans.citations), ans.answer
    got = [(c.kind, c.cue, c.text) for c in a.positions("Zelensky", topic="Russia")]
    assert not any("spoke in" in t and len(t) < 25 or t.startswith((",", ";")) or t == "Moscow’s answer"
                   for _, _, t in got), got
    assert any(t == "at an inflection point in the war with Russia" for _, _, t in got), got


def test_a_speech_sentence_with_no_cue_is_cited_as_its_states_and_a_cited_outlet_bounds_the_others(tmp_path):
    """From a new-user pass: a UN speech's sentence with no cue was cited with an empty speaker (in
    `--json` and the HTTP API it read as nobody's). "According to Fortune, what did Egypt say about
    refugees?" quoted Poland's UN speech among others' statements in the pass's store (this small
    store answers from Fortune either way: the guard is that it stays so)."""
    a = _speeches_and_articles(tmp_path, [
        _speech("DEU", "Germany", "Olaf Scholz", "Chancellor",
                "We will continue to support Ukraine. " + _FILLER * 2 + "Our thoughts are with the Ukrainians, who "
                "are fighting for their lives and their freedom.", session=77),
        _speech("POL", "Poland", "Andrzej Duda", "President",
                "Poland said it would keep its borders open to refugees from Ukraine. " + _FILLER, session=77),
    ], {"egypt.md": _md("Egypt faces economic crisis", "2023-11-02", (
        "Egypt's economy is in trouble.\n\nPresident Abdel-Fattah El-Sisi has rejected any suggestion Egypt host "
        "Gazan refugees."), source="Fortune")})
    ans = a.ask("What did Olaf Scholz say about Ukraine?")
    assert ans.citations and all(c.speaker == "Germany" for c in ans.citations), \
        [(c.speaker, c.quote) for c in ans.citations]
    fortune = a.ask("According to Fortune, what did Egypt say about refugees?")
    assert fortune.citations and all(c.source == "Fortune" for c in fortune.citations), fortune.answer


@pytest.fixture(scope="module")
def givers(tmp_path_factory):
    """Speeches of the shapes a fourth new-user pass (UN speeches 2015-2020) found answered wrongly."""
    speeches = [
        _speech("SAU", "Saudi Arabia", "Adel Ahmed Al-Jubeir", "Minister for Foreign Affairs",
                _FILLER * 2 + "The Kingdom of Saudi Arabia expresses its support for the new United States strategy "
                "for dealing with Iran, which includes addressing its nuclear and ballistic-missile programmes.",
                session=73),
        _speech("ZAF", "South Africa", "Matamela Cyril Ramaphosa", "President",
                "Reform of the United Nations, and of the Security Council in particular, must be a priority. "
                + _FILLER * 2 + "We have started a comprehensive dialogue on the question of land reform in our "
                "country, which is guided by our\n \nConstitution and the rule of law, as we seek ways to ensure "
                "that the land is shared among all who work it.", session=73),
        _speech("USA", "United States of America", "Donald Trump", "President",
                "We have imposed tough, calibrated sanctions on the socialist Maduro regime in Venezuela. "
                "The socialist dictatorship of Nicolás Maduro Moros has inflicted terrible pain and suffering. "
                + _FILLER * 2 + "We call for the full restoration of democracy and political freedoms in "
                "Venezuela. " + _FILLER + "The United Arab Emirates, Saudi Arabia and Qatar have pledged billions of "
                "dollars to aid the people of Syria and Yemen.", session=72),
        _speech("VEN", "Venezuela, Bolivarian Republic of", "Nicolás Maduro Moros", "President",
                _FILLER * 2 + "President Trump has said that he is worried about Venezuela, that he wants to help "
                "Venezuela. " + _FILLER + "Today we are subject to a set of illegal, unilateral economic sanction "
                "mechanisms.", session=73),
    ]
    return _speeches_and_articles(tmp_path_factory.mktemp("givers"), speeches)


def test_a_giver_asked_by_office_or_hyphenated_name_is_found_and_a_name_is_no_month(givers):
    """"What did the Saudi foreign minister say about Iran?" said Saudi Arabia said nothing on Iran,
    then quoted Al-Jubeir's own speech as "others'" (the role's words split "Al-Jubeir" in two);
    "South Africa's president" was nobody (a state of two words before the office); "What did
    Theresa May say?" said they do not mention "Theresa" ("May" read as a month, then "may" matched
    her surname)."""
    for q in ("What did the Saudi foreign minister say about Iran?", "What did Al-Jubeir say about Iran?"):
        ans = givers.ask(q)
        assert not ans.abstained and "do not report" not in ans.answer, (q, ans.answer)
        assert any("Al-Jubeir" in c.title for c in ans.citations), (q, ans.answer)
    ans = givers.ask("What did South Africa's president say?")
    assert not ans.abstained and all("Ramaphosa" in c.title for c in ans.citations), ans.answer
    ans = givers.ask("What did Theresa May say?")
    assert ans.abstained and "Theresa May" in ans.answer, ans.answer


def test_a_givers_own_words_answer_before_others_accounts_and_below_the_bar_of_others(givers):
    """"What did Trump say about Venezuela?" quoted only Maduro's account of him; "What did Nicolás
    Maduro say about sanctions?" quoted another's line, his own sentence on them scoring under the
    bar; "land reform" was answered with "Reform of the United Nations" (the sentence naming land
    reform was split at a blank line after "our")."""
    ans = givers.ask("What did Trump say about Venezuela?")
    assert ans.citations and "Donald Trump" in ans.citations[0].title, ans.answer
    for q in ("What did Nicolás Maduro say about sanctions?", "What did Nicolas Maduro say about sanctions?"):
        ans = givers.ask(q)
        assert ans.citations and all("Maduro" in c.title for c in ans.citations), (q, ans.answer)
        assert any("sanction mechanisms" in c.quote for c in ans.citations), (q, ans.answer)
    ans = givers.ask("What did Ramaphosa say about land reform?")
    assert ans.citations and "land reform" in ans.citations[0].quote, ans.answer


def test_a_speech_steering_to_its_next_subject_pledges_nothing():
    """From a new-user pass: Bolsonaro's "I shall now turn to the Amazon." was Brazil's pledge, and
    then led "How has Brazil's stance on the Amazon changed?"."""
    speech = ("Brazil", "Jair Messias Bolsonaro", "President")
    text = ("I shall now turn to the Amazon. I will conclude by thanking the Secretary-General. "
            "We will increase our contribution to the Amazon Fund. We will speak out against injustice.")
    got = {c.text for c in _speech_claims(*speech, text, "2019") if c.kind == "pledge"}
    assert got == {"increase our contribution to the Amazon Fund", "speak out against injustice"}, got


def test_a_former_office_holders_later_words_are_not_the_states_and_the_judge_is_not_whom_he_judged(tmp_path):
    """From a new-user pass: `positions "United States" --since 2023-01-01` listed Trump's remarks at
    his 2023 civil-fraud trial as the United States' (a 2017 article calls him "President of the United
    States"), and "The judge said" there was credited to Trump (introduced by "the judge said,
    rejecting Trump's contention", the role word read as his)."""
    a = _speeches_and_articles(tmp_path, [_speech(
        "USA", "United States of America", "Donald Trump", "President",
        _FILLER + "The Iran deal was a windfall for Iran's leaders.", session=73)], {
        "2017.md": _md("Summit in Riyadh", "2017-05-21", (
            "President of the United States Donald Trump said the summit would isolate Iran.")),
        "2023.md": _md("Trump defrauded banks, judge rules", "2023-09-26", (
            "Judge Arthur Engoron ruled on Tuesday that former U.S. President Donald Trump committed fraud.\n\n"
            "Those tactics crossed a line and violated the law, the judge said, rejecting Trump’s contention that a "
            "disclaimer absolved him.\n\nTrump said the whole case was crazy.\n\n"
            "The judge said the disclaimer was no defence."))})
    by = {c.text: c.actor for c in a.positions("Donald Trump") + a.positions("Arthur Engoron")}
    assert by.get("the disclaimer was no defence") == "Arthur Engoron", by
    for filters in (None, {"since": "2023-01-01"}):
        said = {c.text: c.actor for c in a.positions("United States", filters=filters)}
        assert "the whole case was crazy" not in said, (filters, said)
    assert "the summit would isolate Iran" in {c.text for c in a.positions("United States")}


def test_a_speech_telling_another_states_wrongs_criticises_it_and_a_state_named_with_a_comma_is_its_speechs():
    """From a new-user pass: "Who criticized Iran?" found no criticism in Netanyahu's "Iran spreads that
    curtain of tyranny and terror over Iraq, Syria, Lebanon" (no cue), and quoted Rouhani's own speech,
    whose record names its state "Iran, Islamic Republic of" (read as no state: its sentences had no
    speaker in `--json` either). What a state suffers is no wrong of its own."""
    from assistant.topic import speech_state_of
    speech = ("Israel", "Benjamin Netanyahu", "Prime Minister")
    text = ("Iran spreads that curtain of tyranny and terror over Iraq, Syria, Lebanon and elsewhere. "
            "Russia continues to occupy Crimea in violation of international law. Syria faces terrorism. "
            "Iraq has suffered from terrorism for decades. If Iran violates the deal, we will respond. Taiwan is an "
            "indispensable partner for disease prevention, anti-terrorism and transnational-crime prevention.")
    got = {c.text: c.kind for c in _speech_claims(*speech, text, "2017") if c.kind == "criticism"}
    assert set(got) == {"Iran spreads that curtain of tyranny and terror over Iraq, Syria, Lebanon and elsewhere",
                        "Russia continues to occupy Crimea in violation of international law"}, got
    for title, state in (("Mr. Hassan Rouhani, President, Iran, Islamic Republic of", "Iran"),
                         ("Mr. Nicolás Maduro Moros, President, Venezuela, Bolivarian Republic of", "Venezuela"),
                         ("Mr. Felix Tshisekedi, President, Congo, Democratic Republic of the", "DR Congo"),
                         ("Mr. Benjamin Netanyahu, Prime Minister, Israel", "Israel"),
                         # (a formal name pycountry spells otherwise: its "Republic of Türkiye")
                         ("Mr. Recep Tayyip Erdogan, President, Republic of Turkey", "Turkey")):
        assert speech_state_of(title, "UN General Debate, session 73") == state, title


def test_a_states_pledge_reported_in_anothers_speech_is_its_pledge(givers):
    """From a new-user pass: "What did the United Arab Emirates pledge?" said the articles do not report
    it pledging anything, then quoted "The United Arab Emirates, Saudi Arabia and Qatar have pledged
    billions ..." (Trump's speech: another state's speech was read as that state's words only)."""
    for q in ("What did the United Arab Emirates pledge?", "What did Qatar pledge?"):
        ans = givers.ask(q)
        assert not ans.abstained and "do not report" not in ans.answer, (q, ans.answer)
        assert any("have pledged billions" in c.quote for c in ans.citations), (q, ans.answer)


def test_what_a_speaker_is_doing_and_a_judging_noun_are_the_speakers_positions():
    """Dev gold (UN speeches): "Canada is aligning all of its ... policies", "We are planning to host a
    national summit", "The history of the Baltic States is proof of the moral power of international law",
    "That is an illusion" gave no statement. The speech steering ("I am speaking today on behalf of my
    country") and "This is the first time ..." still give none."""
    speech = ("Canada", "Chrystia Freeland", "Minister")
    text = ("Canada is aligning all of its peace and security policies to turn the tide. We are planning to host a "
            "national summit in November. I am speaking today on behalf of my country. We are meeting at a time of "
            "great uncertainty. I am referring to the new economic zones. I am thinking of the ceasefire in "
            "Ukraine. The history of the Baltic "
            "States is proof of the moral power of international law. Some think climate change does not concern "
            "them. That is an illusion. This is the first time I address the Assembly.")
    got = {c.text: c.kind for c in _speech_claims(*speech, text, "2019")}
    assert got == {"aligning all of its peace and security policies to turn the tide": "position",
                   "planning to host a national summit in November": "position",
                   "The history of the Baltic States is proof of the moral power of international law": "position",
                   "That is an illusion": "criticism"}, got


def test_a_speakers_thought_thanks_and_commendation_after_a_setting_are_theirs():
    """Dev gold (UN speeches): "We think it would be advisable to convene a special meeting", "We take
    this opportunity to express our deep gratitude to the Member States that ...", and "That is why in
    the region where it is most prevalent in Africa, the Sahel, I commend the initiative of ..." (read as
    "<content>, I commend": the setting before the comma was its content) gave no or the wrong statement."""
    speech = ("Turkmenistan", "Rashid Meredov", "Minister")
    text = ("We think it would be advisable to convene a special meeting of the General Assembly. We take this "
            "opportunity to express our deep gratitude to the Member States that participated in the forum. That "
            "is why in the region where it is most prevalent in Africa, the Sahel, I commend the initiative of the "
            "countries of the Group of Five for the Sahel.")
    got = {c.text for c in _speech_claims(*speech, text, "2016")}
    assert got == {"it would be advisable to convene a special meeting of the General Assembly",
                   "the Member States that participated in the forum",
                   "the initiative of the countries of the Group of Five for the Sahel"}, got


def test_a_recommitment_a_commitment_shown_and_a_duty_are_the_speakers():
    """Dev gold (UN speeches): "We recommitted ourselves as a nation to work towards economic
    self-reliance", "Montenegro has again demonstrated its political commitment to the mandates of peace
    operations" and "We have a duty to listen." gave no statement."""
    speech = ("Montenegro", "Milo Djukanovic", "President")
    text = ("We recommitted ourselves as a nation to work towards economic self-reliance. Montenegro has again "
            "demonstrated its political commitment to the mandates of peace operations. We have a duty to listen.")
    got = {c.text: c.kind for c in _speech_claims(*speech, text, "2021")}
    assert got == {"work towards economic self-reliance": "pledge", "the mandates of peace operations": "pledge",
                   "a duty to listen": "demand"}, got


def test_each_clause_of_a_speech_sentence_that_commits_is_a_statement():
    """Dev gold (UN speeches): "We will support the fund and we will double our contribution" gave only
    the support: a sentence with one cue claim never read its other clause's commitment."""
    speech = ("Togo", "Faure Gnassingbe", "President")
    got = {(c.kind, c.text) for c in _speech_claims(*speech, "We will support the fund and we will double our "
                                                    "contribution.", "2017")}
    assert ("pledge", "double our contribution") in got and ("position", "the fund") in got, got


def test_a_plan_announced_or_an_appeal_for_something_answers_a_question_about_proposals():
    """From a new-user pass: "What did Erdogan propose about Syria?" said Turkey proposed nothing, though
    its 2019 speech says "We intend to establish a peace corridor in Syria"."""
    from assistant.evidence import claim_is
    speech = ("Turkey", "Recep Tayyip Erdogan", "President")
    text = ("We intend to establish a peace corridor in Syria, 30 kilometres wide. We appeal for the establishment "
            "of a safe zone along our border. We will pay our dues on time. We urge the international community "
            "to establish a loss and damage fund without delay.")
    got = {c.text: claim_is(c, "proposal") for c in _speech_claims(*speech, text, "2019")}
    assert got == {"establish a peace corridor in Syria, 30 kilometres wide": True,
                   "the establishment of a safe zone along our border": True, "pay our dues on time": False,
                   "the international community to establish a loss and damage fund without delay": True}, got


_SPOKEN = ("I address you at a critical moment for my country. We have come here to speak of peace, and our "
           "people ask us to be heard. ")


def test_a_speech_saved_as_a_page_or_pasted_as_text_is_read_as_its_states_speech(tmp_path):
    """From a new-user pass: UN speeches saved as HTML ("Egypt: Badr Ahmed Mohamed Abdelatty, Minister of
    Foreign Affairs") or pasted as text ("Statement by Gustavo Petro Urrego, President of Colombia, at the
    general debate of the 78th session ...") were read as articles: "What did Gustavo Petro propose?" and
    "What did Egypt say about Gaza?" said not found. A news article naming an office is no speech."""
    from assistant import Assistant

    (tmp_path / "COL.txt").write_text(
        "Statement by Gustavo Petro Urrego, President of Colombia, at the general debate of the 78th session of "
        "the UN General Assembly\nUnited Nations\n\n" + _SPOKEN + "I propose that the "
        "United Nations convene two peace conferences as soon as possible, one on Ukraine and the other on "
        "Palestine.\n", encoding="utf-8")
    (tmp_path / "EGY.html").write_text(
        "<!DOCTYPE html><html><head><title>Egypt - General Debate, 79th Session | UN Web TV</title>"
        "<meta name=\"date\" content=\"2024-09-26\"></head><body><h1>Egypt: Badr Ahmed Mohamed Abdelatty, "
        f"Minister of Foreign Affairs</h1><p>{_SPOKEN}</p><p>Israel’s continued aggression against Gaza for "
        "nearly a year is a true stain on the conscience of the international community.</p></body></html>",
        encoding="utf-8")
    (tmp_path / "news.md").write_text(_md("Ministers meet at the General Assembly", "2024-09-27", (
        "Statement by Jane Doe, Minister of Trade of Kenya, was issued on Friday.\n\nThe ministers said the talks "
        "in New York would resume next week.")), encoding="utf-8")
    a = Assistant.open(store=tmp_path / "store", create=True)
    assert a.ingest([tmp_path / "COL.txt", tmp_path / "EGY.html", tmp_path / "news.md"]).ok
    titles = {d.title: d.source for d in a.documents()}
    assert titles.get("Gustavo Petro Urrego, President, Colombia") == "UN General Debate, session 78", titles
    assert titles.get("Badr Ahmed Mohamed Abdelatty, Minister of Foreign Affairs, Egypt") == "UN General Debate"
    assert titles.get("Ministers meet at the General Assembly") == "Test Wire", titles
    # (an undated page of a numbered session: that session's year, so "since 2023" keeps it)
    dated = {d.title: d.published for d in a.documents()}
    assert dated["Gustavo Petro Urrego, President, Colombia"].startswith("2023"), dated
    assert a.positions("Colombia", filters={"since": "2023-01-01"}), "Colombia's 2023 speech dropped by --since"
    ans = a.ask("What did Gustavo Petro propose?")
    assert not ans.abstained and any("two peace conferences" in c.quote for c in ans.citations), ans.answer
    ans = a.ask("What did Egypt say about Gaza?")
    assert not ans.abstained and any("true stain" in c.quote for c in ans.citations), ans.answer


def test_a_subject_of_someone_and_i_is_the_speech_itself():
    # Micronesia 2020: "Vice President George and I have submitted proposed legislation ..." (it made "George" the actor)
    claims = _speech_claims("Micronesia (Federated States of)", "David W. Panuelo", "President",
                            "For our part in the Federated States of Micronesia, Vice President George and I have "
                            "submitted proposed legislation to our National Congress that would make renewable "
                            "energy part of our petroleum corporation’s mandate.")
    legislation = [c for c in claims if "renewable energy" in c.text]
    assert legislation and all(c.actor == "Micronesia" for c in legislation), [(c.actor, c.text) for c in claims]


def test_it_will_be_vital_to_and_it_is_my_firm_belief_that_are_the_speeches_own():
    # Russia 2021, Norway 2017, Poland 2015: "It will be vital to X" (a demand), "It is my firm belief that X"
    claims = _speech_claims("Norway", "Erna Solberg", "Prime Minister",
                            "It will be crucial to achieve a substantive outcome at the WTO’s Ministerial Conference "
                            "in Buenos Aires in December. It is my firm belief that the strategy will continue to be "
                            "implemented by the Government of my successor. It would be wise to wait, he thought.")
    got = {(c.actor, c.kind, c.text) for c in claims}
    assert ("Norway", "demand", "to achieve a substantive outcome at the WTO’s Ministerial Conference in Buenos Aires "
            "in December") in got, got
    assert ("Norway", "position", "the strategy will continue to be implemented by the Government of my "
            "successor") in got, got


def test_a_cue_after_and_that_the_parser_hangs_apart_keeps_the_speakers_subject():
    # Italy 2017: "I would like to reaffirm ... our full support for X, and, at the same time, urge Y to Z"
    # (the parser reads "urge" as a clause of its own, with no subject: the demand was lost)
    claims = _speech_claims("Italy", "Paolo Gentiloni", "President of the Council of Ministers",
                            "That is why I would like to reaffirm today at the General Assembly our full support for "
                            "the role of the United Nations and of Special Envoy De Mistura, and, at the same time, "
                            "urge the main regional and international stakeholders to support the road map outlined in "
                            "Security Council resolution 2254 (2015).", "2017")
    got = {(c.actor, c.kind, c.text[:60]) for c in claims}
    assert ("Italy", "demand", "the main regional and international stakeholders to support ") in got, got


def test_a_state_committed_to_x_is_its_pledge_however_the_parser_hangs_the_subject():
    # unlabelled speeches: "Denmark is committed to ..." ("committed" tagged an adjective), "For its part, Pakistan is
    # committed to ..." (the subject hung on "is"), "Bosnia and Herzegovina is committed to ..." (a state of two names)
    for country, text, want in [
            ("Denmark", "Denmark is committed to a strong and efficient UN.", "a strong and efficient UN"),
            ("Pakistan", "For its part, Pakistan is committed to the establishment of strategic stability in the "
                         "region.", "the establishment of strategic stability in the region"),
            ("Bosnia and Herzegovina", "Bosnia and Herzegovina is committed to reaching a compromise solution.",
             "reaching a compromise solution")]:
        got = {(c.actor, c.kind, c.text) for c in _speech_claims(country, "Mr. X", "President", text)}
        assert (country, "pledge", want) in got, (country, got)
    other = _speech_claims("Bosnia and Herzegovina", "Mr. X", "President",
                           "Trinidad and Tobago calls on all States to ratify the treaty.")
    assert [c.actor for c in other] == ["Trinidad and Tobago"], [(c.actor, c.text) for c in other]


def test_what_a_speech_informs_the_assembly_of_or_makes_clear_is_its_own():
    claims = _speech_claims("United States", "Joseph R. Biden", "President",
                            "In the United States, my Administration has made clear to social media companies that we "
                            "will uphold the right to free speech. I am happy to inform the Assembly that we will be "
                            "depositing our instrument of ratification this afternoon. We will educate and inform our "
                            "people at home.")
    got = {(c.actor, c.text) for c in claims}
    assert ("United States", "we will uphold the right to free speech") in got, got
    assert ("United States", "we will be depositing our instrument of ratification this afternoon") in got, got


def test_a_question_about_proposals_finds_the_speechs_urgings_and_calls(tmp_path):
    """From a new-user pass: "What did Kenya propose?" said Kenya proposed nothing, though its 2023 speech urges
    the United Nations to deliver a framework for Haiti (the statements were routed by their stored kind only)."""
    speech = _speech("KEN", "Kenya", "William Samoei Ruto", "President", (
        "Kenya stands in solidarity with all humankind, without regard to region or border or hemisphere. "
        + _FILLER * 3 +
        "We urge the United Nations to urgently deliver an appropriate framework to facilitate the deployment of "
        "multinational security support as part of a holistic response to Haiti’s challenges. We will pay our dues "
        "on time."), session=78)
    a = _speeches_and_articles(tmp_path, [speech])
    for q in ("What did Kenya propose?", "What did Ruto propose?"):
        ans = a.ask(q)
        assert not ans.abstained and "No statement found" not in ans.answer, (q, ans.answer)
        assert any(c.quote.startswith("We urge the United Nations") for c in ans.citations), (q, ans.answer)


def test_there_is_no_justification_or_alternative_is_the_speeches_own_view():
    # Germany 2022 (from a new-user pass: "Who criticized Russia?" missed it), Belarus 2015
    claims = _speech_claims("Germany", "Olaf Scholz", "Chancellor",
                            "There is no justification whatsoever for Russia’s war of occupation against Ukraine. "
                            "However, there is no alternative to dialogue and diplomacy. There is no hospital in the "
                            "village.", "2022")
    got = {(c.actor, c.kind, c.text) for c in claims}
    assert ("Germany", "criticism", "There is no justification whatsoever for Russia’s war of occupation against "
            "Ukraine") in got, got
    assert ("Germany", "position", "there is no alternative to dialogue and diplomacy") in got, got
    assert not any("hospital" in c.text for c in claims)


def test_a_speech_recalling_our_proposal_to_x_proposes_x():
    # Russia 2021 (from a new-user pass: "What did Lavrov propose?" missed it)
    claims = _speech_claims("Russian Federation", "Sergey Lavrov", "Minister for Foreign Affairs",
                            "We continue to await the response of NATO members to our proposal to proclaim a similar "
                            "moratorium, reinforced with mutual verification measures. Our proposal for a ceasefire "
                            "was rejected by the other side.", "2021")
    got = {(c.actor, c.kind, c.text) for c in claims}
    assert ("Russia", "proposal", "proclaim a similar moratorium, reinforced with mutual verification measures") in got
    assert not any("was rejected" in c.text for c in claims if c.kind == "proposal"), got


def test_a_speech_reporting_another_state_is_its_givers_words_when_asked_what_they_said(tmp_path):
    """From a new-user pass: "What did Lavrov say about Hayat Tahrir Al-Sham?" answered that the
    articles do not report Russia saying anything about it, then quoted his own speech's "The United
    States is already saying openly that ..." as the United States' statement. What a speech reports
    of another is the giver's account: asked what the giver said, it is quoted as theirs. Asked what
    they demanded, another's demand reported in the speech is still not theirs."""
    a = _speeches_and_articles(tmp_path, [
        _speech("RUS", "Russia", "Sergey Lavrov", "Minister for Foreign Affairs",
                "The United States is already saying openly that Hayat Tahrir Al-Sham is a quite moderate group "
                "that it can do business with. " + _FILLER * 2 + "We will continue to defend our legitimate "
                "interests."),
        _speech("UKR", "Ukraine", "Volodymyr Zelenskyy", "President",
                "The General Assembly demanded that Russia withdraw its troops from Ukraine. " + _FILLER * 2 +
                "Our grain corridor feeds the world.", session=77),
    ])
    ans = a.ask("What did Lavrov say about Hayat Tahrir Al-Sham?")
    assert not ans.abstained and "do not report" not in ans.answer, ans.answer
    assert ans.citations and "quite moderate group" in ans.citations[0].quote, ans.answer
    assert all("Lavrov" in c.title for c in ans.citations), ans.answer
    assert ans.citations[0].speaker == "Russia", ans.answer
    dem = a.ask("What did Ukraine demand?")
    assert not any("withdraw its troops" in c.quote for c in dem.citations if c.speaker == "Ukraine"), dem.answer


def test_speech_phrasings_what_a_state_needs_what_a_course_means_and_a_slow_verdict():
    """Dev-half misses: "What Gabon needs most is X" (a demand), "But it also means using X" (what a course
    takes, lower case after the conjunction), "But progress on this front has been too slow" (the tagger reads
    "progress" as a verb), and "launched an appeal to X to Y" (an appeal made)."""
    got = [(c.kind, c.text) for c in _speech_claims("Gabon", "Brice Clotaire Oligui Nguema", "President", (
        "In that perspective, what Gabon needs most is encouragement and support to carry out those projects. "
        "But it also means using each other’s knowledge and knowhow. "
        "But progress on this front has been too slow. "
        "We launched an appeal to all partners to support the transition."))]
    assert ("demand", "encouragement and support to carry out those projects") in got, got
    assert ("position", "using each other’s knowledge and knowhow") in got, got
    assert ("criticism", "progress on this front has been too slow") in got, got
    assert any(k == "demand" and "support the transition" in t for k, t in got), got
    from index.claims import ClaimExtractor

    news = "What the club needs most is a striker. The season starts in May."  # (news: the writer's words)
    assert ClaimExtractor().extract(news, "d", "2020") == []


def test_what_a_situation_requires_is_the_speeches_demand_however_the_parser_reads_require():
    """Dev-half misses: "That requires strengthened coordination ..." (the parser read "requires" as an
    auxiliary of "strengthened") and "That mission will require effective and strengthened multilateralism"
    (its object read as an adjective complement) gave nothing."""
    got = [(c.kind, c.text) for c in _speech_claims("Montenegro", "Milo Đukanović", "President", (
        "That requires strengthened coordination and cooperation among neighbouring States. "
        "That mission will require effective and strengthened multilateralism, a retreat from rhetoric and greater "
        "space for action. They require nothing of us."))]
    assert ("demand", "strengthened coordination and cooperation among neighbouring States") in got, got
    assert ("demand", "effective and strengthened multilateralism, a retreat from rhetoric and greater space for "
                      "action") in got, got
    assert not any("nothing of us" in t for _, t in got), got


def test_a_speech_naming_its_own_states_proposal_or_draft_resolution_proposes_it():
    """Dev-half misses: "... to consider Turkmenistan’s proposal for proclaiming an international day of
    neutrality" and "Our country has prepared a draft resolution ..." gave no proposal; a proposal in a
    subject ends with its noun phrase, and "put forward draft resolutions" proposes the resolutions."""
    got = [(c.actor, c.kind, c.text) for c in _speech_claims("Turkmenistan", "Gurbanguly Berdimuhamedov", "President", (
        "The final document reflects a willingness to consider Turkmenistan’s proposal for proclaiming an "
        "international day of neutrality. Our country has prepared a draft resolution for the General Assembly on "
        "the subject. Progress, along with Turkmenistan’s proposal for a dialogue on security, could be an important "
        "contribution. Many times we have put forward draft resolutions, but they are in vain."))]
    assert ("Turkmenistan", "proposal", "proclaiming an international day of neutrality") in got, got
    assert ("Turkmenistan", "proposal", "a draft resolution for the General Assembly on the subject") in got, got
    assert ("Turkmenistan", "proposal", "a dialogue on security") in got, got
    assert ("Turkmenistan", "proposal", "draft resolutions") in got, got


def test_a_feeling_about_what_happened_is_the_speeches_position_in_the_past_too():
    """Dev-half miss: "In that regard, I was particularly pleased with the Secretary-General’s establishment of the
    Office of Counter-Terrorism in June" gave nothing (only present-tense states were read); a past resolve is
    history, not a position."""
    got = [(c.kind, c.text) for c in _speech_claims("Togo", "Faure Gnassingbé", "President", (
        "In that regard, I was particularly pleased with the Secretary-General’s establishment of the Office of "
        "Counter-Terrorism in June. In 1990 we were determined to rebuild the country."))]
    assert ("position", "particularly pleased with the Secretary-General’s establishment of the Office of "
                        "Counter-Terrorism in June") in got, got
    assert not any("rebuild" in t for _, t in got), got


def test_anothers_wrongdoing_named_as_such_is_the_speeches_criticism_in_any_tense():
    """From a new-user pass: "Who criticized Nicolas Maduro?" found no criticism in Colombia's speech: "Nicolas
    Maduro’s crimes against his people can be compared only to those of Slobodan Milosevic" was no statement."""
    got = [(c.kind, c.text) for c in _speech_claims("Colombia", "Iván Duque Márquez", "President", (
        "Nicolas Maduro’s crimes against his people can be compared only to those of Slobodan Milosevic in the "
        "former Yugoslavia. Russia’s invasion of Ukraine has produced consequences far beyond Europe’s borders. "
        "Colombia’s crimes are in the past."))]
    assert ("criticism", "Nicolas Maduro’s crimes against his people can be compared only to those of Slobodan "
                         "Milosevic in the former Yugoslavia") in got, got
    assert any(k == "criticism" and t.startswith("Russia’s invasion of Ukraine") for k, t in got), got
    assert not any(t.startswith("Colombia’s crimes") for _, t in got), got


def test_a_general_debate_record_naming_no_speaker_is_still_its_states_speech(tmp_path):
    """Found on unlabelled speeches: five records of the shared corpus (North Korea's and Portugal's of 2017
    among them) give neither speaker, post nor country, only the ISO code; they loaded as articles titled
    "PRK_72_2017" with no voice, so "we" was nobody and North Korea's speech gave almost no statements."""
    from index.loaders import load_file

    text = ("Absent true international justice, the only philosophical principle that remains valid is that force "
            "must be addressed with force. Nuclear weapons of tyranny must therefore be met with the nuclear hammer "
            "of justice. We do not need anyone else to recognize our status as a nuclear-weapon State.")
    record = {"id": "PRK_72_2017", "iso3": "PRK", "session": 72, "year": 2017, "country": None, "speaker": None,
              "post": None, "text": text}
    path = tmp_path / "speeches.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(_speech("NOR", "Norway", "Erna Solberg", "Prime Minister",
                                                                   _FILLER, session=72)) + "\n", encoding="utf-8")
    docs = [getattr(d, "document", d) for d in load_file(path)]
    prk = docs[0]
    assert prk.title == "Speaker not recorded, Representative, North Korea", prk.title
    assert prk.source == "UN General Debate, session 72" and prk.meta["country"] == "North Korea"
    assert docs[1].title == "Erna Solberg, Prime Minister, Norway"  # (a record naming its speaker: as given)
    from assistant import Assistant

    a = Assistant.open(store=tmp_path / "store", create=True)
    assert a.ingest([path]).ok
    said = a.positions("North Korea")
    assert any("nuclear hammer" in c.text for c in said) and {c.actor for c in said} == {"North Korea"}
    ans = a.ask("What is North Korea's position on nuclear weapons?")
    assert not ans.abstained and any("nuclear" in c.quote for c in ans.citations), ans.answer


def test_support_lent_or_given_is_a_position_on_what_it_goes_to():
    """Found on an unlabelled speech (Cyprus, 2021): "we lend our unwavering support to the reform ... priorities
    of the Secretary-General" gave no statement; "lend" and "give" with a backing noun are stances on what
    the support goes to, in speeches and news alike."""
    said = _speech_claims("Cyprus", "Nicos Anastasiades", "President",
                          "We lend our unwavering support to the reform priorities of the Secretary-General.")
    assert [(c.actor, c.kind, c.text) for c in said] == [
        ("Cyprus", "position", "the reform priorities of the Secretary-General")]
    from index.claims import ClaimExtractor

    news = ClaimExtractor().extract("Chancellor Olaf Scholz gave his full backing to the ceasefire plan on Monday.",
                                    "d", "2024-01-01")
    assert [(c.actor, c.kind, c.text) for c in news] == [("Olaf Scholz", "position", "the ceasefire plan")]


def test_did_a_state_criticize_another_reads_its_speech_though_no_sentence_says_criticize(tmp_path):
    """From a third new-user pass: "Did Kuwait criticize Israel?" answered that the articles do not report Kuwait
    criticising Israel, as the yes/no check wanted the word "criticize" in the sentence; its speech condemns
    Israel's "excessive and unjustifiable use of force" without it."""
    a = _speeches_and_articles(tmp_path, [_speech(
        "KWT", "Kuwait", "Sheikh Jaber Al-Mubarak Al-Hamad Al Sabah", "Prime Minister",
        _FILLER + "The failure of the international community to find a solution to the conflict in the Middle East "
        "threatens peace as a result of Israel’s consistent, excessive and unjustifiable use of force against the "
        "Palestinian people.", session=71)])
    said = _speech_claims("Kuwait", "Sheikh Jaber Al-Mubarak Al-Hamad Al Sabah", "Prime Minister",
                          "Peace is threatened by the oppressive practices of the Israeli occupation forces. "
                          "The silence of the world on Israel’s aggressive policies has emboldened it. "
                          "Kuwait’s excessive caution is a virtue.")
    assert [(c.actor, c.kind) for c in said] == [("Kuwait", "criticism")] * 2, said
    ans = a.ask("Did Kuwait criticize Israel?")
    assert "do not report Kuwait" not in ans.answer, ans.answer
    assert any("unjustifiable use of force" in c.quote for c in ans.citations), ans.answer


def test_a_stance_told_in_a_relative_clause_is_on_what_the_clause_hangs_on():
    """Found on unlabelled speeches (Malawi 2024, Cuba 2018, Italy 2022): "the Pact for the Future, which we fully
    support", "the imposition of arbitrary sanctions, which we reject" gave no statement (a relative clause was
    background); the thing named before the clause is the stance's object, in speeches and news alike."""
    said = _speech_claims("Malawi", "Lazarus Chakwera", "President",
                          "The Pact for the Future, which we strongly support, is a milestone. "
                          "We cannot claim relevance for the people that we deny. "
                          "Tolerance recognizes the common humanity that we all share.")
    assert ("Malawi", "position", "The Pact for the Future") in [(c.actor, c.kind, c.text) for c in said], said
    assert not any(c.text in ("relevance for the people", "the common humanity") for c in said), said
    from index.claims import ClaimExtractor

    news = ClaimExtractor().extract("The deal that Russia rejected was signed in Ankara. The plan, which Germany "
                                    "opposes, would cap prices.", "d", "2024-01-01")
    assert [(c.actor, c.kind, c.text) for c in news] == [("Russia", "rejection", "The deal"),
                                                          ("Germany", "position", "The plan")], news


def test_a_speechs_openers_of_urgency_judgement_and_rhetorical_fact_make_the_rest_its_own():
    """Found on unlabelled speeches (Cyprus 2021, Malawi 2024): "the time to fix this is now", "There is only
    one answer: multilateralism ...", "Unfortunately — and we have to be honest with ourselves — selfish
    interests hinder ...", "Is it not a fact that 37 per cent of the territory ... remains under Turkish military
    occupation?" gave no statement."""
    text = ("So, Mr. President, the time to fix this is now. In order to achieve that objective, there is only one "
            "answer: multilateralism, tangible solidarity and stronger partnerships. Unfortunately — and we have to "
            "be honest with ourselves — selfish interests hinder the founding principles of the United Nations. Is "
            "it not a fact that 37 per cent of the territory of Cyprus remains under Turkish military occupation?")
    said = [(c.kind, c.text) for c in _speech_claims("Cyprus", "Nicos Anastasiades", "President", text)]
    assert said == [("demand", "fix this"),
                    ("position", "multilateralism, tangible solidarity and stronger partnerships"),
                    ("criticism", "selfish interests hinder the founding principles of the United Nations"),
                    ("criticism", "37 per cent of the territory of Cyprus remains under Turkish military occupation")
                    ], said


def test_a_lesson_a_speech_draws_is_its_view():
    """Found on unlabelled speeches (Angola 2022, Bosnia and Herzegovina 2020, Saudi Arabia 2020): "History has
    taught us that we must discourage the use of force ...", "The pandemic has shown that the largest problems
    ... can no longer be solved by one state" gave no statement."""
    text = ("History has taught us that we must discourage the use of force to resolve conflicts. The pandemic has "
            "shown that the largest problems of today can no longer be solved by one state. We have learned the hard "
            "way that no nation can survive alone. The delegation has shown that it is ready.")
    said = [c.text for c in _speech_claims("Angola", "Joao Lourenco", "President", text)]
    assert said[:3] == ["we must discourage the use of force to resolve conflicts",
                        "the largest problems of today can no longer be solved by one state",
                        "no nation can survive alone"], said


def test_a_state_in_the_topic_after_a_possessive_is_no_actor_asked(tmp_path):
    """From a fourth new-user pass: "What did Colonna say about Russia's aggression against Ukraine?" quoted
    "(Ukraine) Ukrainian military officials have conceded ..." from a news article (Ukraine, in the topic after
    "Russia's", was read as an actor asked about) and missed her speech's "Russia’s war of aggression is also a
    blow ..." ("against" was a topic word the sentence had to carry)."""
    a = _speeches_and_articles(tmp_path, [_speech(
        "FRA", "France", "Catherine Colonna", "Minister of Foreign Affairs",
        _FILLER + "France stands with Ukraine. Nothing, neither morally nor legally, can ever justify invading one’s "
        "neighbour. Russia’s war of "
        "aggression is also a blow to the most vulnerable countries.")],
        {"ua.md": _md("Ukraine's fight could get harder", "2023-12-25", "Ukrainian military officials have conceded "
                      "that hopes of a great breakthrough in the counteroffensive against Russia's aggression were "
                      "not met, the ministry said.")})
    said = _speech_claims("France", "Catherine Colonna", "Minister of Foreign Affairs",
                          "Russia’s war of aggression is also a blow to the most vulnerable countries. Our war on "
                          "poverty is far from won.")
    assert [(c.kind, c.text[:20]) for c in said] == [("criticism", "Russia’s war of aggr")], said  # ("war" owned)
    q = a.parser.parse("What did Colonna say about Russia's aggression against Ukraine?")
    assert "Ukraine" not in q.actors and "against" not in q.topic_terms, q
    ans = a.ask("What did Colonna say about Russia's aggression against Ukraine?")
    assert any("blow to the most vulnerable" in c.quote for c in ans.citations), ans.answer
    assert not any("Ukrainian military" in c.quote for c in ans.citations), ans.answer


def test_what_cannot_go_on_and_what_is_saluted_are_the_speechs():
    """Found while probing speech shapes, then on unlabelled speeches (Pakistan 2023, Somalia 2024, Palestine
    2017): "The world cannot afford another decade of inaction", "Africa cannot continue to be excluded", "The
    international community can no longer ignore ..." and "We salute the courage of ..." gave nothing. What one
    merely cannot do ("Ghana cannot attend") stays unsaid."""
    said = _speech_claims("Ghana", "Nana Akufo-Addo", "President",
                          "The world cannot afford another decade of inaction. Africa cannot continue to be excluded "
                          "from the permanent membership of the Council. The international community can no longer "
                          "ignore the plight of the Rohingya. We salute the courage of the people of Ukraine. "
                          "The minister cannot attend the meeting.")
    assert [(c.actor, c.kind, c.text[:30]) for c in said] == [
        ("Ghana", "demand", "The world cannot afford anothe"), ("Ghana", "demand", "Africa cannot continue to be e"),
        ("Ghana", "demand", "The international community ca"), ("Ghana", "position", "the courage of the people of U")], said


def test_the_one_way_and_the_defining_challenge_are_the_speechs_judgement():
    """Found while probing speech shapes, then on unlabelled speeches (Czechia, Singapore, Sweden, Bulgaria):
    "Multilateralism is the only way to ...", "Climate change is the defining challenge of our time", "Peace ...
    remain elusive", "... are contrary to international law", "The time for action is now" gave nothing. A noun
    that judges only as the one or the greatest of its kind says nothing plain ("That is a question for ...")."""
    said = _speech_claims("Ghana", "Nana Akufo-Addo", "President",
                          "Multilateralism is the only way to address global challenges. Climate change is the "
                          "defining challenge of our time. Peace and security in the Middle East remain elusive. "
                          "Unilateral coercive measures are contrary to international law. The time for action is "
                          "now. That is a question for the Council.")
    assert [(c.kind, c.text[:28]) for c in said] == [
        ("position", "Multilateralism is the only "), ("position", "Climate change is the defini"),
        ("criticism", "Peace and security in the Mi"), ("criticism", "Unilateral coercive measures"),
        ("demand", "action")], said


def test_no_nation_can_alone_is_the_speechs_position():
    """Found while probing speech shapes, then on unlabelled speeches (Netherlands 2017, Seychelles 2023, Peru
    2015): "No nation can tackle these challenges alone" gave nothing; what one nation cannot do is not it."""
    said = _speech_claims("Ghana", "Nana Akufo-Addo", "President",
                          "No nation can tackle these challenges alone. One nation can not do it.")
    assert [(c.actor, c.kind, c.text) for c in said] == [
        ("Ghana", "position", "No nation can tackle these challenges alone")], said


def test_an_important_step_and_an_unacceptable_feature_are_the_speechs_judgement():
    """From the dev half's misses (Canada 2019), then on unlabelled speeches (Singapore, Denmark, Seychelles):
    "Impunity ... remains a common and unacceptable feature of conflict" and "The adoption of the Paris Agreement
    was an important step forward" gave nothing. A step that is merely a step says nothing."""
    said = _speech_claims("Canada", "Chrystia Freeland", "Minister for Foreign Affairs",
                          "Impunity, including for sexual and gender-based violence, remains a common and unacceptable "
                          "feature of conflict. The adoption of the Paris Agreement was an important step forward. "
                          "The meeting was the first step of the process.")
    assert [(c.kind, c.text[:24]) for c in said] == [
        ("criticism", "Impunity, including for "), ("position", "The adoption of the Pari")], said


def test_a_quotation_a_speech_reads_out_after_he_said_this_is_not_the_speakers():
    """From a fourth new-user pass (Scholz, 2023): "our colleague, the Ambassador of Kenya. After Russia's invasion
    of Ukraine, he said this in the Security Council:\\n“Rather than form nations that looked ever backwards ...,
    we chose to look forward ...”" was answered as Germany's own words ("we chose"), and asking what Kenya's
    ambassador said found nothing. More than "said:" before the colon stopped the quotation being read as his;
    "he" with no person named is the office named just before it, here Kenya's."""
    said = _speech_claims("Germany", "Olaf Scholz", "Chancellor",
                          "No one here in New York has expressed that as aptly as our colleague, the Ambassador of "
                          "Kenya. After Russia’s invasion of Ukraine, he said this in the Security Council:\n“Rather "
                          "than form nations that looked ever backwards into history with a dangerous nostalgia, we "
                          "chose to look forward to a greatness that none of our many nations and peoples had ever "
                          "known.” (S/PV.8970, p. 8)\n\nWe agree with him.", year="2023")
    kenya = [c for c in said if c.text.startswith("Rather than form nations")]
    assert [(c.actor, c.role) for c in kenya] == [("Kenya", "Ambassador of Kenya")], said
    assert not any(c.actor == "Germany" and "backwards" in c.text for c in said), said


def test_we_have_proposals_and_an_appeal_launched_to_others_are_the_speakers():
    """From a new-user pass (Zelenskyy, 2022): "We have proposals to upgrade the security architecture for Ukraine
    ..." gave no proposal, so "What did Zelensky propose?" missed it; and Gabon's "I therefore take this opportunity
    to launch a solemn appeal to all of our ... partners to accompany and support ..." gave no demand (the parser
    hangs what is asked for on "launch"). "We have a proposal for you" proposes nothing."""
    said = _speech_claims("Ukraine", "Volodymyr Zelenskyy", "President",
                          "We have proposals to upgrade the security architecture for Ukraine, and for Europe and the "
                          "world, which will not allow any more aggression against us. We have a proposal for you. "
                          "We launch an urgent appeal to the international community to help the refugees.",
                          year="2022")
    assert [(c.actor, c.kind, c.text[:28]) for c in said] == [
        ("Ukraine", "proposal", "upgrade the security archite"), ("Ukraine", "demand", "help the refugees")], said


def test_a_speech_presenting_the_outlines_of_its_plan_proposes_it():
    """From a sixth new-user pass (Zelenskyy, 2023): "I presented the outlines of the Ukrainian peace formula at the
    General Assembly" gave no proposal (the sentence was not even parsed), so "What did Zelenskyy propose?" said he
    proposed nothing; nor is where it was presented what was proposed."""
    said = _speech_claims("Ukraine", "Volodymyr Zelenskyy", "President",
                          "I presented the outlines of the Ukrainian peace formula at the General Assembly. We put "
                          "forward a peace plan at the summit.", year="2023")
    assert [(c.kind, c.text) for c in said] == [("proposal", "the Ukrainian peace formula"),
                                               ("proposal", "a peace plan")], said
