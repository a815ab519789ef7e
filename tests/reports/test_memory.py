"""A report job runs in a long-lived worker: what one report builds is given back once the
report is written, although `render_report` leaves what the process held before out of the
garbage collector's full passes."""

import gc

import pytest

from reports.rendering import render_report

from .documents import job_for

pytestmark = pytest.mark.django_db


def held():
    """Every object the collector knows of, frozen ones included, after a full pass."""
    gc.collect()
    return len(gc.get_objects()) + gc.get_freeze_count()


def test_a_report_leaves_nothing_behind(staff, partnership):
    job = job_for(staff, partnership.programme, partnership=partnership)
    render_report(job)  # the fonts, stylesheets and templates every report shares
    before = held()
    built = {}

    def count_while_building(percent, step):
        built[percent] = len(gc.get_objects()) + gc.get_freeze_count()

    render_report(job, progress=count_while_building)
    grown = held() - before
    # Thousands of objects while the pages are laid out; a few dozen at most stay (caches
    # keyed by what this report asked for), not the report.
    assert max(built.values()) - before > 10_000
    assert grown < 100
