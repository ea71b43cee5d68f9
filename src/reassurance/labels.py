"""Reader-facing labels for the coded values of the Data Package, in display order.

The codes and their definitions live in data/datapackage.json and the
methodology; a test checks that every code there has a label here.
"""

STATUS = {
    "confirmed": "Confirmed",
    "confirmed-with-nuance": "Confirmed, with nuance",
    "disputed": "Disputed between sources",
    "inconsistent": "Inconsistent",
    "unverified": "Unverified",
}

SUMMIT_ROLE = {
    "co-chair-in-person": "Co-chair, in person",
    "co-chair-by-video": "Co-chair, by video",
    "in-person": "In person",
    "in-person-part": "In person, part of the meeting",
    "video": "By video",
    "phone-after-meeting": "By phone, after the meeting",
    "listed-in-person": "Listed as in person (before the meeting)",
    "listed-remote": "Listed as remote (before the meeting)",
    "participant-mode-unknown": "Took part; mode unknown",
    "not-found": "No source on its part",
}

STANCE = {
    "ready": "Ready",
    "ready-in-principle": "Ready in principle",
    "open": "Open",
    "air-sea-training-only": "Air, sea or training only",
    "undecided": "Undecided",
    "no-troops": "No troops",
    "not-among-26": "Not among the 26",
    "not-applicable": "Not applicable (host country)",
    "unknown": "Unknown",
}

# How a statement stands on its theme (statements.stance).
STATEMENT_STANCE = {
    "supports": "Supports",
    "opposes": "Opposes",
    "conditional": "Conditional",
    "describes": "Describes",
}

COUNTED = {
    "leaders-at-table": "Leaders at the table",
    "countries-at-meeting": "Countries at the meeting",
    "coalition-members": "Members of the coalition",
    "committed-countries": "Countries formally committed",
}

QUALIFIER = {"exact": "", "about": "about ", "more-than": "more than "}

TOPIC = {
    "summit": "The summit outcome",
    "commitment": "The 26-nation commitment",
    "russia": "Russia's response",
    "us": "The US position",
    "context": "Context",
}

CLAIM_TYPE = {
    "direct-quote": "Direct quote",
    "reported-fact": "Reported fact",
    "attribution": "Attribution",
    "assessment": "Assessment",
}

THEME = {
    "troops-legitimate-targets": "Foreign troops would be legitimate targets, especially during the fighting",
    "troops-pointless-after-peace": "No point in foreign troops once there is peace",
    "nato-troops-rejected": "NATO troops in Ukraine rejected",
    "guarantees-insecurity": "Called something 'absolutely unacceptable' and spoke of 'guarantees of insecurity'",
    "not-without-russia": "No collective security without Russia",
    "neutral-ukraine": "Guarantees for a neutral, non-aligned, non-nuclear Ukraine",
    "guarantees-for-both": "Security guarantees for both Russia and Ukraine",
    "full-implementation": "Russia would implement an agreement in full",
    "agreement-impossible": "Agreement on key issues practically impossible",
    "no-nato-membership": "No to Ukraine in NATO",
    "eu-membership-accepted": "No objection to Ukraine joining the EU",
}

DATE_BASIS = {
    "timestamp": "Page timestamp",
    "weekday": "Weekday named in the text",
    "stated-date": "Date stated in the text",
    "period": "Only a period (no day)",
}

MENTION = {
    "important-contributor": "Named by Macron as an important contributor",
    "named-willing-to-deploy": "Named in a report as willing to deploy soldiers",
    "listed-as-committing": "Listed by Costa as committing (a reporter's paraphrase)",
    "denies-being-among-26": "Says it is not among the 26",
}

ATTRIBUTION = {
    "speaker-quoted": "The speaker's own words, quoted",
    "reporter-paraphrase": "A reporter's paraphrase of the speaker",
    "reporter-account": "The outlet's own account",
}

