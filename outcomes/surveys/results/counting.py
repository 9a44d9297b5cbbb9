"""Counting an edition's answer codes into atoms: the pupils of one gender and one ethnic group
with one answer code in one slot, with one ``numpy.bincount`` per slot."""

from dataclasses import dataclass

import numpy as np

from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.questionnaire import FIRST_CHOICE, TICKED
from outcomes.surveys.results.figures import NOT_STATED, Group


@dataclass
class Tally:
    """Atom counts of one scope: ``slots[s, g, e, code]`` pupils of gender index g and ethnic-group
    index e with answer code ``code`` in slot s; ``demographics[g_code, e_code]`` pupils by their
    codes of the gender and ethnicity questions."""

    slots: np.ndarray
    demographics: np.ndarray | None
    respondents: int


class Breakdowns:
    """The gender and ethnic groups of an edition, and how an answer code maps to them."""

    def __init__(self, q: questionnaires.Questionnaire):
        self.q = q
        self.gender_item = q.breakdown_item("gender")
        self.ethnic_item = q.breakdown_item("ethnicity")
        self.genders = (
            [Group("gender", c.name, c.label) for c in self.gender_item.choices] if (self.gender_item) else []
        )
        self.genders.append(Group("gender", "", NOT_STATED))
        groups: list[str] = []
        if self.ethnic_item:
            for choice in self.ethnic_item.choices:
                name = choice.group or choice.label
                if name not in groups:
                    groups.append(name)
        self.ethnic_groups = [Group("ethnicity", name, name) for name in groups]
        self.ethnic_groups.append(Group("ethnicity", "", NOT_STATED))
        # The code of each breakdown question -> group index ("not stated" last).
        self.gender_of_code = self._code_map(self.gender_item, [g.name for g in self.genders[:-1]], False)
        self.ethnic_of_code = self._code_map(self.ethnic_item, groups, True)

    def _code_map(self, item, names: list[str], by_group: bool) -> np.ndarray:
        size = FIRST_CHOICE + (len(item.choices) if item else 0)
        mapping = np.full(size, len(names), dtype=np.int64)
        for order, choice in enumerate(item.choices if item else []):
            name = (choice.group or choice.label) if by_group else choice.name
            mapping[FIRST_CHOICE + order] = names.index(name)
        return mapping

    def slot_of(self, item) -> int | None:
        return self.q.item_slots(item.name).start if item else None


def tally(codes: np.ndarray, breakdowns: Breakdowns) -> Tally:
    """Count every slot's answer codes by gender and ethnic group: one bincount per slot."""
    q = breakdowns.q
    n = codes.shape[0]
    genders, ethnic = len(breakdowns.genders), len(breakdowns.ethnic_groups)
    width = FIRST_CHOICE + max((len(item.choices) for item in q.items), default=0)
    width = max(width, TICKED + 1)
    gender_slot, ethnic_slot = (
        breakdowns.slot_of(breakdowns.gender_item),
        breakdowns.slot_of(breakdowns.ethnic_item),
    )
    g = (
        breakdowns.gender_of_code[codes[:, gender_slot]]
        if gender_slot is not None
        else np.full(n, genders - 1)
    )
    e = (
        breakdowns.ethnic_of_code[codes[:, ethnic_slot]]
        if ethnic_slot is not None
        else np.full(n, ethnic - 1)
    )
    cell = (g * ethnic + e) * width
    by_slot = np.ascontiguousarray(codes.T)
    slots = np.empty((len(q.slots), genders, ethnic, width), dtype=np.int64)
    for s in range(len(q.slots)):
        slots[s] = np.bincount(cell + by_slot[s], minlength=genders * ethnic * width).reshape(
            genders, ethnic, width
        )
    demographics = None
    if gender_slot is not None and ethnic_slot is not None:
        gw, ew = len(breakdowns.gender_of_code), len(breakdowns.ethnic_of_code)
        demographics = np.bincount(
            by_slot[gender_slot].astype(np.int64) * ew + by_slot[ethnic_slot], minlength=gw * ew
        ).reshape(gw, ew)
    return Tally(slots=slots, demographics=demographics, respondents=n)
