"""`make bench`: its URLs exist only in a benchmark run, its headers report what a request cost,
and the larger programme it builds opens for every role it measures."""

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
