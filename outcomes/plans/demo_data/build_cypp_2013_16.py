#!/usr/bin/env python3
"""Build cypp-2013-16.json, the demo plan, from the Rotherham seeds.

Seed 003 lines 597-951 are the June 2014 progress report of the Children and Young People's Action
Plan 2013-2016: a text dump of a PDF table (ACTION | DELIVERY MILESTONES | Update June 2014 |
LEAD/S) with merged cells, page breaks and HTML fragments. Seed 001 is the plan itself (key links,
outcome measures, needs). The parser reads the table generically; the tables below it hold what it
cannot get right, each citing the seed line, and each checked against the seed text so that a
wrong entry stops the build. Standard library only. Run once:

    python3 build_cypp_2013_16.py [--seeds DIR]
"""

import argparse
import difflib
import json
import re
import sys
from calendar import monthrange
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SEEDS = HERE.parents[2].parent / "shared" / "seeds"  # the repo root is three levels up
PLAN_SEED, REPORT_SEED = "001_2729f0599335c768.txt", "003_51f536ae000eae35.txt"
DETAIL_LINES, OVERVIEW_LINES, KEY_ISSUE_LINES = (630, 951), (616, 624), (1205, 1219)
ROUND_TITLE = "Update June 2014"

# ------------------------------------------------------------------------------------------------
# Manual corrections
# ------------------------------------------------------------------------------------------------

# Rows of seed 003 (by line) whose cells sit in the wrong column or belong to another row.
ROW_FIXES = {
    # P1 m24's LEAD/S cell breaks over a page: "Delivery - RFT, ..." on 675, "Strategy - Joanna
    # Saunders" on the next page's row (m25). One cell, so both roles cover m24 and m25.
    678: "lead_continues",
    # An unnumbered row under P1 m39 ("The GP Top Tips ...", "The directory ...") with its own
    # lead: more of m39's update; Nigel Parkes leads that part, so he joins m39 only.
    715: "lead_for_this_milestone_only",
    # P1 m41's text sits in the ACTION column; its action is still (vii).
    717: "text_in_action_column",
    # P3 m6-8 share one LEAD/S cell that the converter split: Delivery on 781, Strategy on 782.
    782: "lead_continues",
    # The Care Leavers update sits on the sub-heading row and m1's update cell (873) is empty;
    # the text answers m1 ("LAC/Care leavers continue to access the youth work curriculum").
    872: "update_for_next_milestone",
    # The "Integrated Youth Support" sub-heading sits in the ACTION column.
    883: "text_in_action_column",
    # P6 action (iii) and its LEAD/S cell break over a page at the same height: "retaining
    # employment" ends the action and "Mary Smith Sue Skalycz (DWP)" ends the lead cell of m22-28.
    915: "action_and_lead_continue",
}

# Update text that a page break put under the wrong milestone: (from, to, first line, how).
UPDATE_MOVES = [
    # 654: m15 and m16 share one milestone cell and one update cell; the quit-rate bullets
    # ("Awaiting year end data of quitter numbers and quit rate" onwards) answer m16.
    ((1, 15), (1, 16), "Awaiting year end data", "all_from"),
    # 678: the Year 6 NCMP figures finish m24's update (675), not m25's weight management.
    ((1, 25), (1, 24), "In Year 6, the opposite", "first_line"),
    # 940: "to a range of other relevant bodies, including the economy board ..." finishes the
    # last sentence of m35 (937, "report where appropriate"), not m36's Community Advocates.
    ((6, 36), (6, 35), "to a range of other relevant bodies", "first_line_joined"),
]

