"""Reader-facing labels for the coded values of the Data Package, in display order.

The codes live in data/datapackage.json, their definitions in codebook.py;
the rule [code-label] (reassurance.evidence.rules, run by `make validate` and the
build) checks that every code of a field listed in BY_FIELD has a label here,
and that no label names a code the package does not allow.
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
    "stated": "Committed to by the US, formally or specifically",
    "stated-general": "Said by the US in general terms; no formal, specific commitment",
    "possible": "Named by the US as an option; no commitment",
    "ruled-out": "Ruled out by the US",
    "not-stated": "No US statement found",
    "unknown": "Unknown: the sources do not settle it",
}

EVENT_CATEGORY = {
    "war": "The war",
    "coalition": "Coalition of the Willing",
    "force": "Steps toward the force",
    "us": "United States",
    "russia": "Russia",
    "talks": "Talks and truces",
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

MEETING_FORMAT = {"in-person": "In person", "video": "By video", "hybrid": "In person and by video", "unknown": "Unknown"}
US_ATTENDED = {"yes": "Yes", "no": "No", "unknown": "Not reported"}
WATCH_RELATION = {"reports": "Reports it", "bears-on": "Bears on it"}
CORPUS = {"pages": "Web pages", "docs": "Documentation", "issues": "Issue threads", "code": "Code"}

FORCE_ASPECT = {
    "task": "Tasks",
    "command": "Command and headquarters",
    "size": "Size",
    "cost": "Cost and funding",
    "legal-basis": "Legal basis and approvals",
    "condition": "Conditions",
    "january-2026": "The January 2026 declarations",
}

FORCE_DOMAIN = {"land": "Land", "air": "Air", "sea": "Sea", "whole-force": "Whole force"}

FORCE_LAYER = {
    "ukraine-army": "Ukraine's army",
    "european-force": "European-led force",
    "us-backstop": "United States",
    "none": "Not drawn",
}

FORCE_UNIT = {"troops": "troops", "people": "people", "pounds": "pounds", "n/a": ""}

FORCE_KIND = {
    "estimate": "Estimate",
    "option": "Option (analysts)",
    "pledge": "National pledge",
    "plan": "Plan",
    "status": "Status",
    "assessment": "Outside assessment",
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
# The country tracker's stances (country_stances.stance), from most to least committed.
TRACKER_STANCE = {
    "ground-troops": "Ready to send troops",
    "ready-in-principle": "Ready in principle",
    "non-ground-support": "Support, no ground troops",
    "undecided": "Undecided",
    "rules-out-troops": "Rules out its troops",
    "opposes-force": "Opposes any force",
    "backstop": "Support from outside (US)",
    "host": "Host country, asks for it",
}

MEMBER = {
    "yes": "Member",
    "no": "Not a member",
    "unknown": "Membership unknown",
}


BY_FIELD = {
    ("claims", "status"): STATUS,
    ("claims", "topic"): TOPIC,
    ("claims", "claim_type"): CLAIM_TYPE,
    ("participants", "summit_role"): SUMMIT_ROLE,
    ("participants", "stance"): STANCE,
    ("statements", "stance"): STATEMENT_STANCE,
    ("reported_counts", "counted"): COUNTED,
    ("reported_counts", "qualifier"): QUALIFIER,
    ("statement_themes", "theme"): THEME,
    ("statement_dates", "basis"): DATE_BASIS,
    ("commitment_mentions", "mention"): MENTION,
    ("commitment_mentions", "attribution"): ATTRIBUTION,
    ("us_expectations", "us_status"): US_STATUS,
    ("events", "category"): EVENT_CATEGORY,
    ("meetings", "format"): MEETING_FORMAT,
    ("meetings", "us_attended"): US_ATTENDED,
    ("watch_list_events", "relation"): WATCH_RELATION,
    ("research_log", "corpus"): CORPUS,
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
