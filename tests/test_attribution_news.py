"""Attribution faults a new-user test found on real news (MultiHop-RAG): a run-on quotation credited to a
product, an "it" credited to the body that spoke sections earlier, a title abbreviation taken for a person,
"the Commission" apart from the European Commission, "the report" as an actor, bodies typed as persons."""
from index.actors import Actor, ActorResolver
from index.claims import ClaimExtractor


def _claims(text: str):
    return ClaimExtractor().extract(text, "d", "2023-11-21")


def test_run_on_quotation_is_the_speakers_not_a_products():
    # TechCrunch, 2023-09-26: "Bing Search" (read as a person) took Jourova's "she said" and its run-on paragraph
    text = ("Giving an update on the code in a speech today, Vera Jourova welcomed initial efforts by platforms.\n\n"
            "Microsoft\n\n"
            "On Bing Search, where Microsoft was quick to embed generative AI features, the report claims it "
            "has taken measures. Microsoft says “Bing is regularly reviewing its policies”.\n\n"
            "Platforms must fight Kremlin propaganda, Jourova also warned today.\n\n"
            "“One of my main messages to the signatories is to be aware of the context,” she said. “The Russian "
            "state has engaged in the war of ideas.\n\n"
            "“Today, this is a multi-million euro weapon of mass manipulation. We must address this risk.”")
    claims = _claims(text)
    weapon = [c for c in claims if "weapon of mass manipulation" in c.text]
    assert weapon and all("Jourova" in c.actor for c in weapon)
    assert not any("Search" in c.actor for c in claims)


def test_it_is_the_body_a_later_section_is_about():
    # "The EU said ..." then a section on Google: Google's words, never the EU's
    text = ("The EU said these are the most extensive reports produced by signatories to the Code.\n\n"
            "Google\n\n"
            "On generative AI, Google’s report discusses “recent progress in large-scale AI models”. The tech "
            "giant is an early adopter of generative AI in search.\n\n"
            "“Google is committed to developing technology responsibly and has published AI Principles to guide "
            "our work,” it writes in summary on the topic.")
    committed = [c for c in _claims(text) if c.text.startswith("Google is committed")]
    assert [c.actor for c in committed] == ["Google"]


def test_title_abbreviation_is_never_a_person():
    # Globes, 2023-11-19: "Adv." (the Israeli title for an advocate) ended the sentence and spoke
    text = ("“This is a real-time deterrence,” reveals IMPA director general Adv. Ilit Ostrovitch-Levi. "
            "“And then there was a domino effect.”")
    claims = _claims(text)
    assert claims and {c.actor for c in claims} == {"Ilit Ostrovitch-Levi"}
    r = ActorResolver()
    assert r.resolve("Adv. Ilit Ostrovitch-Levi", label="PERSON").name == "Ilit Ostrovitch-Levi"


def test_commission_after_its_full_name_is_that_institution():
    # "Per the Commission’s early analysis" made "Per the Commission" the full name of "Commission"
    text = ("The European Commission opened a formal investigation into X on Monday.\n\n"
            "Per the Commission’s early analysis, the platform hosts the most disinformation.\n\n"
            "The Commission said it would assess the company’s replies before deciding on next steps.")
    said = [c for c in _claims(text) if "assess the company" in c.text]
    assert [c.actor for c in said] == ["European Commission"]


def test_commission_in_an_article_about_the_eu_is_the_european_commission():
    text = ("The EU has opened an investigation into X over disinformation.\n\n"
            "The Commission said it is looking at X’s compliance with the DSA across a number of areas.")
    said = [c for c in _claims(text) if "compliance with the DSA" in c.text]
    assert [c.actor for c in said] == ["European Commission"]


def test_the_report_is_its_authors_not_a_document_actor():
    # "CSIS published a report that ... " then "..., the report said": the think tank's words
    text = ("In April, Washington-based think tank Center for Strategic and International Studies published a "
            "report on relations between the two countries.\n\n"
            "“The relationship is caught in a worsening vicious cycle,” the report said.")
    said = [c for c in _claims(text) if "vicious cycle" in c.text]
    assert [c.actor for c in said] == ["Center for Strategic and International Studies"]


def test_the_report_is_the_body_named_publishing_it_in_a_sentence_with_no_speaker():
    # CNBC, 2023-11-13: "the report" was an actor of its own (or the outlet), the think tank never a speaker
    text = ("Controversy in early February over an alleged Chinese spy balloon flying in U.S. airspace revealed how "
            "fragile relations have become. In April, during that period of estrangement, Washington, D.C.-based "
            "think tank Center for Strategic and International Studies published a report that described U.S.-China "
            "relations as seemingly “caught in a worsening vicious cycle.” “This translates into a stalemate, in "
            "which each side takes steps to defend itself,” the report said.")
    said = [c for c in _claims(text) if c.text.startswith("This translates")]
    assert [c.actor for c in said] == ["Center for Strategic and International Studies"], said
    # a body named near "report" is not its author ("TikTok users ..., the Luminate report stated"), nor is
    # one a police report was filed against; the report named by its author before is that author's
    text = ("“In doing so, TikTok users help artists reach new audiences,” the Luminate report stated.\n\n"
            "“TikTok users have a stronger preference for international music,” the report said.\n\n"
            "Then police from Southern Connecticut State University contacted Umamaheswar’s department. A student "
            "had filed a police report against her. The report noted that she contacted police “regarding a "
            "possible hacking of her laptop”.")
    got = {c.text[:30]: c.actor for c in _claims(text)}
    assert got.get("TikTok users have a stronger p") == "Luminate", got
    assert got.get("she contacted police “regardin") in (None, "report"), got


def test_bodies_companies_and_things_are_never_persons():
    r = ActorResolver()
    for name in ("Group of Seven", "Meta", "Bank of England", "Artificial Intelligence Office",
                 "European Commission", "Bing Search", "Web Summit"):
        for label in (None, "PERSON"):
            assert r.resolve(name, label=label).actor_type != "person", (name, label)
    assert r.resolve("the Group of Seven").name == "G7"
    assert r.resolve("Kurt Volker", label="PERSON").actor_type == "person"


def test_a_name_inside_a_quotation_is_not_whom_the_next_pronoun_means():
    """NYU's Paul Barrett: "“President Biden is sending a valuable message ...,” he wrote" was
    credited to Joe Biden (a full name another article gave), the quotation's own "Biden" taken as
    the sentence's subject and the nearest person; then, Biden left out, to the senator quoted two
    paragraphs before, whose gender was known."""
    text = ("Sen. Mark Warner welcomed the order. “I am also happy to see a number of sections that closely align "
            "with my efforts,” he said in a statement.\n\n"
            "It will be a miracle if any substantive law is passed in the near future.\n\n"
            "Paul Barrett, deputy director of the NYU Stern Center for Business and Human Rights, acknowledged both "
            "sides of the issue.\n\n"
            "“President Biden is sending a valuable message that certain AI systems create immediate risks,” he "
            "wrote. “But today is just the beginning of a regulatory process that will be long and arduous.”")
    claims = ClaimExtractor().extract(text, "d", "2023-10-31", known_actors=["Joe Biden", "Kamala Harris"])
    got = {c.text: c.actor for c in claims}
    assert got.get("President Biden is sending a valuable message that certain AI systems create immediate "
                   "risks") == "Paul Barrett", got


def test_a_counterpart_is_introduced_with_a_role_and_no_possessive():
    # From a new-user pass: "Wang said" after "his Chinese counterpart Wang Yi" was an organisation called
    # "Wang", and Olaf Scholz's role read "His German counterpart"
    text = ("U.S. Secretary of State Antony Blinken met his Chinese counterpart Wang Yi on Friday. Wang said China "
            "would not accept interference in its internal affairs.\n\n"
            "French President Emmanuel Macron said Europe must rearm. His German counterpart, Olaf Scholz, said "
            "Germany would pay its share.")
    got = {(c.actor, c.actor_type, c.role) for c in _claims(text)}
    assert ("Wang Yi", "person", "Chinese counterpart") in got, got
    assert ("Olaf Scholz", "person", "German counterpart") in got, got
    assert not any(a == "Wang" for a, _, _ in got), got


def test_a_body_named_by_what_it_is_in_a_sentence_with_no_cue():
    # "The crypto exchange admits ...", "The regulator said ...": the body was named in a sentence with no cue
    # (never parsed), so nobody was found and the statement was lost (MultiHop-RAG dev: Binance, the DOJ)
    text = ("Binance, the world's largest crypto exchange, agreed to pay $4.3 billion. The crypto exchange admits it "
            "engaged in unlicensed money transmission.\n\n"
            "The Securities and Exchange Commission sued Kraken on Monday. The regulator said the exchange had "
            "commingled customer funds.\n\n"
            "Meta faces a new complaint in Europe. The tech giant said it would appeal the decision.")
    got = {(c.actor, c.text) for c in _claims(text)}
    assert ("Binance", "it engaged in unlicensed money transmission") in got, got
    assert ("Securities and Exchange Commission", "the exchange had commingled customer funds") in got, got
    assert ("Meta", "it would appeal the decision") in got, got


def test_said_in_a_press_release_that_and_a_when_clause_is_no_content():
    # "said in a press release that X": the parser read "that" as a relative pronoun of "release" (nothing
    # said); "When Apple announced ..., the company also revealed X": the when-clause was taken as revealed
    text = ("The U.S. Department of Justice announced the settlement on Tuesday. The agency said in a press release "
            "that Binance had also agreed to retain a monitor.\n\n"
            "When Apple announced the new iPhone 15 and its conversion to USB-C charging, the company also revealed "
            "the second generation of its AirPods Pro.")
    got = {(c.actor, c.text) for c in _claims(text)}
    assert ("Department of Justice", "Binance had also agreed to retain a monitor") in got, got
    assert not any(t.startswith("When Apple") for _, t in got), got


def test_an_unnamed_ministry_is_the_state_its_sentence_is_about_even_one_no_table_knows():
    # Case 12's article: "Tarsena has appointed ... to lead its delegation ..., the foreign ministry in Ostra
    # said": Tarsena's ministry (the tagger reads "Tarsena" as an organisation); it was an actor named
    # "the foreign ministry"
    text = ("Tarsena has appointed veteran diplomat Mirela Dost to lead its delegation at the Kessa river talks, "
            "the foreign ministry in Ostra said on Tuesday.")
    got = [(c.actor, c.actor_type, c.role) for c in _claims(text)]
    assert got == [("Tarsena", "government", "the foreign ministry")], got


def test_texts_and_regions_are_never_persons():
    # From a new-user pass: `attache actors` listed "Charter", "West", "Holy Quran", "Asia" and "Iron Dome" as persons
    r = ActorResolver()
    assert [r.type_of(n, "PERSON") for n in ("Charter", "the West", "Holy Quran", "Asia", "Iron Dome")] == [
        "document", "group", "document", "group", "organisation"]
    assert r.type_of("Olaf Scholz", "PERSON") == "person"


def test_told_someone_in_a_statement_that_and_a_spokeswoman_for_a_described_body():
    # CNBC, 2023-11-22 (MultiHop-RAG dev): "told CNBC in a statement that X" gave no statement (the parser
    # read "that X" as a relative clause of "statement"), so the next "the spokesperson said" went to the
    # Justice Department; The Age: "a spokeswoman for the mental health organisation Beyond Blue said" gave none
    claims = _claims(
        "The Justice Department said Binance would pay $4.3 billion. A Binance spokesperson told CNBC in a "
        "statement that Zhao appeared in court to protect its users. “Binance's resilience has been tested unlike "
        "any other exchange,” the spokesperson said.\n\n"
        "“When The Age alerted us to this issue, we acted,” a spokeswoman for the mental health organisation "
        "Beyond Blue said.")
    got = {(c.actor, c.text) for c in claims}
    assert ("Binance", "Zhao appeared in court to protect its users") in got, got
    assert ("Binance", "Binance's resilience has been tested unlike any other exchange") in got, got
    assert ("Beyond Blue", "When The Age alerted us to this issue, we acted") in got, got
    assert not any(c.actor == "Department of Justice" and "resilience" in c.text for c in claims), got


def test_a_person_introduced_with_a_lowercase_office_is_one_person_by_surname():
    # Financial Times, 2023-10-01: "prime minister Fumio Kishida" then "Kishida said" and "Kishida has
    # promised": two actors, "Kishida" a person once and an organisation once
    claims = _claims(
        "So, this week, prime minister Fumio Kishida will make his strongest ever push for a bet on Asia's "
        "biggest advanced economy.\n\n“I would urge you to evaluate what we are doing in my country,” Kishida "
        "said in a recent speech.\n\nKishida has promised major reform of the country's asset management industry.")
    assert [(c.actor, c.actor_type) for c in claims] == [("Fumio Kishida", "person")] * 2, claims


