"""The Dask recipe of ``docs/how-to/dask.md``, run on a local cluster of two processes.

Skipped when the ``dask`` extra is not installed. The cluster listens on loopback only
and is shared by the tests of this module. Its worker processes are forked from a
server process that has imported Dask already, as in Dask's own test suite: a worker
spawned from scratch spends a second importing it. ``handlingsplan`` is still imported
afresh in each worker, and every plan and report crosses by pickle. Dask ships
without type hints for its entry points, hence the ``no-untyped-call`` ignores.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterator

import pytest

from _profiles import examples

pytest.importorskip("dask.distributed")

import dask.bag
import dask.config
from distributed import Client, LocalCluster
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from handlingsplan import Plan, Report, evaluate, evaluate_many
from handlingsplan._demo import DEMO_AS_OF, demo_caseload
from handlingsplan.strategies import plans as generated_plans

AS_OF = DEMO_AS_OF


def some_generated_plans(count: int) -> list[Plan]:
    """``count`` generated plans, the same ones on every run."""
    found: list[Plan] = []

    @settings(
        max_examples=count,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(generated_plans())
    def collect(plan: Plan) -> None:
        found.append(plan)

    collect()
    return found


@pytest.fixture(scope="module")
def caseload() -> tuple[Plan, ...]:
    return (*demo_caseload(), *some_generated_plans(12))


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}),
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",  # a free port: suites may run side by side
        ) as cluster,
        Client(cluster) as connected,  # type: ignore[no-untyped-call]
    ):
        yield connected


def test_the_cluster_has_two_worker_processes_on_loopback(client: Client) -> None:
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    assert all(address.startswith("tcp://127.0.0.1:") for address in workers)


def test_client_map_gives_the_same_reports_as_evaluate_many(
    client: Client, caseload: tuple[Plan, ...]
) -> None:
    futures = client.map(functools.partial(evaluate, as_of=AS_OF), caseload, batch_size=8)
    reports: list[Report] = client.gather(futures)  # type: ignore[no-untyped-call]
    assert reports == list(evaluate_many(caseload, as_of=AS_OF))


def test_a_bag_of_partitions_gives_the_same_reports_as_evaluate_many(
    client: Client, caseload: tuple[Plan, ...]
) -> None:
    as_of = _dt.date(2026, 6, 1)
    bag = dask.bag.from_sequence(caseload, npartitions=4)  # type: ignore[no-untyped-call]
    reports = bag.map_partitions(lambda part: list(evaluate_many(part, as_of=as_of)))
    assert reports.compute(scheduler=client) == list(evaluate_many(caseload, as_of=as_of))


@settings(max_examples=examples(5), deadline=None)
@given(extra=st.lists(generated_plans(), max_size=3))
def test_the_cluster_agrees_on_generated_caseloads(client: Client, extra: list[Plan]) -> None:
    caseload = [*demo_caseload()[:3], *extra]
    futures = client.map(functools.partial(evaluate, as_of=AS_OF), caseload, pure=False)
    reports: list[Report] = client.gather(futures)  # type: ignore[no-untyped-call]
    assert reports == list(evaluate_many(caseload, as_of=AS_OF))
