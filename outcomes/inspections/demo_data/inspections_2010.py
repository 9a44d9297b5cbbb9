"""The inspections seed 002 reports on, and their recommendations (decision 0167).

The seed gives the inspections (L1400-1406, L1686-1690) and, for the two monitored by the Notice to
Improve action plan, only counts as at 27 October 2010 (L1438-1442): Fostering, "6 recommendations are
now complete, 3 are nearing completion" of 9, due "by Sept 2010"; Safeguarding and LAC, "4
recommendations are now complete, 6 are nearing completion" of 10, "Completion of 3 immediate actions by
mid Sept 2010. Completion of remaining 7 actions by mid November 2010". The words of each recommendation
are not in the seed: those rows are reconstructed and say so ("[R] ..."). Dates the seed does not give
(the fostering inspection's days, the publication dates, each completion) are chosen within what it
says, so that as at 4 November 2010 the counts above hold, and the three fostering recommendations
"nearing completion" carry a revised date yet count as late against their original timescale.
"""

from datetime import date

OWNER = "Gani Martins"  # L1438, L1442: the lead for both action plans
# One open recommendation chased on the Trust Board's action tracker ([R]: the seed names no action).
ACTION_BODY = "trust-board"
ACTION_FOR = ("safeguarding-lac-2010", "SLAC 5")
ACTION_DETAILS = "[R] Report progress on the remaining Safeguarding and LAC recommendations to the Board."
ACTION_RAISED_ON = date(2010, 10, 20)
ACTION_DUE_ON = date(2010, 11, 15)
DLT = "Directorate Leadership Team (internal challenge session)"  # L1350: DLT on 12 October 2010

INSPECTIONS = [
    {
        "slug": "contact-referral-assessment-2009",
        "title": "Contact, Referral and Assessment inspection",
        "inspectorate": "Ofsted",
        "kind": "Unannounced",
        "starts_on": date(2009, 8, 4),
        "ends_on": date(2009, 8, 5),
        "published_on": None,
        "judgements": [],
        "reconstructed": False,
        "notes": "It confirmed many issues related to performance, caseload and capacity, quality assurance "
        "(seed 002 L1402). A notice to improve was issued in December 2009.",
    },
    {
        "slug": "fostering-2010",
        "title": "Fostering inspection",
        "inspectorate": "Ofsted",
        "kind": "Annual",
        # "concluded in June 2010" (L1404): the days are chosen.
        "starts_on": date(2010, 6, 7),
        "ends_on": date(2010, 6, 11),
        "published_on": date(2010, 7, 9),
        "judgements": [("Overall effectiveness", "adequate")],
        "reconstructed": True,
        "notes": "The letter indicated that significant improvements were visible (seed 002 L1404). Dates "
        "other than June 2010 are reconstructed.",
    },
    {
        "slug": "safeguarding-lac-2010",
        "title": "Safeguarding and Looked After Children inspection",
        "inspectorate": "Ofsted and CQC (joint)",
        "kind": "",  # the seed does not say
        "starts_on": date(2010, 7, 19),
        "ends_on": date(2010, 7, 30),
        "published_on": date(2010, 8, 27),
        "judgements": [("Overall effectiveness", "adequate")],
        "reconstructed": True,
        "notes": "Overall rating of Adequate with some elements rated as Good (seed 002 L1686); the seed "
        "does not say which. Considered by the Scrutiny Panel on 15 October 2010. The publication date is "
        "reconstructed.",
    },
]

CRA_TEXT = (
    "Take immediate action to address the issues raised in order to prevent further decline in service "
    "performance, quality and capacity."
)


def _reconstructed(name: str, n: int, of: int) -> str:
    return f"[R] Reconstructed: the seed gives only counts ({name} recommendation {n} of {of})."


# (inspection slug, reference, text, priority, priority as written, monitored from, original due,
#  completed on, evidence, [(revised due, reason, agreed on, agreed by)], superseded (on, reason))
FOSTERING_DUE = date(2010, 9, 30)  # "Completion of individual actions by Sept 2010" (L1438)
SLAC_IMMEDIATE_DUE = date(2010, 9, 15)  # "3 immediate actions by mid Sept 2010" (L1442)
SLAC_REST_DUE = date(2010, 11, 15)  # "remaining 7 actions by mid November 2010"
AUDITED = "Completed action audited: the evidence is robust and in place (seed 002 L1439)."
NEARING = "Nearing completion (seed 002 L1439); the evidence is being audited before it is signed off."

RECOMMENDATIONS = [
    (
        "contact-referral-assessment-2009",
        "CRA 1",
        CRA_TEXT,
        "immediate",
        "",
        date(2009, 8, 5),
        None,
        None,
        "",
        [],
        (
            date(2009, 12, 1),
            "Superseded by the Notice to Improve issued in December 2009 and its action plan.",
        ),
    ),
    *[
        (
            "fostering-2010",
            f"FOS {n}",
            _reconstructed("Fostering", n, 9),
            "3_months",
            "By September 2010",
            date(2010, 7, 9),
            FOSTERING_DUE,
            done,
            AUDITED if done else "",
            [] if done else [(date(2010, 11, 30), NEARING, date(2010, 10, 12), DLT)],
            None,
        )
        for n, done in [
            (1, date(2010, 8, 20)),
            (2, date(2010, 9, 3)),
            (3, date(2010, 9, 17)),
            (4, date(2010, 9, 24)),
            (5, date(2010, 9, 30)),
            # Complete by 27 October, but after its original date: late, though complete.
            (6, date(2010, 10, 15)),
            (7, None),
            (8, None),
            (9, None),
        ]
    ],
    *[
        (
            "safeguarding-lac-2010",
            f"SLAC {n}",
            _reconstructed("Safeguarding and LAC", n, 10),
            "immediate" if n <= 3 else "other",
            "" if n <= 3 else "By mid November 2010",
            date(2010, 8, 27),
            SLAC_IMMEDIATE_DUE if n <= 3 else SLAC_REST_DUE,
            done,
            AUDITED if done else "",
            [],
            None,
        )
        for n, done in [
            (1, date(2010, 9, 10)),
            (2, date(2010, 9, 14)),
            (3, date(2010, 9, 15)),
            (4, date(2010, 10, 20)),
            *[(n, None) for n in range(5, 11)],
        ]
    ],
]
