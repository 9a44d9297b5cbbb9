"""The Children, Young People and Families Partnership in seed 003: its meeting of Wednesday 21 May
2014 (L56-268: present, apologies, minutes 269-279 with their resolutions, typed) and the agenda of
its meeting of Wednesday 16 July 2014 (L1-54: sections For Decision / For Discussion / For
Information, presenters, page ranges of the pack, the LSCB minutes "held on 6th June").

Transcribed word for word; a paragraph a page break cut in two is joined again. The seed's own
inconsistencies are kept, for the checks to find: John Radford is both present and giving apologies
on 21 May (L59, L61; he presented minute 275), and item 12 cites the LSCB minutes of 6th June while
the LSCB met on Thursday 5 June (notes-003 §19.5-6). The two sub-items of item 4 are printed with no
number, and are kept so.
"""

from datetime import date, time

MEETING_2014_05_21 = {
    "date": date(2014, 5, 21),
    "date_as_written": "Wednesday, 21st May, 2014",
    "starts_at": time(14, 0),
    "venue": "Town Hall, Moorgate Street, Rotherham. S60 2TH",
}
# "Present:-" (L59): names as written, with the note the minutes give.
PRESENT = [
    ("Councillor Lakin", "in the Chair"),
    ("Councillor Pickering", ""),
    ("Councillor Roche", ""),
    ("Richard Butterworth", ""),
    ("David Clitheroe", ""),
    ("Tracey Guest", ""),
    ("Michael Holmes", ""),
    ("Marian Langham", ""),
    ("Jenny Lingrell", ""),
    ("Rachel Nicholls", ""),
    ("John Radford", ""),
    ("Donald Rae", ""),
    ("Dorothy Smith", ""),
    ("Joyce Thacker", ""),
    ("Sarah Whittle", ""),
    ("Sue Wilson", ""),
    ("Chrissy Wright", ""),
]
# "Apologies for absence were received from" (L61).
APOLOGIES = [
    "Steve Ashley",
    "Karen Etheridge",
    "Jason Harwin",
    "Julie Mott",
    "John Radford",
    "Karen Smith",
    "Janet Wheatley",
]

