"""The Children and Young People's Trust Board's meeting of Wednesday 20 October 2010, as attached to
the scrutiny panel's agenda of 19 November 2010 (seed 002 L1752-1915, item 15): present, in
attendance, apologies and minutes D20-D28, the board's running numbers printed with the prefix "D".

Transcribed word for word; page headers are left out and a paragraph a page break cut in two is
joined again. [R] Two minute numbers the extraction moved are put back before their titles: "... OF
THE CHILDREN AND D20. YOUNG PEOPLE'S TRUST BOARD ..." and "... WORKFORCE STRATEGY D22.". D27's
"Agreed actions:-" are typed as actions with no owner, as the seed gives none. The seed ends with the
heading of D28.
"""

from datetime import date

SLUG = "trust-board"
NAME = "Children and Young People's Trust Board"
SHORT_NAME = "Trust Board"
PREFIX = "D"

MEETING = {
    "date": date(2010, 10, 20),
    "date_as_written": "Wednesday, 20th October, 2010",
    "starts_at": None,
    "venue": "",
}
PRESENT = [
    ("Councillor Lakin", "in the Chair"),
    ("Martin Kimber", ""),
    ("Joyce Thacker", ""),
    ("Inspector Lee Jackson", ""),
    ("Alan Hazell", ""),
    ("Dr. Russell Brynes", ""),
    ("Andy Buck", ""),
    ("Brian James", ""),
    ("Sarah Whittle", ""),
    ("Anne Jackson", ""),
    ("Janet Wheatley", ""),
]
IN_ATTENDANCE = [
    "Dorothy Smith",
    "Claire Burton",
    "Simon Perry",
    "Warren Carratt",
    "Shona McFarlane",
    "Paul Robinson",
]
APOLOGIES = ["Patricia Ward", "Chief Superintendent Richard Tweed", "DCI Craig Robinson"]