def test_a_speaker_after_the_verb_with_a_hyphenated_title_is_named_without_it():
    # The Verge, 2023-12 (MultiHop-RAG dev): the actor was "Andrei Iancu, co-chair of the Council for Innovation
    # Promotion (C4IP)" with the role "co" (the parser splits "co-chair" and hangs "of ..." on the name)
    claims = _claims("“It is extraordinarily rare for the President to overturn a decision,” says Andrei Iancu, "
                     "co-chair of the Council for Innovation Promotion (C4IP) and partner at Sullivan & Cromwell.")
    assert [(c.actor, c.role) for c in claims] == [
        ("Andrei Iancu", "co-chair of the Council for Innovation Promotion (C4IP)")], claims


def test_a_tabled_person_is_a_person_by_any_spelling_the_tagger_reads_as_a_body():
    # "In the autumn of 2022, Zelenskyy proposed a peace formula": "Volodymyr Zelensky" typed an organisation
    # (the alias "Zelenskyy" tagged ORG); "Erdoğan" with its accent missed the table's "Erdogan"
    r = ActorResolver()
    assert r.resolve("Zelenskyy", label="ORG") == r.resolve("Zelensky", label="PERSON")
    assert r.resolve("Erdoğan", label="ORG").actor_type == "person"
    assert r.resolve("Erdoğan", label="ORG").name == r.resolve("Erdogan", label="PERSON").name


def test_an_act_named_by_what_it_proposes_is_a_proposal_and_its_day_is_no_content():
    # From a new-user pass: "Egypt put forward a ceasefire proposal on Monday" gave no statement ("on Monday"
    # was read as what the proposal was about, too short to keep)
    got = [(c.actor, c.kind, c.text) for c in _claims("Egypt put forward a ceasefire proposal on Monday.")]
    assert got == [("Egypt", "proposal", "a ceasefire proposal")], got
    assert [(c.kind, c.text) for c in _claims("Egypt put forward a proposal for a ceasefire.")] == [
        ("proposal", "a ceasefire")]


def test_a_sentence_inside_a_quotation_opened_after_narration_is_the_quoted_persons():
    """From a new-user pass (Globes, 2023-11-20): in Levy's quotation, opened after "He recounts," and
    running on into the next paragraph, "Hamas denies that it is even holding hostages" was Hamas's
    statement, the answer to "What did Hamas say?"."""
    text = ("Levy describes these moments as intensely frustrating. He recounts, \"In a BBC interview, the interviewer "
            "told me 'Hamas denies what you are saying,' and you see the frustration on my face when I tell her that of "
            "course Hamas denies this. Hamas denies that it is even holding hostages. Hamas massacres, and then denies "
            "that it did this.\n\n\"Some journalists see that Hamas continues to lie about the biggest things.\"")
    got = {c.text: c.actor for c in _claims(text)}
    assert "Hamas" not in got.values(), got
    assert got.get("Hamas denies that it is even holding hostages.") == "Levy", got


def test_a_name_suffix_ends_the_name_and_agencies_are_one_actor_by_any_name():
    """From a new-user pass: "President Ferdinand Marcos, Jr. told members ..." made an actor "Jr"
    (a person, with others' words); "DOJ", "the Justice Department" and "Department of Justice" were
    three actors, so "What did the Department of Justice say?" missed the DOJ's statements."""
    text = ("“We worry about our debt-to-GDP ratio,” President Ferdinand Marcos, Jr. told members of the US-ASEAN "
            "Business Council.\n\nThe DOJ said Binance admitted it had violated sanctions laws. The Justice "
            "Department said the settlement was the largest in its history.")
    got = {c.text[:20]: c.actor for c in _claims(text)}
    assert got.get("We worry about our d") == "Ferdinand Marcos Jr", got
    assert {got.get("Binance admitted it "), got.get("the settlement was t")} == {"Department of Justice"}, got


def test_a_lone_title_a_pact_and_member_states_are_never_persons():
    """From a new-user pass: `attache actors` listed "General", "Agreement", "Convention" and "Member
    States" as persons (an office whose holder's name was lost, a pact cited with "per", a group)."""
    text = ("According to former IDF Intelligence Directorate head General, technological sophistication led to "
            "complacency. Member States believe humans are close to decoding the universe.")
    got = {c.actor: c.actor_type for c in _claims(text)}
    assert got.get("General") in (None, "unnamed") and got.get("Member States") in (None, "group"), got
    assert not any(t == "person" for a, t in got.items() if a in ("General", "Member States")), got


def test_a_thing_pledged_by_named_states_in_a_participle_or_relative_clause_is_their_pledge():
    """From a new-user pass: "Who pledged F-16s to Ukraine?" missed "F-16 fighter jets which have been
    pledged by Norway, Denmark and the Netherlands" (no statement: a relative clause; the participle
    "jets pledged by ..." was tagged as a past tense)."""
    for text in ("Ukraine is awaiting F-16 fighter jets which have been pledged by Norway, Denmark and the "
                 "Netherlands.", "Ukraine is awaiting the F-16 fighter jets pledged by Norway, Denmark and the "
                 "Netherlands."):
        got = {(c.actor, c.kind) for c in _claims(text) if "F-16 fighter jets" in c.text}
        assert got == {("Norway", "pledge"), ("Denmark", "pledge"), ("Netherlands", "pledge")}, (text, got)
    assert not _claims("The aid, which was pledged in May, arrived on Monday.")


def test_an_outlet_cited_by_its_title_is_never_a_person():
    """From a new-user pass: "according to The Verge" made "Verge" a person in `attache actors`."""
    got = {c.actor: c.actor_type for c in _claims("Google pays big bucks to be everywhere, according to The Verge.")}
    assert got.get("Verge") == "organisation", got


def test_a_trailing_he_said_is_nobody_named_in_what_he_said():
    """Dev gold (multihop-393): "... his tribute to tortured artist Vincent van Gogh, he said." was
    credited to Van Gogh, the person named nearest before "he". A pronoun never stands for a name
    inside the clause its own verb governs; it is the singer named in the sentence before."""
    text = ("Don McLean told Billboard the song was great. In addition, a new children's book based on his song "
            "\"Vincent\" is in the pipeline, and there is renewed interest in \"Vincent,\" his tribute to tortured "
            "artist Vincent van Gogh, he said.")
    got = {c.actor for c in _claims(text) if "children's book" in c.text}
    assert got == {"Don McLean"}, got
    # a name outside what was said still may be whom "he" means
    got = {c.actor for c in _claims("Under John Smith's plan, the fine is fair, he said.")}
    assert got <= {"John Smith"}, got


def test_saying_after_a_preposition_and_told_at_the_time_that():
    """Dev gold: "she fought back some emotion before saying: “... guilty.”" (multihop-269) and "Diana
    told a journalist at the time that the prime minister had ..." (multihop-265, the parser reading
    "that" as a relative pronoun of "time") gave no statement."""
    got = {(c.actor, c.text) for c in _claims(
        "Ruby Franke fought back some emotion before saying: “With my deepest regret and sorrow for my family, "
        "guilty.” John Smith ended the meeting by saying that the talks had failed.")}
    assert ("Ruby Franke", "With my deepest regret and sorrow for my family, guilty.") in got, got
    assert ("John Smith", "the talks had failed") in got, got
    got = {(c.actor, c.text) for c in _claims(
        "Princess Diana told a journalist at the time that the prime minister had recognised her skills.")}
    assert got == {("Princess Diana", "the prime minister had recognised her skills")}, got


def test_an_organisations_lawyers_officials_and_executives_speak_for_it():
    """Dev gold (multihop-175): "the FTX lawyers filed suit ..., saying they should give back millions"
    gave no statement; "Meta officials said" made an actor "Meta officials". A state's officials stay
    the state's; nobody's analysts stay unnamed."""
    cases = {"Just before the trial began, the FTX lawyers filed suit against his parents, saying they should give "
             "back millions of dollars.": "FTX",
             "Lawyers for FTX said the parents should give back millions of dollars.": "FTX",
             "Meta officials said the posts were removed in error.": "Meta",
             "Binance executives said the fine was fair and final.": "Binance",
             "Israeli officials said the strike was lawful.": "Israel"}
    for text, actor in cases.items():
        got = {c.actor for c in _claims(text)}
        assert got == {actor}, (text, got)
    assert not any(c.actor_type in ("organisation", "person") for c in _claims("Some analysts said the fine was fair."))


def test_ruled_that_and_accused_x_of_and_a_books_title_is_no_person():
    """Dev gold: "the US International Trade Commission (ITC) ruled that Apple had infringed ..."
    (multihop-241: "ruled" was read only as "ruled out"), "Republicans have accused social media
    companies of deliberately suppressing ..." (multihop-256: "of" hung on the object, no content);
    "the 2007 book Diana Chronicles" made "Diana" the person "Diana Chronicles" (multihop-265)."""
    got = {(c.actor, c.kind, c.text) for c in _claims(
        "Earlier this year, the US International Trade Commission (ITC) ruled that Apple had infringed on two "
        "patents from Masimo.")}
    assert got == {("US International Trade Commission", "statement", "Apple had infringed on two patents from "
                    "Masimo")}, got
    assert not _claims("The court ruled out a delay of the trial.")
    got = {(c.kind, c.text) for c in _claims(
        "Since the early days of the Trump administration, Republicans have accused social media companies of "
        "deliberately suppressing conservative viewpoints.")}
    assert got == {("criticism", "social media companies of deliberately suppressing conservative viewpoints")}, got
    got = {c.actor for c in _claims("Tina Brown, who wrote the controversial 2007 book Diana Chronicles, claimed "
                                    "that Diana would tip off the press. Diana told a journalist at the time that "
                                    "the prime minister had recognised her skills.")}
    assert got == {"Tina Brown", "Diana"}, got


def test_officials_named_by_a_seat_of_government_or_a_firm_speak_for_it():
    """"Officials at the Kremlin said" was an unnamed "officials"; "analysts at Mizuho noted" (the
    tagger reading Mizuho as a place) gave nothing (dev gold multihop-375)."""
    cases = {"Officials at the Kremlin said the talks had failed.": "Russia",
             "In a report to clients on Wednesday, analysts at Mizuho noted that Coinbase shares are up about "
             "20% since the settlement.": "Mizuho"}
    for text, actor in cases.items():
        assert {c.actor for c in _claims(text)} == {actor}, text
    assert not any(c.actor == "Wall Street" for c in _claims("Wall Street analysts recommend selling GME stock."))


def test_a_guess_is_no_statement_and_according_to_never_takes_anothers_quoted_warning():
    """From a new-user pass: "One way out ... may be for Egypt to offer Saudi Arabia a role ...,
    according to strategists" was Egypt's proposal and "Mohammed bin Salman ... might welcome such an
    initiative" his position (the writer's guesses); "United Nations experts have warned that “...”
    ..., killing more than 10,000 Palestinians, according to the Gaza health ministry" gave the
    ministry the experts' warning."""
    for text in ("One way out of the dilemma may be for Egypt to offer Saudi Arabia a role co-leading the "
                 "Palestinian issue in return for financial support, according to strategists.",
                 "Crown Prince Mohammed bin Salman, aware of domestic anger at Israel, might welcome such an "
                 "initiative to strengthen his regional profile.", "Russia could propose a ceasefire next week."):
        assert not any(c.actor in ("Egypt", "Mohammed bin Salman", "Russia") for c in _claims(text)), text
    got = {(c.actor, c.text) for c in _claims("Lavrov said Russia could propose a ceasefire next week.")}
    assert got == {("Sergei Lavrov", "Russia could propose a ceasefire next week")}, got
    claims = _claims("United Nations experts have warned that “the Palestinian people are at grave risk of "
                     "genocide” as the Israeli army has bombarded Gaza, killing more than 10,000 Palestinians, "
                     "according to the Gaza health ministry.")
    assert not any("genocide" in c.text for c in claims), [(c.actor, c.text) for c in claims]
    got = {c.text for c in _claims("Franke also admitted to kicking her son while wearing boots, according to "
                                   "the plea agreement.")}
    assert "Franke also admitted to kicking her son while wearing boots" in got, got


def test_an_owned_claim_is_no_claiming_and_a_posts_account_is_a_person():
    """From a new-user pass: "Musk & co’s claims that replacing ... is a valid approach" made actors
    "co" and "s" (the noun "claims" read as a verb, "’s" as a subject); embedded posts signed
    "— timm (@timmainsson)" and "— Mjoachim (@mjoachim)" were a group and an organisation."""
    claims = _claims("EU regulators are also set to assess Musk & co’s claims that replacing a formal content "
                     "moderation function with crowdsourced opinions is a valid approach.")
    assert not any(c.actor in ("co", "s", "Musk") for c in claims), [(c.actor, c.text) for c in claims]
    got = {c.actor: c.actor_type for c in _claims(
        "I find the idea of a surprise attack to be a willing lie on your side of this. https://t.co/35qRvgBJt2 "
        "— timm (@timmainsson) October 7, 2023\n\nIsrael's defence forces have lost their fame and the aura of "
        "invincibility. https://t.co/x — Mjoachim (@mjoachim) October 7, 2023\n\nWe stand with Israel today and "
        "every day. https://t.co/y — NATO (@NATO) October 7, 2023")}
    assert got == {"timm": "person", "Mjoachim": "person", "NATO": "organisation"}, got


