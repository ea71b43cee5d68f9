"""Definitions of the coded values of the Data Package: what each code means.

`labels.py` gives each code its short reader-facing label; this module says
what a row must show to receive the code. The data dictionary prints both,
generated at build time, and the methodology links there rather than
repeating them, so the definitions live in one place. A test checks that the
codes defined here are exactly the allowed values in data/datapackage.json.
"""

from __future__ import annotations

STATUS = {
    "confirmed": "The sources support the claim as the article states it.",
    "confirmed-with-nuance": "The sources support the claim, but the article's wording simplifies, overstates or understates it; the note says how.",
    "disputed": "Sources disagree with one another, and none settles the question.",
    "inconsistent": "The claim contradicts the sources, or the article contradicts itself.",
    "unverified": "No source checked for this report confirms or refutes the claim.",
}

CLAIM_TYPE = {
    "direct-quote": "The article puts words in quotation marks and attributes them to a speaker.",
    "reported-fact": "The article states something as fact, in its own voice.",
    "attribution": "The article reports, in its own words or with a quoted fragment, what a named person or group said or did.",
    "assessment": "The article characterises or judges (an intention, a description of the war).",
}

TOPIC = {
    "summit": "The 4 September 2025 meeting in Paris: its format, participants and outcome.",
    "commitment": "What the 26 countries committed to: the force, its timing, its tasks.",
    "russia": "What Russian officials said, above all Putin at the Eastern Economic Forum.",
    "us": "The position of the United States and of President Trump.",
    "context": "Background the article gives: dates, places, the war itself, the byline.",
}

STANCE = {
    "ready": (
        "A leader or minister said publicly that the country is prepared to contribute "
        "troops or forces to a post-ceasefire force (national approval may still be needed)."
    ),
    "ready-in-principle": (
        "The country said it is prepared to take part in principle, on conditions not yet met."
    ),
    "open": "The country neither committed nor excluded troops: it would not exclude them, or would consider requests.",
    "air-sea-training-only": "The country offered air, naval, surveillance or training help and promised no ground troops.",
    "undecided": "The country said it would decide later, once the conditions are clear.",
    "no-troops": (
        "The country ruled out sending its troops to Ukraine; it may offer other help "
        "(logistics, monitoring or training outside Ukraine). Where a country both rules "
        "troops out and offers other help, this code applies."
    ),
    "not-among-26": "The country said it is not among the 26 countries that committed.",
    "not-applicable": "A contribution stance does not apply: Ukraine is where the force would deploy.",
    "unknown": "No public statement by the country on a contribution was found, or only a third party's paraphrase.",
}

SUMMIT_ROLE = {
    "co-chair-in-person": "Co-chaired the meeting and was in the room.",
    "co-chair-by-video": "Co-chaired the meeting by video link.",
    "in-person": "A source places the country's leader in the room.",
    "in-person-part": "The country's representative was in the room for part of the meeting only.",
    "video": "A source says the country's leader took part by video link.",
    "phone-after-meeting": "The country's leader spoke with the participants by phone after the meeting.",
    "listed-in-person": (
        "A list published before the meeting has the country's leader attending in person; "
        "no source after the meeting confirms it, so the country is coded as listed, not present."
    ),
    "listed-remote": "A list published before the meeting has the country joining remotely; no source after the meeting confirms it.",
    "participant-mode-unknown": "A source places the country among the participants without saying how it took part.",
    "not-found": "No source on the country's part in the meeting was found.",
}

COUNTED = {
    "leaders-at-table": "Leaders around the table of the 4 September meeting, as the speaker counted them.",
    "countries-at-meeting": "Countries represented at the 4 September meeting.",
    "coalition-members": "Members of the Coalition of the Willing as a whole, whether or not present.",
    "committed-countries": "Countries said to have formally committed to the reassurance force.",
}

TRANSLATION = {
    "original": "The quote is in the language the speaker used.",
    "source-translation": "The source translated the quote; the report does not retranslate it.",
    "unknown": "The quote is in a language other than the speaker's (or may be), and who translated it is not known.",
}

EVIDENCE_KIND = {
    "quote": "stance_evidence is a verbatim quote from the source, in double quotes.",
    "paraphrase": "stance_evidence summarises the source in the project's words.",
}

