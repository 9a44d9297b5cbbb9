"""The LSCB's meeting of Thursday 5 June 2014 as seed 003 records it (L2585-2977): the attendance
table (members by their membership; those "in attendance to present agenda item n" by name), the
apologies, and the minutes numbered by agenda item (the LSCB numbers afresh at each meeting; the
sub-items 7.1-7.6, 9.1-9.4 and 11.1-11.6 are paragraphs of their item's minute).

Transcribed word for word. The page headers the extraction repeats ("Agenda item: | Action:") are
left out, and a paragraph a page break cut in two is joined again. The action markers ("Action 1"
beside the paragraph that raised it; glued to the next number in the seed: "79. For information"
is Action 7 and item 9, notes-003 §13) become the minute's action resolutions, pointing at the
actions of the log (rlscb_2014.py).
"""

from datetime import date, time

DATE = date(2014, 6, 5)
DATE_AS_WRITTEN = "Thursday 5th June 2014"
STARTS_AT = time(13, 0)
VENUE = "Riverside House"

# "In attendance:" (L2589-2621): the members present, in the table's order, with the tag the
# table gives those who are not plain members ("Minutes").
PRESENT = [
    ("Steve Ashley", ""),
    ("Sonya Chambers", "Minutes"),
    ("Kevin Stevens", ""),
    ("Richard Burton", ""),
    ("Councillor Paul Lakin", "participating observer"),
    ("Phil Morris", ""),
    ("John Radford", ""),
    ("Sue Cassin", ""),
    ("Dawn Peet", ""),
    ("Tracey McErlain-Burns", ""),
    ("Pete Horner", ""),
    ("Sherif El-Reftee", ""),
    ("Deborah Wildgoose", ""),
    ("Warren Carratt", ""),
    ("Shona McFarlane", ""),
    ("Joyce Thacker", ""),
    ("Catherine Hall", ""),
    ("Anne Riley", ""),
    ("Jason Harwin", ""),
    ("Tracy Holmes", ""),
    ("Clair Pyper", ""),
    ("Tracey Slater", ""),
    ("Sarah Mainwaring", ""),
    ("Sue Wynne", ""),
]
# Those in attendance to present an item, who are not members: (name, note, position as written).
IN_ATTENDANCE = [
    (
        "Gill Brooks",
        "in attendance to present agenda item 4",
        "Local Authority Designated Officer (LADO) and Child Protection Conference Chair, Safeguarding Children Unit, Rotherham Council",
    ),
    (
        "Sue Wilson",
        "in attendance to present agenda item 7.4.1",
        "Performance and Quality Manager, Rotherham Council",
    ),
    (
        "Marie Boswell",
        "in attendance to present agenda item 3",
        "Raising Participation Team/Elective Home Education, Children and Young People's Services, Rotherham Council",
    ),
    (
        "Sarah Bellamy",
        "in attendance to present agenda item 5",
        "Voice and Influence Team, Integrated Youth Support Service",
    ),
    (
        "Lisa Duvalle",
        "in attendance to present agenda item 5",
        "Voice and Influence Team, Integrated Youth Support Service",
    ),
]
# "Apologies:" (L2623-2629).
APOLOGIES = ["Paul Grimwood", "Maryke Turvey", "Dorothy Smith", "Nick Whittaker", "Robin Williams"]

