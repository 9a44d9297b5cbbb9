"""The Children and Young People's Services Scrutiny Panel in seed 002: the agenda of its meeting of
Friday 19 November 2010 (L1-53, with its standard items, the report page ranges of the pack and its
membership) and, attached to that agenda as item 14, the minutes of its meeting of Friday 15 October
2010 (L1550-1751: present, in attendance, apologies, minutes 42-59, "Resolved:-" with numbered
resolutions, report-back rules such as "within two months of its submission").

Transcribed word for word; page headers ("CHILDREN AND YOUNG PEOPLES SERVICES SCRUTINY PANEL -
15/10/10 2C") are left out and a paragraph a page break cut in two is joined again. Minute 59 was
taken with the press and public excluded (minute 58): it is exempt, shown to no viewer and left out
of the public minutes. The seed's own slips are kept for the checks: two agenda items printed with
no number (between 10 and 12, and after 16); "Mr. C. A. Marvin" giving apologies where the
membership lists "Mr. T. Marvin" (so a member is unaccounted for). [R] marks a reconstruction.
"""

from datetime import date, time

SLUG = "scrutiny"
NAME = "Children and Young People's Services Scrutiny Panel"
SHORT_NAME = "CYPS Scrutiny Panel"

# "Membership:-" (L44-52): (name as written, role).
MEMBERS = [
    ("Councillor G. A. Russell", "chair"),
    ("Councillor License", "vice_chair"),
    *[
        (f"Councillor {name}", "member")
        for name in [
            "Ali",
            "Buckley",
            "Dodson",
            "Donaldson",
            "Falvey",
            "Fenoughty",
            "Kaye",
            "Rushforth",
            "Sharp",
            "Sims",
        ]
    ],
    *[
        (name, "co_optee")
        for name in [
            "Mrs. J. Blanch-Nicholson",
            "Mr. M. Burn",
            "Ms. T. Guest",
            "Mr. M. Hall",
            "Father Hayne",
            "Mr. T. Marvin",
            "Mrs. K. Muscroft",
            "Mrs. L. Pitchley",
            "Dr. S. Warren",
            "Councillor N. Tranmer",
        ]
    ],
]

MEETING_2010_11_19 = {
    "date": date(2010, 11, 19),
    "date_as_written": "Friday, 19 November 2010",
    "starts_at": time(9, 30),
    # [R] The seed runs the date into the address: "Town Hall, Moorgate Date: Friday, 19 November 2010
    # Street, Rotherham. S60 2TH".
    "venue": "Town Hall, Moorgate Street, Rotherham. S60 2TH",
}
# (number as printed, title as printed, kind, pages of the pack, sub-items as (number, title)).
# [R] The page ranges lost their dash in the seed ("(Pages 1 21)").
AGENDA_2010_11_19 = [
    (
        "1",
        "To determine if the following matters are to be considered under the categories suggested in accordance with the Local Government Act 1972.",
        "other",
        "",
        [],
    ),
    (
        "2",
        "To determine any item which the Chairman is of the opinion should be considered as a matter of urgency.",
        "other",
        "",
        [],
    ),
    ("3", "Apologies for Absence.", "apologies", "", []),
    ("4", "Declarations of Interest", "declarations", "", []),
    ("5", "Questions from the press and public", "other", "", []),
    ("6", "Matters Referred from the Youth Cabinet", "other", "", []),
    ("7", "Communications", "other", "", []),
    ("8", "Primary School Lifestyle Survey 2009 (report attached)", "paper", "1 - 21", []),
    ("9", "Transforming Rotherham Learning Progress Update (report attached)", "paper", "22 - 29", []),
    ("10", "World Class Primary Schools (report attached)", "paper", "30 - 33", []),
    ("", "Alcohol and Substance Misuse Strategy Update (report attached)", "paper", "34 - 63", []),
    (
        "12",
        "Children and Young People's Services Notice to Improve Progress and Exceptions (report attached)",
        "paper",
        "64 - 79",
        [],
    ),
    ("13", "Corporate Parenting Update on Training (verbal report)", "verbal", "", []),
    (
        "14",
        "Minutes of a meeting of the Children and Young People's Scrutiny Panel held on 15th October, 2010 (copy attached)",
        "previous_minutes",
        "80 - 87",
        [],
    ),
    (
        "15",
        "Minutes of a meeting of the Children and Young People's Trust Board held on 20th October, 2010 (copy attached)",
        "other_minutes",
        "88 - 93",
        [],
    ),
    (
        "16",
        "Minutes of meetings of the Cabinet Member and Advisers for Safeguarding and Developing Learning Opportunities For Children",
        "other_minutes",
        "",
        [
            (
                "(a)",
                "6th October 2010 - follow this web site link http://moderngov.rotherham.gov.uk/mgConvert2PDF.aspx?ID=8429&T=1",
            ),
            (
                "(b)",
                "20th October 2010 - follow this web site link http://moderngov.rotherham.gov.uk/mgConvert2PDF.aspx?ID=8430&T=1",
            ),
            ("(c)", "2nd November, 2010"),
        ],
    ),
    (
        "",
        "Minutes of meetings of the Performance and Scrutiny Overview Committee",
        "other_minutes",
        "",
        [
            (
                "(a)",
                "8th October 2010 follow this web site link http://moderngov.rotherham.gov.uk/mgConvert2PDF.aspx?ID=8621&T=1",
            ),
            (
                "(b)",
                "22nd October 2010 – follow this web site link http://moderngov.rotherham.gov.uk/mgConvert2PDF.aspx?ID=8794&T=1",
            ),
        ],
    ),
]
# Item 15 cites the Trust Board's minutes of 20 October 2010 (trust_board_2010.py).
OTHER_MINUTES = {"15": ("trust-board", date(2010, 10, 20))}