OUTLET_TYPE = {
    "article-under-annotation": "The wire article the report annotates; it is checked, not used to check.",
    "government": "An official page of a government, head of state or head of government.",
    "wire-service": "A news agency's own page.",
    "state-media": "An outlet owned or controlled by a state, Russian or not; flagged so that a reader can weigh it.",
    "news-outlet": "An independent news organisation's own reporting.",
    "republisher": "A site that carries another outlet's or agency's copy (the agency is named in via).",
    "mirror": "A copy of another outlet's page on a scraper or aggregator site (the outlet is named in via), cited only where the original page was not found.",
    "pro-kremlin-outlet": "An outlet aligned with the Kremlin; what it alone carries is treated as unconfirmed.",
    "reference": "A reference page used for background facts such as membership lists.",
}

QUALIFIER = {
    "exact": "The source gives the number as it is, without a qualifier.",
    "about": "The source gives the number as approximate (about, around, some).",
    "more-than": "The source gives the number as a lower bound (more than, over).",
}

THEME = {
    "troops-legitimate-targets": (
        "Foreign troops in Ukraine would be legitimate targets, especially while the fighting goes on."
    ),
    "troops-pointless-after-peace": "No point in foreign troops' presence in Ukraine once a peace is reached.",
    "nato-troops-rejected": "The deployment of NATO troops in Ukraine is rejected.",
    "guarantees-insecurity": (
        "Zakharova's remark on the forum's sidelines: she called something 'absolutely unacceptable' "
        "and spoke of 'guarantees of insecurity to the European continent'; the part of her "
        "remarks that could be checked does not show what she was referring to."
    ),
    "not-without-russia": "No collective security arrangement without Russia.",
    "neutral-ukraine": "Guarantees for a Ukraine that is neutral, non-aligned and non-nuclear.",
    "guarantees-for-both": "Security guarantees to be worked out for both Russia and Ukraine.",
    "full-implementation": "Russia would implement an agreement in full once it is reached.",
    "agreement-impossible": "An agreement on the key issues is practically impossible.",
    "no-nato-membership": "Ukraine's membership of NATO is unacceptable to Russia.",
    "eu-membership-accepted": "Russia does not oppose Ukraine's membership of the EU.",
}

DATE_BASIS = {
    "timestamp": "The day is the one printed on the source's page.",
    "weekday": "The text names a weekday, read as the day of that week.",
    "stated-date": "The text states the date.",
    "period": "The source gives only a period, such as early September, and no day.",
}

EVENT_CATEGORY = {
    "war": "The war itself, from the full-scale invasion of 24 February 2022.",
    "coalition": "The Coalition of the Willing: its meetings and its plans for a reassurance force.",
    "force": "A step toward the force itself: its headquarters and command, exercises, funding, national decisions and parliamentary steps.",
    "us": "What the United States and President Trump said or did.",
    "russia": "What Russian officials said or did.",
    "talks": "Talks between the belligerents and the United States, and truces or ceasefires proposed or declared.",
    "other": "Any other event the report relies on.",
}

MENTION = {
    "important-contributor": "Macron named the country as an important contributor.",
    "named-willing-to-deploy": "A report named the country as willing to deploy soldiers.",
    "listed-as-committing": "The country is in Costa's list of committing countries, as a reporter paraphrases it.",
    "denies-being-among-26": "The country said it is not among the 26 countries that committed.",
}

ATTRIBUTION = {
    "speaker-quoted": "The source quotes the speaker's own words.",
    "reporter-paraphrase": "A reporter paraphrases what the speaker said.",
    "reporter-account": "The outlet gives its own account, attributed to no speaker.",
}

US_STATUS = {
    "stated": "The US said it would do it, in a formal or specific commitment.",
    "stated-general": "The US said in general terms that it would help or be involved (for instance as 'backup'), without a formal or specific commitment.",
    "possible": "US officials named it as an option without committing to it.",
    "ruled-out": "The US said it would not.",
    "not-stated": (
        "No US statement on it was found, including where a source reports that the US gave no comment."
    ),
    "unknown": "The sources do not settle the US position, for instance where only another government asserts it and no US source confirms or denies it.",
}

ISSUE = {
    "troops-after-ceasefire": (
        "Foreign troops in Ukraine after a ceasefire, including whether the actor would send its own."
    ),
    "ceasefire-first": "Guarantees deployed once the fighting stops, without waiting for a peace settlement.",
    "us-backstop": "US support behind a European force.",
    "more-pressure": "Further sanctions or other pressure on Russia.",
    "guarantees-for-russia": "Security guarantees for Russia as well as for Ukraine.",
    "ukraine-in-nato": "Ukraine's membership of NATO.",
    "ukraine-in-eu": "Ukraine's membership of the EU.",
}

