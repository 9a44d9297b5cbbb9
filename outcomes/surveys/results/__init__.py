"""Survey results: frequencies for every question with their bases, split by gender and by collapsed
ethnic group, for the borough or one school, with small numbers suppressed (SPEC §3; notes-002 §3.4;
docs/decisions/0030-survey-results-analysis.md, 0031-small-number-suppression.md).

The responses are read in one query into a matrix of answer codes (``storage.codes_and_schools``) and
counted with one ``numpy.bincount`` per answer slot into *atoms*: the pupils of one gender and one
ethnic group with one answer code. Every figure of a table (a count, a base, a group's size) is a
sum of atoms, which is what the suppression works on.

Bases (notes-002 §3.4 items 8-10): *respondents* (every pupil in the scope), *shown* (the pupils
the questionnaire's conditions showed the question to: answer code not 0, decided by the
conditions engine when the response was saved) and *answered* (code 2 or more). A percentage's
base is the pupils who answered unless it says otherwise.

Modules: ``figures`` (what a result is made of, ``percentage``), ``counting`` (answer codes into
atoms), ``routing`` (what each question's conditions make its shown base), ``frequencies`` (one
scope's suppressed tables), ``kept`` (results kept between requests), ``comparison`` (with earlier
editions), ``reports`` (the borough's and each school's report), ``participation`` and ``as_json``.
"""
