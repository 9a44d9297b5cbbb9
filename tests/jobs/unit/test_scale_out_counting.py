"""The scale-out benchmark's count of task runs (bench/scale_out_tasks.py): it says "exactly once"
only when every queued task ran once, and tells a task run twice or never from one run once. The
benchmark itself is not run by the suite: it starts servers and workers for minutes."""

from bench.scale_out_tasks import RunCounts, count_runs


def test_every_task_run_once_is_exactly_once():
    counts = count_runs([1, 2, 3], [3, 1, 2])
    assert counts == RunCounts(queued=3, run=3, once=3, more_than_once=0, never=0)
    assert counts.exactly_once


def test_a_task_run_twice_is_not_exactly_once_even_if_the_total_matches():
    counts = count_runs([1, 2, 3], [1, 1, 2])
    assert counts == RunCounts(queued=3, run=3, once=1, more_than_once=1, never=1)
    assert not counts.exactly_once


def test_a_task_never_run_is_counted():
    counts = count_runs([1, 2, 3], [1, 2])
    assert counts.never == 1
    assert not counts.exactly_once


def test_runs_of_tasks_not_queued_in_the_phase_are_left_out():
    counts = count_runs([5, 6], [1, 2, 5, 6, 7])
    assert counts == RunCounts(queued=2, run=2, once=2, more_than_once=0, never=0)
    assert counts.exactly_once