def test_an_act_of_judgement_has_what_it_judges_after_of():
    """From a new-user pass ("Who condemned the blockade of Cuba?"): "expressed its condemnation of the
    attacks" gave no statement (only "concern over" and the like had an object); a neutral act's "of" is
    no content ("a statement of support")."""
    got = {(c.actor, c.kind, c.text) for c in _claims(
        "Russia expressed its condemnation of the attacks. France voiced its rejection of the plan.")}
    assert got == {("Russia", "criticism", "the attacks"), ("France", "rejection", "the plan")}, got


def test_a_parent_introduced_so_is_a_person_the_next_she_stands_for():
    """From the unlabelled news (Snap lawsuit): a mother's “It was really disheartening,” she said was
    credited to the lead attorney quoted before: "Perla Mendoza, a parent in the suit," was no name
    the pronoun could stand for ("parent" introduced nobody)."""
    text = ("Chief among those designs is the promise that a message will disappear, says Matthew Bergman, the "
            "lead attorney on the case. “It’s the world’s largest open-air drug market,” he said.\n\n"
            "Perla Mendoza, a parent in the suit, found that Snap did little to prevent illegal drug sales after "
            "the death of her son. Even after she created her own account, the dealer kept posting. "
            "“It was really disheartening,” she said.")
    got = {c.text: c.actor for c in _claims(text)}
    assert got.get("It was really disheartening") == "Perla Mendoza", got
    assert got.get("It’s the world’s largest open-air drug market") == "Matthew Bergman", got


def test_what_is_said_runs_on_past_but_with_the_speakers_pronoun():
    """Dev gold (multihop-106): "Meta said that it is closely monitoring its platforms ... and may
    inadvertently flag certain content, but it never intends to “suppress a particular community”" stopped
    before "but", losing what Meta said it never intends."""
    got = {c.text for c in _claims(
        "In response to the escalating violence, Meta said that it is closely monitoring its platforms for "
        "violations and may inadvertently flag certain content, but it never intends to “suppress a particular "
        "community or point of view.”")}
    assert any(t.endswith("point of view") or t.endswith("point of view.”") for t in got), got
    got = {c.text for c in _claims("Russia said the talks had failed, but critics argue the talks went well.")}
    assert "the talks had failed" in got, got


def test_a_thing_withheld_is_no_denial_a_state_that_will_send_pledges_and_states_are_not_the_united_states():
    """From a new-user pass: Azerbaijan's speech saying "the Government of Armenia denied them the exercise of
    their fundamental right to return" was Armenia's stance; "Lithuania will send 200 reconnaissance drones
    to Ukraine by May, Foreign Minister Gabrielius Landsbergis said" was no pledge ("What did Lithuania pledge
    to Ukraine?" quoted NATO's); "What did the United States pledge?" quoted a speech's "States pledged"
    (the UN's members, matched as a surname of "United States")."""
    from index.actors import match_actor_names

    assert not _claims("Despite repeated calls, the Government of Armenia denied them the exercise of their "
                       "fundamental right to return. Israel denied aid agencies access to the north of Gaza.")
    assert {c.text for c in _claims("Russia denied that its troops had crossed the border.")} == {
        "its troops had crossed the border"}
    got = {(c.actor, c.kind) for c in _claims("Lithuania will send 200 reconnaissance drones to Ukraine by May, "
                                              "Foreign Minister Gabrielius Landsbergis said.")}
    assert got == {("Gabrielius Landsbergis", "pledge")}, got
    assert match_actor_names("United States", ["United States", "States"]) == ["United States"]
    assert match_actor_names("Vera Jourova", ["Jourova"]) == ["Jourova"]


def test_an_outlet_cited_by_a_name_that_is_also_an_actor_is_still_an_outlet(tmp_path):
    """From a new-user pass: "According to BBC, what did Israel say about Gaza?" answered from other
    outlets with no notice ("the BBC said" in an article made BBC an actor, and an actor was never read
    as a cited outlet); "According to Reuters" got the notice."""
    from test_attribution import _ingested

    a = _ingested(tmp_path, "Israel widens Gaza operation", "2023-11-02", (
        "Israel said it would widen its operation in Gaza. The BBC said the strikes had intensified overnight."),
        source="Tallinn Times")
    assert "BBC" in {s.actor for s in a.actors()}
    ans = a.ask("According to BBC, what did Israel say about Gaza?")
    assert ans.abstained and "No article from BBC" in ans.answer, ans.answer


def test_a_label_given_is_what_the_labeller_said():
    # MultiHop-RAG shapes: "referred to X as “Y”", "termed it a ‘War’", "a nation he called a “paradise”",
    # "defines X as “Y”", "branded X “Y”", "dubbed X a Y": the label is the labeller's statement
    text = ("Ray has also referred to Bankman-Fried’s conduct as “really just old-fashioned embezzlement.” "
            "Israel has termed it a ‘War’. "
            "Thomas Hand moved in 1992 to Israel — a nation he called a multicultural \"paradise\" up until Oct. 7. "
            "The Department of Budget and Management (DBM) defines the government budget as “the financial plan of "
            "the government”. "
            "Moscow branded the sanctions \"economic warfare\". "
            "Beijing dubbed the visit a provocation. "
            "The deal, which Kyiv called \"a betrayal\", was signed.")
    got = {(c.actor, c.text.strip("“”\"‘’. ")) for c in _claims(text)}
    for pair in [("Ray", "really just old-fashioned embezzlement"), ("Israel", "a ‘War"),
                 ("Thomas Hand", 'a multicultural "paradise'), ("Department of Budget and Management",
                                                                 "the financial plan of the government"),
                 ("Russia", "economic warfare"), ("China", "a provocation"), ("Ukraine", "a betrayal")]:
        assert pair in got, (pair, got)


def test_one_labelled_or_a_thing_referred_to_is_no_statement():
    text = ("Team owner Roger Penske, often referred to as “The Captain,” stepped in. "
            "The minister referred to the report in his speech on Tuesday. "
            "The summit, dubbed “historic” by nobody in particular, ended early.")
    assert not any(c.text.strip("“”") in ("The Captain", "historic") or "the report" in c.text for c in _claims(text))


def test_a_pull_quote_is_the_speaker_whose_quotation_it_repeats():
    # The Verge, Ofcom: a quotation set apart as its own paragraph, and later in Whitehead's own quotation
    text = ("“The rules are coming whether platforms like them or not.”\n\n"
            "Ofcom published its first draft codes on Thursday.\n\n"
            "“We’re not regulating the technology, we’re regulating the context.”\n\n"
            "There’s another technology not emphasized in today’s consultation.\n\n"
            "So AI-generated CSAM would be in scope by virtue of it being CSAM. “We’re not regulating the "
            "technology, we’re regulating the context,” Gill Whitehead says.")
    claims = _claims(text)
    pulled = [c for c in claims if c.start == text.index("We’re not regulating")]
    assert [c.actor for c in pulled] == ["Gill Whitehead"], [(c.actor, c.text) for c in claims]
    assert pulled[0].direct
    assert not any("whether platforms like them" in c.text for c in claims)  # (its words recur nowhere)


def test_legislation_introduced_is_a_proposal_and_a_negated_acceptance_a_rejection():
    text = ("Senators Brian Schatz (D-HI) and John Kennedy (R-LA) also got in on the proposed regulatory action "
            "Tuesday, introducing legislation that would provide more transparency on AI-generated content by "
            "requiring clear labeling and disclosures. "
            "Senator Lisa Murkowski introduced a bill to ban the sale of the land. "
            "Eylon Levy does not accept this explanation. "
            "The company did not accept requests for comment. "
            "The minister did not say whether the talks would resume.")
    claims = _claims(text)
    got = {(c.actor, c.kind, c.text) for c in claims}
    law = "legislation that would provide more transparency on AI-generated content by requiring clear labeling " \
          "and disclosures"
    assert ("Brian Schatz", "proposal", law) in got and ("John Kennedy", "proposal", law) in got, got
    assert ("Lisa Murkowski", "proposal", "a bill to ban the sale of the land") in got, got
    assert ("Eylon Levy", "rejection", "this explanation") in got, got
    assert not any("comment" in c.text or "talks would resume" in c.text for c in claims)


def test_the_role_of_a_person_introduced_with_it_and_the_agency_after_what_it_said():
    text = ("US Treasury Secretary Janet Yellen arrived in Jakarta on Monday. The US treasury secretary also stated "
            "that the current conflict is not likely to significantly impact global economic outlook.\n\n"
            "The U.S. Department of Justice announced the settlement on Tuesday. Binance has also agreed to pay about "
            "$4.3 billion to resolve the DOJ’s investigations, the agency said in a press release.")
    claims = _claims(text)
    outlook = [c.actor for c in claims if "global economic outlook" in c.text]
    assert outlook == ["Janet Yellen"], [(c.actor, c.text) for c in claims]
    settled = [c.actor for c in claims if "$4.3 billion" in c.text]
    assert settled == ["Department of Justice"], [(c.actor, c.text) for c in claims]


def test_a_laws_name_is_no_person_and_lauded_x_stating_y_are_two_statements():
    # Philippine news: "the 2024 General Appropriations Bill" was the person "the minister" stood for
    text = ("House Speaker Ferdinand Martin G. Romualdez said the budget was ready. He lauded “the timely passage of "
            "the 2024 General Appropriations Bill (GAB),” stating that it not only “demonstrated the commitment of the "
            "House” to the people.\n\nThe minister welcomed the agreement, saying it would bring peace.")
    claims = _claims(text)
    assert not any("Bill" in c.actor for c in claims), [(c.actor, c.text) for c in claims]
    got = {(c.actor, c.text) for c in claims}
    assert ("Ferdinand Martin G. Romualdez", "the timely passage of the 2024 General Appropriations Bill (GAB)") in got
    assert any(c.cue.startswith("stating") and c.text.startswith("it not only") for c in claims), got


def test_made_clear_that_and_informed_x_that_state_what_follows():
    text = ("Sergei Lavrov informed reporters that the border would reopen. Lavrov has made clear that Russia will not "
            "negotiate. The company made clear progress. The ministry will inform the public in due course.")
    got = {(c.actor, c.text) for c in _claims(text)}
    assert got == {("Sergei Lavrov", "the border would reopen"), ("Sergei Lavrov", "Russia will not negotiate")}, got


def test_he_opening_the_paragraph_after_a_person_is_first_named_is_that_person():
    # TechCrunch, 2023-10-16 (from a new-user pass): Shapiro's and Tan's quotations went to Ori Goshen, quoted before
    text = ("Ori Goshen, the co-founder of AI21 Labs, announced on LinkedIn that he would no longer be giving a keynote."
            "\n\n“We will not attend WebSummit, and I will not give the keynote,” he said.\n\n"
            "Then the Israeli ambassador to Portugal, Dor Shapiro, waded in.\n\n"
            "“Today, I wrote to the Mayor of Lisbon informing him that Israel will not participate,” he wrote.\n\n"
            "Kopelman separately suggested in a tweet that Cosgrave is in the pocket of Doha. That was enough to push "
            "Garry Tan, the head of Y Combinator, over the edge, too.\n\n"
            "“I refuse to appear at Web Summit and am canceling my appearance,” he said.\n\n"
            "On Tuesday Goshen said he had no regrets about leaving Michael Hooper out of it.\n\n"
            "“Everyone’s got their own judgment,” he said.")
    by = {c.text: c.actor for c in _claims(text)}
    assert by.get("Today, I wrote to the Mayor of Lisbon informing him that Israel will not participate") \
        == "Dor Shapiro", by
    assert by.get("I refuse to appear at Web Summit and am canceling my appearance") == "Garry Tan", by
    assert by.get("Everyone’s got their own judgment") == "Ori Goshen", by  # (Hooper is only spoken of)


def test_a_private_person_of_a_nationality_never_speaks_for_the_state():
    # CNBC (from a new-user pass): "said a Chinese founder based in San Francisco" was China's statement
    text = ("“We are seeing a real chill in the market,” said a Chinese founder based in San Francisco. "
            "“The talks were useful,” said a Chinese diplomat.")
    got = {(c.actor, c.text) for c in _claims(text)}
    assert ("China", "We are seeing a real chill in the market") not in got, got
    assert ("China", "The talks were useful") in got, got


