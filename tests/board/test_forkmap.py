"""fork_map: results in order from forked children, and no failure goes unreported."""

from __future__ import annotations

import os

import pytest

from board.forkmap import ForkedError, fork_map


def test_results_come_back_in_order_from_this_process_and_the_children():
    parent = os.getpid()
    got = fork_map(lambda x: (x * x, os.getpid()), list(range(25)), 3)
    assert [r for r, _pid in got] == [x * x for x in range(25)]
    assert {pid for _r, pid in got[0::3]} == {parent}  # share 0 ran here
    children = {pid for _r, pid in got[1::3]} | {pid for _r, pid in got[2::3]}
    assert len(children) == 2 and parent not in children  # two children did the rest


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


def test_an_item_that_raises_here_is_named_after_the_children_are_reaped():
    def fn(x):
        if x == 6:
            raise KeyError("six")
        return x
    before = _children()
    with pytest.raises(ForkedError) as caught:
        fork_map(fn, list(range(10)), 3)
    assert caught.value.index == 6 and caught.value.worker == 1  # share 0 (0, 3, 6, 9) is this process's
    assert "KeyError: 'six'" in caught.value.detail
    assert _children() == before  # both children reaped, none left behind (other tests' processes aside)


def _children() -> set[int]:
    """This process's child pids, zombies included (Linux /proc)."""
    pids: set[int] = set()
    for task in os.listdir(f"/proc/{os.getpid()}/task"):
        with open(f"/proc/{os.getpid()}/task/{task}/children") as f:
            pids.update(int(p) for p in f.read().split())
    return pids


def test_a_child_that_dies_silently_is_reported_at_its_first_missing_item():
    def fn(x):
        if x == 5:
            os._exit(9)  # killed, out of memory: no report at all
        return x
    with pytest.raises(ForkedError) as caught:
        fork_map(fn, list(range(6)), 2)
    assert caught.value.index == 1  # the child had items 1, 3, 5 and reported none
    assert caught.value.worker == 2 and "status 9" in caught.value.detail