# The dump lost most bullet marks inside lists, so bullets run together. A new bullet starts at
# each phrase: where a sentence runs into the next with no full stop (P1 m29: where an enumerated
# item follows). (priority, milestone, "m" milestone cell | "u" update cell), after UPDATE_MOVES.
BULLET_BREAKS = {
    (1, 2, "u"): ["Please also note"],
    (1, 6, "m"): ["target 65.5%"],
    (1, 6, "u"): ["Performance clinic being held"],
    (1, 17, "u"): ["This timeline has slipped"],
    (1, 18, "u"): [
        "As there is a now a focus",
        "The programme is well established",
        "The joint review is becoming",
    ],
    (1, 19, "u"): ["However, many centre day cares"],
    (1, 20, "u"): ["Due to the issues identified"],
    (1, 24, "u"): ["Our rates compare favourably"],
    (1, 25, "u"): ["Current figures below"],
    (1, 26, "u"): ["Publicity/Marketing of this scheme"],
    (1, 27, "u"): ["17,087 meals per day"],
    (1, 29, "u"): ["HPV annual survey"],
    (1, 30, "u"): ["The Screening and Immunisation"],
    (1, 32, "u"): ["The corresponding numbers"],
    (1, 33, "u"): ["Health professionals area aware", "From July 2014 Special schools"],
    (1, 34, "u"): ["Resources are available for loan", "Input into the positive parenting"],
    (1, 35, "u"): ["Young people within IYSS", "Overall we have seen", "Rotherham's current teenage"],
    (1, 36, "u"): [
        "Sexual health services and provision",
        "The Hardwear Scheme",
        "Within the IYSS Youth Start",
    ],
    (1, 37, "u"): [
        "The GROW Pathway Project",
        "The Rotherham teenage pregnancy plan",
        "There are also a range of programmes",
    ],
    (1, 42, "u"): ["A CAMHS pathways event"],
    (1, 44, "u"): ["Payment is now based"],
    (1, 45, "u"): ["Still awaiting national guidance", "The care closer to home group"],
    (2, 6, "u"): ["The aim is that the Rotherham Charter"],
    (2, 7, "u"): ["Barnardos/IYSS auditing"],
    (2, 8, "u"): ["CAF Team undertaking"],
    (2, 10, "u"): ["A pilot project is taking place"],
    (3, 1, "u"): ["Young Peoples Substance Misuse"],
    (3, 2, "u"): ["Promoted further via"],
    (3, 3, "u"): ["Action also now part"],
    (3, 4, "u"): ["Community Training Number"],
    (3, 5, "u"): ["A further audit will take place"],
    (3, 6, "u"): ["Regular reporting established"],
    (3, 9, "u"): ["Update reports on FCAF", "Annual reports submitted"],
    (3, 11, "u"): ["National & local helping", "Samaritans assemblies", "Wellbeing Roadshow"],
    (3, 12, "u"): ["National supplementary Guidance", "New additions to support"],
    (3, 14, "u"): ["Establishment of MASH"],
    (3, 15, "u"): ["Additional services commissioned"],
    (5, 3, "u"): ["Super group total"],
    (5, 4, "u"): ["Take- up of early education"],
    (5, 6, "u"): [
        "The national average gap remained",
        "At KS4 the gap",
        "By the end of EYFS",
        "In Ofsted's annual report",
    ],
    (5, 7, "u"): ["The number of primary schools below", "Two of the schools below"],
    (5, 8, "u"): ["Rotherham has reduced the gap"],
    (5, 9, "u"): ["Rotherham exceeds the national"],
    (5, 15, "u"): ["Feedback from families"],
    (5, 16, "u"): ["2014 leavers are currently"],
    (5, 17, "u"): ["Gaps identified are around", "Packages are being developed"],
    (5, 20, "u"): ["However, in 2013 56%"],
    (6, 7, "u"): ["Team work with locality colleagues"],
    (6, 9, "u"): ["Discussion with young people", "Young People's evaluation"],
    (6, 10, "u"): ["The LA securely shares"],
    (6, 11, "u"): ["Targeted work with schools", "Transition passport"],
    (6, 12, "u"): [
        "The LA continues to work closely",
        "Advice and guidance is provided",
        "The LA continues to design",
        "The LA is currently developing",
    ],
    (6, 13, "u"): ["The Post 16 element"],
    (6, 25, "u"): ["Heritage Services", "Theatres Service"],
    (6, 26, "u"): ["Attendance 2013-14"],
    (6, 34, "u"): ["The BME NEET %", "NCCIS figures do show", "The White Gypsy/ROMA figures"],
    (6, 35, "u"): ["In order to investigate", "The Rotherham Growth Plan", "An Access to Employment"],
    (6, 36, "u"): ["Worked with Jobcentre Plus"],
    (6, 37, "u"): ["324 outcomes are based", "In 13 families", "In 1 family"],
    (6, 39, "u"): ["Work to support families", "Phase 1 of this work"],
    (6, 40, "u"): ["Capital funding has been awarded"],
}
# 909: a stray bullet mark cuts one sentence ("... Rawmarsh and Thrybergh area" / "around Child
# Sexual Exploitation took place in April"); the line starting with the phrase rejoins the one above.
LINE_JOINS = {(6, 19): "around Child Sexual Exploitation"}

# Lead cells as a person reads them: raw text of one role -> leads separated by "; ". Parts not
# listed are read generically: split at commas or "/", else two words to a name.
LEADS = {
    "RFT Midwifery services": "Midwifery services (RFT)",
    "RFT – Maternity and Health Visiting and Children's Centres and Early Years(Mary Smith)": "Maternity and Health Visiting (RFT); Mary Smith (Children's Centres and Early Years)",
    "Public Health Rebecca Atchinson Anna Clack": "Rebecca Atchinson (Public Health); Anna Clack (Public Health)",
    "Maternity – Emma Royle CCG Health Visiting Caroline Burrows NHS England": "Emma Royle (CCG); Caroline Burrows (NHS England)",
    "Kate Jones Ken Wragg Public Health England": "Kate Jones (Public Health England); Ken Wragg (Public Health England)",
    "Louise Collins Rotherham Community Dental Service": "Louise Collins (Rotherham Community Dental Service)",
    "Ann Berridge H&WB Lead IYSS Anna Clack Public Health": "Ann Berridge (IYSS); Anna Clack (Public Health)",
    "Jayne Fitzgerald Rotherham Parent/Carer Forum": "Jayne Fitzgerald (Rotherham Parent/Carer Forum)",
    "Matt Pollard RDASH": "Matt Pollard (RDaSH)",
    "Matt Pollard RDaSH": "Matt Pollard (RDaSH)",
    # 781 lists three leads between commas; "CAHMS" is a typo for CAMHS.
    "Matt Pollard RDaSH, Neil Power, CAHMS RDASH": "Matt Pollard (RDaSH); Neil Power; CAMHS (RDaSH)",
    "IYD Managers Learning Partnership and Youth Offending IYSS Managers": "IYD Managers; Learning Partnership and Youth Offending IYSS Managers",
    "Elenore Fisher Julie Roddis Karen Borthwick Mary Smith Sue Skalycz (DWP)": "Elenore Fisher; Julie Roddis; Karen Borthwick; Mary Smith; Sue Skalycz (DWP)",
    "Janet Wheatley VAR": "Janet Wheatley (VAR)",
}
# Words of a lead cell that label a role rather than name anyone (Emma Royle "Maternity", Caroline
# Burrows "Health Visiting", Ann Berridge "H&WB Lead"; the README keeps them), and the typo.
LEAD_LABELS = {"maternity", "health", "visiting", "h&wb", "lead", "cahms"}

