"""The press: the report's body laid out part after part, several parts at once.

Laying out and writing a part is nearly all of a report's time, and a part needs nothing of the
parts before it but where its pages start, which only its references to their pages (tools 5
and 9 to the drawings of earlier chapters) print; the page numbers are drawn once the book is
bound (reports/folios.py). So while one part is laid out, the next ones are too, each in a
process of its own forked from this one with the app, its fonts and stylesheets already loaded;
the parts come back in the report's order. A part that refers to a page not yet known waits
for the parts before it (`settle`), and is then laid out knowing where it starts.

A process is forked only from one that runs no other thread (a report job's worker, the
`render_report` command); elsewhere (a threaded web server) the parts are laid out here, one
after the other, as they are with REPORT_LAYOUT_PROCESSES = 1.
"""

import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context


class Press:
    """Lays out the body's parts with `print_part` (HTML in, `binding.Part` out) and adds
    them to `book`, in order; in up to `processes` processes at once. A context manager: the
    processes stop at its end."""

    def __init__(self, book, print_part, *, processes):
        self.book = book
        self.print_part = print_part
        self.processes = processes
        self.running = deque()  # the parts in the press, oldest first
        self.pool = None
        if processes > 1 and single_threaded():
            self.pool = ProcessPoolExecutor(processes, mp_context=get_context("fork"))

    def __enter__(self):
        return self

    def __exit__(self, *error):
        if self.pool is not None:
            self.pool.shutdown(wait=error[0] is None, cancel_futures=True)

    @property
    def first_page(self):
        """Where the next part starts, or None while parts before it are in the press."""
        return None if self.running else self.book.page_count + 1

    def submit(self, html):
        if self.pool is None:
            self.book.add(self.print_part(html))
            return
        while len(self.running) >= self.processes:
            self._take_oldest()
        self.running.append(self.pool.submit(self.print_part, html))

    def settle(self):
        """Wait for every part in the press, added to the book in order."""
        while self.running:
            self._take_oldest()

    def _take_oldest(self):
        self.book.add(self.running.popleft().result())


def single_threaded():
    """Whether this process runs one thread only, so that forking it is safe."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # not Linux: not known
        return False
