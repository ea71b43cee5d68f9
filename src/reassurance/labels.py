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

# Field of the Data Package -> labels for its codes.
BY_FIELD = {
    ("claims", "status"): STATUS,
    ("claims", "topic"): TOPIC,
    ("claims", "claim_type"): CLAIM_TYPE,
    ("participants", "summit_role"): SUMMIT_ROLE,
    ("participants", "stance"): STANCE,
    ("reported_counts", "counted"): COUNTED,
    ("reported_counts", "qualifier"): QUALIFIER,
    ("events", "category"): EVENT_CATEGORY,
    ("positions", "issue"): ISSUE,
    ("positions", "position"): POSITION,
    ("positions", "evidence"): POSITION_EVIDENCE,
}