# Seed 001 runs the items of a KEY LINKS cell together ("Customer accessCustomer voice"); the
# items, keyed by priority and seed-001 action label, must spell out exactly that cell.
KEY_LINKS = {
    (1, "i"): ["receive good support", "Alcohol consumption during pregnancy"],
    (1, "iii"): ["'ECAT' strategies"],
    (1, "v"): ["The childhood vaccination programme"],
    (1, "iv"): [
        "Children's Centres",
        "Healthy Packed Lunch Policy",
        "Healthy Schools",
        "Obesity Strategy",
        "Rotherham Play Strategy",
        "School Meals",
    ],
    (1, "vi"): ["Levels of Oral Disease"],
    (1, "vii"): ["Teenage pregnancy rates"],
    (2, "i"): [
        "Early Help Strategy",
        "Families for Change",
        "Family CAF",
        "Family Recovery Programme",
        "Rotherham Safeguarding Children's Board",
    ],
    (2, "ii"): [
        "Ofsted inspection frameworks",
        "Customer Journey/pathways",
        "Community Engagement",
        "Customer access",
    ],
    (2, "iii"): ["Customer access", "Customer voice"],
    (2, "iv"): ["Rotherham's Joint Action Plan for Carers 2013-2016"],
    (3, "i"): [
        "Alcohol Strategy",
        "Health & Well Being Strategy",
        "Rotherham Safeguarding Children's Board",
        "School and FE College Drug & Alcohol education programmes",
    ],
    (3, "iii"): [
        "Domestic abuse strategy",
        "Early Help Strategy",
        "Health & Well Being Strategy",
        "Rotherham Safeguarding Children's Board",
    ],
    (3, "iv"): ["Early Help Strategy", "Rotherham Safeguarding Children's Board", "Working Together 2013"],
    (5, "i"): [
        "Floor targets and standards",
        "Learners First",
        "Ofsted inspection frameworks",
        "School Effectiveness",
    ],
    (5, "ii"): ["Education Welfare", "Families for Change", "Persistence Absence"],
    (5, "iii"): ["Learners First", "Ofsted inspection frameworks"],
    (5, "iv"): [
        "Children eligible for Free School Meals",
        "Children in Need",
        "Looked After Children",
        "New Arrivals",
    ],
    (5, "v"): ["ECAT", "Imagination Library", "Inspire Rotherham", "Library Strategy"],
    (6, "i"): [
        "Care Leavers",
        "Integrated Youth Support Service",
        "Raising Participation Strategy",
        "Teenage Parents",
    ],
    (6, "ii"): [
        "Behaviour Support",
        "Families for Change",
        "Integrated Youth Support Service",
        "Pupil Referral Units",
        "Safer Rotherham Partnership",
        "SES Outreach",
    ],
    (6, "iii"): [
        "Adult Safeguarding Learning",
        "Adult Skills Budget",
        "Family Learning",
        "Libraries & Customer Service Centres",
    ],
    (6, "iv"): [
        "Children and Families",
        "Community Learning",
        "Early Help Services",
        "EU Migrants",
        "Migration Yorkshire",
        "National Roma Network",
        "Schools",
        "Voluntary and Community Organisations",
    ],
    (6, "v"): ["Deprived communities project"],
}
# Seed 001's "HOW WE WILL EVIDENCE THE DIFFERENCE WE HAVE MADE" blocks, item by item (same check).
OUTCOME_MEASURES = {
    1: [
        "Breastfeeding Rates",
        "Infant Mortality",
        "Levels of oral disease",
        "Lifestyle Survey",
        "Childhood obesity",
        "Teenage Pregnancy rates",
        "Vaccinations and Immunisations",
    ],
    2: [
        "Family CAF engagement rates and outcomes",
        "Customer satisfaction",
        "Customer Journey Maps",
        "Parent and Child Voice take-up and outcomes",
    ],
    3: [
        "Social care contacts and referrals linked to: Domestic Abuse, Alcohol, Substance Misuse, Neglect",
        "Young People's Alcohol usage (Lifestyle Survey)",
        "Number of children on Child Protection Plans due to neglect",
    ],
    5: [
        "Key stage 2 and 4 attainment levels",
        "Key stage 2 and 4 attainment floor targets",
        "Narrowing the gap measures for LAC, CIN, BME & Free school meals",
        "School attendance & persistence absence",
        "English, reading and literacy achievement levels",
        "School inspections",
    ],
    6: [
        "Young People Not in Education, Employment or Training",
        "Employment statistics",
        "Deprivation",
        "Families for Change outcomes",
        "Poor communities accessing learning",
    ],
}

# Figures stated plainly, besides the "baseline N - period" / "target N - period" bullets read from
# the milestone cells: kind -> (value, unit, period). Each value must occur in the milestone's text.
# The period is the update's month, June 2014, where the update says "currently" or gives none.
MEASURES = {
    (1, 5): {"actual": ("1195", "", "Q3-Q4 2013/2014")},
    (1, 6): {"actual": ("59.91", "%", "2013/2014")},
    (1, 7): {"actual": ("67", "", "June 2014")},
    (1, 8): {"target": ("60", "", ""), "actual": ("57", "", "May 2014")},
    (1, 12): {"baseline": ("87", "%", "1 April 2013"), "actual": ("91", "%", "1 April 2014")},
    (1, 15): {"target": ("17.9", "%", "2013/2014 Q4"), "actual": ("19.7", "%", "2013/2014")},
    (1, 16): {"baseline": ("45", "%", "")},
    (1, 23): {"target": ("55", "%", "March 2016"), "actual": ("74", "%", "June 2014")},
    (1, 27): {"baseline": ("17083", "", "2012/2013"), "actual": ("17087", "", "2013/2014")},
    (1, 29): {"target": ("90", "%", "")},
    (1, 32): {"actual": ("73.7", "%", "2 years to 31 March 2014")},
    (1, 40): {"baseline": ("10", "", "December 2013"), "actual": ("4", "", "June 2014")},
    (3, 21): {"baseline": ("18", "", "2012/2013"), "actual": ("31", "", "2013/2014")},
    (5, 1): {"actual": ("75", "%", "30 April 2014")},
    (5, 2): {"actual": ("76", "%", "30 April 2014")},
    (5, 5): {"target": ("0", "", "2013"), "actual": ("1", "", "2013")},
    (5, 7): {"target": ("5", "", "2013"), "actual": ("8", "", "2013")},
    (5, 8): {"actual": ("70.4", "%", "2013")},
    (5, 9): {"actual": ("75.5", "%", "2013")},
    (5, 16): {"actual": ("96.4", "%", "2013 leavers")},
    (5, 20): {"actual": ("56", "%", "2013")},
    (5, 23): {
        "baseline": ("8.1", "%", "April 2013"),
        "target": ("6.5", "%", "April 2014"),
        "actual": ("6.1", "%", "April 2014"),
    },
    (5, 27): {"actual": ("5769", "", "2013/2014")},
    (5, 30): {"actual": ("7353", "", "2013/2014")},
    (6, 3): {"baseline": ("83.8", "%", "April 2013"), "actual": ("86.6", "%", "April 2014")},
    (6, 18): {"actual": ("29.8", "%", "April 2014")},
    (6, 26): {"actual": ("1745", "", "2013/2014")},
    (6, 27): {"actual": ("2387", "", "2013/2014")},
    (6, 34): {"baseline": ("7.8", "%", "May 2013"), "actual": ("6.2", "%", "May 2014")},
    (6, 37): {"target": ("730", "", "April 2015"), "actual": ("355", "", "June 2014")},
    (6, 38): {"actual": ("644", "", "31 March 2014")},
}