def test_shapes_from_a_new_user_pass_label_alone_pledge_told_by_another_and_words_after_a_quotation():
    # Fortune, Globes, TechCrunch shapes (from a new-user pass): a label alone in its paragraph with an inverted "said
    # X"; a pledge in a relative clause inside another's statement; "Eiland continues", "chimed in Keith Rabois"
    text = ("The plan would give McHenry more powers.\n\nA \"betrayal,\" said Rep. Jim Banks, R-Ind.\n\n"
            "Ukraine will receive F-16 fighter jets which have been pledged by Norway, Denmark and the Netherlands, "
            "Kurt Volker said.\n\n"
            "Former National Security Council head Major General (Res.) Giora Eiland said the army failed. \"This is "
            "exactly the same type of failure as the Yom Kippur War,\" Eiland continues.\n\n"
            "“Will refuse to work with anyone who speaks at this conference,” chimed in Keith Rabois, the Founders Fund "
            "partner. Russia continued its attacks on Kharkiv.\n\n"
            "Ana Lesk called the Brevanian tariff plan \"a betrayal of the region\".")
    claims = _claims(text)
    got = {(c.actor, c.text) for c in claims}
    assert ("Jim Banks", "betrayal") in got, got
    assert {("Norway", "F-16 fighter jets"), ("Denmark", "F-16 fighter jets"), ("Netherlands", "F-16 fighter jets")} <= got
    assert ("Giora Eiland", "This is exactly the same type of failure as the Yom Kippur War") in got, got
    assert ("Keith Rabois", "Will refuse to work with anyone who speaks at this conference") in got, got
    assert not any("attacks on Kharkiv" in c.text for c in claims)
    assert [c.kind for c in claims if c.actor == "Ana Lesk"] == ["criticism"]


def test_the_writers_word_for_a_named_person_is_no_part_of_the_name():
    # from a new-user pass: "the indicted Menendez" was an organisation "indicted Menendez"
    text = "Senator Bob Menendez pleaded not guilty. The indicted Menendez said he would not resign."
    assert [(c.actor, c.actor_type) for c in _claims(text)] == [("Bob Menendez", "person")]


def test_a_state_is_never_a_person_of_that_surname_from_another_article():
    # from a new-user pass on MultiHop-RAG ("'Too big to fail' Egypt faces economic crisis ..."): "Jordan has also
    # refused to accept more Palestinians" was Jim Jordan's, a congressman another article named
    import json

    import pytest
    from conftest import DATASETS

    corpus = DATASETS / "multihop-rag" / "corpus.json"
    if not corpus.exists():
        pytest.skip("shared MultiHop-RAG corpus absent")
    body = next((d["body"] for d in json.loads(corpus.read_text(encoding="utf-8"))
                 if "Jordan has also refused" in d["body"]), None)
    if body is None:
        pytest.skip("article not in this corpus")
    ex = ClaimExtractor()
    got = [(c.actor, c.kind) for c in ex.extract_many([(body, "d", "2023-11-01")], ["Jim Jordan"], [None])[0]]
    assert ("Jordan", "rejection") in got and not any(a == "Jim Jordan" for a, _ in got), got
    here = "Rep. Jim Jordan lost the vote. Jordan said he would run again."
    assert [c.actor for c in ex.extract_many([(here, "d", "2023-11-01")], ["Jim Jordan"], [None])[0]] == ["Jim Jordan"]


def test_a_typed_full_name_never_means_the_state_its_surname_names():
    # from a new-user pass: `positions "Jim Jordan"` listed the state Jordan's refusal to take in Palestinians
    from index.actors import match_actor_names

    assert match_actor_names("Jim Jordan", ["Jim Jordan", "Jordan", "Egypt"]) == ["Jim Jordan"]
    assert match_actor_names("Vera Jourova", ["Vera Jourova", "Jourova"]) == ["Vera Jourova", "Jourova"]
    assert match_actor_names("Jordan", ["Jim Jordan", "Jordan"]) == ["Jordan"]


def test_a_refusal_is_what_its_infinitive_says_and_declining_to_comment_is_none():
    # from a new-user pass: "Jordan has also refused to accept more Palestinians and it's unlikely ... refugees
    # many suspect may never be let back into Gaza" gave the refusal as "many suspect may never be let back into
    # Gaza" (a clause the parser hangs on "refused"), and "The ministry has refused to comment on the plan" was a
    # rejection of "comment on the plan"
    text = ("Jordan has also refused to accept more Palestinians and it’s unlikely Egypt would become a regional "
            "exception and take in refugees many suspect may never be let back into Gaza. The ministry has refused "
            "to comment on the plan and said it would study it. Hamas declined to say how many hostages it holds.")
    got = [(c.actor, c.kind, text[c.start:c.end]) for c in _claims(text)]
    assert ("Jordan", "rejection", "accept more Palestinians") in got, got
    assert not any("comment" in t or "how many hostages" in t for _, _, t in got), got
    assert not any("let back" in t for _, _, t in got), got


def test_a_quotation_paragraph_after_a_partial_quotation_is_that_persons():
    # read on unlabelled MultiHop-RAG news: a paragraph that is one quotation, after a paragraph of
    # narration, carried the last person quoted only when their statement was a whole quotation; a reported
    # statement quoting some words ("“would have disastrous consequences” for FTX") is quoting them too
    text = ("Sam Bankman-Fried said that Alameda teetered on the brink of liquidation, which “would have disastrous "
            "consequences” for FTX.\n\n"
            "The exchange collapsed weeks later. Its customers lost billions.\n\n"
            "“At the time, I wasn’t entirely sure what was happening.”\n\n"
            "Acme Corp said its accounts were “fully audited.”\n\n"
            "The auditors were not named.\n\n"
            "“We did nothing wrong.”")
    got = {text[c.start:c.end]: c.actor for c in _claims(text)}
    assert got.get("At the time, I wasn’t entirely sure what was happening.") == "Sam Bankman-Fried", got
    assert "We did nothing wrong." not in got, got  # (a body's words do not carry: another may be quoted)


def test_said_no_to_is_a_rejection_even_when_the_writer_quotes_the_cue():
    # from a new-user pass: 'Raimondo in a trip in August had "said no" to China's requests to reduce the
    # controls' gave nothing (a verb inside quotation marks was never a cue)
    text = ('U.S. Commerce Secretary Gina Raimondo in a trip in August had "said no" to China\'s requests to reduce '
            'the controls and called the them "matters of national security." '
            "Poland said no to the relocation of migrants and demanded more funds. "
            "“We said no to the plan,” the minister said.")
    got = [(c.actor, c.kind, text[c.start:c.end]) for c in _claims(text)]
    assert ("Gina Raimondo", "rejection", "China's requests to reduce the controls") in got, got
    assert ("Poland", "rejection", "the relocation of migrants") in got, got
    assert ("Poland", "demand", "more funds") in got, got
    assert not any(a == "We" or t.startswith("the plan") for a, _, t in got), got  # (the quotation's own verb)


def test_a_quotation_reported_according_to_another_is_both_of_theirs():
    # dev-half miss: "Jordan told colleagues ..., “I tried my best,” according to one of his opponents, Rep. Don
    # Bacon" gave Jordan the quotation with the source's phrase in it, and the opponent's account nothing
    text = ("Rep. Jim Jordan lost a third vote. But afterward Jordan told colleagues behind closed doors, “I tried my "
            "best,” according to one of his opponents, Rep. Don Bacon, R-Neb.")
    got = [(c.actor, text[c.start:c.end]) for c in _claims(text)]
    assert ("Jim Jordan", "I tried my best") in got, got
    assert any(a == "Don Bacon" and "Jordan told colleagues" in t for a, t in got), got


def test_a_release_announcing_something_is_the_speakers_second_statement():
    # dev-half miss: "“...,” said the European Consumer Organisation (BEUC) in a press release announcing the
    # complaint will be filed with the network of consumer protection authorities (CPC) today"
    text = ("“This is an unfair choice for users and must be stopped,” said the European Consumer Organisation "
            "(BEUC) in a press release announcing the complaint will be filed with the network of consumer "
            "protection authorities (CPC) today.")
    got = [(c.actor, text[c.start:c.end]) for c in _claims(text)]
    assert ("European Consumer Organisation", "This is an unfair choice for users and must be stopped") in got, got
    assert ("European Consumer Organisation", "the complaint will be filed with the network of consumer protection "
                                              "authorities (CPC) today") in got, got


def test_a_designation_is_the_designators_position():
    # dev-half misses: "Hamas, which Israel, the United States and other countries designate as a terrorist
    # organization" (the tagger reads "designate" as an adjective) and "... is designated as a terrorist
    # organization by the United States and the European Union" gave nothing
    text = ("Over time, UNRWA has evolved into a parallel government, alongside Hamas, which Israel, the United "
            "States and other countries designate as a terrorist organization. Content supporting Hamas, which "
            "governs Gaza and is designated as a terrorist organization by the United States and the European "
            "Union, is forbidden on Meta’s platforms. The Houthis, designated as a terrorist group by Washington, "
            "attacked ships. The city designated a new park in May.")
    got = [(c.actor, c.kind, text[c.start:c.end]) for c in _claims(text)]
    first = "Hamas, which Israel, the United States and other countries designate as a terrorist organization"
    assert ("Israel", "position", first) in got and ("United States", "position", first) in got, got
    assert {a for a, k, t in got if "governs Gaza" in t} == {"United States", "European Union"}, got
    assert any(a == "United States" and t.startswith("The Houthis, designated") for a, _, t in got), got
    assert not any("park" in t for _, _, t in got), got


def test_per_a_source_opening_a_sentence_is_its_statement_and_per_as_a_first_name_is_not():
    text = ("Per National Security AI Commission estimates, paying for that could cost around $32 billion a year.\n\n"
            "The total surface area of one gram “can cover a football field,” notes Per Persson.")
    got = [(c.actor, text[c.start:c.end]) for c in _claims(text)]
    assert any(a == "National Security AI Commission" and "could cost around $32 billion" in t for a, t in got), got
    assert not any(c.cue == "per" for c in _claims(text) if c.start > text.index("The total")), got


def test_a_measure_announced_by_a_name_the_parser_hangs_on_with_or_by_is_theirs():
    # dev-half misses: "..., with Israel then announcing a broad blockade of imports into Gaza" and "followed ... by
    # Meta announcing an “intention” to legalize its tracking ads business" gave nothing
    text = ("Israel’s restrictions intensified since Oct. 7, with Israel then announcing a broad blockade of imports "
            "into Gaza. That landmark strike was followed at the start of August by Meta announcing an “intention” to "
            "legalize its tracking ads business in the region by asking users for their permission. The market rose, "
            "with Apple shares rising 3%.")
    got = [(c.actor, text[c.start:c.end]) for c in _claims(text)]
    assert ("Israel", "a broad blockade of imports") in got, got
    assert any(a == "Meta" and t.startswith("an “intention” to legalize") for a, t in got), got
    assert not any(a == "Apple" for a, _ in got), got


def test_blame_and_a_regulators_ban_or_order_are_statements_with_their_object():
    # dev-half misses: "Meta blamed technical errors for the removal of posts", "The Datatilsynet issued a local ban
    # on Meta tracking and profiling users" (the parser hangs "profiling" elsewhere), "issued an order to stop ..."
    text = ("Meta blamed technical errors for the removal of posts about Palestine. Russia blamed Ukraine for the "
            "attack on the bridge. The Datatilsynet issued a local ban on Meta tracking and profiling users without "
            "consent back in July. The ITC then issued an order to stop selling products infringing on the patents.")
    got = [(c.actor, c.kind, text[c.start:c.end]) for c in _claims(text)]
    assert ("Meta", "criticism", "technical errors for the removal of posts about Palestine") in got, got
    assert ("Russia", "criticism", "Ukraine for the attack on the bridge") in got, got
    assert any(a == "Datatilsynet" and k == "demand" and t.endswith("profiling users without consent back in July")
               for a, k, t in got), got
    assert any(a == "ITC" and k == "demand" and "stop selling products" in t for a, k, t in got), got
    from index.claims import ClaimExtractor

    ex = ClaimExtractor()
    speech = "We are putting in place a ban on most forms of plastic, thereby reducing our carbon footprint."
    got = [(c.kind, c.text) for c in ex.extract(speech, "s", "2019", voice=ex.voice_of(
        {"country": "Micronesia", "speaker": "David Panuelo", "post": "President"}))]
    assert not any(k == "demand" for k, _ in got), got  # (its own measure, not a demand on others)


def test_a_quotation_attributed_after_it_closes_is_never_the_previous_speakers():
    # from a new-user pass (TechCrunch, one paragraph a line): Warner's quotation, then "Paul Barrett ...
    # acknowledged both sides of the issue." and "“President Biden is sending a valuable message .... The
    # administration is moving in the right direction,” he wrote." The quotation's first sentence went to Warner
    # as a continued quotation; and Warner's last sentence, cut by the writer ("...diligently…” etc."), was lost
    text = ("Senator Mark Warner of Virginia said he was “impressed by the breadth” of the order.\n"
            "“I am also happy to see a number of sections that closely align with my efforts,” he said in a "
            "statement. “At the same time, many of these just scratch the surface. While this is a good step "
            "forward, we need additional legislative measures, and I will continue to work diligently…” etc.\n"
            "Paul Barrett, deputy director of the NYU Stern Center for Business and Human Rights, acknowledged both "
            "sides of the issue.\n"
            "“President Biden is sending a valuable message that certain AI systems create immediate risks. The "
            "administration is moving in the right direction,” he wrote.")
    got = [(c.actor, text[c.start:c.end]) for c in _claims(text)]
    assert not any(a == "Mark Warner" and "valuable message" in t for a, t in got), got
    assert any(a == "Paul Barrett" and t.startswith("President Biden is sending") for a, t in got), got
    assert any(a == "Mark Warner" and "we need additional legislative measures" in t for a, t in got), got


