"""What each question's conditions route to it: which earlier figure its *shown* base equals."""

from outcomes.surveys import conditions
from outcomes.surveys import questionnaire as questionnaires


def _conjuncts(expr) -> list:
    if expr is None:
        return []
    if isinstance(expr, conditions.And):
        return [part for p in expr.parts for part in _conjuncts(p)]
    return [expr]


class Conditions:
    """What each question's (or grid row's) conditions make its *shown* base equal to, so that the
    same pupils are suppressed alike wherever they are counted: the pupils shown Q31 are the pupils
    who answered Yes to Q30; those not shown Q9 are those who answered "I don't have breakfast"."""

    def __init__(self, q: questionnaires.Questionnaire):
        self.q = q
        self.section_of = {item.name: section for section in q.sections for item in section.items}
        # Asked for every table and every group of it; the questionnaire does not change meanwhile.
        self._links: dict[tuple, tuple] = {}

    def parts(self, item, row=None) -> tuple:
        section = self.section_of[item.name]
        return tuple(
            _conjuncts(section.condition)
            + _conjuncts(item.condition)
            + _conjuncts(row.condition if row else None)
        )

    def link(self, item, row=None):
        """("respondents",) when always shown; ("same", key) when shown exactly to the pupils of an
        earlier figure; ("complement", key) when hidden exactly from them; ("sum", keys) when shown
        to the pupils of several; ("own", parts) otherwise."""
        key = (item.name, row.name if row else None)
        if key not in self._links:
            self._links[key] = self._link(item, row)
        return self._links[key]

    def _link(self, item, row):
        parts = self.parts(item, row)
        if not parts:
            return ("respondents",)
        own = ("own", parts)
        for index, part in enumerate(parts):
            rest = parts[:index] + parts[index + 1 :]
            refs = conditions.references(part)
            if not refs or len({(r.name, r.row) for r in refs}) != 1:
                continue
            target = self.q.by_name.get(refs[0].name)
            if target is None:
                continue
            target_row = next((r for r in target.rows if r.name == refs[0].row), None)
            implied = set(self.parts(target, target_row))
            if not set(rest) <= implied:
                continue
            found = self._simple(part, target, refs[0].row, bool(implied))
            if found is not None:
                return found
        return own

    def _simple(self, part, target, row, target_conditional: bool):
        if isinstance(part, conditions.Compare) and target.type in {"select_one", "yes_no_dk", "grid"}:
            if target.type == "grid" and row is None:
                return None
            key = ("count", target.name, row, part.value)
            if part.op == "=":
                return ("same", key)
            return None if target_conditional else ("complement", key)
        if isinstance(part, conditions.Selected) and target.type == "select_multiple":
            return ("same", ("count", target.name, None, part.value))
        if isinstance(part, conditions.Selected) and target.type in {"select_one", "yes_no_dk"}:
            return ("same", ("count", target.name, None, part.value))
        if isinstance(part, conditions.Answered) and target.type != "grid":
            return ("same", ("answered", target.name, None))
        if isinstance(part, conditions.Or):
            keys = []
            for sub in part.parts:
                if not (isinstance(sub, conditions.Compare) and sub.op == "="):
                    return None
                keys.append(("count", target.name, row, sub.value))
            if target.type == "grid" and row is None:
                return None
            return ("sum", tuple(keys))
        return None