POSITION = {
    "supports": "The actor is for it.",
    "accepts": "The actor does not object to it.",
    "limited": "The actor is for it, but offers only a reduced part: no ground troops of its own, air support only, or help from outside Ukraine.",
    "conditional": "The actor is for it only under stated conditions.",
    "undecided": "The actor says it will decide later.",
    "opposes": "The actor is against it.",
    "unknown": "The source does not allow a position to be read.",
}

POSITION_EVIDENCE = {
    "checked-source": "The position rests on a page checked for this report.",
    "article-only": "The position rests only on the annotated article; no other source confirms it.",
}

MEETING_FORMAT = {
    "in-person": "The leaders met in one room.",
    "video": "The leaders met by video call only.",
    "hybrid": "Some leaders met in person and others joined by video.",
    "unknown": "No source found says how the leaders met.",
}

US_ATTENDED = {
    "yes": "A source says the United States took part.",
    "no": "A source says the United States did not take part.",
    "unknown": "No source found says whether the United States took part.",
}

WATCH_RELATION = {
    "reports": "The event is the thing watched for, or a source reports that it happened.",
    "bears-on": "The event bears on the thing watched for without being it: a step toward it, a delay or a refusal.",
}

CORPUS = {
    "pages": "Stored copies of public web pages: official sites, agencies, newspapers.",
    "docs": "Stored documentation pages of software and official reference sites.",
    "issues": "Stored issue and pull-request threads of public code repositories.",
    "code": "Stored source files of public code repositories.",
}

TRACKER_STANCE = {
    "ground-troops": (
        "A leader or minister said the country will send, or is ready to send, troops to Ukraine "
        "for the force, possibly after a ceasefire or on other conditions."
    ),
    "ready-in-principle": "The country said it is open or ready in principle, or would not rule troops out, without a decision to send them.",
    "non-ground-support": (
        "The country will contribute, but not with ground troops in Ukraine: air policing, naval "
        "or mine-clearing work, training outside Ukraine, logistics, staff or funding."
    ),
    "undecided": "The country said no decision has been taken yet, or that a decision is premature.",
    "rules-out-troops": "The country ruled out sending its own troops to Ukraine.",
    "opposes-force": "The country opposes any Western troops in Ukraine.",
    "backstop": "The United States offered support to the force from outside Ukraine (intelligence, air power, a backstop), without troops on the ground.",
    "host": "Ukraine, where the force would deploy, asked for it or said a foreign military presence matters.",
}

MEMBER = {
    "yes": (
        "A source names the country as a member of the coalition, or as taking part in one of "
        "its leaders' meetings; no official list of the members was found."
    ),
    "no": "The country, or a source on its membership, says it is not a member.",
    "unknown": "Sources disagree, or no source was found that names the country as a member.",
}

FORCE_ASPECT = {
    "task": "What the force would do, domain by domain.",
    "command": "Who commands the force, from which headquarters, and how far that headquarters has got.",
    "size": "How many troops: options and estimates from outside, pledges from governments, and Ukraine's own army.",
    "cost": "What a government says its part costs or what it has set aside for it.",
    "legal-basis": "On what legal footing the force would deploy, and which national approvals it needs.",
    "condition": "What has to happen before the force deploys: a ceasefire, US support.",
    "january-2026": "What the Paris Declaration and the declaration of intent of 6 January 2026 set out.",
}

FORCE_DOMAIN = {
    "land": "Ground forces, training and logistics on Ukrainian soil.",
    "air": "Air policing and the protection of Ukraine's airspace.",
    "sea": "The Black Sea: mine clearance and maritime security.",
    "whole-force": "The force as a whole, or its command, not one domain.",
}

FORCE_LAYER = {
    "ukraine-army": "Ukraine's own army, the first line of defence, drawn in front.",
    "european-force": "The European-led multinational force, drawn behind Ukraine's army.",
    "us-backstop": "The United States' part behind the force, drawn last.",
    "none": "An item the three-layer diagram does not draw.",
}

FORCE_UNIT = {
    "troops": "Soldiers (a force's or an army's size).",
    "people": "Staff of a headquarters.",
    "pounds": "Pounds sterling.",
    "n/a": "The item gives no number.",
}

