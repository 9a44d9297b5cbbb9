"""When a reminder is due (outcomes/reminders/rules.py), rule by rule."""

from datetime import date, timedelta

from outcomes.reminders import rules

CLOSES = date(2014, 12, 12)  # a Friday


class TestOccasion:
    def test_nothing_before_the_days_before(self):
        assert rules.occasion(CLOSES, 5, CLOSES - timedelta(days=6)) is None

    def test_due_from_the_days_before(self):
        assert rules.occasion(CLOSES, 5, CLOSES - timedelta(days=5)) == rules.DUE

    def test_due_on_the_day_itself(self):
        assert rules.occasion(CLOSES, 5, CLOSES) == rules.DUE

    def test_no_days_before_means_on_the_day(self):
        assert rules.occasion(CLOSES, 0, CLOSES - timedelta(days=1)) is None
        assert rules.occasion(CLOSES, 0, CLOSES) == rules.DUE

    def test_overdue_the_day_after(self):
        assert rules.occasion(CLOSES, 5, CLOSES + timedelta(days=1)) == rules.OVERDUE

    def test_a_digest_looks_further_ahead(self):
        monday = CLOSES - timedelta(days=11)
        assert rules.occasion(CLOSES, 5, monday) is None
        assert rules.occasion(CLOSES, 5, monday, ahead=rules.DIGEST_AHEAD_DAYS) == rules.DUE


class TestDigest:
    def test_it_goes_on_mondays(self):
        assert rules.digest_day(date(2014, 12, 8))
        assert not rules.digest_day(date(2014, 12, 9))

    def test_one_key_per_week(self):
        assert rules.digest_week(date(2014, 12, 8)) == rules.digest_week(date(2014, 12, 14)) == "2014-W50"
        assert rules.digest_week(date(2014, 12, 15)) == "2014-W51"

    def test_the_week_of_a_new_year_belongs_to_its_iso_year(self):
        assert rules.digest_week(date(2014, 12, 29)) == "2015-W01"


class TestOnceOnlyKey:
    def test_a_moved_date_is_a_new_occasion(self):
        assert rules.occasion_item("round:3", CLOSES) != rules.occasion_item(
            "round:3", CLOSES + timedelta(days=7)
        )

    def test_the_same_date_is_the_same_occasion(self):
        assert rules.occasion_item("round:3", CLOSES) == rules.occasion_item("round:3", date(2014, 12, 12))
