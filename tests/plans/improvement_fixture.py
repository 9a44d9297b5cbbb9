"""A small hand-made improvement plan (kind ``improvement``), shaped like seed 002's NTI rows: one
red, two amber, one green and one complete, approved in round oct-2010. The demo lead officer (Ron
Parry) leads row 2, so the lead's journey can be tried on it."""

import copy

from outcomes.plans.interchange import import_plan

SLUG = "nti-test"
ROUND = "oct-2010"

ROWS = [
    # number, key action, lead, due, rag, direction, current
    (
        1,
        "NI 59 - Increase the % of initial assessments within 7 working days",
        "Gani Martins",
        None,
        "amber",
        "up",
        "82%",
    ),
    (2, "Reduce the vacancy rate of team managers", "Ron Parry", "2010-10-31", "amber", "same", "16.7%"),
    (3, "Recruit 30 new Foster Carers", "Gani Martins", "2011-03-31", "green", "same", "144"),
    (4, "Reduce the over reliance on agency staff", "Gani Martins", "2010-10-31", "red", "same", ""),
    (5, "Implement the new assessment framework", "Julie Westwood", "2010-09-30", "complete", None, ""),
]

DOCUMENT = {
    "slug": SLUG,
    "title": "Test Notice to Improve Action Plan",
    "kind": "improvement",
    "start": "2009-12-01",
    "end": "2011-03-31",
    "priorities": [
        {
            "number": 1,
            "statement": "Staying Safe - Performance",
            "actions": [
                {
                    "label": "1",
                    "text": "Improvement Notice",
                    "milestones": [
                        {
                            "number": n,
                            "text": text,
                            "delivery_lead": lead,
                            "due": due,
                            "due_text": "Ongoing" if due is None else None,
                            "workstream": "Social Work",
                            "baselines": [
                                {
                                    "value": "77.8",
                                    "unit": "%",
                                    "type": "outturn",
                                    "period": "2008/09",
                                    "date": None,
                                    "numerator": 1767,
                                    "denominator": 2270,
                                }
                            ]
                            if n == 1
                            else [],
                            "targets": [
                                {"value": "80", "unit": "%", "date": "2010-03-31", "text": "March 2010"},
                                {"value": "85", "unit": "%", "date": "2010-10-31", "text": "October 2010"},
                            ]
                            if n == 1
                            else [],
                        }
                        for n, text, lead, due, *_ in ROWS
                    ],
                }
            ],
        }
    ],
    "rounds": [
        {
            "slug": ROUND,
            "title": "Update October 2010",
            "opens": "2010-10-01",
            "closes": "2010-10-27",
            "updates": [
                {
                    "priority": 1,
                    "milestone": n,
                    "text": f"Commentary on row {n}",
                    "rag": {rag: "1"},
                    "direction": direction,
                    "current": current or None,
                    "state": "approved",
                }
                for n, _, _, _, rag, direction, current in ROWS
            ],
        }
    ],
}


def make_improvement_plan():
    return import_plan(copy.deepcopy(DOCUMENT), source="test")