# RAG. The seed lost each milestone's colour: only the overview counts (616-624) and the Key Issues
# (1205-1219) survive. Red > 0 exactly where a Key Issues bullet (its number given) names the
# milestone's issue; splits only where the published counts need them; Green where the update
# says complete, achieved, met, established or beating the target (the reason quotes it); every
# milestone not listed is Amber. Each reason must occur in the milestone's update text.
G, A, R, B = "green", "amber", "red", "blue"
RAG = {
    # Priority 1: Red 11.5 needs at least 12 milestones with some red; the bullets name exactly 12.
    (1, 1): ({R: "1"}, 1, "due to a change in personnel these are to be re-instigated"),
    (1, 2): ({R: "1"}, 1, "As above"),
    (1, 3): ({R: "1"}, 6, "No audits completed since NHS reorganisation"),
    (1, 4): ({R: "1"}, 6, "No audits completed since NHS reorganisation"),
    (1, 6): ({R: "1"}, 2, "Actual figure: 59.91% (2013/2014)"),
    (1, 10): ({R: "1"}, 3, "No available data"),
    (1, 11): ({G: "1"}, None, "launched on the 16th September 2013 and is now fully implemented"),
    (1, 12): ({G: "1"}, None, "registered with a Rotherham Children’s Centre – 91%"),
    (1, 13): ({G: "1"}, None, "100% of safe sleeping assessments had been completed"),
    (1, 15): ({R: "1"}, 4, "13/14 outturn 19.7 smoking at delivery"),
    # m16 shares m15's cell and update (so bullet 4 names it), but its own part is on course.
    (1, 16): ({R: "1/2", A: "1/2"}, 4, "likely to achieve quitter numbers and be close to quit"),
    (1, 18): ({G: "1"}, None, "The programme is well established at Aughton"),
    (1, 19): ({R: "1"}, 5, "it is not possible to complete a joint review"),
    (1, 20): ({R: "1"}, 5, "The roll out has not yet begun for PVI settings"),
    (1, 23): ({G: "1"}, None, "91 + (74%) schools have a 'Food in schools Policy'"),
    (1, 25): ({G: "1"}, None, "specifications clearly outline targets"),
    (1, 27): ({G: "1"}, None, "average meals per day increased by 530 meals per day"),
    (1, 29): ({G: "1"}, None, "Achieved for all the Childhood and adolescent vaccination"),
    (1, 32): ({R: "1"}, 8, "there has been a very small decrease in access"),
    (1, 35): ({G: "1"}, None, "teenage conception rate is at its lowest level for 10 years"),
    (1, 40): ({R: "1"}, 7, "4 secondary schools"),
    (1, 43): ({G: "1"}, None, "RDaSH have consistently met this target since October 2013"),
    (1, 44): ({G: "1"}, None, "Tariff commenced in March 2013 in line with national target"),
    (1, 47): ({G: "1"}, None, "A programme has being developed and is now implemented"),
    # Priority 2: Red 1.5 over the two milestones named, Green 3.5.
    (2, 1): ({G: "1"}, None, "Early Help Dashboard has been published"),
    (2, 2): ({G: "1"}, None, "Panel has been established and meets on a monthly basis"),
    (2, 3): ({R: "1"}, 1, "it is difficult to provide evidence of significant impact"),
    # The 2015 aspiration is dropped (red), yet the first schools reach Charter Gold (green).
    (2, 6): ({R: "1/2", G: "1/2"}, 2, "The first 6 schools will formally receive Charter Gold"),
    (2, 10): ({G: "1"}, None, "The Young Carers Card was launched in September 2013"),
    # Priority 3: no Red ("No delivery milestones identified as having a RED Rag status").
    (3, 5): ({G: "1"}, None, "Audit in March 2014 showed further improvement in compliance"),
    (3, 6): ({G: "1"}, None, "Regular reporting established on Tier 1 and Tier 2 numbers"),
    (3, 8): ({G: "1"}, None, "No plans to reduce service"),
    (3, 9): ({G: "1"}, None, "Information now included in the Family CAF paperwork"),
    (3, 11): ({G: "1"}, None, "Childline input for primary schools outlined & promoted"),
    (3, 12): ({G: "1"}, None, "'This is abuse' and 'consent' campaigns promoted"),
    (3, 13): ({G: "1"}, None, "Prospectuses re-published in April 2014"),
    (3, 14): ({G: "1"}, None, "Updates provided to LSCB L&I sub-group and wider LSCB"),
    (3, 15): ({G: "1"}, None, "Process now in place"),
    (3, 16): ({G: "1"}, None, "Analysis has taken place and a report delivered"),
    (3, 17): ({G: "1"}, None, "Panel has been established and meets on a monthly basis"),
    (3, 18): ({G: "1"}, None, "Early Help Dashboard has been published"),
    (3, 19): ({G: "1"}, None, "Protocol signed off by LSCB in December 2013"),
    (3, 21): ({G: "1"}, None, "increased the number of adoptive families recruited from 18"),
    # Priority 5: thirds only in m10 (notes-003 §6): reading worse, writing gap wider, maths met.
    (5, 5): ({R: "1"}, 1, "one secondary school was below the DfE KS4 floor standard"),
    (5, 9): ({G: "1"}, None, "Rotherham exceeds the national average by 5.1%"),
    (5, 10): ({G: "1/3", A: "1/3", R: "1/3"}, 2, "in reading decreased by 3% to 83%"),
    (5, 15): ({G: "1"}, None, "22 Packages developed"),
    (5, 16): ({G: "1"}, None, "96.4% completed (2013 leavers)"),
    (5, 20): ({G: "1"}, None, "56% of children achieved a good level of development, compared"),
    (5, 25): ({R: "1"}, 3, "This timeline has slipped"),
    # Priority 6
    (6, 5): ({G: "1"}, None, "Care leavers are supported through grant funding"),
    (6, 10): ({G: "1"}, None, "data sharing protocols have been updated, shared and discussed"),
    (6, 15): ({G: "1"}, None, "not known (target of 5%) and 88.6 % were in learning (target 82%)"),
    (6, 21): ({G: "1"}, None, "coordination for all parenting programmes in the borough now established"),
    (6, 28): ({G: "1"}, None, "Registration as at 1.4.13 was 87% - this has increased to 91%"),
    (6, 29): ({G: "1"}, None, "The second multi-agency ‘family induction day’ was held"),
    (6, 33): ({R: "1"}, 1, "has being on long term sick since December 2013"),
}
# The published overview (616-624) as exact fractions (the seed rounds them: P5 4.3/23.3/2.3).
OVERVIEW = {
    1: ("12", "57/2", "23/2"),
    2: ("7/2", "10", "3/2"),
    3: ("14", "8", "0"),
    5: ("13/3", "70/3", "7/3"),
    6: ("6", "33", "1"),
}