# (number, title as printed, paragraphs, resolutions: (kind, text)).
MINUTES_2010_10_20 = [
    (
        20,
        "MINUTES OF THE PREVIOUS MEETING OF THE CHILDREN AND YOUNG PEOPLE'S TRUST BOARD HELD ON 8TH SEPTEMBER, 2010",
        [
            "The minutes of the previous meeting of the Children and Young People's Trust Board held on 8th September, 2010, were approved as a correct record, with the inclusion of Dorothy Smith in the list of persons who attended the meeting.",
        ],
        [],
    ),
    (
        21,
        "ISSUES AND CONCERNS",
        [
            "(1) RMBC - Ofsted annual inspection of Children and Young People's Services – the assessment letter will be published on 9th December, 2010.",
            "(2) South Yorkshire Police – investigation of murder of teenage girl from the Holmes area of Rotherham. Trial concerning alleged sex offences continuing at Sheffield Crown Court.",
        ],
        [],
    ),
    (
        22,
        "CHILDREN AND YOUNG PEOPLE'S PLAN WORKFORCE STRATEGY",
        [
            "Consideration was given to a report presented by the Workforce Strategy, Planning and Development Manager stating that, in line with statutory requirements and guidance from the Children's Workforce Development Council, the submitted Workforce Strategy has been prepared to represent the strategic aims of the One Children's Workforce in Rotherham, in respect of the workforce activity required to deliver on the ambitions outlined in the refreshed Children and Young People's Plan 2010-2013. Whilst there has been an expressed intention by the Government to remove the statutory requirement on Children's Trusts to publish a Children and Young People's Plan and associated workforce strategy, it has also been indicated that this is still expected as an exemplar of best practice.",
            "The report stated that future activity would focus upon:-",
            '(a) Effective Leadership – having managers and leaders throughout the workforce who recognise their role as a "multi-agency working" enabler and who inspire their workforce to work with all partners in a competent and confident manner;',
            "(b) Multi-agency working – using the Common Assessment Framework and having effective multi-agency training in place to allow for children, young people and their families to be at the heart of practice, helping to meet their needs and improve lives; and (c) Ensuring capacity to deliver - attracting, recruiting and retaining the highest quality workforce possible, providing the right level of development for all members of the workforce.",
        ],
        [
            ("noted", "That the report be received and its contents noted."),
            (
                "approved",
                "That the Children and Young People's Plan Workforce Strategy, as now submitted, be approved.",
            ),
        ],
    ),
    (
        23,
        "MAPPING THE EXPENDITURE OF ROTHERHAM CHILDREN'S SERVICES 2009/10",
        [
            "Consideration was given to a report presented by the Business Development and Partnerships Manager stating that Children and Young People's Services, in partnership with NHS Rotherham and the voluntary and community sector, are in the process of developing a strategic Commissioning Strategy in line with the Children and Young People's Plan 2010-13.",
            "The Commissioning Support Programme is supporting Children and Young People's Services with some elements of this strategy. It is important as a starting point that Children and Young People's Services have a detailed understanding of the services currently being provided or commissioned for children and young people which contribute to the new priorities within the Children and Young People's Plan. This will enable Children and Young People's Services to determine which services may need to be re-designed, de-commissioned or commissioned in the near future.",
            "The Commissioning Support Programme undertook a mapping exercise to provide details of the service provision and current expenditure across Children and Young People's Services and Health Services. It also looked at the range of providers, type of initiatives being funded and types of funding and contract arrangements in place.",
            "Appended to the submitted report was a document produced by the Commissioning Support Programme and provided details on how that Programme had conducted the mapping exercise, the research undertaken plus the findings on the Council's contractual arrangements and where improvements need to be made.",
            "A second appendix to the submitted report provided details of the current expenditure for each of the services provided or commissioned, based on existing budget recording schedules. This is presented against each of the four big priorities within the Children and Young People's Plan: Keeping Children and Young People Safe; Prevention and Early Intervention; Tackling Inequalities and Transforming Rotherham Learning.",
            "It was noted that the findings from this mapping exercise will be used by the Children and Young People's Trust Board to improve how it undertakes commissioning and procurement. Further consideration will be required of the Children and Young People's Trust Board to determine if the amount identified under each of the priorities is sufficient to achieve that particular priority.",
        ],
        [
            ("noted", "That the report be received and its contents noted."),
            ("noted", "That the findings of the Commissioning Support Programme, as now reported, be noted."),
            (
                "approved",
                "That the Next Steps (as listed in the report submitted) be agreed as the way forward in developing a strategic commissioning strategy, with emphasis upon (i) obtaining value for money; (ii) improving efficiency and (iii) ensuring improved outcomes for children and young people.",
            ),
        ],
    ),
    (
        24,
        "RISK MANAGEMENT REPORT",
        [
            "Consideration was given to a report presented by the Strategic Director of Children and Young People's Services detailing the content for inclusion within the Council's Risk Management monitoring system JCAD Risk. The latest position in relation to the risk register was included in the appendix to the submitted report.",
            "The register outlined:-",
            ": a description of the risk",
            "- : who has overall responsibility for managing the risk",
            "- : pre mitigation risk rating",
            "- : mitigating actions",
            "- : persons responsible for mitigating actions",
            "- : percentage progress",
            "- : completion / review date",
            "- : post mitigation risk assessment",
        ],
        [
            ("noted", "That the report be received and its contents noted."),
            ("noted", "That the current position with regard to risk management monitoring be noted."),
            (
                "approved",
                "That the Children and Young People's Trust Board shall review the contents of the risk register at quarterly intervals.",
            ),
            (
                "approved",
                "That formal reporting about risk management, to the Children and Young People's Trust Board, shall be at quarterly intervals.",
            ),
        ],
    ),
    (
        25,
        "CORPORATE PARENTING SCRUTINY REVIEW",
        [
            "Consideration was given to a report presented by the Strategic Director of Children and Young People's Services stating that a scrutiny review of the Council's Corporate Parenting structures had been undertaken by the Looked After Children Scrutiny Sub-Panel between November 2009 and March 2010. The review report had now been considered by the Cabinet, which accepted the Scrutiny Sub-Panel's recommendations. A copy of the Action Plan arising from the review was appended to the submitted report.",
        ],
        [
            ("noted", "That the report and action plan be received and their contents noted."),
        ],
    ),
    (
        26,
        "MINUTES OF THE ROTHERHAM SAFEGUARDING CHILDREN BOARD HELD ON 10TH SEPTEMBER 2010",
        [],
        [
            (
                "noted",
                "That the minutes of the Rotherham Safeguarding Children's Board held on 10th September, 2010 be noted.",
            ),
        ],
    ),
    (
        27,
        "CONSIDERATION OF PREVENTION AND EARLY INTERVENTION",
        [
            "The Children and Young People's Trust Board undertook detailed consideration of issues concerning Prevention and Early Intervention. The launch of Rotherham's Prevention and Early Intervention Strategy in April 2010 and the associated Pledge have been reinforced by the inclusion of Prevention and Early Intervention as one of the four 'Big Things' in the Children and Young People's Plan.",
            "The Board endeavoured to answer the question 'how do we maintain and ensure a commitment to the principles associated with the Pledge?' in the current financial climate and considered how to :-",
            '"...change our focus to a preventative and early intervention approach with a radical shift of ways of working and resourcing to support this" (from - Rotherham Prevention and Early Intervention Pledge).',
            "The briefing paper submitted to the meeting included descriptions of a number of case studies of preventative and early intervention, several cases involving joint working and inter-agency collaboration, which had proved beneficial.",
            "The discussion included reference to the following salient issues:-",
            "- acknowledgement of the importance of Prevention and Early",
            "Intervention;",
            "- current Government social policy (details of the four cross-cutting themes were included in the submitted briefing paper);",
            "- the impact of the Government's Comprehensive Spending review and reductions in public sector budgets;",
            "- the use by all agencies of the Common Assessment Framework;",
            "- targeting funding the families most in need;",
            "- the impact of targeted funding upon universal service provision to everyone;",
            "- measuring the impact of intensive intervention in respect of the most resource-consuming families;",
            "- the importance of achieving cost effectiveness, value for money and, if necessary, making budget and service reductions;",
            "- avoiding waste and duplication;",
            "- the impact upon families in need of a service reduction;",
            "- the importance of multi-agency working and the contribution to service provision of voluntary and community sector organisations;",
            "- the role of the Think Family Board;",
            "- requesting the Rotherham Local Strategic Partnership to approve budget/structural alterations to facilitate targeted prevention and early intervention work with specific families most in need;",
            "- gaining optimum value from the commissioning of services;",
            "- ensuring that work is focused upon improving outcomes for families.",
        ],
        [
            ("action", "to arrange a workshop about service commissioning and its outcomes;"),
            ("action", "to identify gaps in existing service provision;"),
            (
                "action",
                "to prepare an initial draft commissioning plan and to submit the draft to the next meeting of the Children and Young People's Trust Board;",
            ),
            (
                "action",
                "to examine the resource requirements of children from deprived backgrounds (ie – children aged 0-3 years and from aged three years onwards), in terms of improving their life chances by early intervention work;",
            ),
            (
                "action",
                "to request the Rotherham Local Strategic Partnership to approve a pilot scheme of commissioning/pooled budget/structural alterations to facilitate targeted prevention and early intervention work – and to report back to the Children and Young People's Trust Board;",
            ),
            (
                "action",
                "to examine the impact upon service provision by voluntary and community sector organisations of the termination of their funding on 31 March 2011.",
            ),
        ],
    ),
    (
        28,
        "ANY OTHER BUSINESS",
        [],
        [],
    ),
]