def test_a_quotation_after_writing_colon_and_a_statement_that_reads_are_statements():
    # from a new-user pass: "Musk avoided ... but invited yet more relativism — writing: “Let the public hear ...”"
    # (the parser reads "writing" as a noun) and "“Hikvision has never knowingly ...,” the company’s statement
    # reads" gave nothing
    text = ("In reply to Greenwald, Musk avoided expressing the same trenchant criticism of the EU’s approach but "
            "invited yet more relativism — writing: “Let the public hear exactly what this disinformation consists of "
            "and decide for themselves.”\n\n"
            "Hikvision did not respond to Amnesty’s report on the use of its products, nor did the company provide an "
            "on-the-record response in time for publication. But Hikvision previously told the Guardian that it “has "
            "strictly followed all applicable laws and regulations in the UK and all countries where we operate to "
            "ensure complete compliance.”\n\n"
            "“Hikvision has never knowingly or intentionally committed human rights abuses itself or acted in willful "
            "disregard and will never do so in the future,” the company’s statement reads.\n\n"
            "She reads the news every morning.")
    got = [(c.actor, text[c.start:c.end]) for c in _claims(text)]
    assert any(a == "Musk" and t.startswith("Let the public hear exactly") for a, t in got), got
    assert any(a == "Hikvision" and t.startswith("Hikvision has never knowingly") for a, t in got), got
    assert not any("the news every morning" in t for _, t in got), got


def test_a_bodys_person_named_by_surname_is_that_person():
    # from a new-user pass: "Crisis Group’s Fabiani said" and "according to the Middle East Institute’s Mabrouk" were
    # actors of their own ("Crisis Group’s Fabiani", an organisation) beside Riccardo Fabiani and Mirette Mabrouk
    text = ("“Clearly the hope had been that Egypt would accept economic incentives,” said Mirette Mabrouk, director "
            "of the Egypt program at the Washington-based Middle East Institute. The lender may soften its "
            "requirements, according to Riccardo Fabiani, project director for North Africa with Crisis Group.\n\n"
            "The fluid situation may offer Egypt other opportunities to take a mediating role, Crisis Group’s "
            "Fabiani said. Egypt’s participation “was not a particularly hard sell,” according to the Middle East "
            "Institute’s Mabrouk.")
    actors = {c.actor for c in _claims(text)}
    assert actors == {"Mirette Mabrouk", "Riccardo Fabiani"}, actors


def test_a_private_person_placed_in_a_state_and_ranks_with_a_retired_aside():
    # from a second new-user pass: "A user based in Egypt, who asked to stay anonymous ..., said ..." was Egypt's
    # demand ("asked to stay anonymous"); "General (ret.) Aharon Ze'evi-Farkash" was an unnamed "General" (the
    # sentence split at "(ret.)"), and after "Major General (Res.) Giora Eiland" a "he tells" went to the earlier man
    text = ("A user based in Egypt, who asked to stay anonymous for fear of reprisals, said her posts usually get "
            "around 300 views.\n\n"
            "\"I'm sure it doesn't come at the expense of human sources,\" says former IDF Intelligence Directorate "
            "head General (ret.) Aharon Ze'evi-Farkash.\n\n"
            "In the months leading up to October 7, the former head of the Planning Division, Major General (Res.) "
            "Giora Eiland, held a series of lectures. \"Not one of the officers imagined that 50 years after that "
            "mistake we would repeat it,\" he tells Globes.")
    got = [(c.actor, text[c.start:c.end]) for c in _claims(text)]
    assert not any(a == "Egypt" for a, _ in got), got
    assert ("Aharon Ze'evi-Farkash", "I'm sure it doesn't come at the expense of human sources") in got, got
    assert any(a == "Giora Eiland" and t.startswith("Not one of the officers") for a, t in got), got


def test_a_state_criticised_by_name_and_a_cost_covered_in_a_continued_quotation(tmp_path):
    """From a third new-user pass: "Marchenko later criticised Moscow, saying ..." kept only what she said (a
    bare name was too short a content), so "Who criticised Moscow?" missed her; "Turkey will cover its costs
    for the first year", in a quotation running into the next paragraph, was no pledge, so "What did Turkey
    pledge?" said Turkey pledged nothing."""
    from test_attribution import _ingested

    claims = _claims("Marchenko later criticised Moscow, saying Russian strikes on the port had destroyed grain. "
                     "Scholz praised Macron. Lavrov condemned Kyiv for the strikes.")
    assert [(c.actor, c.kind, c.text) for c in claims if c.kind == "criticism"] == [
        ("Marchenko", "criticism", "Moscow"), ("Sergei Lavrov", "criticism", "Kyiv for the strikes")]
    assert not any(c.kind == "pledge" for c in _claims("“Russia will pay for this,” Aydin said."))  # (a threat)
    a = _ingested(tmp_path, "Turkey proposes Istanbul inspections for Black Sea grain ships", "2024-03-04", (
        "ANKARA — Foreign ministers and envoys from five countries met in Ankara for talks on Black Sea shipping.\n\n"
        "Turkish Foreign Minister Kemal Aydin told reporters after the meeting: \"The corridor has carried more "
        "than 30 million tonnes of grain since August. Nobody should take that for granted.\n\n"
        "\"We are ready to host a permanent secretariat in Istanbul, and Turkey will cover its costs for the "
        "first year.\"\n\n"
        "Ukraine's Deputy Foreign Minister Olena Marchenko later criticised Moscow, saying Russian strikes on the "
        "port of Odesa had destroyed 180,000 tonnes of grain since January."), source="Meridian Wire")
    who = a.ask("Who criticised Moscow?")
    assert any(c.speaker == "Olena Marchenko" for c in who.citations), who.answer
    pledged = a.ask("What did Turkey pledge?")
    assert not pledged.abstained and any("cover its costs" in c.quote for c in pledged.citations), pledged.answer


def test_a_pledge_keeps_the_condition_it_was_made_on():
    """From a third new-user pass: "Kertész had promised in December to lift the veto once frozen EU funds for
    Hungary were released" gave the pledge "lift the veto" (the parser hung the condition elsewhere), which
    reads as unconditional in the positions table."""
    claims = _claims("According to Wrona, Kertész had promised in December to lift the veto once frozen EU funds "
                     "for Hungary were released. Scholz pledged to send tanks.")
    pledges = {c.actor: c.text for c in claims if c.kind == "pledge"}
    assert pledges["Kertész"] == "lift the veto once frozen EU funds for Hungary were released", pledges
    assert pledges["Scholz"] == "send tanks", pledges


def test_an_issue_raised_is_a_statement_of_whoever_raised_it():
    """From a third new-user pass: "Chinese Vice Premier He Lifeng also raised the issues during preparatory
    meetings with Yellen" gave no statement, so "What did China say about U.S. export controls?" said China
    said nothing; an issue raised speaks, an issue made or put does not."""
    claims = _claims("Chinese Vice Premier He Lifeng also raised the issues during preparatory meetings with U.S. "
                     "Treasury Secretary Janet Yellen in San Francisco on Nov. 10, according to state media. "
                     "The minister made the issue a priority.")
    assert [(c.actor, c.text) for c in claims] == [("He Lifeng", "the issues")], claims


def test_what_one_advocates_or_champions_is_ones_position():
    """Found on unlabelled speeches (Angola 2022, Kazakhstan 2018) and news: "our country advocates for conflict
    resolution", "Kazakhstan has advocated the denuclearization of the Korean peninsula", "Senator Warren has long
    advocated for a wealth tax" gave no statement; "Advocates say ..." (a noun) is nobody's."""
    claims = _claims("Senator Elizabeth Warren has long advocated for a wealth tax. Advocates say the law is weak. "
                     "Japan championed the resolution at the Council.")
    assert [(c.actor, c.kind, c.text) for c in claims if c.kind == "position"] == [
        ("Elizabeth Warren", "position", "a wealth tax"), ("Japan", "position", "the resolution at the Council")], claims


def test_any_verb_framing_a_quotation_credits_it_to_its_subject():
    """Found on unlabelled news (quotations with no statement): "“...,” reflects Andrews", "“...,” began Thane
    Rehn, a prosecutor", "“...,” Turner Tenney reflected amid tears", "“...,” he corrected himself" gave nothing,
    their verbs being in no list. The frame itself (a quotation ending in a comma, then only its subject and the
    verb) tells who speaks; a title in quotation marks with a verb after it ("“The Crown,” Netflix released in
    2016, was a hit") is no such frame."""
    claims = _claims("“We wrote it when we were young,” reflects Julie Andrews.\n\n"
                     "“It was on top of the world,” began Thane Rehn, a prosecutor for the government.\n\n"
                     "“I feel like my life has been in front of a screen,” Turner Tenney reflected amid tears.\n\n"
                     "“The Crown,” Netflix released in 2016, was a hit.")
    assert [(c.actor, c.text) for c in claims] == [
        ("Julie Andrews", "We wrote it when we were young"), ("Thane Rehn", "It was on top of the world"),
        ("Turner Tenney", "I feel like my life has been in front of a screen")], claims


def test_he_after_a_sentence_without_a_cue_is_the_person_it_was_about():
    """Found on unlabelled news: "But Teddy Jirapraphanan, one of the four owners, thought back to his own
    experience. “Everywhere I go, I’m craving Thai food,” he says." gave nothing: persons were known only from
    sentences with a cue. With nobody else in sight, "he" is the one person the sentences before are about; with
    two persons there, nobody is guessed."""
    claims = _claims("But Teddy Jirapraphanan, one of the four owners, thought back to his own experience. "
                     "“Everywhere I go, I am craving Thai food,” he says.\n\n"
                     "Anna Berg met John Smith on Monday. “We will help Ukraine,” she said.")
    assert [(c.actor, c.text) for c in claims] == [
        ("Teddy Jirapraphanan", "Everywhere I go, I am craving Thai food")], claims


def test_what_is_said_at_an_occasion_is_the_clause_after_it():
    """Found on unlabelled news: "Meta, for its part, said in statements that the suit “mischaracterizes our
    work ...”" and "said at a press conference that X" gave nothing: the parser hangs the said clause on the
    statements or the conference as if a relative clause. A real relative clause about the occasion ("in a
    statement that was released on Monday") is not what was said."""
    claims = _claims("Meta, for its part, said in statements that the suit mischaracterizes its work. "
                     "Sergei Lavrov said at a press conference that Russia would respond. "
                     "Lavrov said in a statement that was released on Monday.")
    assert [(c.actor, c.text) for c in claims] == [
        ("Meta", "the suit mischaracterizes its work"), ("Sergei Lavrov", "Russia would respond")], claims


def test_a_role_with_a_hyphened_word_before_the_name_after_the_verb():
    """Found on unlabelled news: "“...,” says Pebble co-founder and CTO Michael Greer" and "said Loom co-founder
    and billionaire Mike Cannon-Brookes" gave nothing: the tokenizer splits "co-founder" and the parser makes
    "co" the subject. The name after the role is the speaker."""
    claims = _claims("“Threads has encountered this as well,” says Pebble co-founder and CTO Michael Greer, "
                     "previously Discord engineering head.\n\n"
                     "“Loom helps bridge the gaps,” said Loom co-founder and billionaire Mike Cannon-Brookes as "
                     "Atlassian bought it.")
    assert [(c.actor, c.text) for c in claims] == [
        ("Michael Greer", "Threads has encountered this as well"),
        ("Mike Cannon-Brookes", "Loom helps bridge the gaps")], claims


def test_the_office_of_a_state_speaks_for_it_as_the_states_office_does():
    """Found while probing: "The president of France said that ..." and "“...,” said the foreign minister of
    Hungary" gave nothing, where "France's president said" gives France's statement."""
    claims = _claims("The president of France said that France would not accept the plan.\n\n"
                     "“We will not accept the plan,” said the foreign minister of Hungary.")
    assert [(c.actor, c.actor_type, c.kind) for c in claims] == [
        ("France", "government", "rejection"), ("Hungary", "government", "rejection")], claims


def test_told_a_briefing_that_and_offices_written_out_in_full():
    """Found while probing foreign-policy shapes: "Wang Wenbin told a regular briefing that China opposed the
    sanctions" gave nothing (the clause hung on the briefing); "Ukraine's Minister of Foreign Affairs said" gave
    the actor "Affairs"; "The secretary-general of NATO said" gave nothing. A story told is no occasion."""
    claims = _claims("The Chinese foreign ministry spokesperson, Wang Wenbin, told a regular briefing that China "
                     "opposed the sanctions. Wang told a story that China liked.\n\n"
                     "Ukraine's Minister of Foreign Affairs said the talks failed.\n\n"
                     "The Minister of Foreign Affairs of Ukraine said the talks would go on.\n\n"
                     "The secretary-general of NATO said the alliance would not back down.")
    assert [(c.actor, c.text) for c in claims] == [
        ("Wang Wenbin", "China opposed the sanctions"), ("Ukraine", "the talks failed"),
        ("Ukraine", "the talks would go on"), ("NATO", "the alliance would not back down")], claims


