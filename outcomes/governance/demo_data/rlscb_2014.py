"""The Rotherham Local Safeguarding Children Board as seed 003 records it: its members at the meeting
of Thursday 5 June 2014 (L2589-2633) and its action log as at 05.06.2014 (Appendix One, L2978-3033).

Transcribed word for word; where the seed is garbled the text is reconstructed and the place marked
"[R]" with what the seed has. An update's paragraphs are kept as the seed separates them (joined by a
blank line when loaded); the update date "05.06.14" that opens each cell is the update's date.
"""

from datetime import date

SLUG = "rlscb"
NAME = "Rotherham Local Safeguarding Children Board"
SHORT_NAME = "RLSCB"
MEETING = date(2014, 6, 5)

# (name as written, role, job title and organisation as written). "Minutes" (the clerk) is an
# officer in attendance; those "in attendance to present agenda item n" attend a meeting and are
# not members, so they wait for the meetings' attendance. The last five gave apologies (L2624-2630).
MEMBERS = [
    ("Steve Ashley", "chair", "Independent Chair, Rotherham Local Safeguarding Children Board"),
    ("Sonya Chambers", "officer", "Administrative Officer, Rotherham Local Safeguarding Children Board"),
    (
        "Kevin Stevens",
        "advisor",
        "Safeguarding Quality Assurance Officer for Rotherham Local Safeguarding Children Board and Children "
        "and Young People's Services, Rotherham Council",
    ),
    ("Richard Burton", "member", "Lay Member, Rotherham Local Safeguarding Children Board"),
    (
        "Councillor Paul Lakin",
        "observer",
        "Lead Member for Children and Young People's Services, Rotherham Council",
    ),
    ("Phil Morris", "advisor", "Business Manager, Rotherham Local Safeguarding Children Board"),
    ("John Radford", "member", "Director of Public Health, Rotherham"),
    ("Sue Cassin", "member", "Executive Lead for Safeguarding, Rotherham Clinical Commissioning Group"),
    ("Dawn Peet", "member", "Safeguarding Officer, South Yorkshire Fire and Rescue"),
    ("Tracey McErlain-Burns", "member", "Chief Nurse, The Rotherham NHS Foundation Trust"),
    ("Pete Horner", "member", "Public Protection Unit Manager, South Yorkshire Police"),
    ("Sherif El-Reftee", "advisor", "Designated Doctor, Rotherham Clinical Commissioning Group"),
    (
        "Deborah Wildgoose",
        "member",
        "Interim Service Director, Children's and Community, Rotherham, Doncaster and South Humber NHS "
        "Foundation Trust (RDASH)",
    ),
    (
        "Warren Carratt",
        "advisor",
        "Service Manager for Strategy, Standards and Development, Children and Young People's Services, "
        "Rotherham Council, and Rotherham Local Safeguarding Children Board",
    ),
    (
        "Shona McFarlane",
        "member",
        "Director of Health and Wellbeing, Neighbourhoods and Adult Services, Rotherham Council",
    ),
    (
        "Joyce Thacker",
        "member",
        "Strategic Director of Children and Young People's Services, Rotherham Council",
    ),
    (
        "Catherine Hall",
        "advisor",
        "Designated Nurse for Safeguarding Children, Rotherham Clinical Commissioning Group",
    ),
    (
        "Anne Riley",
        "member",
        "Service Manager, Children and Family Court Advisory and Support Service (CAFCASS)",
    ),
    (
        "Jason Harwin",
        "member",
        "Chief Superintendent, District Commander for Rotherham, South Yorkshire Police",
    ),
    (
        "Tracy Holmes",
        "advisor",
        "Head of Corporate Communications and Marketing, Environment and Development Services, Rotherham Council",
    ),
    (
        "Clair Pyper",
        "member",
        "Interim Director of Safeguarding Children and Families, Children and Young People's Services, "
        "Rotherham Council",
    ),
    (
        "Tracey Slater",
        "member",
        "Patient Experience Manager, Nursing Directorate, NHS England (South Yorkshire and Bassetlaw)",
    ),
    (
        "Sarah Mainwaring",
        "member",
        "Assistant Chief Officer for North East Division, National Probation Service",
    ),
    ("Sue Wynne", "member", "Rotherham Women's Refuge, Voluntary Sector Consortium"),
    ("Paul Grimwood", "member", "Youth Offending Services Manager, Rotherham Council"),
    (
        "Maryke Turvey",
        "member",
        "Assistant Chief Officer, Rotherham/Doncaster Cluster, The South Yorkshire Community Rehabilitation "
        "Company",
    ),
    (
        "Dorothy Smith",
        "member",
        "Director of Schools and Lifelong Learning, Children and Young People's Services, Rotherham Council",
    ),
    ("Nick Whittaker", "member", "Headteacher, Hilltop and Kelford Schools"),
    (
        "Robin Williams",
        "advisor",
        "Service Solicitor for Children and Young People's Services, Rotherham Council",
    ),
]

