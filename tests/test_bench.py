"""`make bench`: its URLs exist only in a benchmark run, its headers report what a request cost,
and the larger programme it builds opens for every role it measures."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client
from django.urls import Resolver404, resolve

from bench.measure import page_count
from bench.pages import ROLES, pages

pytestmark = pytest.mark.django_db

BENCH_MIDDLEWARE = ["bench.middleware.BenchHeadersMiddleware", *settings.MIDDLEWARE]


def test_the_floors_exist_only_in_a_benchmark_run():
    with pytest.raises(Resolver404):
        resolve("/bench/trivial/")
    assert resolve("/bench/trivial/", urlconf="bench.urls").url_name == "bench_trivial"


def test_a_benchmark_run_reports_queries_and_memory_behind_the_login(settings, focal_point):
    settings.ROOT_URLCONF = "bench.urls"
    settings.MIDDLEWARE = BENCH_MIDDLEWARE
    client = Client()
    assert client.get("/bench/trivial/").status_code == 302  # to the log-in page
    client.force_login(focal_point)
    response = client.get("/bench/trivial/", headers={"X-Bench-Memory": "1"})
    assert response.status_code == 200
    assert int(response["X-Bench-Queries"]) >= 1  # the session and the user
    assert int(response["X-Bench-Peak-RSS-KB"]) >= int(response["X-Bench-RSS-Before-KB"]) > 0


def test_the_pdf_floor_has_the_pages_asked_for(settings, focal_point):
    settings.ROOT_URLCONF = "bench.urls"
    client = Client()
    client.force_login(focal_point)
    response = client.get("/bench/pdf-floor/3/")
    assert response["Content-Type"] == "application/pdf"
    assert page_count(response.content) == 3


def test_every_role_opens_its_pages_in_the_larger_programme(settings):
    from django.core.management import call_command

    from bench.data import grow
    from partnerships.models import Partnership, User

    call_command("seed_demo", quiet=True)
    grow(scale=2)
    assert Partnership.objects.count() == 14
    clients = {}
    for role, username in ROLES.items():
        clients[role] = Client()
        clients[role].force_login(User.objects.get(username=username))
    answers = {
        (page["role"], page["page"]): clients[page["role"]].get(page["url"]).status_code
        for page in pages()
        if page["kind"] != "pdf"
    }
    assert {key: status for key, status in answers.items() if status != 200} == {}


def test_every_page_is_measured_or_says_why_not(settings):
    """A page added later enters the benchmark, or `NOT_MEASURED` says why it need not."""
    from django.core.management import call_command

    from bench.pages import NOT_MEASURED
    from tests.permissions.test_matrix import collect_rows
    from tests.permissions.urls import patterns

    call_command("seed_demo", quiet=True)
    # The final report's row names the page it is started from; it is built by the command.
    measured = {resolve(page["url"]).view_name for page in pages() if page["kind"] != "report"}
    opened = {
        row.name
        for row in collect_rows()
        if row.method == "get" and 200 in row.expect.values() and row.url is None
    }
    pages_of_the_app = {name for name in opened if not name.startswith("admin:")} - {"healthz"}

    assert pages_of_the_app - measured - set(NOT_MEASURED) == set()
    assert measured & set(NOT_MEASURED) == set()
    # No reason left behind for a page that is gone.
    assert set(NOT_MEASURED) <= {pattern.key for pattern in patterns()}


def test_every_measured_page_runs_as_many_queries_on_a_larger_programme(settings):
    """The budget of each benchmarked page: its query count does not grow with the data (more
    partnerships, longer sheets, longer lineages). `make bench` checks the same at 25 times the
    pilot; here at twice, so that it runs with the tests."""
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.data import grow
    from partnerships.models import User

    call_command("seed_demo", quiet=True)
    clients = {}
    for role, username in ROLES.items():
        clients[role] = Client()
        clients[role].force_login(User.objects.get(username=username))

    def queries():
        counts = {}
        # Found again on each data set, as `make bench` does: the lineage grew meanwhile.
        for page in (page for page in pages() if page["kind"] not in ("pdf", "report")):
            client = clients[page["role"]]
            client.get(page["url"])  # a first request fills per-process caches
            with CaptureQueriesContext(connection) as captured:
                assert client.get(page["url"]).status_code == 200
            counts[(page["role"], page["page"])] = len(captured)
        return counts

    pilot = queries()
    grow(scale=2)
    larger = queries()

    assert {key: (pilot[key], count) for key, count in larger.items() if count != pilot[key]} == {}


def test_a_command_s_memory_counts_the_processes_it_forked():
    """The report's command forks processes to lay out its parts (reports/press.py): its
    memory is theirs and its own together, the pages they share counted once."""
    from bench.server import process_tree, tree_memory_kb

    alone = tree_memory_kb(os.getpid())
    holding = "b = bytearray(60_000_000); b[::4096] = bytes(len(b[::4096])); print(1, flush=True)"
    with subprocess.Popen(
        [sys.executable, "-c", f"{holding}; import time; time.sleep(60)"],
        stdout=subprocess.PIPE,
    ) as child:
        try:
            child.stdout.readline()  # it holds the 60 MB
            assert child.pid in process_tree(os.getpid())
            assert tree_memory_kb(os.getpid()) - alone > 55_000
        finally:
            child.kill()


def test_the_report_is_read_back_from_what_render_report_prints(tmp_path, partnership, capsys):
    """The final report is measured from the command's own line (bench/measure.py
    `report_in_worker`): its pages and seconds."""
    from django.core.management import call_command

    from bench.measure import REPORT_LINE

    output = tmp_path / "report.pdf"
    call_command("render_report", "--partnership", partnership.pk, "--output", output)
    found = REPORT_LINE.search(capsys.readouterr().out)
    assert found is not None
    assert int(found.group(1)) == page_count(output.read_bytes())


def test_a_pdf_is_timed_in_turns_with_its_floor(monkeypatch):
    from bench import measure

    asked = []

    class Answer:
        status, seconds, body = 200, 0.1, b"%PDF"

    class Client:
        def get(self, path, headers=None):
            asked.append(path)
            return Answer()

    monkeypatch.setattr(measure, "page_count", lambda pdf: 7)
    answers, floor, count = measure._in_turns(Client(), "/tools/x/1/pdf/")
    assert asked == ["/tools/x/1/pdf/", "/bench/pdf-floor/7/"] * measure.PDF_REPEAT
    assert len(answers) == len(floor) == measure.PDF_REPEAT and count == 7