MEETING_2010_10_15 = {
    "date": date(2010, 10, 15),
    "date_as_written": "Friday, 15th October, 2010",
    "starts_at": None,
    "venue": "",
}
# "Present:-" (L1556): the members present, as the membership writes them, with the minutes' note.
PRESENT = [
    ("Councillor G. A. Russell", "in the Chair"),
    ("Councillor Ali", ""),
    ("Councillor Buckley", ""),
    ("Councillor Dodson", ""),
    ("Councillor Fenoughty", ""),
    ("Councillor Kaye", ""),
    ("Councillor Sims", ""),
]
# "Also in attendance were" (L1558): the Cabinet Member (not a member) and four co-opted members.
IN_ATTENDANCE = [
    (
        "Councillor Paul Lakin",
        "Cabinet Member for Safeguarding and Developing Learning Opportunities for Children",
    ),
    ("Mr. M. Burn", "co-opted member"),
    ("Mrs. L. Pitchley", "co-opted member"),
    ("Mrs. J. Blanch-Nicholson", "co-opted member"),
    ("Councillor N. Tranmer", "co-opted member"),
]
# "Apologies for absence were received from" (L1560), names as written: "Mr. C. A. Marvin" is not
# the membership's "Mr. T. Marvin", so he is not taken for him.
APOLOGIES = [
    "Councillor Donaldson",
    "Councillor Falvey",
    "Councillor License",
    "Councillor Rushforth",
    "Councillor Sharp",
    "Mr. C. A. Marvin",
    "Mrs. K. Muscroft",
    "Dr. S. Warren",
]
# Minute 59 was taken in private (minute 58).
EXEMPT = {59}
EXEMPT_REASON = "Paragraph 2 of Part 1 of Schedule 12A to the Local Government Act 1972 (information which is likely to reveal the identity of an individual)"