# People named as owners who sit on no table above: Sue Wilson (the Performance and Quality Manager,
# in attendance for item 7.4.1), Bev Pepperdine and Paul Lakin as the owner column writes him.
OTHER_OWNERS = ["Sue Wilson", "Bev Pepperdine"]
# The owner column writes "Paul Lakin"; the members' table "Councillor Paul Lakin".
OWNER_ALIASES = {"Paul Lakin": "Councillor Paul Lakin"}

# The three bands of the log as at 05.06.2014 (L2982, L2995, L3008).
RAISED = range(1, 11)
ONGOING = range(11, 16)
DISCHARGED = range(16, 31)
# Action 15's update: "It was unclear whether or not this action had been completed." (L3006)
UNCLEAR = {15}

# (number, owner as written, details, update paragraphs dated 05.06.14).
ACTIONS = [
    (
        1,
        "Steve Ashley",
        "Councillor Paul Lakin stated that a change in legislation was required in relation to elective home education. He therefore asked that Steve Ashley write a formal letter to government ministers to this effect – this was agreed.",
        [],
    ),
    (
        2,
        "Paul Lakin & Steve Ashley",
        "Councillor Paul Lakin undertook to raise concerns about a lack of safeguarding for children educated at home at the Yorkshire and Humber forum that he attends, and Steve Ashley undertook to raise it at the Police and Crime Commissioner's Meeting as well.",
        [],
    ),
    (
        3,
        "Steve Ashley",
        "Jason Harwin asked Steve Ashley to write back to Rotherham Youth Cabinet to thank them for their review of self-harm – this was agreed. Steve Ashley added that he would very much like to meet with them personally as he is very impressed by their work, particularly as they do not shy away from difficult issues.",
        [],
    ),
    (
        4,
        "Jason Harwin (Sonya Chambers to add to September's RLSCB agenda)",
        "The Child Sexual Exploitation Sub Group is currently compiling its annual report which will come back to the LSCB.",
        [],
    ),
    (
        5,
        "All RLSCB members",
        "A new chair is required for the Performance Sub Group - Steve Ashley therefore requested that all LSCB members consider putting themselves forward for the post.",
        [],
    ),
    (
        6,
        "John Radford (Sonya Chambers to add to September's RLSCB agenda)",
        "John Radford reported that he had now completed the CDOP annual report which he will bring to the next LSCB meeting, although it will go to the Children's Board first.",
        [],
    ),
    (
        7,
        "Phil Morris (Sonya Chambers to add to September's RLSCB agenda)",
        "By September this year, the LSCB Business Plan should be finalised and fit for purpose.",
        [],
    ),
    (
        8,
        "Joyce Thacker",
        "Joyce Thacker would like to invite all agencies to the set up meeting regarding Ofsted scrutiny of the LSCB. She will therefore email out the details in due course.",
        ["Sue Wilson emailed out to all Board Members giving details."],
    ),
    (
        9,
        "Steve Ashley",
        "Richard Burton asked what would happen with all of his comments, and Steve Ashley assured him that they would be followed up and a formal response can be fed back at each subsequent meeting to ensure this is recorded.",
        [],
    ),
    (
        10,
        "Everyone",
        "Steve Ashley confirmed that he was currently in the process of writing the RLSCB Annual Report, which he was trying to do in a more user friendly style. He put out a plea to all agencies to feed any good news stories to Phil Morris for inclusion, to ensure that positive news is promoted.",
        [],
    ),
    (
        11,
        "Steve Ashley",
        "Steve Ashley undertook to bring a proposal back to the next meeting regarding a multi-agency forum for the discussion of neglect.",
        [
            "As there will now be a Peer Review on neglect, this will generate an action plan which means the LSCB will have a clearer idea on progress by September.",
            "New action: Sonya Chambers to add this as a standing agenda item for the LSCB.",
        ],
    ),
    (
        12,
        "Joyce Thacker & Pete Horner",
        "The CSE Sub Group has produced a CSE victim profile and there are now plans to produce a perpetrator profile. Pete Horner responded that the Office of the Children's Commissioner (OCC) was currently looking at a perpetrator profile so it might be worth contacting them – Joyce Thacker and Pete Horner agreed to discuss this further outside of the meeting, as it will be useful to link in and triangulate with any existing work rather than duplicate anything unnecessarily.",
        [
            "There will be a discussion at next week's CSE Sub Ground about profiles. Joyce Thacker reported that Rotherham has offered to be part of some university research but no response has yet been received about this.",
            "New action: Pete Horner therefore undertook to chase this up as it would be good to participate in this.",
        ],
    ),
    (
        13,
        "Steve Ashley",
        "Richard Burton requested that consideration be given to a standing agenda item for the Lay Members, arguing that he currently has to wait until 'any other business' at the end of the meeting, when people start to leave. Steve Ashley agreed to consider this.",
        [
            "Steve Ashley had considered this but concluded he was happy that Richard Burton's views were clearly minuted anyway, so there was no need for a separate section.",
            "New action: Phil Morris will speak to Richard Burton outside the meeting about including a Lay Member section within the RLSCB Annual Report. Steve Ashley added that the LSCB will shortly be recruiting for another Lay Member.",
        ],
    ),
    (
        14,
        "Pete Horner",
        "John Radford asked whether we are clear on the process for CAMHS level four, relating to children detained under the mental health act, e.g. how long they are detained for, what they are detained for, etc. Joyce Thacker said that she didn't think a clear process was in place and she asked Pete Horner to check the situation, as there is a real need for clarity on this. Richard Butterworth confirmed that a triage process is already in place.",
        [
            "Pete Horner confirmed that clear guidance was already in place, but he requested to postpone discussion of this until the next RLSCB meeting, as the Police have undergone a recent inspection and he would like to provide feedback from this.",
            "New action: Sonya Chambers will add this to September's RLSCB agenda.",
            "John Radford stated that clarification is needed from NHS England regarding these arrangements. Clair Pyper answered that a meeting had already been pulled together between herself, Tracey McErlain-Burns and Margaret Kitching to discuss links between CAMHS, CAMHS 4 and the Police.",
            "New action: Clair Pyper will speak to Pete Horner outside of the meeting regarding this.",
            "John Radford asked what telephone number to ring when out of hours CAMHS support is needed for a child – Clair Pyper replied that this was CAMHS 3, i.e. RDASH, so the gateway is via RDASH. But it was then clarified that this is not the correct route for calls about a distressed child therefore this still requires further clarification. Tracey McErlain-Burns agreed and said it's not helpful for these children to be referred to paediatrics as they would not then receive appropriate therapeutic support. Neither it is appropriate to hold these children in police cells. John Radford argued again that this is clearly NHS England's responsibility as they commissioned CAMHS 4.",
            "New action: Steve Ashley undertook to write to NHS England for clarification. The first step is to clarify what the process is, then agencies can report if this is working in practice. Tracey Slater said that as NHS England's representative on the LSCB, she will take this back to Margaret Kitching. But she said that it would still be helpful for Steve Ashley to write as she will be on leave after today.",
            "Deborah Wildgoose commented that this is a national issue.",
            "John Radford stated that there needs to be a clear default mechanism in place for children in crisis. Deborah Wildgoose answered that there is no appropriate default system at the moment. She added that a regional event is planned for 1st July and it will be interesting to hear NHS England's response.",
            "Sherif El-Reftee expressed concern that there doesn't appear to be anyone bridging the gap in the interim. Clair Pyper replied that a current piece of work commissioned by Rotherham CCG was to look at this and she has fed into this. The Police should have the opportunity to feed into it as well.",
        ],
    ),
    (
        15,
        "Paul Grimwood & Pete Horner",
        "Paul Grimwood fed back a potential risk identified from the recent HMIC inspection of Youth Offending Services, which Steve Ashley said would be worth Pete Horner raising at the Child Sexual Exploitation Board chaired by the Police and Crime Commissioner. Therefore Paul Grimwood undertook to send Pete Horner the spreadsheet containing full details.",
        ["It was unclear whether or not this action had been completed."],
    ),
    (
        16,
        "Warren Carratt",
        "An update on the children's advocacy service to be brought to RLSCB on 05.06.2014, to evidence the good work that has been done.",
        [
            "This report was taken to the Quality Assurance Sub Group and Tracey McErlain-Burns provided an update as part of the QA Sub Group update report at agenda item 7.3 of these minutes.",
            "DISCHARGED",
        ],
    ),
    (
        17,
        "Steve Ashley",
        "Further to concerns raised about the lack of engagement of school staff with safeguarding services during school holidays (e.g. in relation to child protection conferences), Steve Ashley to look at obtaining another education representative for RLSCB.",
        [
            "There is an issue regarding representation from schools on the LSCB. Steve Ashley has discussed this with Joyce Thacker but they are unsure if there is a practical solution to this i.e. in terms of nominating one person to represent all schools. Therefore as an alternative way of creating a link between the LSCB and schools, Steve Ashley has arranged to be invited to the Cross Phase School meeting.",
            "DISCHARGED",
        ],
    ),
    (
        18,
        "Sonya Chambers",
        "Sonya Chambers to re-circulate the RLSCB constitution with a request for up to date signatures.",
        ["This was re-circulated.", "DISCHARGED"],
    ),
    (
        19,
        "Phil Morris & Kevin Stevens",
        "Phil Morris and Kevin Stevens undertook to look at the contact and referral rate to CART and the source of each contact and referral to see what percentage from each agency end up leading to no further action. This exercise will provide an important baseline analysis, and will be shared with the Performance Sub Group / Quality Assurance Sub Group / Learning and Improvement Sub Group as appropriate before coming back to the LSCB.",
        [
            "Hard copies of this data were passed round. In terms of the headline facts, Kevin Stevens reported that 48% of all contacts into CART did not meet the Social Care threshold for referral. Of this 48%, 38% were for domestic abuse.",
            "Steve Ashley commented that just because not all contacts meet the threshold, this doesn't mean that good information is not coming through. But he questioned what we do with this information if the threshold has not been met – Phil Morris answered that it is recorded in a structured way to enable the history to be tracked when a perpetrator moves to a different family.",
            "Phil Morris explained that the figures are somewhat misleading as each referral / contact is copied across all siblings which makes it look like there are more.",
            "Jason Harwin emphasised the importance of providing the agency that made the contact / referral with feedback, as it is important that lessons are learned. Warren Carratt replied that efforts have been made to try and improve learning from contacts and referrals and he added that the development of the MASH should improve this process.",
            "John Radford asked whether all referrers receive feedback and the answer was no. He stated that professionals need support if they have made a referral which has been turned down, and they feel this is the wrong decision and wish to challenge this. Kevin Stevens pointed out that there is already an escalation process in the TriX procedures for this. Steve Ashley said there is a need to ensure that the escalation process forms part of the feedback to referrers so that the referrer is aware of what support is available should they wish to challenge the decision. Going back to John Radford's original question, Kevin Stevens said that it is difficult to provide feedback to all referrers given the volume that is received – not that this shouldn't happen ideally, but realistically, there is only a team of four to deal with this work. Pete Horner said that it is important to get the process right from the beginning to prevent unnecessary referrals, so fewer are received in the first instance – hopefully MASH should solve some of this problem.",
            "DISCHARGED",
        ],
    ),
    (
        20,
        "Sue Wilson",
        "Warren Carratt suggested that a performance improvement report is taken to the Performance Sub Group before being presented to the LSCB – Steve Ashley agreed.",
        ["This process is now in place.", "DISCHARGED"],
    ),
    (
        21,
        "Warren Carratt",
        "In relation to the results of the Lifestyle Survey, Phil Morris asked whether, in cases of racist bullying, the racist bullying incident process has been triggered, and also whether the Police Young Person's Police Officer (PYPPO) was involved - this information would be useful to know. Warren Carratt undertook to look at PYPPO involvement and report back.",
        [
            "Steve Ashley confirmed that all of the actions relating to the Lifestyle Survey are now in hand as the information is being fed into next year's survey. DISCHARGED"
        ],
    ),
    (
        22,
        "Bev Pepperdine",
        "Bev Pepperdine agreed to a suggestion from Phil Morris to look at adapting the bullying question in the Lifestyle Survey to ask young people whether they were being bullied at school or out of school.",
        ["DISCHARGED"],
    ),
    (
        23,
        "Bev Pepperdine",
        "Some of the young people from the Youth Cabinet have fed back that Sheffield has better questions for their Lifestyle Survey than Rotherham, so this is something to look at.",
        ["DISCHARGED"],
    ),
    (
        24,
        "Joyce Thacker",
        "Richard Burton then asked if the Lifestyle Survey captured anything about young people's attitudes to porn. Joyce Thacker said that the term 'porn' would not be used in the survey as it was not age appropriate, but she agreed that consideration needed to be given to getting appropriate messages across to children without offending parents as well. Joyce Thacker undertook to speak to Kay Denton regarding this point.",
        ["DISCHARGED"],
    ),
    (
        25,
        "Sue Wilson to forward to Sonya Chambers for sharing with the group",
        "Richard Butterworth asked if there was a multi-agency action plan from the Lifestyle Survey, and Sue Wilson answered yes – it was agreed that the action plan would be shared with these minutes. The action plan provides a 'litmus test' to see what has changed in a year's time.",
        [
            "Sue Wilson apologised that this action plan had not yet been sent out and it will be circulated with these minutes. Sonya Chambers has now added Sue Wilson to the RLSCB circulation list to ensure she receives the minutes and actions. DISCHARGED"
        ],
    ),
    (
        26,
        "Steve Ashley",
        "Steve Ashley undertook to look at the Lifestyle Survey action plan and feed back via the LSCB to Bev Pepperdine about what actions have been done.",
        ["DISCHARGED"],
    ),
    (
        27,
        "Sonya Chambers",
        "Steve Ashley proposed that from now on, the completed draft minutes will be circulated to all LSCB members and advisors allowing one week for any comments before they are uploaded to the LSCB website. This will avoid the current delay caused by waiting until the following meeting for the minutes to be formally approved. Tracey McErlain-Burns agreed with this proposal but requested that the minutes are circulated to everyone via the 'BCC' email option to avoid people receiving subsequent unnecessary emails by people using the 'reply all' option.",
        ["This process is now in place. DISCHARGED"],
    ),
    (
        28,
        "Steve Ashley",
        "Steve Ashley undertook to discuss the format of LSCB meeting further with attendees outside of the meeting.",
        [
            "Steve Ashley reported that this was discussed at the previous Sub Group Chairs' meeting, and it was proposed that items such policies and procedures that are brought to the LSCB for sign off could be signed off at the Sub Group Chairs' meeting instead to alleviate pressure on the LSCB agenda.",
            "A significant issue that has been identified is the duplication of work within the sub groups – the chairs need to be clear on what work is being undertaken across the sub groups and to liaise with each other. This especially applies to the CSE Sub Group (strategic) and the CSE Silver Group (operational). Jason Harwin assured the LSCB that the Silver Group has now grown, and the CSE Sub Group is now more strategy focused with the Silver Group retaining its tactical focus.",
            "Steve Ashley emphasised the need to ensure that work is going to the most appropriate forum to ensure that LSCB meetings are focused and efficient.",
            "DISCHARGED",
        ],
    ),
    (
        29,
        "Phil Morris",
        "Steve Ashley fed back a request from Councillor Paul Lakin for the LSCB to consider licensing issues – Phil Morris will be the link for this.",
        ["This issue has now been resolved.", "DISCHARGED"],
    ),
    (
        30,
        "Steve Ashley",
        "Richard Butterworth suggested a ten to fifteen minutes presentation at the next LSCB meeting on the 'channel process' – Steve Ashley agreed to consider this.",
        [
            "Jason Harwin was no longer sure that this needed to come to the LSCB as it is being looked at again nationally.",
            "DISCHARGED",
        ],
    ),
]