US_STATUS = {
    "stated": "Stated by the US",
    "possible": "Named by the US as an option; no commitment",
    "ruled-out": "Ruled out by the US",
    "not-stated": "No US statement found",
    "unknown": "Unknown: the sources do not settle it",
}

EVENT_CATEGORY = {
    "war": "The war",
    "coalition": "Coalition of the Willing",
    "us": "United States",
    "russia": "Russia",
    "other": "Other",
}

# Issues of the positions matrix, in display order (see data/README.md).
ISSUE = {
    "troops-after-ceasefire": "Foreign troops in Ukraine after a ceasefire",
    "ceasefire-first": "Deploy after a ceasefire, before a settlement",
    "us-backstop": "A US backstop",
    "more-pressure": "Further sanctions or pressure on Russia",
    "guarantees-for-russia": "Guarantees for Russia as well",
    "ukraine-in-nato": "Ukraine in NATO",
    "ukraine-in-eu": "Ukraine in the EU",
}

# Positions, from agreement to disagreement, then unknown.
POSITION = {
    "supports": "Supports",
    "accepts": "Does not object",
    "limited": "Limited part",
    "conditional": "Conditional",
    "undecided": "Undecided",
    "opposes": "Opposes",
    "unknown": "Unknown",
}

POSITION_EVIDENCE = {
    "checked-source": "Checked source",
    "article-only": "Annotated article only (unconfirmed)",
}

# The PHIA probability yardstick's terms (judgements.likelihood), lowest first.
LIKELIHOOD = {
    "remote-chance": "Remote chance",
    "highly-unlikely": "Highly unlikely",
    "unlikely": "Unlikely",
    "realistic-possibility": "Realistic possibility",
    "likely": "Likely or probable",
    "highly-likely": "Highly likely",
    "almost-certain": "Almost certain",
}

CONFIDENCE = {"high": "high", "moderate": "moderate", "low": "low"}

OUTCOME = {
    "open": "Open",
    "borne-out": "Borne out",
    "not-borne-out": "Not borne out",
    "overtaken": "Overtaken by events",
}

JUDGEMENT_PAGE = {
    "front": "Front page",
    "commitment": "The commitment",
    "russia": "Russia's response",
    "us-position": "The US position",
    "positions": "Positions compared",
    "since-then": "Since then",
}

# The status board's rows, in the order the front page shows them.
INDICATOR = {
    "ceasefire": "Ceasefire",
    "force-deployed": "Force deployed",
    "contributors-named": "Contributors named",
    "us-guarantee-signed": "US guarantee signed",
    "parliamentary-approvals": "Parliamentary approvals",
    "russia-position": "Russia's position",
}

# Field of the Data Package -> labels for its codes.
BY_FIELD = {
    ("claims", "status"): STATUS,
    ("claims", "topic"): TOPIC,
    ("claims", "claim_type"): CLAIM_TYPE,
    ("participants", "summit_role"): SUMMIT_ROLE,
    ("participants", "stance"): STANCE,
    ("reported_counts", "counted"): COUNTED,
    ("reported_counts", "qualifier"): QUALIFIER,
    ("statement_themes", "theme"): THEME,
    ("statement_dates", "basis"): DATE_BASIS,
    ("commitment_mentions", "mention"): MENTION,
    ("commitment_mentions", "attribution"): ATTRIBUTION,
    ("us_expectations", "us_status"): US_STATUS,
    ("events", "category"): EVENT_CATEGORY,
    ("positions", "issue"): ISSUE,
    ("positions", "position"): POSITION,
    ("positions", "evidence"): POSITION_EVIDENCE,
    ("judgements", "likelihood"): LIKELIHOOD,
    ("judgements", "confidence"): CONFIDENCE,
    ("judgements", "outcome"): OUTCOME,
    ("judgements", "shown_in"): JUDGEMENT_PAGE,
    ("board", "indicator"): INDICATOR,
}
