"""The Lifestyle Survey 2009 report to members, as seed 002 prints it (L57-123), with its figures
as live survey blocks. The seed's own percentages ("53% of the pupils ... were female") describe
the real 2009 returns; the demo's responses are synthetic, so the sentences that quoted figures now
introduce the blocks that compute them from the demo's published release. The seed prints the
cost text without its "8. Finance" heading (L99); here it stands under Finance."""

SLUG = "lifestyle-survey-2009"
FIELDS = {
    "meeting": "Children and Young People's Scrutiny Panel",
    "date": "Friday 19th November 2010",
    "title": "Primary School Lifestyle Survey 2009 (Borough Wide). Appendix A – Executive Summary Primary Lifestyle Report 2009",
    "directorate": "Children and Young People's Services",
}
SECTIONS = {
    "summary": """The Lifestyle Survey is an annual survey, undertaken with both Primary and Secondary school pupils. Questions cover a range of issues, such as health, how pupils feel about school, how safe they feel, how pupils feel about the area in which they live, bullying, and how often they may smoke, drink or take drugs.
This report covers the Primary Survey 2009 and the attached Appendix A contains the Executive Summary.
The full borough wide report and the relevant data tables will be made available on the intranet. The Executive Summary will be made available on the Council website.""",
    "recommendations": "That the Children and Young People's Services Scrutiny Panel receives this report.",
    "proposals": """Purpose
The purpose of the Lifestyle Survey is to provide a voice for the children and young people of Rotherham and to use the results to inform service development and improvement in Children and Young People's Services, schools, NHS Rotherham and other partners.
Questionnaire Design and Methodology
The Primary Lifestyle Survey 2009 was open to all Rotherham's primary schools. The survey is undertaken via an online questionnaire on RGFL designed by the Learning Portal Development Team. A project group consisting of representatives from Children and Young People's Services, NHS Rotherham and Healthy Schools organised the design and implementation of the survey.
The primary survey period commenced on the 19th October and concluded on 18th December (extended to end of January 2010 due to closures due to snow).
Individual school reports and summaries have been produced for the schools who participated in the survey. The borough wide report, and the relevant data tables will be made available on the intranet, and the Executive Summary will be made available on the Council website. The headline figures of the survey, as released, follow.
Next Steps
- The Healthy Schools Team will be working with schools to look at the results of the survey and include them in their action plans.
- The findings were incorporated into the new Children and Young People's Plan.
- A newsletter will be produced to thank students for taking part and to feedback the main headline results, and a letter will be sent out to schools thanking them for their participation.
- The Executive Summary will be placed on the website and widely circulated and the findings will be promoted across all partner agencies. The full report and data tables will be placed on the intranet.
- We will monitor developments and results from national surveys and national indicators to enable us to compare and contrast data.""",
    "finance": """The financial costs for producing the primary survey for 2009 are:-
Production of the data approximately £462.
Costs are to be split between PCT (40%) and CYPS (60%). These figures do not include the substantial staff time taken to analyse the findings and write the reports.""",
    "risks": "The number of surveys each school is asked to complete needs to be monitored in order to ensure there is no duplication and that schools are benefiting from the surveys they take part in.",
    "policy": "There is a need to ensure that the results are used to monitor or improve services for children and young people.",
    "equality-and-diversity": """The tables below show the gender and the ethnic background of the pupils who took part in the survey. Analysis of the data is by gender and ethnicity. However, due to the low numbers of respondents in some of the categories of ethnicity, it is not always possible to draw conclusions from this analysis.
Some of the questions included in the survey relate to equality and diversity issues, such as community cohesion and bullying as a result of race or disability issues.""",
    "background": "Primary Lifestyle Survey Report 2009.",
}
CONTACT = {
    "name": "Ruth Bastin",
    "title": "Policy and Planning Team Manager, Children and Young People's Services",
    "telephone": "01709 822359",
    "email": "ruth.bastin@rotherham.gov.uk",
}
# section key, block kind, question (for a question's table), heading ("" for the block's own)
BLOCKS = [
    ("proposals", "survey_headline", "", ""),
    ("equality-and-diversity", "survey_question", "q1", "The pupils who took part, by gender (question 1)"),
    (
        "equality-and-diversity",
        "survey_question",
        "q3",
        "The pupils who took part, by ethnic background (question 3)",
    ),
]
