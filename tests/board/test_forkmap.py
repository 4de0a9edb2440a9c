"""fork_map: results in order from forked children, and no failure goes unreported."""

from __future__ import annotations

import os

import pytest

from board.forkmap import ForkedError, fork_map


def test_results_come_back_in_order_from_the_children():
    parent = os.getpid()
    got = fork_map(lambda x: (x * x, os.getpid()), list(range(25)), 3)
    assert [r for r, _pid in got] == [x * x for x in range(25)]
    pids = {pid for _r, pid in got}
    assert len(pids) == 3 and parent not in pids  # three children did the work


def test_one_worker_runs_in_this_process():
    assert fork_map(lambda x: os.getpid(), [1, 2], 1) == [os.getpid()] * 2


def test_an_item_that_raises_is_named_with_the_childs_traceback():
    def fn(x):
        if x == 7:
            raise ValueError("seven is bad")
        return x
    with pytest.raises(ForkedError) as caught:
        fork_map(fn, list(range(10)), 2)
    assert caught.value.index == 7 and caught.value.worker == 2
    assert "ValueError: seven is bad" in caught.value.detail


def test_a_child_that_dies_silently_is_reported_at_its_first_missing_item():
    def fn(x):
        if x == 4:
            os._exit(9)  # killed, out of memory: no report at all
        return x
    with pytest.raises(ForkedError) as caught:
        fork_map(fn, list(range(6)), 2)
    assert caught.value.index == 0  # child 1 had items 0, 2, 4 and reported none
    assert "status 9" in caught.value.detail