DESCRIPTION = (
    "The demonstration plan: Rotherham's real Children and Young People's Action Plan 2013 – 2016 "
    "and its June 2014 progress update, taken from the published papers of the Children, Young "
    "People and Families Partnership. The copy we hold lost the colour of each milestone; only the "
    "published overview counts and the list of Key Issues survived. The statuses shown here were "
    "therefore assigned so that the overview matches the published one exactly: a milestone is Red "
    "(in whole or in part) only if its problem is listed under Key Issues; a few milestones have a "
    "split status where the published counts contain halves or thirds, chosen where the update "
    "reports part done and part slipped; milestones whose update reports them complete, achieved or "
    "beating their target are Green; the rest are Amber. Read a single milestone's colour as our "
    "reconstruction, not as Rotherham's own rating."
)

# ------------------------------------------------------------------------------------------------
# Reading the cells
# ------------------------------------------------------------------------------------------------

MARK_LEVEL = {"•": 0, "○": 1, "▪": 2}
BULLET = {0: "• ", 1: "  ○ ", 2: "    ▪ "}
TABLE_MARK = "\x00TABLE\x00"
ROMAN = r"\((i|ii|iii|iv|v|vi|vii|viii|ix|x)\)"
MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        1,
    )
}
MONTHS["sept"] = 9


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def parse_table(fragment):
    rows = [
        [squash(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<t[hd]>(.*?)</t[hd]>", tr, flags=re.S)]
        for tr in re.findall(r"<tr>(.*?)</tr>", fragment, flags=re.S)
    ]
    return {"caption": "", "columns": rows[0], "rows": rows[1:]}


def cell_lines(cell):
    """A cell as [kind, level, text] lines (kind: p = paragraph, bullet, unmarked = a list item
    whose mark was lost, table = text is an index into the tables returned alongside)."""
    tables = []

    def take(match):
        tables.append(parse_table(match.group(0)))
        return TABLE_MARK

    cell = re.sub(r"</?(?:i|u)>", "", re.sub(r"<table.*?</table>", take, cell, flags=re.S))
    lines, mode, line, sub = [], "text", None, 0
    for token in re.split(r"(<p>|</p>|<ul[^>]*>|[•○▪]|" + TABLE_MARK + ")", cell):
        if token in ("<p>", "</p>") or token.startswith("<ul"):
            # an unmarked list opened after "The following are awaiting further information;"
            sub = int(token[1] == "u" and mode == "list" and str(lines[-1][2]).endswith((":", ";")))
            mode, line = {"<p>": "p", "</p>": "text"}.get(token, "list"), None
        elif token in MARK_LEVEL:
            line = ["bullet", MARK_LEVEL[token], ""]
            lines.append(line)
        elif token == TABLE_MARK:
            lines.append(["table", 0, sum(x[0] == "table" for x in lines)])
            line = None
        elif squash(token):
            if line is None:
                line = ["unmarked" if mode == "list" else "p", sub, ""]
                lines.append(line)
            line[2] = (line[2] + " " + squash(token)).strip()
    return [x for x in lines if x[0] == "table" or x[2]], tables


def render(lines):
    """Lines as text: a bullet per line ("• "), nested ones indented, the top level at 0."""
    levels = [level for kind, level, _ in lines if kind in ("bullet", "unmarked")]
    return "\n".join(
        text if kind == "p" else BULLET[level - min(levels)] + text
        for kind, level, text in lines
        if kind != "table"
    )


def break_bullets(lines, phrases, where):
    for phrase in phrases:
        hits = [i for i, (_, _, text) in enumerate(lines) if phrase in str(text)[1:]]
        if len(hits) != 1:
            sys.exit(f"bullet break {phrase!r} ({where}) found {len(hits)} times, expected once")
        kind, level, text = lines[hits[0]]
        head, tail = text.split(phrase, 1)
        kind = "bullet" if kind == "unmarked" else kind
        lines[hits[0] : hits[0] + 1] = [[kind, level, head.strip()], [kind, level, phrase + tail]]


def join_continuation(lines, more):
    """A cell continued after a page break: its first paragraph, or a list item starting in lower
    case, finishes the sentence the page cut off."""
    if lines and more and (more[0][0] == "p" or (more[0][0] == "unmarked" and more[0][2][:1].islower())):
        lines[-1][2] += " " + more.pop(0)[2]
    return lines + more


def first_line_at(lines, phrase):
    return next(i for i, line in enumerate(lines) if str(line[2]).startswith(phrase))


# ------------------------------------------------------------------------------------------------
# Reading the seeds
# ------------------------------------------------------------------------------------------------


def read_report(seed):
    """Seed 003: the priority banners, then each detail row as actions and milestones."""
    priorities, milestones, action, leads, held, sub_heading, number = {}, [], None, None, None, None, 0
    n = DETAIL_LINES[0] - 1
    while n < DETAIL_LINES[1]:
        n += 1
        line, fix = seed[n - 1], ROW_FIXES.get(n)
        if line.startswith("PRIORITY:"):
            banner = [line]
            while not seed[n].startswith("ACTION\t"):
                n += 1
                banner.append(seed[n - 1])
            text = squash(re.sub(r"[*\-]{2,}|\t|PRIORITY:", " ", " ".join(banner)))
            number, text = int(text[0]), text[1:].strip()
            statement, who = re.split(r"\s*Strategic Leads?:\s*", text)
            priorities[number] = {
                "number": number,
                "statement": statement,
                "actions": [],
                "strategic_leads": [squash(w) for w in who.split("/")],
            }
            action = leads = None
            continue
        cols = line.split("\t")
        if len(cols) < 4 or line.startswith("ACTION\t"):
            continue
        if len(cols) > 4:  # after a cell holding a table, the dump repeats the table cell by cell
            if "<" not in line:
                continue
            cols = [cols[0], cols[1], next(c for c in cols[2:-1] if "<" in c), cols[-1]]
        act, ms, upd, lead = ("", *cols[:1], *cols[2:]) if fix == "text_in_action_column" else cols
        update, update_tables = cell_lines(upd)
        lead = " ".join(text for _, _, text in cell_lines(lead)[0])
        if act.strip():
            text = render(cell_lines(act)[0])
            label = re.match(ROMAN, text)
            if label:
                action = {"label": label.group(1), "text": text[label.end() :].strip(), "milestones": []}
                priorities[number]["actions"].append(action)
            elif fix == "action_and_lead_continue":
                action["text"] += " " + text
            else:
                sys.exit(f"seed line {n}: ACTION cell {text[:40]!r} is not an action")
        cell, tables = cell_lines(ms)
        if not cell:  # a continuation row: more update for the milestone above
            if lead and fix != "lead_for_this_milestone_only":
                sys.exit(f"seed line {n}: a continuation row with its own lead")
            milestones[-1]["update"] = join_continuation(milestones[-1]["update"], update)
            if lead:
                milestones[-1]["extra_lead"] = lead
            continue
        if lead and fix in ("lead_continues", "action_and_lead_continue"):
            leads["raw"] += " " + lead  # the dict is shared by every milestone under the cell
        elif lead:
            leads = {"raw": lead}
        if not re.match(r"\d+\.", cell[0][2]):  # a Priority 6 sub-heading
            sub_heading = cell[0][2]
            if update and fix != "update_for_next_milestone":
                sys.exit(f"seed line {n}: an update on a sub-heading row")
            held = update or None
            continue
        first = None
        for kind, level, text in cell:  # one cell can hold several milestones (654: m15 and m16)
            found = kind != "table" and re.match(r"(\d+)\.\s*", text)
            if found:
                m = {
                    "priority": number,
                    "number": int(found.group(1)),
                    "leads": leads,
                    "lines": [[kind, level, text[found.end() :]]],
                    "tables": [],
                    "update": [],
                    "update_tables": [],
                    "sub_heading": sub_heading,
                }
                sub_heading, first = None, first or m
                milestones.append(m)
                action["milestones"].append(m)
            elif kind == "table":  # a plain paragraph just above a table is its caption
                if m["lines"][-1][0] == "p" and len(m["lines"]) > 1:
                    tables[text]["caption"] = m["lines"].pop()[2]
                m["tables"].append(tables[text])
            else:
                m["lines"].append([kind, level, text])
        first["update"], first["update_tables"] = update or held or [], update_tables
        held = None
    return priorities, milestones


def read_plan(seed):
    """Seed 001: each action's raw KEY LINKS cell, each priority's outcome measures block, the
    framing paragraphs (lines 7 and 39) and the needs (20-35)."""
    actions, outcomes, number, action = {}, {}, 1, None
    for n, line in enumerate(seed[40:], 41):
        found = re.match(r"PRIORITY:\s*(\d)", line)
        if found:
            number, action = int(found.group(1)), None
        if "HOW WE WILL EVIDENCE" in line:
            block = [line]
            for more in seed[n:]:
                if more.startswith(("PRIORITY:", "The Child Sexual Exploitation")):
                    break
                block.append(more)
            outcomes[number], action = squash(" ".join(block)), None
            continue
        cols = [squash(c) for c in line.split("\t")]
        if cols[0] == "ACTION":
            continue
        label = re.match(ROMAN, cols[0])
        if label and len(cols) > 1:
            action = {"label": label.group(1), "text": cols[0][label.end() :].strip(), "links": cols[1]}
            actions.setdefault(number, []).append(action)
        elif action and len(cols) > 1:  # a continuation row of the action or its key links
            action["text"] = squash(action["text"] + " " + cols[0])
            action["links"] = squash(action["links"] + " " + cols[1])
    needs = [
        squash(re.sub(r"^[-·\s]+", "", x))
        for x in seed[19:35]
        if squash(x) and not x.startswith("Needs Assessment")
    ]
    return actions, outcomes, [seed[6], seed[38]], needs


def read_key_issues(seed):
    numbers = {"One": 1, "Two": 2, "Three": 3, "Four": 4, "Five": 5, "Six": 6}
    found = (
        re.match(r"<p>Priority (\w+)</p>\t(.*)", line)
        for line in seed[KEY_ISSUE_LINES[0] - 1 : KEY_ISSUE_LINES[1]]
    )
    return {numbers[f.group(1)]: [t for _, _, t in cell_lines(f.group(2))[0]] for f in found if f}


# ------------------------------------------------------------------------------------------------
# Building the plan
# ------------------------------------------------------------------------------------------------


def tidy_role(text):
    text = squash(text)
    if not text or text in LEADS:
        return LEADS.get(text, "")
    if "," in text or "/" in text:
        return "; ".join(squash(part) for part in re.split(r"[,/]", text))
    words = text.split()
    if len(words) > 2 and (
        len(words) % 2 or any(not w[0].isupper() or (len(w) > 1 and w.isupper()) for w in words)
    ):
        sys.exit(f"lead {text!r} cannot be read as names: add it to LEADS")
    return "; ".join(" ".join(words[i : i + 2]) for i in range(0, len(words), 2))


def tidy_leads(raw, extra):
    """ "Delivery - X Strategy - Y" as (X, Y); fails if a word of the cell goes missing."""
    found = re.match(r"Delivery\s*[-–]?\s*(.*?)\s*(?:Strategy\s*[-–]\s*(.*))?$", raw)
    delivery, strategy = map(tidy_role, (found.group(1), found.group(2) or "") if found else (raw, ""))
    delivery += "; " + tidy_role(extra) if extra else ""
    words = lambda t: set(re.findall(r"[\w&'’]+", t.lower()))  # noqa: E731
    lost = words(f"{raw} {extra or ''}") - words(f"{delivery} {strategy}") - {"delivery", "strategy"}
    if lost - LEAD_LABELS:
        sys.exit(f"lead {raw!r} loses {sorted(lost - LEAD_LABELS)}")
    return delivery, strategy


def correct(by_key):
    for source, target, phrase, how in UPDATE_MOVES:
        lines = by_key[source]["update"]
        at = first_line_at(lines, phrase)
        moved = lines[at:] if how == "all_from" else lines[at : at + 1]
        del lines[at : at + len(moved)]
        if how == "first_line_joined":
            by_key[target]["update"][-1][2] += " " + moved.pop(0)[2]
        by_key[target]["update"] += [["bullet" if k == "unmarked" else k, lv, t] for k, lv, t in moved]
    for key, phrase in LINE_JOINS.items():
        lines = by_key[key]["update"]
        at = first_line_at(lines, phrase)
        lines[at - 1][2] += " " + lines.pop(at)[2]
    for (p, m, cell), phrases in BULLET_BREAKS.items():
        break_bullets(by_key[p, m]["lines" if cell == "m" else "update"], phrases, f"P{p} m{m}")


def milestone_fields(m):
    """The milestone text without its "(linked to ...)" marker, the links it states, the deadline
    it states (last day of the month, or of the year) and its baseline/target/actual."""
    text = render(m["lines"])
    links = [
        {"priority": int(p), "milestone": int(n)}
        for marker in re.findall(r"\(+\s*linked to ([^()]*)\)+", text, flags=re.I)
        for p, ns in re.findall(
            r"priority (\d+),? delivery milestones? ((?:\d+(?: and )?)+)", marker, flags=re.I
        )
        for n in re.findall(r"\d+", ns)
    ]
    text = re.sub(r"\s*\(+\s*linked to [^()]*\)+", "", text, flags=re.I)
    first = text.split("\n")[0]
    dates = [
        (int(y), MONTHS[mo.lower()])
        for mo, y in re.findall(r"\b(" + "|".join(MONTHS) + r")\s+(\d{4})", first, flags=re.I)
    ]
    dates += [(int(y), 12) for y in re.findall(r"\b(?:by|in) (\d{4})\b", first)]
    dates += [(2000 + int(y), 3) for y in re.findall(r"^\d{4}/(\d{2}) to ", first)]  # "2013/14 to"
    due = max(dates, default=None)
    fields = {
        kind: (value, unit, period)
        for kind, value, unit, period in re.findall(r"(baseline|target) (\d[\d.]*)(%?) - (\d{4}/\d{4})", text)
    }
    fields.update(MEASURES.get((m["priority"], m["number"]), {}))
    seen = re.sub(r"(\d),(\d)", r"\1\2", text + render(m["update"]) + json.dumps(m["tables"]))
    for value, _, _ in fields.values():
        if value != "0" and value not in seen:
            sys.exit(f"P{m['priority']} m{m['number']}: {value} is not in the seed text")
    return {
        "text": text,
        "links": links,
        "due": due and f"{due[0]}-{due[1]:02d}-{monthrange(*due)[1]:02d}",
        **{
            kind: fields.get(kind) and dict(zip(("value", "unit", "period"), fields[kind], strict=True))
            for kind in ("baseline", "target", "actual")
        },
    }


def excluded_reason(note):
    """Only the why of the seed's note: the report itself says which priority is excluded."""
    reason = re.sub(r"^.*?excluded from this progress report as (this is )?", "", note)
    return "This is " + reason if reason != note else note


def spelt(text):
    return re.sub(r"[^a-z0-9]", "", text.lower())


def build(seeds):
    report = (seeds / REPORT_SEED).read_text(encoding="utf-8").split("\n")
    plan = (seeds / PLAN_SEED).read_text(encoding="utf-8").split("\n")
    priorities, milestones = read_report(report)
    correct({(m["priority"], m["number"]): m for m in milestones})
    plan_actions, outcome_blocks, framing, needs = read_plan(plan)
    note = next(line for line in report if line.startswith("Please note: Priority 4"))
    priorities[4] = {
        "number": 4,
        "statement": re.search(r"“(.*?)”", note).group(1),
        "strategic_leads": [],
        "excluded_reason": excluded_reason(note),
        "actions": [],
    }
    out, updates = [], []
    for number in sorted(priorities):
        p = priorities[number]
        block = outcome_blocks.get(number, "").replace("HOW WE WILL EVIDENCE THE DIFFERENCE WE HAVE MADE", "")
        if spelt(block) != spelt("".join(OUTCOME_MEASURES.get(number, []))):
            sys.exit(f"OUTCOME_MEASURES[{number}] does not spell seed 001's {block!r}")
        actions = []
        for a in p["actions"]:  # the seed-001 action with the most similar wording, if similar
            score, twin = max(
                (
                    (difflib.SequenceMatcher(None, a["text"].lower(), c["text"].lower()).ratio(), c)
                    for c in plan_actions.get(number, [])
                ),
                default=(0, None),
                key=lambda pair: pair[0],
            )
            key_links = KEY_LINKS[number, twin["label"]] if score >= 0.6 else []
            if key_links and spelt("".join(key_links)) != spelt(twin["links"]):
                sys.exit(f"KEY_LINKS[{number}, {twin['label']!r}] does not spell {twin['links']!r}")
            items = []
            for m in a["milestones"]:
                fields = milestone_fields(m)
                delivery, strategy = tidy_leads(m["leads"]["raw"], m.get("extra_lead"))
                items.append(
                    {
                        "number": m["number"],
                        "text": fields["text"],
                        "delivery_lead": delivery,
                        "strategy_lead": strategy,
                        "due": fields["due"],
                        "sub_heading": m["sub_heading"],
                        "links": fields["links"],
                        **{k: fields[k] for k in ("baseline", "target", "actual")},
                        "tables": m["tables"],
                    }
                )
                text = render([x for x in m["update"] if x[2] != ROUND_TITLE])  # a repeated header
                updates.append(
                    {
                        "priority": number,
                        "milestone": m["number"],
                        "text": text,
                        "rag": RAG.get((number, m["number"]), ({A: "1"},))[0],
                        "tables": m["update_tables"],
                    }
                )
            actions.append(
                {"label": a["label"], "text": a["text"], "key_links": key_links, "milestones": items}
            )
        out.append(
            {
                "number": number,
                "statement": p["statement"],
                "strategic_leads": p["strategic_leads"],
                "excluded_reason": p.get("excluded_reason"),
                "outcome_measures": OUTCOME_MEASURES.get(number, []),
                "actions": actions,
            }
        )
    return {
        "slug": "cypp-2013-16",
        "title": "Rotherham Children and Young People's Action Plan 2013 – 2016",
        "start": "2013-04-01",
        "end": "2016-03-31",
        "approving_body": "Children, Young People and Families Partnership",
        "approved_on": None,
        "vision": "\n\n".join(framing),
        "needs": needs,
        "description": DESCRIPTION,
        "priorities": out,
        "rounds": [
            {
                "slug": "june-2014",
                "title": ROUND_TITLE,
                "opens": "2014-05-01",
                "closes": "2014-06-30",
                "closed": False,
                "published": True,
                "updates": updates,
            }
        ],
    }, report


def require(ok, message):
    if not ok:  # not assert: the check must also run under python -O
        sys.exit(f"check failed: {message}")


def check(data, report):
    """The published overview (616-624) must come out exactly, with Red only where Key Issues
    (1205-1219) name the milestone; stops the build otherwise."""
    published = {
        int(f[0]): f[1:]
        for f in (
            re.match(r"(\d): .*?\t([\d.]+)\t([\d.]+)\t([\d.]+)\t([\d.]+)\t(\d+)$", line)
            for line in report[OVERVIEW_LINES[0] - 1 : OVERVIEW_LINES[1]]
        )
        if f
        for f in [f.groups()]
    }
    key_issues = read_key_issues(report)
    updates = {(u["priority"], u["milestone"]): u for u in data["rounds"][0]["updates"]}
    count = 0
    for p in data["priorities"]:
        numbers = [m["number"] for a in p["actions"] for m in a["milestones"]]
        count += len(numbers)
        if p["excluded_reason"]:
            require(not numbers, f"priority {p['number']} is excluded yet has milestones")
            continue
        require(numbers == list(range(1, len(numbers) + 1)), f"P{p['number']}: numbers {numbers}")
        require(len(numbers) == int(published[p["number"]][4]), f"P{p['number']}: {len(numbers)}")
        sums, cited = dict.fromkeys((G, A, R, B), Fraction(0)), set()
        for n in numbers:
            update = updates.pop((p["number"], n))
            weights = {colour: Fraction(w) for colour, w in update["rag"].items()}
            require(sum(weights.values()) == 1 and all(weights.values()), f"P{p['number']} m{n}")
            for colour, w in weights.items():
                sums[colour] += w
            _, bullet, reason = RAG.get((p["number"], n), (None, None, ""))
            require(update["text"] and squash(reason) in squash(update["text"]), f"P{p['number']} m{n}")
            require((R in weights) == (bullet is not None), f"P{p['number']} m{n}: red needs a Key Issue")
            cited.add(bullet)
        issues = key_issues[p["number"]]
        named = set() if issues[0].startswith("No delivery milestones") else set(range(1, len(issues) + 1))
        require(cited - {None} == named, f"P{p['number']}: Key Issues cited {cited}, listed {named}")
        exact = [Fraction(x) for x in OVERVIEW[p["number"]]] + [Fraction(0)]
        require([sums[c] for c in (G, A, R, B)] == exact, f"P{p['number']}: {sums}")
        require(
            [round(float(x), 1) for x in exact] == [float(x) for x in published[p["number"]][:4]],
            f"P{p['number']}: OVERVIEW does not round to the published cells",
        )
        print(
            f"P{p['number']}: {len(numbers):3d} milestones  G {sums[G]}  A {sums[A]}  R {sums[R]}"
            f"  B {sums[B]}   published {' / '.join(published[p['number']][:4])}"
        )
    require(count == 159 and not updates, f"{count} milestones, {len(updates)} stray updates")
    print(f"Total: {count} milestones, one update each; overview reproduced exactly")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="the seed directory")
    data, report = build(parser.parse_args().seeds)
    check(data, report)
    out = HERE / "cypp-2013-16.json"
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