# Where the seed is garbled: (number, the seed's words, the words loaded). Applied by the loader so
# that the list above stays as the seed has it.
# [R] 12: "next week's CSE Sub Ground" (L2996): the CSE Sub Group.
# [R] 28: "items such policies and procedures" (L3032): "such as".
RECONSTRUCTED = [
    (12, "CSE Sub Ground", "CSE Sub Group [R: the seed reads “Sub Ground”]"),
    (28, "items such policies", "items such as [R: the seed omits “as”] policies"),
]
# [R] 8: the update in the "raised" band carries no date (L2992); the log is as at 05.06.2014, the
# day it was raised, so it is dated then.

# "New action:" children written in their parent's update (L2996-3005): (parent, number given,
# owner, details as the update writes them after "New action: ").
CHILDREN = [
    (11, 31, "Sonya Chambers", "Sonya Chambers to add this as a standing agenda item for the LSCB."),
    (
        12,
        32,
        "Pete Horner",
        "Pete Horner therefore undertook to chase this up as it would be good to participate in this.",
    ),
    (
        13,
        33,
        "Phil Morris",
        "Phil Morris will speak to Richard Burton outside the meeting about including a Lay Member section "
        "within the RLSCB Annual Report.",
    ),
    (14, 34, "Sonya Chambers", "Sonya Chambers will add this to September's RLSCB agenda."),
    (14, 35, "Clair Pyper", "Clair Pyper will speak to Pete Horner outside of the meeting regarding this."),
    (
        14,
        36,
        "Steve Ashley",
        "Steve Ashley undertook to write to NHS England for clarification. The first step is to clarify what "
        "the process is, then agencies can report if this is working in practice.",
    ),
]

# The evidence of the discharged actions: the seed records them "DISCHARGED" in this log and, for
# action 16, names the agenda item that shows it done.
EVIDENCE = (
    "Recorded as DISCHARGED in the RLSCB action log as at 05.06.2014 (minutes of 5 June 2014, Appendix One)."
)
EVIDENCE_OF = {
    16: "Agenda item 7.3 of the RLSCB minutes of 5 June 2014 (Quality Assurance Sub Group update report)."
}

PARTNERSHIP = {
    "slug": "cypfp",
    "name": "Children, Young People and Families Partnership",
    "short_name": "CYPFP",
}
