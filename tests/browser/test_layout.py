"""Every kind of staff page, as each role, at 320 and 1,280 CSS px (decision 0080): the page never
scrolls sideways (WCAG 2.2 reflow: wide tables scroll in their own region), every table sits in a
named, focusable region, and axe-core finds no violation. One browser session per
role; every problem found is listed at the end rather than stopping at the first."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN = "/plans/cypp-2013-16"
ROUND = f"{PLAN}/rounds/june-2014"
CLINIC = "/indicators/clinics/2014-06-30-breastfeeding-performance-clinic"
EDITION = "primary-2009"
G = "/governance"
# The kinds of plan (decision 0150): the NTI plan (improvement) and the planning grid.
NTI = "/plans/nti-2010"
NTI_ROUND = f"{NTI}/rounds/oct-2010"
GRID = "/plans/grid-commissioning-2010"

# The performance officer sees every kind of staff page.
PERFORMANCE = [
    "/",
    "/plans/",
    "/plans/new/",
    "/plans/import/",
    f"{PLAN}/",
    f"{PLAN}/priorities/1/milestones/26/",
    f"{PLAN}/priorities/1/milestones/6/",
    f"{PLAN}/priorities/1/milestones/26/edit/",
    f"{PLAN}/rounds/new/",
    f"{PLAN}/settings/",
    "/reminders/",
    "/reminders/due/",
    f"{ROUND}/",
    f"{ROUND}/updates/1/26/",
    f"{ROUND}/report/",
    f"{ROUND}/close/",
    f"{NTI}/",
    f"{NTI}/priorities/7/milestones/4/",
    f"{NTI}/priorities/7/milestones/4/edit/",
    f"{NTI_ROUND}/report/",
    f"{GRID}/",
    "/indicators/",
    "/indicators/new/",
    "/indicators/definitions/upload/",
    "/indicators/upload/",
    "/indicators/measures/ni-59/",
    "/indicators/measures/bf-init/",
    "/indicators/measures/rereferral/?area=372",
    "/indicators/measures/6wksbreast/?area=372",
    "/indicators/measures/bf-init/edit/",
    "/indicators/measures/bf-init/history/",
    "/indicators/measures/bf-init/targets/",
    "/indicators/measures/bf-init/targets/new/",
    "/indicators/measures/bf-init/milestones/",
    "/indicators/areas/",
    "/indicators/areas/372/",
    "/indicators/areas/england/",
    "/indicators/areas/372/measures/rereferral/neighbours/",
    "/indicators/kpi-table/",
    "/indicators/exceptions/",
    "/indicators/clinics/",
    "/indicators/clinics/new/",
    f"{CLINIC}/",
    f"{CLINIC}/edit/",
    f"{CLINIC}/actions/new/",
    "/governance/clinics/actions/5/edit/",
    f"{G}/",
    f"{G}/my-actions/",
    f"{G}/rlscb/?as_at-day=5&as_at-month=6&as_at-year=2014",
    f"{G}/rlscb/owed/",
    f"{G}/new/",
    f"{G}/rlscb/edit/",
    f"{G}/rlscb/members/",
    f"{G}/rlscb/members/new/",
    f"{G}/rlscb/actions/2/",
    f"{G}/rlscb/actions/2/edit/",
    f"{G}/rlscb/actions/2/update/",
    f"{G}/rlscb/actions/2/discharge/",
    f"{G}/rlscb/import/action-log/",
    f"{G}/rlscb/forward-plan/",
    f"{G}/rlscb/standing-items/",
    f"{G}/rlscb/meetings/",
    f"{G}/rlscb/meetings/2014-06-05/",
    f"{G}/rlscb/meetings/2014-06-05/attendance/",
    f"{G}/rlscb/meetings/2014-06-05/action-log/",
    f"{G}/cypfp/meetings/2014-05-21/minutes/",
    f"{G}/cypfp/meetings/2014-05-21/minutes/271/resolutions/new/",
    f"{G}/cypfp/meetings/2014-07-16/agenda/",
    f"{G}/cypfp/meetings/2014-07-16/agenda/items/new/",
    f"{G}/scrutiny/meetings/2010-10-15/minutes/",
    "/data-quality/",
    "/data-quality/arithmetic-in-update/plans/cypp-2013-16/p1/m27/june-2014/",
    "/surveys/manage/",
    "/surveys/manage/upload/",
    "/surveys/manage/schools/",
    "/surveys/manage/schools/import/",
    "/surveys/manage/schools/swinton-brookfield/staff/",
    f"/surveys/manage/{EDITION}/",
    f"/surveys/manage/{EDITION}/copy/",
    f"/surveys/manage/{EDITION}/extend/",
    f"/surveys/manage/{EDITION}/suppression/",
    f"/surveys/manage/{EDITION}/links/",
    f"/surveys/{EDITION}/paper/",
    f"/surveys/{EDITION}/paper/swinton-brookfield/",
    "/surveys/results/",
    f"/surveys/{EDITION}/results/",
    f"/surveys/{EDITION}/participation/",
    f"/surveys/{EDITION}/results/swinton-brookfield/",
]
LEAD = [
    "/",
    "/my-milestones/",
    "/reminders/",
    f"{ROUND}/updates/1/26/",
    f"{PLAN}/",
    f"{PLAN}/priorities/1/milestones/26/",
    f"{ROUND}/report/",
    f"{NTI_ROUND}/updates/7/4/",
    "/indicators/",
    "/indicators/kpi-table/",
    f"{G}/my-actions/",
    f"{G}/rlscb/",
    f"{G}/cypfp/meetings/2015-01-14/minutes/",
]
VIEWER = [
    "/",
    f"{ROUND}/report/",
    f"{NTI_ROUND}/report/",
    "/indicators/",
    "/indicators/areas/372/",
    "/surveys/results/",
    f"{G}/rlscb/",
    f"{G}/rlscb/members/",
    f"{G}/scrutiny/meetings/2010-10-15/minutes/",
    f"{G}/scrutiny/meetings/2010-11-19/agenda/",
]
SCHOOL = ["/", "/surveys/results/", f"/surveys/{EDITION}/results/swinton-brookfield/"]
ROLES = [("performance", PERFORMANCE), ("lead", LEAD), ("viewer", VIEWER), ("swinton-brookfield", SCHOOL)]
WIDTHS = (320, 1280)

LAYOUT = """() => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  bareTables: [...document.querySelectorAll('main table')]
    .filter(t => !t.closest('.app-table-scroll[role=region][tabindex="0"][aria-label]'))
    .map(t => (t.caption ? t.caption.textContent : t.id || 'a table').trim().slice(0, 60)),
})"""


def problems_on(visitor, path: str) -> list[str]:
    page = visitor.page
    response = page.goto(visitor.base_url + path)
    if response is None or response.status != 200:
        return [f"{path}: answered {response.status if response else 'nothing'}"]
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        layout = page.evaluate(LAYOUT)
        if layout["scrollWidth"] > layout["innerWidth"]:
            found.append(f"{path} at {width} px: the page is {layout['scrollWidth']} px wide")
        if layout["bareTables"]:
            found.append(f"{path}: tables outside a scrolling region: {layout['bareTables']}")
    # axe once per page (the wider layout shows every part of it), to keep the run to a few minutes.
    try:
        visitor.check()
    except AssertionError as violation:
        found.append(f"{path}: {violation}")
    return found


def test_every_staff_page_reflows_at_320_px_and_fits_1280_px_for_every_role(browser, demo_site):
    from tests.browser.conftest import Visitor

    problems = []
    visited = 0
    for username, paths in ROLES:
        context = browser.new_context()
        try:
            visitor = Visitor(context.new_page(), demo_site.url)
            visitor.sign_in(username)
            assert "Signed in as" in visitor.page.content(), username
            for path in paths:
                problems += [f"{username}: {p}" for p in problems_on(visitor, path)]
                visited += 1
        finally:
            context.close()
    assert visited == sum(len(paths) for _, paths in ROLES)
    assert not problems, "\n".join(problems)