# (number, title as printed, paragraphs, the actions of the log it raised).
MINUTES = [
    (
        1,
        "Welcome / apologies and introductions",
        [
            "Introductions were made and apologies and attendance were recorded as above.",
        ],
        [],
    ),
    (
        2,
        "Previous RLSCB minutes from 06.03.2014 and matters / actions arising",
        [
            "As agreed at the previous meeting, any amendments to RLSCB minutes need to be submitted within one week of circulation of the draft copy. After this period, the minutes are uploaded to the RLSCB website.",
            "Please refer to Appendix One for updates on action points.",
        ],
        [],
    ),
    (
        3,
        "Elective Home Education – Marie Boswell",
        [
            "Marie Boswell had been invited to today's meeting to present her report on elective home education and to explain the safeguarding concerns relating to this. She introduced herself and stated that she was happy to talk to organisations outside today's meeting if anyone required any further information.",
            "Marie Boswell was particularly eager to know of any ways in which RLSCB member organisations could support the work of her team, and thereby establish useful links between relevant services.",
            "A national paper was recently published stating that elective home education should no longer be part of the Education Welfare Service, therefore these two services are now separate in Rotherham but they still work together when necessary.",
            "In Rotherham, the Elective Home Education Team comprises three staff members, including an administrative post which acts as a central contact – this arrangement is working well.",
            "A new policy has been drawn up with regard to elective home education and this was recently taken to Rotherham Council's Directorate Leadership Team, so will hopefully be published soon.",
            "Nationally, there has been a massive increase in home education. In Rotherham, the increase has been gradual compared to other local authorities, and the trend seems to be more predominant in those areas that have a larger travelling community.",
            "The team is currently receiving calls from concerned parents of year six pupils, who are worried about their children coping at secondary school - particularly if their child is on the autistic spectrum but not severe enough for them to have a statement recommending special school education. Therefore these parents are considering home education as an option.",
            "If a parent writes to a school to state that they wish to remove their child, then the school has to take the child off the school role. If the team can intervene prior to the parent contacting the school, this can be prevented.",
            "Once a parent chooses to home educate their child, that child receives no funding for their education, they don't have to follow a curriculum or timetable, and the local authority doesn't have to visit the child at home – they have no duty or right to see these young people. In order to try and ensure the welfare of these children in Rotherham, the team puts together a list, once a term, of all young people for whom no response has been received, then a meeting is held with Joyce Thacker, Strategic Director of Children and Young People's Services and Dorothy Smith, Director of Schools and Lifelong Learning. Going back to her earlier point, Marie Boswell requested help from RLSCB member organisations to triangulate any information they may have to try and locate these young people and check their welfare.",
            "Referring to the figures in her report, Marie Boswell reported that one young person who did go to college after being educated at home subsequently dropped out as they were struggling to cope with the college environment, and instead opted to continue their studies at home. This raises the issue of young people who self-nominate to be home educated and the question of how we can address this.",
            "Steve Ashley exclaimed that this was a 'national time bomb' and thanked the local authority for funding this work, as a lot of areas don't have this valuable resource. He went on to say that schools provide a safeguarding environment and for the children outside of this environment, we cannot be sure about their welfare. However, he emphasised that parents who do educate their children at home are not breaking the law, but he argued that it was essential to keep the work of the Elective Home Education Team going given the lack of safeguarding for these children.",
            "Referring to the recent proposal to close the school at the hospital, Richard Burton said that the public felt concerned about this and he asked whether parents whose children were in hospital would be supported to educate them if the current provision was no longer available. Joyce Thacker wanted to dispel the myths about this and pointed out that the vast majority of children are in hospital for no longer than a few days, and the time for teaching a child during their stay is miniscule – two hours a day, therefore it is questionable what real benefit this actually provides. For longer term illness, the option of home tutoring provided by the local authority is being looked at. Joyce Thacker clarified that the budget is not being taken away but is going to be used differently as it has been identified that the classroom at the hospital is not being used enough.",
            "Phil Morris sought clarification on the following statement from the bottom of page two of the report: *'The time implications for addressing cases which may or may not become official EHE has been significant'*. He asked whether this included cases where parents were considering home education for a temporary period when their child might be out of school. Marie Boswell replied that many EHE cases are religious families who have been home educating for years and are happy to receive home visits and provide evidence. With regard to other cases, the number would have been higher had it not been for the work and intervention of the team.",
            "Clair Pyper made the point that there is evidence from previous serious case reviews nationally (including Victoria Climbié) that home education is a risk factor, so this is not an unfounded worry.",
            "John Radford asked about the access of home educated children to the School Nursing Service, and Joyce Thacker replied that she had looked at the proposed policy but cannot approve this as it must be approved by councillors – the local authority will then implement the policy once agreed. However, she gave the assurance that parents will not be given the option to opt out of the School Nursing Service, and work is currently underway to ensure all children are being seen.",
            "Jason Harwin asked for clarification on the timescales of when children educated at home were last seen by Health Services. Marie Boswell answered that the team was still trying to catch up on the backlog of this but in a recent case, a little boy was last seen in January of this year. As the numbers of home educated children in Rotherham are not particularly high, Jason Harwin and Pete Horner said that the Police would be happy to help with the team's work by asking to see children on a home visit and then undertaking subsequent checks to provide the team with any further information which may be of use.",
            "Councillor Paul Lakin stated that what was ultimately required here was a change in legislation. He therefore asked that Steve Ashley write a formal letter to government ministers to this effect – this was agreed.",
            "Marie Boswell reported that she had recently attended a meeting about elective home education in London with lots of representatives from other local authorities, at which local authorities were encouraged to work together to form strong networks. A Yorkshire and Humber network was subsequently set up and has already met – this provides the area with a voice to feed directly into government.",
            "Councillor Paul Lakin said that he will also raise this issue at the Yorkshire and Humber Lead Members forum that he chairs, and Steve Ashley undertook to raise it at the Police and Crime Commissioner's Meeting as well.",
            "John Radford emphasised that School Nursing is a universal service with a pastoral role. He argued that if children educated at home are regarded as an at risk group, then there is no reason why specific provision for them cannot be built into the School Nursing Programme.",
            "Steve Ashley reiterated the need to ensure that children educated at home are being properly educated, cared for and are safe. He emphasised that it is not wrong to home educate but it is essential that appropriate safeguards are in place, e.g. that professionals such as School Nurses and Education Welfare Officers are allowed home visits.",
            "Marie Boswell added that another duty missing from legislation is the appropriateness of the education provided at home – i.e. whether it is age appropriate and whether it adequately prepares the child for society.",
            "Tracey Slater pointed out that there are other Health Services that children have access to in school as well as School Nursing, which could be tapped into with regard to home educated children, e.g., audiology. Marie Boswell and Joyce Thacker assured her that they had already considered other Health Services and had tried to cover everything.",
        ],
        [1, 2],
    ),
    (
        4,
        "Management of Allegations against Professionals and Carers – Gill Brooks",
        [
            "Gill Brooks introduced herself and explained that she would be presenting this report on behalf of her manager, Linda Alcock, who was unable to attend today's meeting.",
            "Gill Brooks informed the LSCB that she had been Rotherham's Local Authority Designated Officer (LADO) since March 2013 under Linda Alcock's supervision, and that this report had been put together by both of them.",
            "There has been a steady increase in the number of contacts to the LADO, but not all of these have resulted in a full investigation. This increase demonstrates good partnership working and an increased awareness of the LADO role. However there are some sources from whom there have been very few contacts, but the LSCB was assured that this is being addressed via training and awareness raising.",
            "It was confirmed that a system is in place to ensure that those involved are kept up to date and are not left wondering about the progress of a LADO investigation, e.g. if staff have been off on long term sick, the case has gone to the Crown Prosecution Service, etc.",
            "Gill Brooks reported that she had started to network with other regional LADOs and there is a national LADO network. This year she is hoping to benchmark against LADO data from other areas to see if Rotherham's figures are in line with expectations and to determine what further work is needed e.g. around thresholds.",
            "By establishing a dedicated LADO position in Rotherham, this has helped to raise the profile of this area of work.",
            "Steve Ashley thanked Gill Brooks for this report and said that Rotherham was very lucky to have a dedicated person in the LADO role. He was pleased to see the increase in contacts as this shows that confidence and awareness has increased across agencies in terms of making referrals.",
        ],
        [],
    ),
    (
        5,
        "Youth Cabinet Review of Access to support for issues relating to Self-Harm – Sarah Bellamy and Lisa Duvalle",
        [
            "Sarah Bellamy and Lisa Duvalle from Rotherham's Integrated Youth Support Service had been invited to today's meeting to share a presentation about self-harm, put together by Rotherham Youth Cabinet.",
            "Rotherham Youth Cabinet is a group of young people who represent their peers across the borough. They meet six times a year at Rotherham Town Hall, and in between Cabinet meetings they hold sub groups and other activities.",
            "The Youth Cabinet produces its own manifesto, which usually contains around four key aims - a review of self-harm being one of these. The Youth Cabinet wanted to look at what support services there are in Rotherham for self-harm.",
            "During the course of their research, the young people discovered that the 1st of March is Self-Harm Awareness Day, therefore they proceeded to promote this and raise awareness.",
            "Self-harm was chosen as the subject of this review as it is a growing issue amongst young people. Rotherham Youth Cabinet wanted to try and reduce the barriers to young people accessing services and also to break down the stigma associated with self-harm.",
            "The Youth Cabinet has now set up a Self-Harm Awareness Sub Group, which has collected some real life case studies.",
            "The young people from Rotherham Youth Cabinet took part in an awareness session with the mental health charity MIND and Rotherham Public Health to better inform themselves about self-harm.",
            "The review resulted in ten recommendations (see copy of report for details). The Youth Cabinet put the report together with help from Scrutiny and it was subsequently submitted to Cabinet. The Youth Cabinet was also invited to present at the recent Suicide Prevention Conference.",
            "Steve Ashley stated that this was a very impressive piece of work. Councillor Paul Lakin added that Cabinet will have to provide a response back to Scrutiny regarding the report within two months. Joyce Thacker clarified that the report will be considered at Cabinet on the 18th of June, then an action plan will be produced which Cabinet will request a progress update on.",
            "With regard to pathways for self-harm and suicide, Clair Pyper reported that an existing process is in place and has been used to support young people affected by a recent suicide. Therefore this is a demonstration of what has been done in practice and is a good example of collective work undertaken to support young people.",
            "Jason Harwin asked Steve Ashley to write back to Rotherham Youth Cabinet to thank them for this review – this was agreed. Steve Ashley added that he would very much like to meet with them personally as he is very impressed by their work, particularly as they do not shy away from difficult issues.",
            "Richard Burton asked how obvious it was to people who they should ring if they have concerns that a young person may be hurting themselves. Steve Ashley answered that this would be medical services initially, who would then signpost to the appropriate support services.",
        ],
        [3],
    ),
    (
        6,
        "Rotherham Domestic Abuse Action Plan – Joyce Thacker",
        [
            "Joyce Thacker chairs the Domestic Abuse Priority Group, which has done some good work over the past year, particularly in terms of agencies working much more collectively. Phil Morris sits on the group as well and most of the agencies on the LSCB are also represented at the Domestic Abuse Priority Group.",
            "In addition, Jason Harwin jointly chairs meetings of the Safer Rotherham Partnership and RLSCB received minutes from these meetings, so appropriate links are in place.",
            "It is important to protect children from the impact of domestic abuse, as this can have a significant effect on their lives.",
            "It was confirmed that a Domestic Abuse Hub will form part of the new Multi-Agency Safeguarding Hub, soon to be established in Riverside House.",
            "If a child is involved in a domestic abuse incident in the evening or at the weekend, a system is being planned to inform the child's school so that staff are aware and are able to anticipate changes in behaviour and offer appropriate support.",
            "The Domestic Abuse Priority Group also looks at Domestic Homicide Reviews, and fortunately there have been no child victims.",
            "The Joint Strategic Needs Analysis has an analysis of need in relation to domestic abuse in making sure that it features in all strategic frameworks.",
            "Work has been done with perpetrators of domestic abuse – Probation and the Police have been involved with this. Outcomes have shown a significant drop in repeat offences.",
            "Joyce Thacker was pleased to report that the Domestic Abuse Action Plan has no 'red' actions, meaning everything is on track.",
            "One of the children's centres in Rotherham has produced a DVD about domestic abuse and the intention is for this to be rolled out to college settings as well. Joyce Thacker commented that this was a really good piece of work.",
            "Joyce Thacker finished by saying that there had been excellent support from Adult Services in tackling the issue of domestic abuse.",
        ],
        [],
    ),
    (
        7,
        "RLSCB Sub Group progress reports:",
        [
            "7.1 Serious Case Review Sub Group – Pete Horner",
            "Pete Horner thanked Phil Morris for writing this report on his behalf as he had been away on annual leave.",
            "Phil Morris pointed out that the terms of reference for the current serious case review had been attached to this report.",
            "With regard to the serious case review, Phil Morris was pleased to report that the Police have now confirmed that he and the overview report author can meet with the family.",
            "The individual management reviews (IMRs) from agencies are due in next week, and it has already been agreed that any issues / lessons to learn from these shall be acknowledged and dealt with as and when they arise, rather than waiting until the overview report has been published.",
            "Richard Burton asked whether the serious case review will take into account any lessons learned from national serious case reviews. Steve Ashley commented that the issue at the moment is that serious case reviews are being pushed towards being an investigation, which they're not supposed to be.",
            "Pete Horner reported that an issue regarding the Significant Incident Learning Process (SILP) had been raised in other areas, and this was the concern about case discussions taking place at the same time as the Police investigation. Steve Ashley acknowledged this point and said it was important that the Police are kept informed of any meetings that have been arranged and what is being discussed. He added that there needs to be an acceptance that key witnesses ought to be excluded from the SILP learning event if appropriate.",
            "7.2 Child Sexual Exploitation Sub Group – Jason Harwin",
            "The Child Sexual Exploitation Sub Group is currently compiling its annual report which will come back to the LSCB. Joyce Thacker asked if it was okay for the annual report to go to Cabinet in July, before the September RLSCB meeting, and Steve Ashley agreed this.",
            "Joyce Thacker anticipated a potential increased demand following post abuse support work, in terms of new people coming forward. Jason Harwin added that this is a county wide issue and has already been discussed at the County Wide Forum.",
            "Clair Pyper mentioned Rotherham had recently received interest from the BBC programme, Panorama. Jason Harwin said that he had been working with the Police's media contacts regarding this. Clair Pyper added that the media have been asking questions of staff therefore the LSCB needs to be aware that this is happening. Jason Harwin said that legal services are involved as well and they are looking to write to the BBC to outline what the implications will be if the media publishes a report before the Police investigation has concluded.",
            "Clair Pyper informed the LSCB that the BBC has recently submitted a number of Freedom of Information requests.",
            "Richard Burton questioned Jason Harwin about recent joint patrols between Police officers and social workers, saying that the public perceive this to be a sign that the issue of child sexual exploitation is getting worse. Jason Harwin gave the assurance that this is targeted support for specific areas – not general patrols.",
            "7.3 Quality Assurance Sub Group – Tracey McErlain-Burns",
            "Tracey McErlain-Burns reported that the Quality Assurance Sub Group had received its first case study at the start of the previous meeting. These case studies have been established to ensure that the sub group retains a child-centred focus. The next meeting will receive a case study from the Practice Review Group. This process will be evaluated as the sub group matures.",
            "The sub group has done its work plan for the next eighteen months and this identifies certain topics for particular attention e.g. the Multi-Agency Risk Assessment Conference (MARAC) process, Family Common Assessment Frameworks (Family CAFs), and child neglect.",
            "The sub group has set itself a mission over the course of the next twelve months to resolve the lack of school engagement with the child protection conference process during school holidays.",
            "The issue was raised at the previous meeting of reports and presentations being duplicated at different forums, as the sub group received a report on the Children's Advocacy Service, with the intention for it to come to the LSCB as well. Tracey McErlain-Burns commented that this report demonstrated the hugely impressive work undertaken by the service, which has since been decommissioned with Barnardo's being appointed to continue the work. Concern was expressed that after the original service was decommissioned, children were left without any provision for a month until Barnardo's took over. Clair Pyper explained that this was because the decision making regarding commissioning was only finalised late in March and there had been IT problems with regard to information sharing. She added that whilst this has since been resolved, a lesson has been learned in that newly commissioned services need to be ready to start as soon as the previous provision has ceased, as it is not an effective use of money if there is a gap in service provision. However, it was clarified that it is the handover process that is the issue, not the commissioning process.",
            "7.4 Performance Sub Group – Steve Ashley",
            "Steve Ashley was disappointed that this sub group did not have a Police representative, but this has since been addressed in terms of future meetings.",
            "Steve Ashley was pleased to report that the sub group will now receive performance data from the Police and from Health Services as well as Social Care.",
            "A new chair is required for this sub group as Steve Ashley only agreed to chair it on an interim basis to get it started, but it is not appropriate for him to continue to do so given that he is also LSCB chair, as this means that he is effectively holding himself to account. He therefore requested that all LSCB members consider putting themselves forward for the post.",
            "7.4.1 Safeguarding Children Performance Update Report – Sue Wilson",
            "Sue Wilson explained that the data within this report was provisional as her team was currently in the process of doing year end returns, therefore the information may change slightly.",
            "This report had been written on an 'exception reporting' basis, meaning that only areas of under-performance (those rated 'red') have been highlighted for the LSCB's attention.",
            "It was pointed out that the recent change to a single child assessment should address the under-performance relating to assessments and this is already having an impact with more positive performance being seen in the first two months of its use.",
            "Performance relating to adoption is improving overall. However, the Department for Education has recently changed the performance measure for this therefore further improvement will need to be made for a further year. On a positive note, the Department for Education is pleased with Rotherham's progress so far.",
            "With regard to the performance indicator that measures those children who have been on a child protection plan for two years or longer, Steve Ashley was not concerned as long as this was in the best interests of the child and we have written up rationales as to why these children have been on a plan for as long as they have.",
            'It was received as good news that the children\'s assessment performance has seen improvements and that the "drag" is being cleared and the expected progress has been made. However, Steve Ashley emphasised the need to keep on top of performance measuring during the changeover period to make sure that this is not used as an excuse for falling behind with the assessments',
            "Clair Pyper confirmed that the new process will be rolled out on 9th June to other teams The Social Care Duty Teams that have already used the new assessments have been supporting other locality teams through the process. However, Clair Pyper said that unfortunately there were some IT system issues which were not helping matters, as this was hampering work.",
            "7.5 Learning and Improvement Sub Group – Clair Pyper",
            "The focus of this sub group has been the development and dissemination of training courses, including Early Help and Child Sexual Exploitation. Clair Pyper wished to thank Warren Carratt's team for all their work on this.",
            "The sub group is looking to establish a process for looking at the outcomes of training and to this end has been looking at samples to try and assess the impact. However, the group has acknowledged that it needs to do more on outcomes and impact.",
            "Phil Morris recently presented to the group two case studies from the Child Death Overview Panel, which highlighted some differences in the way that agencies had responded to two families from two different ethnic groups. Agencies took away individual actions from this.",
            "The sub group has also looked at the recent Daniel Pelka serious case review published nationally and each agency has taken lessons back from this. This answers the question raised earlier by Richard Burton at item 7.1 regarding whether Rotherham seeks to learn lessons from reviews undertaken in other areas.",
            "The sub group has identified that it has some gaps in its membership, as there is currently no representation from South Yorkshire Police, NHS England or GP services. The group has recognised that it would be useful to have some members who have regular, general contact with families, i.e. not just safeguarding specialists.",
            "7.6 Child Death Overview Panel (CDOP) – John Radford",
            "John Radford reported that he had now completed the CDOP annual report which he will bring to the next LSCB meeting, although it will go to the Children's Board first.",
            "Peter Macfarlane, Consultant Paediatrician and Designated Doctor for Child Death has announced his retirement, therefore a discussion is required on the way forward as regards the Rapid Response Protocol. John Radford voiced his support of the current model which he felt was very good, and he would like support to continue with this.",
            "It is positive to note that there has been an apparent reduction in sudden infant death syndrome since the safe sleeping message was reiterated. Even in the case of a recent child death, mother was nevertheless clearly aware of the safe sleeping message, as she had been using a Moses basket.",
            "There has been a recent child death from whooping cough, therefore there is a need to review take up of vaccinations.",
            "The issue of congenital abnormalities resulting from consanguinity has also given rise to concerns, and this is very difficult to address given the cultural sensitivities.",
            "In response to a query from Richard Burton, John Radford explained that the aim was to try and keep the safe sleeping message consistent across all services e.g. Social Care, Health Visiting, etc. The key point of the current advice is for parents and carers not to co-sleep with a child.",
            "John Radford circulated hard copies of the CARE suicide pathways.",
        ],
        [4, 5, 6],
    ),
    (
        8,
        "RLSCB Business Plan – Phil Morris",
        [
            "The RLSCB Business Plan had not been enclosed with today's meeting papers. Phil Morris reported that it had had a minor refresh and he reminded people that it is a dynamic document, which is refreshed quarterly.",
            "In preparation for the LSCB Annual Report and for Ofsted's inspection of the LSCB, a self-assessment of the LSCB has been undertaken. By September this year, the LSCB Business Plan should be finalised and fit for purpose.",
        ],
        [7],
    ),
    (
        9,
        "For information:",
        [
            "9.1 Budget update report – Karen Potts",
            "This report was accepted and no issues were raised.",
            "9.2 Minutes from meeting of RLSCB Sub Group Chairs",
            "These minutes were accepted and no issues were raised.",
            "9.3 Minutes from Rotherham Safeguarding Adults Board – no meetings held since January 2014",
            "Steve Ashley reported that he had spoken to Pat Cantrill, who chairs Rotherham Safeguarding Adults Board, regarding the fact that no meetings had been held since January, and it was confirmed that this meeting would resume in due course.",
            "9.4 Minutes from Safer Rotherham Partnership",
            "These minutes were accepted and no issues were raised.",
        ],
        [],
    ),
    (
        10,
        "Ofsted scrutiny of the LSCB",
        [
            "A discussion took place and it was confirmed that work has already been done in preparation of this, which will be sent out for comment.",
            "Joyce Thacker added that she would like to invite all agencies to the Ofsted set up meeting should we get the 'call' from Ofsted to facilitate a strong partnership response. Joyce Thacker will therefore email out the details in due course.",
        ],
        [8],
    ),
    (
        11,
        "Any other business",
        [
            "11.1 Briefing regarding Peer Review – Clair Pyper",
            "It has been decided that the Peer Review will focus on the issue of child neglect, and the terms of reference are currently being drawn up. The review will be led by people independent from Rotherham and is based on the neglect review that Kevin Stevens has already undertaken.",
            "The 9th, 10th and 11th of September have been agreed as the dates of the review. Notification is currently being awaited of who will be in the review team and both Clair Pyper and Joyce Thacker said it was important to have representatives from school and early help.",
            "Joyce Thacker explained that the review would look at how different agencies recognise neglect i.e. how do we enable non-safeguarding staff such as Housing Officers to recognise the signs of child neglect.",
            "Joyce Thacker added that some guidance should be ready by 25th June for managers to roll out to staff.",
            "Tracey McErlain-Burns pointed out that the Peer Review was a good opportunity to work with the Safeguarding Adults Board, given that there are current issues in relation to adult neglect as well.",
            "11.2 Feedback from the general public – Richard Burton",
            "Richard Burton provided the following feedback from the general public:",
            "- On a personal note, he thanked Clair Pyper for all her work in Rotherham, as this was to be her last RLSCB meeting before she finishes in post.",
            "- He asked if it was true that the Police are going to use lie detector tests for sex offenders and it was confirmed that this option is currently being considered. Richard Burton reported that the public was pleased about this.",
            "- He asked about the ceasing of the Lifeline charity due to a lack of funds, as this charity help families therefore he questioned what the knock on effect would be for the council. Joyce Thacker understood that appropriate arrangements were in place to support these families.",
            "- He drew the LSCB'S attention to recent newspaper reports about Roma girls being involved in child sexual exploitation. This is being tackled and Clair Pyper emphasised that the proportion of Roma girls affected is no greater than the proportion of white girls. Jason Harwin added that the challenge with Roma and any other ethnic group is that this often leads to a more complex investigation.",
            "- He reported that the public is still very concerned about the changes to Probation, in terms of the rumours about who will be doing what.",
            "- He reported that the response to the recent teenage suicides in Rotherham had been very positively received, and he thanked John Radford for his work on this.",
            "- He challenged a press release about the recruitment of foster carers, as the public felt that people may be more attracted to the money paid for this role and forget to appreciate what a demanding job it actually is.",
            "- He asked what would happen with all of these comments, and Steve Ashley assured him that they would be followed up and a formal response can be fed back at each subsequent meeting to ensure this is recorded.",
            "11.3 Clair Pyper",
            "As today was Clair Pyper's last RLSCB meeting before she finishes in post, Steve Ashley formally thanked her on behalf of RLSCB for all her hard work in Rotherham and wished her well for the future.",
            "11.4 RLSCB Annual Report",
            "Steve Ashley confirmed that he was currently in the process of writing the RLSCB Annual Report, which he was trying to do in a more user friendly style. He put out a plea to all agencies to feed any good news stories to Phil Morris for inclusion, to ensure that positive news is promoted.",
            "11.5 Joyce Thacker's charity appeal",
            "Joyce Thacker will be walking across the Sahara desert to raise money for Safe @ Last, a local charity that provides support to young runaways. Any sponsors would be gratefully received for this worthwhile cause.",
            "11.6 RLSCB Independent Chair – annual appraisal",
            "Joyce Thacker mentioned that the time was approaching for the annual appraisal of the RLSCB Independent Chair. Further information will be sent out to RLSCB members in autumn.",
        ],
        [9, 10],
    ),
    (
        12,
        "Future agenda items",
        [
            "- Child Sexual Exploitation Sub Group Annual Report",
            "- Child Death Overview Panel Annual Report",
            "- RLSCB Business Plan",
            "- Neglect – standing item",
            "- Process for children detained under the Mental Health Act",
        ],
        [],
    ),
    (
        13,
        "Dates of future meetings:",
        [
            "- Thursday 4th September 2014",
            "- Thursday 4th December 2014",
            "All meetings will be held 1pm – 4pm in Meeting Rooms 5a and 5b combined, Wing B, 4th Floor, Riverside House",
        ],
        [],
    ),
]
