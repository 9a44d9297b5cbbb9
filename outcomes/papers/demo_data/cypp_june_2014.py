"""A cover paper for the June 2014 progress report of the Children and Young People's Plan, for the
Children, Young People and Families Partnership of 16 July 2014 (seed 003: agenda item 8 "Review
of the CYPP", L32-33; the report's introduction L599-611; its key issues L1205-1219). The seed
has the report, not a cover paper: the sections below are written for the demo from the seed's
own words, with the report's overview, RAG summary and key issues as live blocks."""

SLUG = "cypp-progress-june-2014"
FIELDS = {
    "meeting": "Children, Young People and Families Partnership",
    "date": "Wednesday 16th July 2014",
    "title": "Review of the CYPP: Children and Young People's Action Plan 2013-2016, progress report June 2014",
    "directorate": "Children and Young People's Services",
}
SECTIONS = {
    "summary": """The Children and Young People's Plan was approved by the children, young people and families partnership board in September 2013 and it was agreed that a progress report on the delivery milestones would be produced on a bi-annual basis.
This paper presents the progress report of June 2014: the position of each delivery milestone of priorities 1, 2, 3, 5 and 6, and the key issues identified.""",
    "recommendations": """(i) That the Partnership notes the progress made against the delivery milestones of the Children and Young People's Plan.
(ii) That the Partnership considers the key issues identified and the actions in place to address them.""",
    "proposals": """Each of the delivery milestones has been ranked as Green (complete and/or exceeding the identified target), Amber (ongoing and/or no issues with the project), Red (at risk of not being delivered within the timescales identified and/or issues with the project) or Blue (no information available or no update provided).
Priority 4 – "We will work with partners to eradicate child sexual exploitation" – is excluded from the progress report, as it is managed through the LSCB child sexual exploitation strategy.
The overview of the delivery milestones under each priority, and the key issues identified, follow.""",
    "finance": "There are no direct financial implications arising from this report. Delivery milestones are funded within the budgets of the partner agencies that lead them.",
    "risks": "Delivery milestones with a Red status are at risk of not being delivered within the timescales identified; they are listed under the key issues with the action being taken.",
    "policy": "The Children and Young People's Plan is linked into the Health and Wellbeing Strategy and the Joint Strategic Needs Assessment; its progress reports are how the Partnership holds its members to account for the plan's delivery.",
    "background": "Rotherham Children and Young People's Plan 2013-2016 and its action plan.",
}
CONTACT = {
    "name": "Sue Wilson",
    "title": "Performance and Quality Manager, Children and Young People's Services",
    "telephone": "01709 822511",
    "email": "sue-cyps.wilson@rotherham.gov.uk",
}
BLOCKS = [
    ("proposals", "round_overview", "", ""),
    ("proposals", "round_rag_summary", "", ""),
    ("proposals", "round_key_issues", "", ""),
]