# (number, title as printed, paragraphs, resolutions: (kind, text[, due rule])). Minutes 276-278
# record no resolution (notes-003 §3).
MINUTES_2014_05_21 = [
    (
        269,
        "MINUTES OF THE PREVIOUS MEETING",
        [
            "The minutes of the meeting held on 19th March, 2014, were considered and approved as a correct record.",
        ],
        [],
    ),
    (
        270,
        "ISSUES AND CONCERNS",
        [
            "Youth Cabinet",
            "- An e-mail name, suggested by the Youth Cabinet, had been selected for members of the public to contact them – Yourvoice@rotherham.gov.uk",
            "- An e-mail had been sent to Michael Grove on behalf of a young person who attended St. Bernard's School regard exam stress in school",
            "- Healthwatch had visited and would appreciate any ideas as to how they could work with them",
            "- The Self Harm Sub-Group was to make a presentation at the LSCB on 5th June – Yorkshire and Humber Youth Voice was very interested in the work being done around the issue",
            "- A young person was to carry out his work experience at SYPTE",
            "- The new IYSS website was almost ready",
            "- The Publicity and Promotion Group had presented the new and improved Welcome Packs. The Social Media Policy was to be the next piece of work",
            "- Rotherham MYPs were hoping to visit a Head Teachers meeting to promote UKYP and Youth Voice. All Rotherham MYPs had a Lord to campaign on with regard to Votes at 16. They had also met with Sarah Champion's office to discuss the issue for her debate in the House of Commons",
            "- Following a recent Quality Mark visit, the feedback had revealed that young people could not always communicate the impact of their involvement in the group and that there was no accreditation. The BYC had developed a Youth Voice ASDAN and the young people had that they would like to work towards the accreditation",
            "- Representatives would be attending the anti-bullying conference to be held in Leicester on 28th June.",
            "- A member of RYC was now a representative on the Yorkshire and Humber Youth Voice Steering Group who worked closely with the British Youth Council to help run conventions",
            "- Toni and Rebecca had been nominated in the National Diversity Awards",
            "Parents and Carers Forum",
            "- Premises secured at Parkgate",
        ],
        [],
    ),
    (
        271,
        "SPECIAL EDUCATIONAL NEEDS AND DISABILITY REFORMS - UPDATE",
        [
            "Donald Rae, SEND Strategic Lead, presented an update on the preparations to implement the Special Educational Needs and Disability Reforms in Rotherham.",
            "The Children and Families Bill was enacted in March and a new version of the SEND Code of Practice published with the final version expected shortly.",
            "This was the largest reform of how information and support was provided to children and young people with special educational needs and disabilities for over 20 years. It brought together the different systems in Early Years, Schools and Colleges and ensured better integration with health and care. It aimed to improve the support provided so that children and young people were able to live independent and fulfilling lives in adulthood. Placing the needs of parents and young people at its heart, the new system focussed on those aged 0-25 with new duties for local authorities, Clinical Commissioning Groups and Early Years Providers, Schools (of all types) and FE Colleges. Late amendments to the Bill had increased the role of the local authority in providing Mediation Services for education, care and health as well as bringing young people within Youth Offending institutions into the scope of the Act.",
            "Organisations in Rotherham, including parents and young people, continued to work in partnership to implement the reforms. Key tasks which needed to be completed before September, 2014 included:-",
            "- Putting children, parents and carers and young people at the heart of the new system",
            "- Publish a Local SEND Offer",
            "- Establish a new SEND Assessment Pathway for all of those aged 0-25 with Special Educational Needs or a disability, including plans to transfer those with a SEN Statement or Learning Difficulty Assessment (LDA) to the new Education Health and Care Plan",
            "- Set up a new structure with the CCG to jointly commission education, care and health services for those with special educational needs or a disability",
            "- Ensure parents and young people can receive support through a personalised budget if they request one",
            "- Consultation on Rotherham's SEND Aspiration and Mission",
            "Whilst the SEND Reforms were part of national legislation, it was important to be clear about what this meant for the children and young people in Rotherham. To help this process, consideration was being given to developing a consensus about the purpose of the SEND Reforms. Building on the Government's stated aims, the following have been proposed and discussion already started with many groups with the aim of reaching a final version in July, 2014:-",
            "Rotherham's SEND Aspiration",
            '"Rotherham children and young people with Special Educational Needs will achieve well in their early years, at school and in college; lead happy and fulfilled lives and have choice and control"',
            "Rotherham's Special Educational Needs and Disability Mission",
            '"Rotherham education, health and care services will create an integrated system from birth to 25. Help will be offered at the earliest possible point, with children and young people with special needs and their parents or carers fully involved in decisions about their support and aspirations"',
            "This was a huge piece of work for all partners. Feedback from a visit from the DfE to establish Rotherham's preparations for the reforms had stated that all the correct structures, systems and personnel were in place to take them forward and impressed by the working relationship with the CCG.",
            "Discussion ensued on joint commissioning:-",
            "- The commitment and all the elements of joint commissioning were there and needed to be actioned",
            "- Services had to be delivered more cost effectively and needed to be clear as to what joint commissioning meant in terms of any service reconfiguration and procurement and how it worked for the Local Authority as a large provider",
            "- To the recipient of the Service it did not matter who was the commissioner of services it as long as they had the best outcome",
            "- Education/schools needed to be brought into commissioning",
            "- Communication strategy across all Services required",
        ],
        [
            ("noted", "That the report be noted."),
            ("referred", "That the report be forwarded to the Health and Wellbeing Board for consideration."),
        ],
    ),
    (
        272,
        "CHILD POVERTY STRATEGY - RESPONSE TO GOVERNMENT CONSULTATION",
        [
            "Michael Holmes, Policy and Partnership Officer, presented a summary of the consultation on the Government's draft Child Poverty Strategy 2014-17 together with a draft consultation response.",
            "The 2010 Child Poverty Act had established targets for reducing child poverty by 2020 and required the Government to produce a Child Poverty Strategy every 3 years",
            "The most widely used target was relative low income which was based on the proportion of children living in households with less than 60% of median income. The target was to reduce this to less than 10% by 2020/21 from a baseline of 18% in 2010/11. The latest available figures for 2011/12 showed that 17% of children were in relative income poverty.",
            "The Act also placed a duty on local authorities and their partners to co-operate to tackle child poverty, preparing and publishing a Local Needs Assessment and producing a joint local Child Poverty Strategy.",
            "A Child Poverty Needs Assessment had been carried out in 2010 which had shown that 64% of the then 12,745 Rotherham children living in poverty were in a lone parent household. However, the recent trend, due in part to the tightening of benefit eligibility criteria, was for more single parents to be in work, therefore, the Assessment required updating to gain an understanding of the current picture.",
            "It was proposed that, rather than developing a separate Child Poverty Strategy, the Early Help Strategy, with its focus on preventative work with children and families, would serve as the primary vehicle for addressing or mitigating the effects of child poverty in Rotherham. Also Rotherham's Health and Wellbeing Strategy had a specific poverty priority focussing particularly on reducing health inequalities and improving the skills and work readiness of those disengaged from the labour market.",
            "A strategy for building resilience in Rotherham was also in development which would seek to provide improved co-ordination of the various poverty related initiatives and actions.",
            "The deadline for responses was 22nd May. A draft response had been prepared regarding the specific consultation questions that were to be used to shape the next three-year Strategy: -",
            "1. To what extent do you agree that the draft strategy achieves a good balance between tackling poverty now and tackling the drivers of intergenerational poverty?",
            "2. Considering the current fiscal climate, what is your view of the actions set out in the draft strategy?",
            "3. At a local level, what works well in tackling child poverty now?",
            "4. At a local level, what works well for preventing poor children becoming poor adults?",
            "5. What more can central government do to help employers, local agencies and the voluntary and community sector work together to end child poverty?",
            "Discussion ensued on the proposed response:-",
            "- Schools should place great emphasis on the destination of school leavers and use as 1 of their success criteria",
            "- Free school meals would be extended to FE colleges",
            "- The Government had announced colleges would be funded 17.5% less for an 18 year old – potential impact on delivery and contact that would be provided",
        ],
        [
            ("noted", "That the key aspects of the Strategy be noted."),
            (
                "approved_amended",
                "That the draft response be approved subject to the proposed amendment suggested.",
            ),
        ],
    ),
    (
        273,
        "FAMILIES FOR CHANGE UPDATE",
        [
            "Jenny Lingrell, Troubled Families Co-ordinator, presented a report on the Families for Change work including how it had been implemented in Rotherham, how resources had been deployed and the impact on outputs and performance, leading to overall improved outcomes for children and families.",
            "There was 1 year remaining until the current phase of Troubled Families ended. The Troubled Families Unit had secured funding for the delivery of at least 1 year of Troubled Families Phase 2 (a 5 year programme), however, details of how this would operate had not been published to date.",
            "Rotherham was asked to work with 730 families over a 3 year period and adopt an approach to engaging families that delivered 5 family intervention factors – a dedicated workers, dedicated to a family; practical 'hands on' support; a persistent, assertive and challenging approach; considering the family as a whole and common purpose and agreed action.",
            "The report highlighted:-",
            "- Human resource infrastructure",
            "- Commission arrangements",
            "- Family Mediation pilot",
            "- Case studies and payments by results",
            "- Future delivery arrangements",
            "Discussion ensued on the report with the following issues raised/clarified:-",
            "- Approximately 600 people engaged with the project",
            "- The Police had seen a reduction in the figures for anti-social behaviour and criminal damage and were very supportive of the project",
            "- The infrastructure was funded by the Payment by Results which was one-off funding",
            "- The Programme was to be extended from April, 2015 to a 5 year programme although the funding had only been confirmed for the first year. However, the indications were that it was had cross-Party support",
            "- Details of the enhanced programme had not been announced as yet but there would be an expectation of working with an increased number of families with less funding",
            "- Identification criteria would be much wider and would include family violence, specifically, domestic violence, health indicators and sharing the outcomes",
            "- Troubled Families Unit had released a cost calculator to be used to demonstrate cost effectiveness",
            "- The set total amount of money per family would be reduced from £4,000 to £1,800",
        ],
        [
            ("noted", "That implementation of the Families for Change Delivery Plan to date be noted."),
            (
                "report_back",
                "That a report be submitted as to how Phase 2 of the Troubled Families was to be delivered once the parameters were clearly defined by the Troubled Families Unit.",
                "once the parameters were clearly defined by the Troubled Families Unit",
            ),
        ],
    ),
    (
        274,
        "CSE LEARNING AND DEVELOPMENT PLAN",
        [
            "Joyce Thacker, Strategic Director, Children and Young Peoples Services, submitted the planned learning and development activity to raise awareness of the advent of, and actions required by officers to respond to, the sexual exploitation of children and young people.",
            "In the absence of any clear guidance on learning and development provision or workforce definitions in the 2013 refresh of Working Together, the Rotherham Local Safeguarding Children's Board had opted to retain the definitions outlined in Working Together 2010 and had been included in the Learning and Improvement Framework. However, the remit of the LSCB's responsibilities for learning and development in relation to CSE had been extended to include communication and general awareness raising.",
            "Whilst distinct CSE training was being rolled out where required, it had also been incorporated into the existing learning and development offer to ensure it was an embedded component of broader practice developments.",
            "320 individuals had undertaken CSE training in 2013/14 as well as 8 trained trainers who would be supported to deliver multi-agency training in 2014/15.",
        ],
        [
            ("noted", "That the report be noted."),
        ],
    ),
    (
        275,
        "SEXUAL HEALTH SERVICES UPDATE",
        [
            "Further to Minute No. 237 of 20th November, 2013, Dr. John Radford, Director of Public Health, reported on the progress made to date on the development of care pathways and safeguarding reporting mechanisms for all young people accessing Sexual Health Services in Rotherham.",
            "The Local Pharmaceutical Committee had agreed the necessary variation to the local contract to facilitate extension to the provision of Emergency Hormonal Contraception (EHC) at pharmacies to young women aged 14 to 16 years of age.",
            "The protocols for the automatic referral from Pharmacy had now been developed and the electronic system was being modified so that it showed an automatic alert and details of the referral process. The Integrated Youth Service now had a draft protocol and an algorithm for referral.",
            "A timetable for delivering training to Pharmacists in the use of the recording tool and the referral process was now being compiled. Once this had been delivered, the contract variation would be processed and Pharmacists signed up to the new contract would be able to operate the service extension.",
            "The protocols in relation to under 16 year olds girls attending Genito-Urinary Medicine and Contraceptive and Sexual Health Clinics were in the process of being harmonised and Service Level Agreements with the Foundation Trust had been drawn up to reflect the integration of Sexual Health Services. The proposed algorithm for referral to the newly appointed Sexual Exploitation Nurse had now been circulated to professionals for comment and was currently being assessed. Once completed, the specialist protocols would be developed for use in general practice.",
            "The IYSS would be notified when a pharmacist had prescribed EHC but notifying GPs had not been included. It was felt that GPs should be informed at the same time.",
        ],
        [
            (
                "approved_amended",
                "That the report be noted with the addition of notification to GPs of any Emergency Hormonal Contraception prescribed by pharmacists.",
            ),
        ],
    ),
    (
        276,
        "CSE UPDATE",
        [
            "Joyce Thacker, Strategic Director, Children and Young Peoples Services, gave the following update:-",
            "- The annual report was currently being compiled and would be submitted to the July meeting and to the LSCB",
            "- GROW had managed to secure SRP funding for a further 2 years",
            "- Consideration was to be given to Safeguarding training for taxi drivers using a training pack used by Sheffield City Council who had introduced it as a pre-requisite for their license",
            "- Multi-Agency Safeguarding Hub would go live on 4th August at Riverside House. The CSE Team back office function would be re-located to Riverside and front facing work to the Eric Manns Building",
            "- Induction for Elected Members would include Safeguarding training with CSE emphasis",
            "- £20k had been secured from SRP for 2014/15 for the Voluntary Sector Consortium CSE Forum to deliver community based CSE training and awareness",
        ],
        [],
    ),
    (
        277,
        "ROTHERHAM LOCAL SAFEGUARDING CHILDREN'S BOARD",
        [
            "The minutes of the Rotherham Local Safeguarding Children board meeting held on 6th March, 2014, were noted.",
        ],
        [],
    ),
    (
        278,
        "ANY OTHER BUSINESS",
        [
            "DCLG",
            "The DCLG was putting forward a Transformation Challenge Award where a local authority, on behalf of their partnerships, could submit a bid from the £105M available in 2015/16. The Strategic Leadership Team had requested that Directorates consider any opportunities to bid. Children and Young People's Services were considering a bid for MASH2, an information dashboard which brought together information from across the partnerships and built a single view of a child. Partners and agencies would still put information onto their systems and would draw the information out.",
            "Only 1 bid for Local Authority was allowed. Any bids were to be considered by the SLT on 2nd June.",
            "Karen Smith",
            "An e-mail had been received from Karen, Head Teacher, Meadowview Primary School, submitting her resignation from the Partnership due to the pressure of work.",
            "A letter of thanks would be sent to Karen for her contributions to the Partnership.",
            "Safe Haven",
            "This was an anti-bullying project run by young people for young people. In conjunction with the incoming Mayor, there was to be a presentation event on 1st July.",
        ],
        [],
    ),
    (
        279,
        "DATE AND TIME OF NEXT MEETING",
        [],
        [
            (
                "approved",
                "That a further meeting be held on Wednesday, 16th July, 2014, commencing at 2.00 p.m. in Rotherham Town Hall.",
            ),
        ],
    ),
]