def test_floated_and_pressed_for_are_statements_of_their_subject():
    """Found while probing foreign-policy shapes: "Macron floated the idea of sending troops", "Kallas pressed for
    a tougher package", "Kask had pressed for the sanctions to be extended" gave nothing. Shares floated, an
    offensive pressed ahead, rebels pushed back say nothing. ("signalled that X" was tried as a cue too: it took
    the samples' "Ostmark, which said in November that ..., signalled it was ready to accept" from the November
    statement the stance-change answer needs; dropped.)"""
    claims = _claims("Macron floated the idea of sending Western troops to Ukraine. "
                     "Kallas pressed for a tougher sanctions package. "
                     "Kask had pressed for the sanctions to be extended. "
                     "The company floated its shares in 2020. Russia pressed ahead with the offensive. "
                     "The army pushed the rebels back.")
    assert [(c.actor, c.kind, c.text) for c in claims] == [
        ("Macron", "proposal", "the idea of sending Western troops to Ukraine"),
        ("Kallas", "demand", "a tougher sanctions package"),
        ("Kask", "demand", "the sanctions to be extended")], claims


def test_an_act_for_or_over_a_named_state_keeps_its_object():
    """Found while probing foreign-policy shapes: "Japan expressed support for Ukraine" gave nothing (a content
    under eight characters was dropped) and "lodged a protest with Beijing over the incident" gave nothing (the
    addressee was taken for the matter)."""
    claims = _claims("Japan expressed support for Ukraine. Tokyo lodged a protest with Beijing over the incident.")
    assert [(c.actor, c.kind, c.text) for c in claims] == [
        ("Japan", "position", "Ukraine"), ("Japan", "criticism", "the incident")], claims


def test_a_body_described_by_its_nationality():
    """Found while probing: "Siemens Energy cut jobs on Monday. The German company said ..." gave nothing (a
    capitalised adjective before "company" stopped the description). "The society said" stays nobody's: the
    last body that spoke (a company) is not what "the society" means."""
    claims = _claims("Siemens Energy cut jobs on Monday. The German company said the cut was due to weak demand.\n\n"
                     "The Law Society backed the plan. The society said the plan would save lives.")
    assert [(c.actor, c.text) for c in claims] == [("Siemens Energy", "the cut was due to weak demand")], claims


def test_in_the_words_of_names_whose_words_follow():
    """Found on unlabelled news: "In the words of MLB Commissioner Robert Manfred, “Once you go down that road
    ...”" gave nothing; and a quotation after "According to X," kept its quotation marks in the content."""
    claims = _claims("In the words of NATO Secretary-General Jens Stoltenberg, “Ukraine's future is in NATO.”\n\n"
                     "According to Antony Blinken, “the talks were candid and constructive.”")
    assert [(c.actor, c.text, c.direct) for c in claims] == [
        ("Jens Stoltenberg", "Ukraine's future is in NATO.", True),
        ("Antony Blinken", "the talks were candid and constructive.", True)], claims


def test_a_quotation_after_said_with_more_before_the_colon():
    """Found with the fourth new-user pass: "he said this in the Security Council:" and "told reporters on Monday:"
    before a quotation opening the next paragraph gave nothing (only a bare "said:" was read so). A plain
    paragraph after such a sentence is not taken: it may be the writer's."""
    claims = _claims("John Smith spoke first. After the invasion, he said this in the Security Council:\n\n“Rather "
                     "than form nations that looked backwards, we chose to look forward.”\n\n"
                     "Anna Berg told reporters on Monday:\n\nThe writer thinks this is all quite strange indeed.")
    assert [(c.actor, c.text, c.direct) for c in claims] == [
        ("John Smith", "Rather than form nations that looked backwards, we chose to look forward.", True)], claims


def test_a_participle_quotation_after_he_and_he_after_an_uncued_subject():
    """From the fourth new-user pass: "Under so much fire, however, he subsequently dug in his heels, tweeting
    afterward: “To repeat: War crimes are war crimes ...”" gave nothing (only a named subject, no adverb, and a
    quotation closing in its own sentence were read). Found on unlabelled news: after "Erik Podzuweit said ...",
    "Balderton partner Rana Yared joined the board in May. “We have been impressed ...,” she said" was credited to
    Podzuweit: the sentence no cue had parsed names whom "she" continues with."""
    claims = _claims("Paddy Cosgrave apologised on Tuesday. Under so much fire, however, he subsequently dug in his "
                     "heels, tweeting afterward: “To repeat: War crimes are war crimes even when committed by allies. "
                     "I will not relent.”\n\n"
                     "Erik Podzuweit said the firm would double its staff next year.\n\n"
                     "Balderton partner Rana Yared joined the board in May. “We have been impressed by the team’s "
                     "vision,” she said.")
    got = [(c.actor, c.text[:29]) for c in claims]
    assert ("Paddy Cosgrave", "To repeat: War crimes are war") in got, got
    assert ("Rana Yared", "We have been impressed by the") in got, got
    assert not any(a == "Erik Podzuweit" and t.startswith("We have been") for a, t in got), got


def test_a_report_is_its_bodys_never_its_titles_and_a_bodys_investigators_speak_for_it():
    """From the fourth new-user pass (The Guardian on Amnesty International): "“...”, according to an Amnesty
    International report, Automated Apartheid" credited the report's title ("Automated Apartheid") as a speaker,
    and "Amnesty investigators said" gave the actor "Amnesty investigators", so Amnesty International was said to
    have said nothing."""
    claims = _claims("“Palestinians are being watched and assessed at all times”, according to an Amnesty "
                     "International report, Automated Apartheid. Amnesty investigators said the cameras are at high "
                     "risk of being connected to Mabat 2000.")
    assert [c.actor for c in claims] == ["Amnesty International", "Amnesty International"], claims


def test_the_republican_is_the_person_named_before_never_an_actor_of_its_own():
    """Found while probing: "Kevin McCarthy spoke on Monday. The Republican said the aid bill would pass." gave
    the actor "Republican". "The Republican" is a person introduced with that word, else nobody; "the Democrat"
    is never McCarthy."""
    claims = _claims("Republican Kevin McCarthy spoke on Monday. The Republican said the aid bill would pass.\n\n"
                     "The Democrat said the bill would fail.")
    assert not any(c.actor in ("Republican", "Democrat") for c in claims), claims
    assert not any(c.text == "the bill would fail" for c in claims), claims


def test_it_after_a_sentence_ending_on_a_document_is_the_document():
    """From the fifth new-user check (The Verge on COP28): "There were some notable new commitments ... in the final
    texts coming out of COP28, too. It calls for the tripling of renewable energy capacity" was the International
    Energy Agency's demand (the body quoted a paragraph before). A body named beside the document stays "it"."""
    claims = _claims("The International Energy Agency called the transition unstoppable.\n\n"
                     "There were some notable new commitments on the clean energy front in the final texts coming "
                     "out of COP28, too. It calls for the tripling of renewable energy capacity globally by 2030.\n\n"
                     "The IEA published a report on Monday. It says that demand for coal will peak this decade.")
    assert not any("tripling" in c.text for c in claims), claims
    assert any(c.text == "demand for coal will peak this decade" for c in claims), claims


def test_pressuring_them_to_is_a_demand_and_a_name_drops_its_acronym():
    """From the fifth new-user check (COP28): "the Organization of the Petroleum Exporting Countries (OPEC) sent a
    letter to its member states pressuring them to “proactively reject any text ...”" gave no statement, so
    "What did OPEC demand?" said OPEC demanded nothing; and a body named with its acronym in brackets was the
    actor "... Countries (OPEC)". Someone pressured to resign demands nothing."""
    claims = _claims("Then the Organization of the Petroleum Exporting Countries (OPEC) sent a letter to its member "
                     "states pressuring them to “proactively reject any text or formula that targets energy.”\n\n"
                     "Washington pressured Ankara to approve Sweden's bid. The minister was pressured to resign.")
    assert [(c.actor, c.kind) for c in claims] == [("OPEC", "demand"), ("United States", "demand")], claims


def test_a_verb_right_before_a_quotation_ending_its_sentence_frames_it():
    """From quotations in unlabelled MultiHop-RAG articles that gave no statement: "Witherspoon continued, “It's
    actually really important ...”", "Danis ... clapped back, “At least ...”", "as he quipped: “I'm gonna ...”"
    were nobody's (the verbs are no cues). A verb with an object of its own before the quotation frames nothing."""
    text = ("Actress Reese Witherspoon said she was proud. Her daughter was upset, but Witherspoon continued, "
            "\"It's actually really important to learn what you're not good at.\"\n\n"
            "Danis scoffed at the claim and clapped back, “At least I kept my word to the fans.”\n\n"
            "Travis Kelce spoke. He doubled down on his plan, as he quipped: “I’m gonna find a "
            "house near the stadium.”\n\n"
            "Mara Holt posted a photo with the caption, “Best day of my life with you.”")
    claims = _claims(text)
    got = {(c.actor, text[c.start:c.end]) for c in claims}
    assert ("Reese Witherspoon", "It's actually really important to learn what you're not good at.") in got, got
    assert ("Danis", "At least I kept my word to the fans.") in got, got
    assert ("Travis Kelce", "I’m gonna find a house near the stadium.") in got, got
    assert not any("Best day" in c.text for c in claims), got


def test_a_name_the_tagger_reads_with_its_possessive_is_the_name():
    """Unlabelled news: "Jason Kelce’s podcast" made "Jason Kelce’s" a person, and "Jason then joked: “...”" was
    credited to "Jason Kelce’s". "Actress Reese Witherspoon" is Reese Witherspoon."""
    claims = _claims("On the episode of Jason Kelce’s podcast, the brothers said that they were fine. Jason said "
                     "that the team would win the next game easily. Actress Reese Witherspoon said she was proud.")
    assert [c.actor for c in claims if "win" in c.text] == ["Jason Kelce"], claims
    assert [c.actor for c in claims if "proud" in c.text] == ["Reese Witherspoon"], claims


def test_a_cue_set_off_by_commas_inside_the_clause_it_is_said_of():
    """From quotations in unlabelled MultiHop-RAG articles: "The idea, O’Hara said, is to rethink social networking",
    "But, he added, fees were not the only tool X planned to use", "The new work, he says, could help with the water
    crisis" gave no statement (the parser makes the cue a parataxis of the clause around it). A relative clause's
    "which Lavrov said would resume" stays no statement of its own; "it" set off so is nobody's."""
    text = ("Carolyn O’Hara leads the project. The idea, O’Hara said, is to rethink social networking from the ground "
            "up.\n\nEric Farraro spoke on Monday. But, he added, fees were not the only tool the company planned to "
            "use.\n\nThe talks, which Lavrov said would resume, were held in Geneva.\n\n"
            "The Bank of England published its figures. Over the next decade, it estimates, its purchases will cost "
            "the government over £200 billion.")
    got = {(c.actor, text[c.start:c.end]) for c in _claims(text)}
    assert ("Carolyn O’Hara", "The idea, O’Hara said, is to rethink social networking from the ground up") in got, got
    assert ("Eric Farraro", "But, he added, fees were not the only tool the company planned to use") in got, got
    assert not any(t.startswith("The talks") or "£200 billion" in t for _, t in got), got


def test_foreign_policy_phrasings_probed_pressed_to_its_ministry_quoted_words_and_a_day():
    """Probing foreign-policy phrasings: "Blinken ... pressed Netanyahu to allow more aid into Gaza" gave nothing;
    "Iran denied any involvement ..., its foreign ministry said" gave the actor "its foreign ministry"; "Scholz
    pledged continued support "for as long as it takes"" cut the pledge at the opening mark; "Biden called the
    attack "pure evil" on Tuesday" was a demand, "called on Tuesday"."""
    text = ("Blinken, who is visiting Israel this week, pressed Netanyahu to allow more aid into Gaza. "
            "Iran denied any involvement in the attack, its foreign ministry said. "
            "In a phone call with Zelensky, Scholz pledged continued support \"for as long as it takes\". "
            "Biden called the attack \"pure evil\" on Tuesday. Biden called on Tuesday for a ceasefire. "
            "The guard pushed the man to the ground.")
    got = {(c.actor, c.kind, text[c.start:c.end]) for c in _claims(text)}
    assert ("Antony Blinken", "demand", "Netanyahu to allow more aid into Gaza") in got, got
    assert ("Iran", "statement", "Iran denied any involvement in the attack") in got, got
    assert ("Scholz", "pledge", "continued support \"for as long as it takes\"") in got, got
    assert not any("Tuesday" in t for *_, t in got), got
    assert ("Joe Biden", "demand", "a ceasefire") in got, got
    assert not any("man" in t for *_, t in got), got


