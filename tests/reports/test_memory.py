"""A report job runs in a long-lived worker: what one report builds is given back once the
report is written, although `render_report` leaves what the process held before out of the
garbage collector's full passes."""

import gc
import weakref

import pytest

from reports.binding import Part
from reports.rendering import render_report

from .documents import job_for

pytestmark = pytest.mark.django_db


def held():
    """Every object the collector knows of, frozen ones included, after a full pass."""
    gc.collect()
    return len(gc.get_objects()) + gc.get_freeze_count()


def test_a_report_leaves_nothing_behind(staff, partnership, monkeypatch):
    # Laid out in this process, so that the objects its layout builds are counted here.
    monkeypatch.setattr("reports.press.single_threaded", lambda: False)
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


def test_a_long_report_holds_one_part_s_pages_at_a_time(staff, partnership, monkeypatch):
    """A report is laid out in parts, each written before the next: the pages of a part (their
    boxes are most of a report's memory) are given back before the next part is laid out."""
    monkeypatch.setattr("reports.rendering.PART_SIZE", 1)
    monkeypatch.setattr("reports.press.single_threaded", lambda: False)  # laid out here
    parts = []
    write = Part.of.__func__

    def write_and_watch(cls, document):
        # The parts before this one are gone by the time it is laid out.
        gc.collect()
        assert [part() for part in parts] == [None] * len(parts)
        parts.append(weakref.ref(document))
        return write(cls, document)

    monkeypatch.setattr(Part, "of", classmethod(write_and_watch))
    job = job_for(staff, partnership.programme, partnership=partnership)
    rendered = render_report(job)
    assert len(parts) > 3
    assert rendered.pages >= len(parts) + 2  # a part starts a page; then the cover and contents