FORCE_KIND = {
    "estimate": "A number put forward by an official or an outside source as a likely size or cost, not a pledge.",
    "option": "One of several options set out by analysts outside government.",
    "pledge": "What a government says it would contribute or has set aside.",
    "plan": "What the coalition, its leaders or its texts say the force would do or be.",
    "status": "What has happened so far: a step taken, a body set up, a rule in force.",
    "assessment": "An outside analyst's reading of the design, not a government's word.",
}
LIKELIHOOD = {
    "remote-chance": "PHIA probability yardstick: 0 to 5 per cent.",
    "highly-unlikely": "PHIA probability yardstick: 10 to 20 per cent.",
    "unlikely": "PHIA probability yardstick: 25 to 35 per cent.",
    "realistic-possibility": "PHIA probability yardstick: 40 to 50 per cent.",
    "likely": "PHIA probability yardstick (likely or probable): 55 to 75 per cent.",
    "highly-likely": "PHIA probability yardstick: 80 to 90 per cent.",
    "almost-certain": "PHIA probability yardstick: 95 to 100 per cent.",
}

CONFIDENCE = {
    "high": "Several independent sources, official or agency, point the same way and none the other.",
    "moderate": "The sources point one way, but they are few, secondary, or leave a gap.",
    "low": "The evidence is thin, dated or contested; the judgement could turn on one new fact.",
}

OUTCOME = {
    "open": "The date by which the statement is scored has not come, or nothing has settled it.",
    "borne-out": "What the statement says happened, by its date; a source says so.",
    "not-borne-out": "What the statement says did not happen by its date; a source shows it.",
    "overtaken": "Events made the statement moot (its premise fell away); it is not scored.",
}

JUDGEMENT_PAGE = {
    "front": "The front page's key judgements.",
    "commitment": "The assessment box of the chapter on the 26-nation commitment.",
    "russia": "The assessment box of the chapter on Russia's response.",
    "us-position": "The assessment box of the chapter on the US position.",
    "positions": "The assessment box of the chapter comparing positions.",
    "since-then": "The assessment box of the chapter on what followed.",
}

INDICATOR = {
    "ceasefire": "Whether a ceasefire between Russia and Ukraine is in force.",
    "force-deployed": "Whether the reassurance force has deployed in Ukraine.",
    "contributors-named": "Whether the countries that will send troops have been named.",
    "us-guarantee-signed": "Whether the United States has signed a written security guarantee.",
    "parliamentary-approvals": "Whether any parliament has approved a deployment.",
    "russia-position": "What Russia says about Western troops in Ukraine.",
}

# Field of the Data Package -> definitions of its codes (the same keys as labels.BY_FIELD).
BY_FIELD = {
    ("claims", "status"): STATUS,
    ("claims", "claim_type"): CLAIM_TYPE,
    ("claims", "topic"): TOPIC,
    ("participants", "stance"): STANCE,
    ("participants", "summit_role"): SUMMIT_ROLE,
    ("participants", "evidence_kind"): EVIDENCE_KIND,
    ("reported_counts", "counted"): COUNTED,
    ("statements", "translation"): TRANSLATION,
    ("sources", "outlet_type"): OUTLET_TYPE,
    ("reported_counts", "qualifier"): QUALIFIER,
    ("statement_themes", "theme"): THEME,
    ("statement_dates", "basis"): DATE_BASIS,
    ("events", "category"): EVENT_CATEGORY,
    ("meetings", "format"): MEETING_FORMAT,
    ("meetings", "us_attended"): US_ATTENDED,
    ("watch_list_events", "relation"): WATCH_RELATION,
    ("research_log", "corpus"): CORPUS,
    ("commitment_mentions", "mention"): MENTION,
    ("commitment_mentions", "attribution"): ATTRIBUTION,
    ("us_expectations", "us_status"): US_STATUS,
    ("positions", "issue"): ISSUE,
    ("positions", "position"): POSITION,
    ("positions", "evidence"): POSITION_EVIDENCE,
    ("country_stances", "stance"): TRACKER_STANCE,
    ("coalition_membership", "member"): MEMBER,
    ("force_design", "aspect"): FORCE_ASPECT,
    ("force_design", "domain"): FORCE_DOMAIN,
    ("force_design", "layer"): FORCE_LAYER,
    ("force_design", "unit"): FORCE_UNIT,
    ("force_design", "kind"): FORCE_KIND,
    ("judgements", "likelihood"): LIKELIHOOD,
    ("judgements", "confidence"): CONFIDENCE,
    ("judgements", "outcome"): OUTCOME,
    ("judgements", "shown_in"): JUDGEMENT_PAGE,
    ("board", "indicator"): INDICATOR,
}