def test_a_sentence_only_crediting_the_quotation_closed_with_a_full_stop_before_it():
    """From a sixth new-user pass (The Verge on COP28): "“... we needed a far more ambitious result.” Andreas Sieber,
    associate director of policy and campaigns for environmental group 350.org, said in a statement ..." gave no
    statement (the quotation's sentence ends at its full stop; the parser also made "director" the subject), so
    "What did Andreas Sieber say?" found nothing. A sentence saying more than the credit ("The minister said nothing
    more") credits nothing."""
    text = ("Negotiators met again on Monday.\n\n“This text is a step forward on our path, but is not the historic "
            "decision we hoped for. We needed a far more ambitious result.” Andreas Sieber, associate director of "
            "policy for environmental group 350.org, said in a statement before the agreement was finalized.\n\n"
            "Talks went on.\n\n“We lost the vote.” The minister said nothing more.")
    claims = _claims(text)
    assert [(c.actor, text[c.start:c.end][:24]) for c in claims if "step forward" in c.text] == [
        ("Andreas Sieber", "This text is a step forwa"[:24])], claims
    assert not any("lost the vote" in c.text for c in claims), claims


def test_an_office_of_a_named_matter_is_a_body_never_a_person_whose_quotes_run_on():
    """From a sixth new-user pass (Globes): "the US Treasury Department's Office of Foreign Assets Control (OFAC)
    announced ..." gave the person "Assets Control" (role "Office of Foreign"), and the Israeli official's quotation
    two paragraphs later, with no attribution, was credited to that "person". "Minister of Foreign Affairs Sergei
    Lavrov" is Lavrov."""
    assert ActorResolver().resolve("Office of Foreign Assets Control") == Actor(
        "Office of Foreign Assets Control", "organisation", "")
    assert ActorResolver().resolve("Minister of Foreign Affairs Sergei Lavrov").name == "Sergei Lavrov"
    text = ("On October 18, the US Treasury Department's Office of Foreign Assets Control (OFAC) announced that it had "
            "imposed sanctions on 10 key Hamas operatives. The statement read, \"This action targets members managing "
            "assets in a secret Hamas investment portfolio.\"\n\nThe US is not the only one. Europe has also been "
            "mobilized. \"On the third day of the fighting, my colleagues from the Netherlands and Germany phoned to "
            "let me know they wanted to establish an international task force to assist Israel.\"")
    claims = _claims(text)
    assert not any("Assets Control" == c.actor or "third day" in c.text for c in claims), claims


def test_a_statement_is_its_bodys_and_it_after_a_sentence_about_a_body_is_that_body():
    """From a sixth new-user pass: "In a statement to 404 Media, a Meta spokesperson said ..." gave nothing (the parser
    hung the spokesperson on "Media"), and "“We fixed a problem ...,” the statement said" was credited to a pair of
    states named paragraphs before (or to the last person quoted); "X was contacted for a response to the EU’s
    analysis ... It replied with an automated email reading: “Busy now ...”" was the European Commission's."""
    text = ("The United States and the European Union criticised the platforms.\n\n"
            "Abukhater said that Meta told the group that a bug caused the mistranslation. In a statement to 404 Media, "
            "a Meta spokesperson said that the issue had been fixed.\n\n"
            "“We fixed a problem that briefly caused inappropriate Arabic translations,” the statement said.\n\n"
            "The European Commission said the platform was spreading disinformation.\n\n"
            "Twitter was contacted for a response to the EU’s analysis. It replied with an automated email reading: "
            "“Busy now, please check back later.”")
    got = {(c.actor, text[c.start:c.end]) for c in _claims(text)}
    assert ("Meta", "the issue had been fixed") in got, got
    assert [a for a, t in got if t.startswith("We fixed")] == ["Meta"], got
    assert [a for a, t in got if t.startswith("Busy now")] == ["Twitter"], got
    lone = _claims("Abukhater said that Meta told the group that a bug caused it.\n\n“We fixed a problem,” the "
                   "statement said.")
    assert not any(c.text.startswith("We fixed") for c in lone), lone


def test_a_judgement_that_something_is_politicized_or_biased_is_criticism():
    """From a sixth new-user pass (TechCrunch on Meta): "... said that Meta’s moderation of Palestinian content was
    heavily politicized" was a plain statement, so "Who criticized Meta?" found no criticism."""
    claims = _claims("Jalal Abukhater, advocacy manager for 7amleh, said that Meta’s moderation of Palestinian "
                     "content was heavily politicized. Mara Holt said the ruling was biased against small firms.")
    assert [c.kind for c in claims] == ["criticism", "criticism"], claims


def test_a_line_break_between_paragraphs_of_a_pasted_page_ends_a_quotation():
    """From a sixth new-user pass and its re-check (Globes, pasted with single line breaks between paragraphs): the
    whole interview was one paragraph, so every unattributed quotation after the US Treasury's statement ("The
    statement read, “...”") ran on as the Treasury's, the Israeli official's own words among them. A line break that
    no hard-wrapped sentence runs through ends a paragraph; a quotation opening a sentence inside the next one is no
    continuation of the statement."""
    text = ("On October 27, the Office of Foreign Assets Control (OFAC) announced that it had imposed a second round "
            "of sanctions on Hamas-linked officials. The statement read, "
            "\"Today's action targets additional assets in Hamas's investment portfolio.\"\n"
            "The US is not the only one. Europe has also been mobilized in the economic fight against terrorism. "
            "\"On the third day of the fighting, my colleagues from the Netherlands and Germany phoned to let me "
            "know they wanted to establish an international task force.\"\n")
    claims = _claims(text)
    assert any(text[c.start:c.end].startswith("Today's action") for c in claims), claims
    assert not any("third day" in c.text for c in claims), claims


def test_a_name_the_tagger_reads_as_a_common_noun_speaks_when_the_article_writes_it_as_a_name():
    # TechCrunch / SMH: "Revel said its moped ridership peaked", "Betashares said it was part of a strategy"
    # gave nothing: a sentence-initial name tagged as a plural or common noun was nobody
    text = ("ETF provider Betashares reached an agreement to buy the superannuation business. Betashares said it "
            "was part of a longer-term strategy to expand the business.\n\n"
            "Deaths involving Revel mopeds mounted. Revel said its moped ridership peaked in July 2020.")
    by = {c.text.split()[0]: c for c in _claims(text)}
    assert by["it"].actor == "Betashares" and by["it"].actor_type == "organisation"
    assert by["its"].actor == "Revel"
    # never a numbered part of a law, nor a word the article writes after an article
    text = ("Snapchat filed a motion, citing Section 230 of the Communications Decency Act. Section 230 offers "
            "immunity to companies that have acted responsibly.\n\n"
            "The Lions beat the Demons. Demons denied the claim that the match was fixed.")
    assert not any(c.actor in ("Section", "Demons") for c in _claims(text))


def test_he_after_a_quotation_of_several_sentences_is_the_person_before_it():
    # The Independent: the quotation's opening question and its two sentences were the two sentences read
    # before "he said", so Cole Palmer, named before the quotation, was never found
    text = ("Cole Palmer is a man on the move, from Manchester City to Chelsea.\n\n"
            "“The most annoying thing? The traffic, that’s the biggest thing for me. Everything else I am enjoying. "
            "It is hotter than Manchester as well,” he said.")
    claims = _claims(text)
    assert [c.actor for c in claims] == ["Cole Palmer"]
    assert claims[0].text.startswith("The most annoying thing?") and claims[0].text.endswith("as well")


def test_a_coach_or_manager_is_only_the_person_introduced_so():
    # "the coach said" after "Head coach Pete Carroll said": Carroll; "the Liverpool manager" after a sentence
    # about Salah and Thierry Henry: nobody the article introduced so, never Henry
    text = ("Head coach Pete Carroll said that Smith will \"make it back.\" When asked about the matchup against "
            "San Francisco, the coach said, \"I would think so.\"")
    think = [c for c in _claims(text) if "think so" in c.text]
    assert [c.actor for c in think] == ["Pete Carroll"]
    text = ("Salah’s strike took him above Thierry Henry as the most prolific goalscorer for an English club.\n\n"
            "“It is really easy to fall in love with this team,” said the Liverpool manager after the win.")
    assert not any(c.actor in ("Thierry Henry", "Salah") for c in _claims(text))
    # a nationality before a private role is never its state speaking
    text = ("“No one was monetizing content on the traditional platforms,” said the Los Angeles-based Cameroonian "
            "entrepreneur to TechCrunch.")
    assert not any(c.actor == "Cameroon" for c in _claims(text))


def test_an_aside_it_is_the_subject_of_the_clause_it_sits_in():
    # The Guardian: "would, it claimed, automatically detect" was Amnesty's (the body that spoke before), with
    # the clause cut at the aside
    text = ("Amnesty International published a report on the cameras.\n\n"
            "Hikvision has marketed facial-recognition features that would, it claimed, automatically detect "
            "Uyghur people.")
    claimed = [c for c in _claims(text) if c.cue == "claimed"]
    assert [(c.actor, c.text) for c in claimed] == [
        ("Hikvision", "Hikvision has marketed facial-recognition features that would, it claimed, automatically "
                      "detect Uyghur people")]
    text = ("But Activision told The Verge in 2022 that it “never entered into an agreement” — and Google is now, "
            "it says, armed with the evidence to prove it.")
    says = [c for c in _claims(text) if c.cue == "says"]
    assert [(c.actor, c.text.split()[0]) for c in says] == [("Google", "Google")]


def test_what_a_named_source_says_of_the_noun_a_relative_clause_is_on():
    # "the 7 October Hamas attacks that the Israeli government said killed 1,400 people" gave nothing, so
    # "What did the Israeli government say about the death toll?" abstained
    text = ("The report is newly relevant in the weeks after the 7 October Hamas attacks that the Israeli government "
            "said killed 1,400 people.")
    assert [(c.actor, c.text) for c in _claims(text)] == [("Israel", "killed 1,400 people")]
    text = "Uber uses third-party companies, which Sergio Avedian says “are at best watered down.”"
    assert [c.actor for c in _claims(text)] == ["Sergio Avedian"]
    # not when the noun is no subject of what is said
    assert not _claims("It is the deal that Russia said it would sign.")


def test_a_name_after_a_title_is_a_person_whatever_the_tagger_says():
    # Fortune: "Visiting Chancellor Olaf Scholz praised ..." made Scholz an organisation
    claims = _claims("Visiting Chancellor Olaf Scholz praised German-Egyptian unity in working to prevent a "
                     "Middle East “conflagration.”")
    assert [(c.actor, c.actor_type) for c in claims] == [("Olaf Scholz", "person")]


def test_the_official_is_never_a_name_inside_the_officials_own_quotation():
    # TechCrunch: "the official noted" went to "Member States", a name inside the official's own quotation
    text = ("The European Commission presented the AI Act deal. Asked about resourcing, a Commission official said "
            "it will be decided in the future by the EU’s executive. “We will be able to recruit the national "
            "experts from Member States if we wish to,” they added.\n\n"
            "“We have identified an important role for a scientific panel,” the official noted.")
    assert not any("Member States" in c.actor for c in _claims(text))


def test_the_second_of_two_verbs_misparsed_as_what_the_first_says_has_their_subject():
    # The Verge: "he also cast the strike as pointless and, in a head-scratcher, said that ..." was nobody's, so
    # "What did Trump say about autoworkers?" abstained
    text = ("Donald Trump spoke in Michigan on Wednesday. But he also cast the union’s strike as largely pointless "
            "and, in a major head-scratcher, said that autoworkers would likely be out of work in a few years "
            "anyway, so why bother?")
    said = [c for c in _claims(text) if c.cue == "said"]
    assert [(c.actor, c.text) for c in said] == [
        ("Donald Trump", "autoworkers would likely be out of work in a few years anyway")]


def test_a_bare_spokeswoman_speaks_for_the_body_the_sentence_before_is_about():
    # The Guardian: "Snap did not respond ... After publication, a spokesperson said that Snap works to ..." and
    # "the spokesperson said" were nobody's, or the lawyer's quoted before
    text = ("“It’s the world’s largest open-air drug market,” said Matthew Bergman, the lead attorney.\n\n"
            "Snap did not respond to the Guardian’s request seeking comment. “We have great empathy for families "
            "who have suffered unimaginable losses,” a spokesperson said.")
    empathy = [c for c in _claims(text) if "great empathy" in c.text]
    assert [c.actor for c in empathy] == ["Snap"]


def test_verbs_that_speak_only_after_a_quotation():
    # The Times: '“Boxing used to be a clean and fair sport,” moaned Darkie Smith.' was nobody's
    claims = _claims("“Boxing used to be a clean and fair sport,” moaned Darkie Smith.")
    assert [(c.actor, c.text) for c in claims] == [("Darkie Smith", "Boxing used to be a clean and fair sport")]
    claims = _claims("Angela Merkel met the press. “That is not our problem,” she responded.")
    assert [c.actor for c in claims] == ["Angela Merkel"]
    # never without the quotation
    assert not _claims("Angela Merkel met the press. She responded to the letter on Monday.")