MEETING_2014_07_16 = {
    "date": date(2014, 7, 16),
    "date_as_written": "Wednesday, 16th July, 2014",
    "starts_at": time(14, 0),
    "venue": "Town Hall, Moorgate Street, Rotherham. S60 2TH",
}
# The sections in order; an item's section is its index here, None for the ungrouped items.
SECTIONS = ["For Decision:-", "For Discussion:-", "For Information"]
# (number as printed, title as printed, kind, presenter, section, pages, sub-items as (number, title)).
# Another body's minutes: (body slug or None, the date the agenda gives).
AGENDA_2014_07_16 = [
    ("1", "Apologies for Absence.", "apologies", "", None, "", []),
    (
        "2",
        "Minutes of the Previous Meeting held on 21st May, 2014 (herewith)",
        "previous_minutes",
        "",
        0,
        "1 - 9",
        [],
    ),
    ("3", "Matters Arising.", "matters_arising", "", 0, "", []),
    (
        "4",
        "Issues and Concerns",
        "other",
        "",
        0,
        "10 - 16",
        [("", "Looked After Children's Council Update"), ("", "Youth Cabinet Update")],
    ),
    ("5", "CSE Update", "verbal", "", 1, "", []),
    ("6", "Multi Agency Thresholds", "paper", "Clair Pyper to report", 1, "17 - 19", []),
    (
        "7",
        "Neglect - Preparation for September Peer Review",
        "paper",
        "Clair Pyper / Sue Wilson to present",
        1,
        "20 - 23",
        [],
    ),
    ("8", "Review of the CYPP", "paper", "Sue Wilson to present", 1, "24 - 98", []),
    ("9", "Multi Agency Inspection", "paper", "Sue Wilson to present", 1, "99 - 172", []),
    ("10", "SEND", "verbal", "Sue Wilson to present", 1, "", []),
    (
        "11",
        "Youth Cabinet minutes of meeting held on 15th May, 2014",
        "other_minutes",
        "",
        2,
        "173 - 176",
        [],
    ),
    (
        "12",
        "Rotherham LSCB minutes of meeting held on 6th June, 2014",
        "other_minutes",
        "",
        2,
        "177 - 197",
        [],
    ),
    ("13", "Any Other Business.", "aob", "", None, "", []),
    (
        "14",
        "Date and Time of Future Meetings\nWednesday, 24th September, 2014, at 2.00 p.m.\n19th November\n"
        "14th January, 2015\n18th March\n27th May\n15th July\n\nAll to commence at 2.00 p.m. in the Town Hall",
        "next_meeting",
        "",
        None,
        "",
        [],
    ),
]
OTHER_MINUTES = {"11": (None, date(2014, 5, 15)), "12": ("rlscb", date(2014, 6, 6))}
