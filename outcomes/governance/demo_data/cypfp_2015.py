"""The partnership's minute of seed 000: "Children and Young People's Action Plan Update", Sue Wilson
presenting the 3rd monitoring report of the Children and Young People's Plan.

The seed is the minute alone, as the council's web page shows it: no meeting, no date, no minute
number. [R] The meeting is reconstructed (decision 0133): the report is the third of the six-monthly
reports (the second was June 2014, notes-003 §19.1) and compares with "November, 2014", so it was
taken at the partnership's first meeting after that month, Wednesday 14 January 2015 (seed 003 L48
lists it). [R] Its number is the one Outcomes gives the next minute of the body (the body numbers
its minutes running on from 269-279), as it would for a minute entered without one.

Transcribed word for word from there (the seed's blank lines of non-breaking spaces left out).
"""

from datetime import date, time

# [R] The date, time and place: the partnership's next meeting after November 2014 (seed 003 L46-52).
MEETING = {
    "date": date(2015, 1, 14),
    "date_as_written": "",
    "starts_at": time(14, 0),
    "venue": "Town Hall, Moorgate Street, Rotherham. S60 2TH",
}
TITLE = "Children and Young People's Action Plan Update"
PRESENTER = "Sue Wilson to present"

NARRATIVE = [
    "Sue Wilson, Performance and Quality Manager, presented the 3rd monitoring report setting out the original 6 priorities and the progress made against them in the last 6 months.",
    "The following areas were highlighted:-",
    "Priority 1: We will ensure children have the best start in life",
    "· Increasing number of children in Reception and Year 6 who were overweight or obese of those children measured – both saw an increase from the previous year and were higher than Yorkshire and Humber and National comparators;",
    "· There was an increase in the uptake of school meals, 21,500 per day, compared to 18,000 in November, 2014;",
    "· Work to progress midwives in Rotherham consistently and accurately assessing levels of alcohol consumption during pregnancy by the use of the screening tool, Audit C, had been delayed due to the late start of the alcohol project in the hospital. The Interim Strategic Director invited Dr. D. Clitherow to join the Strategic Group.",
    "Priority 2: We will engage with parents and families",
    "· Ofsted Inspectors found that the voices and experiences of the most vulnerable children were not routinely heard in Rotherham and that their views, wishes and feelings were not always taken into account when planning services – work was already under way to address this;",
    "· Rotherham Charter – led by the Parents’ Forum – was a good example of core production;",
    "· ‘Young Inspectors’ – quality assurance and inspection activity were providing real added value to the Service. The Special School Representative confirmed that she knew young people who would be able to perform this role within her own School.",
    "The Interim Strategic Director for Children and Young People’s Services Directorate spoke about a review he was commissioning in relation to permanently excluded young people to ensure that they were receiving appropriate support so they did not become disenfranchised or disengaged.",
    "Priority 3: We will reduce harm to children and young people who are exposed to domestic abuse, alcohol/substance misuse and neglect",
    "· In relation to Adult Substance Misuse Services it was important to ensure that appropriate Safeguarding checks were undertaken – the most recent adults completed had shown a slight decrease in performance highlighting a slight downshift since the original audit in 2012;",
    "· Linkages between Adult Safeguarding, including whether appropriate checks had been undertaken. This needed to be taken forward via the Health and Wellbeing Board;",
    "· Substance misuse scenario – Know the Score;",
    "· Expect Respect – relationships and domestic abuse information for primary school-aged children.",
    "Priority 4: We will work with partners to eradicate child sexual exploitation",
    "· Work continues and meetings had been arranged with the Crown Prosecution Services to increase their understanding and awareness of CSE;",
    "· The Multi-Agency Support Hub was bringing partners together through co-location;",
    "· A conference for over 100 delegates from the voluntary and community sectors on identification of what individual organisations could do collectively to support the CSE agenda in Rotherham;",
    "· 557 young people had taken part in training and awareness sessions.",
    "The Interim Strategic Director for Children and Young People’s Services Directorate spoke about the need for evaluation of the training sessions to take place.",
    "Priority 5: We will focus on all children and young people making good progress in their learning and development",
    "· Two secondary schools were below the DfE Key Stage Four Floor Standard in 2014. One of the schools was below in 2013, this school has an Executive Headteacher system leadership arrangement in place. It was the first year that the other school had been below Floor Standard. This school converted to an Academy in September 2013 and had been graded as a Good school by Ofsted;",
    "· Key Stage One and Two outcomes and the gap to national average had been closed to 2%;",
    "· Child Minder Ofsted outcomes – 82.1% were Good or better;",
    "· Maths – Key Stage One outcomes were above the national average.",
    "Priority 6: We will target support to families in greatest need to help access learning/employment opportunities",
    "· The Rotherham NEET figure was higher than both national and statistical neighbours. Our Not Known return of 4.7% was significantly lower than both national (11%) and statistical neighbours (10.7%) which suggested more robust data;",
    "· Focus groups – targeting support to communities and geographical areas.",
    "Priority 7: Rotherham Special Educational Needs and Disability (SEND)",
    "· Temporary or permanent arrangements for the post of SEND Inclusion manager were needed. This would be addressed as part of the new structure in Children’s Services moving forward;",
    "· Need to clarify how SEND information and advice was organised and how it fitted with the broader Council Communications Strategy.",
    "The next steps: -",
    "· Review of the structure and Terms of Reference of the Children, Young People and Families’ Partnership;",
    "· A refresh and update of the Children and Young Peoples’ Plan;",
    "· Link to outcomes.",
]

RESOLUTIONS = [
    (
        "noted",
        "That the report and presentation be received and the third monitoring report against the Children and Young People’s Plan be noted.",
    ),
    (
        "approved",
        "That a formal review be undertaken to review the structure and the content of the Plan earlier than intended to ensure the content was aligned to the current improvements in CYPS arising since the publication of the Alexis Jay and Ofsted inspections reports.",
    ),
]