def test_a_body_a_place_or_name_before_it_names_speaks_as_itself():
    # TechCrunch: "an Oslo court rejected Meta's arguments" and "Norway's data protection authority has asked a
    # European Union regulator to take a binding decision" were nobody's; "The Cupertino tech giant explained" too
    by = {c.cue: c for c in _claims(
        "However, earlier this month, an Oslo court rejected Meta’s arguments, affirming the DPA’s right to act. "
        "Norway’s data protection authority has asked a European Union regulator to take a binding decision.")}
    assert (by["rejected"].actor, by["rejected"].actor_type, by["rejected"].kind) == (
        "Oslo court", "organisation", "rejection")
    assert by["asked"].actor == "Norway’s data protection authority" and by["asked"].actor_type == "organisation"
    explained = _claims("Apple shut down the app. The Cupertino tech giant explained that it needed to shut down "
                        "the app.")
    assert [c.actor for c in explained] == ["Apple"]
    # a state's own ministry is still the state
    assert [c.actor for c in _claims("Russia’s foreign ministry said the talks were over.")] == ["Russia"]


def test_a_bare_spokeswoman_never_speaks_for_a_body_of_the_paragraph_before():
    # TechCrunch: the EDPB spokeswoman's quotation went to the Oslo court, whose ruling the paragraph before reported
    text = ("However, earlier this month, an Oslo court rejected Meta’s arguments, affirming the DPA’s right to act."
            "\n\nReached by email the EDPB confirmed receipt of the authority’s request. “The EDPB Secretariat will "
            "now assess completeness of the file,” a spokeswoman told us.")
    assert not any("Secretariat" in c.text and c.actor == "Oslo court" for c in _claims(text))


def test_he_after_a_spokesman_quoted_for_his_body_is_that_spokesman():
    # TechCrunch: "Although he emphasized it's too early ..." was Ursula Pachl's, quoted before the spokesman
    text = ("“The company’s approach also raises concerns regarding the GDPR,” Ursula Pachl, deputy director general "
            "of BEUC, further noted. And a spokesman for BEUC told us it might, at a later stage, file a complaint "
            "about Meta’s data protection compliance. Although he emphasized it’s too early to say whether or not it "
            "will take that step.")
    early = [c for c in _claims(text) if "too early" in c.text]
    assert early and all(c.actor != "Ursula Pachl" for c in early)


def test_a_named_attribution_inside_a_quotation_never_closed_is_no_continuation():
    # BusinessWorld: the writer left “While inflation ... open past "Assistant National Statistician Rachel Lacsa
    # said" (it closes three sentences later); the whole paragraph went to Marcos, quoted two paragraphs before
    text = ("And yet, “We worry about our debt-to-GDP ratio in the Philippines, as it stands at about 63%,” President "
            "Ferdinand Marcos, Jr. told members of the US-ASEAN Business Council.\n\n"
            "Whom are we to believe, but inflation — which independently says it as it is.\n\n"
            "“While inflation in the Philippines has been on a downward trend since January, the country needs to "
            "achieve a 3.7% average inflation rate, Assistant National Statistician Rachel Lacsa said (Ibid.). Some "
            "economists say that deficit budgets increase inflation. It is a vicious cycle.”")
    claims = _claims(text)
    assert not any(c.actor == "Ferdinand Marcos Jr" and "inflation" in c.text for c in claims)
    assert any(c.actor == "Ferdinand Marcos Jr" and "debt-to-GDP" in c.text for c in claims)


def test_a_finite_verb_read_as_an_adjective_of_its_object_still_speaks():
    # TechCrunch: with no comma after the opening phrase the parser read "confirmed" as an adjective of "receipt",
    # so the EDPB said nothing, nor did its spokeswoman (the answer had a regex fallback for this body)
    text = ("The move could lead to a ban if the European Data Protection Board (EDPB) agrees.\n\n"
            "Reached by email the EDPB confirmed receipt of the authority’s request. “The EDPB Secretariat will "
            "now assess completeness of the file,” a spokeswoman told us.")
    claims = _claims(text)
    receipt = [c for c in claims if c.text == "receipt of the authority’s request"]
    assert [(c.actor, c.cue) for c in receipt] == [("European Data Protection Board", "confirmed")]
    assert [c.actor for c in claims if "Secretariat" in c.text] == ["European Data Protection Board"]
    # (an adjective stays one: "the confirmed cases")
    assert not _claims("Officials said the confirmed cases rose to 40. The proposed deal collapsed.")[1:]


def test_a_surname_is_the_person_the_article_writes_in_full_in_a_sentence_without_a_cue():
    # The Independent: "Cole Palmer is a man on the move" has no cue, so it was never parsed for its names and
    # all six of Palmer's statements went to an actor "Palmer" that other articles' Palmers share
    text = ("Cole Palmer is a man on the move, from Manchester City to Chelsea.\n\n"
            "“It is hotter than Manchester as well,” Palmer said. Certainly Palmer feels hot property right now.")
    assert [c.actor for c in _claims(text)] == ["Cole Palmer"]
    # (two people sharing the surname, or a word before it that is no given name: the surname stays)
    couple = ("The new season opens in 1997.\n\nDiana visits Tony (Bertie Carvel) and Cherie Blair.\n\n"
              "“She still has a lot to offer,” Blair said.")
    assert [c.actor for c in _claims(couple)] == ["Blair"]
    like = "Like Masimo, the firm sued. “Apple took our patents,” Masimo said."
    assert all(c.actor == "Masimo" for c in _claims(like))


def test_a_trailing_cue_after_a_quotation_the_splitter_ended_at_its_question_mark():
    # The Independent: "“Who knows what would have happened if I had stayed?” Palmer mused." gave nothing (the
    # splitter ends the quotation's sentence at "?”", and "Palmer mused." alone had no cue worth a parse)
    text = ("Cole Palmer joined Chelsea in September.\n\n"
            "“Who knows what would have happened if I had stayed?” Palmer mused. “Maybe I would have played more, "
            "maybe not.”")
    claims = _claims(text)
    assert [(c.actor, c.text) for c in claims if c.cue == "mused"] == [
        ("Cole Palmer", "Who knows what would have happened if I had stayed")]
    assert any(c.actor == "Cole Palmer" and c.text.startswith("Maybe I would") for c in claims)


def test_an_articles_first_sentence_gives_its_people_though_it_holds_no_cue():
    # The Independent: the lead "Cole Palmer is a man on the move" was never parsed, so "he said" later had no
    # person to stand for; and two persons unknown before, named in the sentence just before "she said", leave
    # her unknown (it went to Teddy, named paragraphs earlier)
    text = ("Cole Palmer is a man on the move, from Manchester City to Chelsea.\n\n"
            "The club has been a manic buyer but he said: “I did look at how many players were there.”")
    assert [c.actor for c in _claims(text)] == ["Cole Palmer"]
    two = ("But Teddy Jirapraphanan, one of the four owners, thought back to his own experience. “Everywhere I go, I "
           "am craving Thai food,” he says.\n\nThe talks between Anna Berg and John Smith ended on Monday. “We will "
           "help Ukraine,” she said.")
    assert not any("Ukraine" in c.text for c in _claims(two))


def test_he_whose_quotation_opens_the_paragraph_after_a_spokesman_is_that_spokesman():
    # TechCrunch: "BEUC’s spokesman said ...\n\n“Under consumer law ...,” he told us" went to "Austria’s DPA", a
    # body the tagger had read as a person, named two paragraphs before
    text = ("Back in April, a decision by Austria’s DPA on a noyb complaint said users must have the ability to say yes "
            "or no.\n\nAsked whether the issue is the choice Meta is offering, BEUC’s spokesman said the questions are "
            "hard to separate as they’re “closely interlinked”.\n\n“Under consumer law, you need an informed and fair "
            "choice to purchase such a subscription. If the practice infringes the GDPR, it should be considered "
            "unfair,” he told us.")
    claims = _claims(text)
    told = [c for c in claims if c.cue == "told"]
    assert told and all(c.actor == "BEUC" for c in told), claims
    assert not any(c.actor_type == "person" for c in claims)


def test_a_relative_clause_verb_misparsed_as_the_main_verbs_conjunct_is_the_antecedents():
    # Lavrov, 2022: "... the Kyiv regime’s leader, Volodymyr Zelenskyy, who in an interview in August 2021 advised
    # all who considered themselves Russian to leave" was a demand of "the West", the main clause's subject
    ex = ClaimExtractor()
    voice = ex.voice_of({"country": "Russia", "speaker": "Sergey Lavrov", "post": "Minister for Foreign Affairs"})
    text = ("The West is having hysterics over the referendums in the Donetsk, Luhansk, Kherson and Zaporizhzhya "
            "oblasts of Ukraine, but the people there are merely responding to the Kyiv regime’s leader, Volodymyr "
            "Zelenskyy, who in an interview in August 2021 advised all who considered themselves Russian to leave for "
            "Russia.")
    advised = [c for c in ex.extract(text, "d", "2022", voice=voice) if c.cue == "advised"]
    assert [c.actor for c in advised] == ["Volodymyr Zelensky"]


def test_time_will_tell_is_nobodys_statement():
    # TechCrunch: the writer's "Time will tell how this one plays out" was credited to an organisation "Time"
    assert not _claims("Time will tell how this one plays out, but history will judge him harshly.")


def test_an_outlet_that_reported_a_quotation_it_interrupts_is_not_its_speaker():
    # The Verge: "“They get rid of them,” Trump said, according to Discourse Blog, “and lots of bad things happen”":
    # the second part went to "Discourse Blog" (as a person), the outlet that reported it
    text = ("Donald Trump spoke in Michigan.\n\n“They get rid of them,” Trump said, according to Discourse Blog, “and "
            "lots of bad things happen, and it’s going to be very bad for the environment.”")
    claims = _claims(text)
    assert [c.actor for c in claims] == ["Donald Trump", "Donald Trump"]
    assert claims[1].text.startswith("and lots of bad things happen")


def test_an_invitation_to_join_an_initiative_is_a_proposal():
    # Rouhani, 2019: the Hormuz Peace Endeavour invitation was a "demand", so "What did Iran propose?" missed it
    ex = ClaimExtractor()
    voice = ex.voice_of({"country": "Iran", "speaker": "Hassan Rouhani", "post": "President"})
    kinds = [c.kind for t in ("I should like to invite all countries directly affected by the developments in the "
                              "Strait of Hormuz to the coalition for hope within the Hormuz Peace Endeavour.",
                              "We invite the international community to redouble its efforts.")
             for c in ex.extract(t, "d", "2019", voice=voice)]
    assert kinds == ["proposal", "demand"]


def test_a_law_is_never_a_person():
    # TechCrunch: "which the EU Act refers to as “general purpose” AI models" listed an actor "Act (person)"
    resolver = ActorResolver()
    assert resolver.resolve("the EU Act").actor_type == "document"
    assert resolver.resolve("Act", [], "PERSON").actor_type == "document"


def test_the_countrys_office_is_that_of_the_state_written_before():
    # Trump, 2019: "Last year, the country’s Supreme Leader stated: Israel is a malignant, cancerous tumour ..." was
    # an actor "Leader" (role "country’s Supreme"), after "Iran’s rulers" and a chant of “Death to America”
    ex = ClaimExtractor()
    voice = ex.voice_of({"country": "United States", "speaker": "Donald Trump", "post": "President"})
    text = ("For 40 years, the world has listened to Iran’s rulers as they lash out at everyone else. They conduct ritual "
            "chants of “Death to America” and traffic in monstrous anti-Semitism. Last year, the country’s Supreme "
            "Leader stated: Israel is a malignant, cancerous tumour that has to be removed.")
    stated = [c for c in ex.extract(text, "d", "2019", voice=voice) if c.cue == "stated"]
    assert [(c.actor, c.role) for c in stated] == [("Iran's Supreme Leader", "Iran's Supreme Leader")]


def test_a_camel_case_brand_or_a_phrase_with_lower_case_words_is_no_person():
    # "according to CoinMarketCap data" and "Nearly seven in 10 Gen Zers say ..." were listed as persons
    resolver = ActorResolver()
    assert resolver.resolve("CoinMarketCap", [], "PERSON").actor_type == "organisation"
    assert resolver.resolve("Nearly seven in 10 Gen Zers", [], "PERSON").actor_type == "group"
    for name in ("McCarthy", "DeSantis", "Mohammed bin Salman", "Ursula von der Leyen", "Erik ten Hag"):
        assert resolver.resolve(name, [], "PERSON").actor_type == "person", name


def test_a_call_in_a_later_sentence_of_the_quotation_makes_it_a_demand():
    # Business Today: "“We are at war. ... I call on all citizens of Israel to unite ...,” Netanyahu said" was a
    # statement, so "What did Netanyahu call on Israelis to do?" found no demand (the answer had its own regex for it)
    text = ("Benjamin Netanyahu spoke on Saturday.\n\n“We are at war. In war, one needs to be level-headed. I call on "
            "all citizens of Israel to unite in order to achieve our highest goal,” Netanyahu said.")
    assert [c.kind for c in _claims(text)] == ["demand"]
    assert [c.kind for c in _claims("“We are at war. We must be level-headed,” Netanyahu said.")] != ["demand"]