# (number, title as printed, paragraphs, resolutions: (kind, text[, due rule])).
MINUTES_2010_10_15 = [
    (
        42,
        "DECLARATIONS OF INTEREST",
        [
            "There were no declarations of interest made at this meeting.",
        ],
        [],
    ),
    (
        43,
        "QUESTIONS FROM THE PRESS AND PUBLIC",
        [
            "There were no questions from members of the public or the press.",
        ],
        [],
    ),
    (
        44,
        "MATTERS REFERRED FROM THE YOUTH CABINET",
        [
            "The Scrutiny Panel noted that:-",
            '(1) a number of members of the Rotherham Youth Cabinet would take part in the "Eleven Millions Take-over Day" by attending the meeting of the Performance and Scrutiny Overview Committee on Friday, 12th November, 2010 at the Town Hall, Rotherham; and (2) the launch of the Youth Cabinet manifesto had taken place on Tuesday, 12th October, 2010, at the Town Hall, Rotherham.',
        ],
        [],
    ),
    (
        45,
        "COMMUNICATIONS",
        [],
        [
            (
                "approved",
                "That future meetings of the Children and Young People's Scrutiny Panel shall take place on:-\n\nFriday, 19th November, 2010 Friday, 10th December, 2010 Friday, 21st January, 2011 Friday, 18th February, 2011 Friday, 18th March, 2011 a date to be arranged in April 2011",
            ),
            (
                "approved",
                "That consideration be given to the nomination of a Councillor to represent this Scrutiny Panel on the recently-established, second Fostering Panel.",
            ),
        ],
    ),
    (
        46,
        "CORPORATE PARENTING GROUP",
        [],
        [
            (
                "approved",
                "That Councillor Dodson be appointed as the representative of the Children and Young People's Scrutiny Panel on the Corporate Parenting Group for the 2010/2011 Municipal Year, with the Chair (Councillor G. A. Russell) as nominated substitute.",
            ),
        ],
    ),
    (
        47,
        "PRESENTATION FROM CABINET MEMBER - SAFEGUARDING AND DEVELOPING LEARNING OPPORTUNITIES FOR CHILDREN",
        [
            "The Scrutiny Panel welcomed Councillor Paul Lakin, Cabinet Member for Safeguarding and Developing Learning Opportunities for Children who gave a presentation about the following issues:-",
            "- key issues and objectives of the Children and Young People's Services' Directorate (budget; intervention; Children and Young People's Plan (including the four big things));",
            "- Safeguarding, Corporate Parenting and Looked After Children;",
            "- the key challenges for the Children and Young People's Trust Board in 2010/11;",
            "- the inter-relationship between the Local Safeguarding Children Board and the Children and Young People's Trust Board;",
            "- the development of the Think Family Board;",
            "- attainment levels of looked after children in schools;",
            "- the strategy to reduce the number of looked after children during the next three years;",
            "- trying to increase the number of foster carers from 138 in April 2010 to 174 by 2013;",
            "- managing public sector service/spending reductions whilst sustaining performance and service improvements;",
            "- developing Learning Communities to take more responsibility for the improvement agenda;",
            "- the ending of Rotherham's Building Schools for the Future programme and the implications for the Maltby Academy and campus.",
            "The Cabinet Member responded to questioning from the Scrutiny Panel.",
        ],
        [
            ("noted", "That the contents of the presentation be noted."),
        ],
    ),
    (
        48,
        "SCRUTINY REVIEW - SCHOOL CLOSURE DUE TO EXTREME WEATHER",
        [
            "Further to Minute No. 98 of the meeting of the Children and Young People's Scrutiny Panel held on 22nd January, 2010, consideration was given to a report presented by the Senior Scrutiny Adviser setting out the findings and recommendations of the scrutiny review into 'School closure due to extreme weather', undertaken by the Children and Young People's Scrutiny Panel.",
        ],
        [
            ("approved", "That this Scrutiny Panel endorses the report's findings and recommendations."),
            (
                "approved",
                "That every endeavour be made to improve communications about the possibility of school closures by utilising the various methods described in the review report and, in particular: (i) increased use of text messages to parents' mobile telephones and (ii) better use of the Borough Council's Internet web site.",
            ),
            (
                "referred",
                "That the review report be forwarded to the Performance and Scrutiny Overview Committee and to Cabinet for further consideration.",
            ),
            (
                "report_back",
                "That the Cabinet's response to the recommendations be reported back to this Scrutiny Panel within two months of its submission.",
                "within two months of its submission",
            ),
        ],
    ),
    (
        49,
        "14 TO 19 PARTNERSHIP, GOVERNANCE AND PLANNING",
        [
            "Consideration was given to a report presented by the Assistant Head of School Effectiveness Service stating that on 20th July 2010, the Secretary of State for Education announced that some of the functions transferred to local authorities under the Apprenticeship, Skills and Learning Act 2009 would be reassigned to other agencies from 1st August 2010. The submitted report described some of the implications of this announcement on local arrangements for 14-19 governance, planning and funding.",
            "Ministers have affirmed their commitment to the strategic role of local authorities in shaping 16-19 provision, identifying gaps, establishing new provision and developing the market. Local Authorities will continue to have a duty to ensure that enough suitable education and training is provided to meet the reasonable needs of young people in their area for those:",
            ": who are over compulsory school age but under 19;",
            ": who are aged 19 or over but under 25 and are subject to learning difficulty or disability assessment.",
            "At the same time, the Government is committed to freeing school and colleges in areas such as the curriculum design and inviting applications from schools to become Academies. Furthermore, the policy will introduce lagged funding, and simplify the funding arrangements. Funding of open Academies, Sixth Form Colleges, General Further Education Colleges and commercial and charitable providers (but not School Sixth Forms) will be handled through central agencies.",
            "When taken together with the Government's relocation of funding responsibilities, the granting of additional freedoms to maintained schools and colleges, the encouragement for the creation of Academies, free schools and university technical colleges free of local authority control, this provides local authorities with a high level strategic role in developing the direction of provision, but reduces their leverage with providers and the opportunity to shape provision to meet perceived learner needs.",
        ],
        [
            ("noted", "That the report be received and its contents noted."),
            (
                "approved",
                "That this Scrutiny Panel supports the following recommendations, as detailed in the report submitted:- the Council shall have a strategic role in shaping and delivering a coherent 14-19 learning offer in Rotherham by:-\n\n: sustaining the effective and long-standing 14-19 partnership (i.e. the 14-19 Resource and Strategy Group) in Rotherham to enable a strategic and collective approach to the changes announced by the Secretary of State for Education; and a rapid response to the Education Act expected in November 2010; and : agreeing that the 14-19 Resource and Strategy Group is held to account for developing and delivering a new 14-19 (25) Learning Plan based upon the following priorities:- a) Promote Post 16 participation, retention and progression.\n\nb) Raise Post 16 achievement including closing the attainment gap at level 2 and 3 at 19.\n\nc) Promote a high quality curriculum offer and support and guidance for learners.\n\nd) Provide strong strategic leadership and operational efficiencies.",
            ),
            (
                "report_back",
                "That details of the forthcoming Education Act be reported to a future meeting of this Scrutiny Panel.",
                "a future meeting",
            ),
        ],
    ),
    (
        50,
        "COMMISSIONING OF PLACEMENTS FOR LOOKED AFTER CHILDREN",
        [
            "Consideration was given to a report presented by the Business Development and Commissioning Manager stating that Children and Young People's Services have a requirement to purchase external residential and fostering provision from the independent sector to accommodate children and young people who cannot be accommodated within the Council's own resources. This is as a result of the needs of those children and young people being too complex to be met by the Council's own foster carers or residential units, because there is a safeguarding issue of placing them within Rotherham or simply due to a lack of capacity within the Council's own provision. These external placements are more expensive than in-house provision and this demand led budget has always overspent against allocation in each financial year. The submitted report described the actions being taken to manage the situation.",
        ],
        [
            ("noted", "That the report be received and its contents noted."),
            (
                "noted",
                "That this Scrutiny Panel notes the mitigation actions put in place to manage the demand on resources.",
            ),
            (
                "referred",
                "That the report be submitted to the Corporate Parenting Group for further detailed consideration of the use of resources and value for money.",
            ),
        ],
    ),
    (
        51,
        "INSPECTION OF SAFEGUARDING AND LOOKED AFTER CHILDREN",
        [
            "Consideration was given to a report presented by the Director of Safeguarding and Corporate Parenting concerning the Ofsted/Care Quality Commission's inspection of Safeguarding and Looked After Children which had taken place between 19th and 30th July, 2010. The inspection had been very positive and had resulted in an overall rating of Adequate with some elements rated as Good. The key recommendations, details of their implementation and the inspection report were all considered by the Scrutiny Panel.",
        ],
        [
            ("noted", "That the report be received and its contents noted."),
            ("noted", "That details of the implementation of the key recommendations be noted."),
            (
                "report_back",
                "That, in the event of a further, unannounced inspection taking place, the subsequent report be submitted to a meeting of this Scrutiny Panel early in 2011.",
                "early in 2011, in the event of a further, unannounced inspection",
            ),
        ],
    ),
    (
        52,
        "THE WELCOME OFFER TO VULNERABLE CHILDREN AND YOUNG PEOPLE",
        [
            "Consideration was given to a report presented by the Service Leader for Ethnic Minority Children stating that since 2008/9, the Council has responded to significant and increasing challenges to its provision for children and young people arriving in Rotherham, principally from the newly incorporated European Economic Community countries, by fundamentally reorganising its services to this most vulnerable of groups. During Spring 2010, the strategic overview of these initiatives was assumed within the Chief Executive's office, exemplifying the importance attached to the work. The report provided an updated assessment of progress in relation to the schools' element of this strategy approximately nine months after the initial summary report to Council.",
            "The Scrutiny Panel expressed its concerns about the pressure upon Council resources and upon places and resources in schools.",
        ],
        [
            ("noted", "That the report be received and its contents noted."),
            (
                "noted",
                "That this Scrutiny Panel notes the actions taken (as detailed in the appendix to the report submitted) and the progress made since the review was implemented.",
            ),
            (
                "referred",
                "That the continued development of a co-ordinated strategy across all the appropriate Council services on behalf of this vulnerable group of people be supported and, in that context, the report be referred for further consideration to (i) the Corporate Working Group, (ii) the Senior Leadership Team and (iii) the Cabinet.",
            ),
        ],
    ),
    (
        53,
        "CHILDREN AND YOUNG PEOPLE'S SERVICES - NOTICE TO IM PROVE -PROGRESS AND EXCEPTIONS",
        [
            "Further to Minute No. 12 of the meeting of the Children and Young People's Scrutiny Panel held on 4th June, 2010, consideration was given to a report presented by the Performance, Information and Quality Manager providing an overview of the progress made since the Notice to Improve was received by Children and Young People's Services in December 2009. The report stated that the overarching action plan used to monitor improvements identifies a RAG rating and a direction of travel for the areas of improvement, some areas of good performance and key risks and issues to meeting the stretching targets set for the Council and its strategic partners.",
        ],
        [
            ("noted", "That the report be received and its contents noted."),
            (
                "noted",
                "That this Scrutiny Panel notes the progress being made against the targets set in the Notice to Improve.",
            ),
        ],
    ),
    (
        54,
        "MINUTES OF A MEETING OF THE CHILDREN AND YOUNG PEOPLES SCRUTINY PANEL HELD ON 3 RD SEPTEMBER, 2010",
        [],
        [
            (
                "approved",
                "That the minutes of the previous meeting of the Children and Young People's Scrutiny Panel held on 3rd September, 2010, be approved as a correct record for signature by the Chairman.",
            ),
        ],
    ),
    (
        55,
        "MINUTES OF A MEETING OF THE CHILDREN AND YOUNG PEOPLES TRUST BOARD HELD ON 8TH SEPTEMBER, 2010",
        [],
        [
            (
                "noted",
                "That the contents of the minutes of the meeting of the Children and Young People's Trust Board held on 8th September, 2010, be noted.",
            ),
        ],
    ),
    (
        56,
        "MINUTES OF MEETINGS OF THE CABINET MEMBER AND ADVISERS FOR SAFEGUARDING AND DEVELOPING LEARNING OPPORTUNITIES FOR CHILDREN",
        [],
        [
            (
                "noted",
                "That the contents of the minutes of the meetings of the Cabinet Member and Advisers for Safeguarding and Developing Learning Opportunities for Children held on 8th September, 2010 and on 22nd September, 2010 (two meetings), be noted.",
            ),
        ],
    ),
    (
        57,
        "MINUTES OF MEETINGS OF THE PERFORMANCE AND SCRUTINY OVERVIEW COMMITTEE HELD ON 10TH SEPTEMBER, 2010 AND 24TH SEPTEMBER, 2010",
        [],
        [
            (
                "noted",
                "That the contents of the minutes of the meetings of the Performance and Scrutiny Overview Committee held on 10th September, 2010 and on 24th September, 2010, be noted.",
            ),
        ],
    ),
    (
        58,
        "EXCLUSION OF THE PRESS AND PUBLIC",
        [],
        [
            (
                "approved",
                "That, under Section 100A(4) of the Local Government Act 1972, the press and public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in Paragraph 2 of Part 1 of Schedule 12A to the Local Government Act 1972 as amended (information which is likely to reveal the identity of an individual).",
            ),
        ],
    ),
    (
        59,
        "CHILDREN AND YOUNG PEOPLE'S SERVICES - ANNUAL COMMENT AND COMPLAINT REPORT 2009/2010",
        [
            "Consideration was given to the Annual Report presented by the Complaints Manager, which outlined performance for complaints in Children and Young People's Services for 2009/2010, along with comparison with 2007/2008 and 2008/2009 data. The report also provided information about other types of enquiries and feedback handled by the Complaints and Customer Service Team, along with details of future service developments.",
            "In brief, the following complaints were received; 122 people have made 262 complaint points at Stage 1; 12 people made 96 complaint points at Stage 2; and 1 person escalated two of their Stage 2 complaints to a Stage 3 Review Panel (the panel was not convened in 2009/2010).",
        ],
        [
            ("noted", "That the Annual Report for Comments and Complaints 2009/2010 be received."),
        ],
    ),
]
