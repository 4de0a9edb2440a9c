"""Pelican plugin: renders the board's entries (postings and scraped) through our theme.

Only this package imports Pelican. Enable it in pelicanconf.py with
``PLUGIN_PATHS = ["plugins"]`` and ``PLUGINS = ["board_site"]``.
"""

import logging
import sys
import time

from pelican import signals
from pelican.log import console

from board.catalog import InvalidPostings

from .generator import BoardGenerator, install_template_helpers
from .minify import minify_output

#: When each run started, by ``id(pelican)``: kept out of the settings, which the render cache digests.
_started: dict[int, float] = {}


def get_generators(pelican):
    _started[id(pelican)] = time.perf_counter()
    console.quiet = False  # see print_summary
    return BoardGenerator


def print_summary(pelican) -> None:
    """End the build with our own line: what the board holds, not Pelican's article counts.

    Pelican's own "Done: Processed 0 articles … 2 pages" counts only its article and page
    machinery, which the board switches off, so a newcomer reads "it found nothing". Its
    console is silenced from here to the end of this run (that line is all it prints after
    ``finalized``) and un-silenced when the next run starts (``get_generators``).
    """
    summary = BoardGenerator.last_summary
    started = _started.pop(id(pelican), None)
    if not summary or started is None:
        return
    seconds = time.perf_counter() - started
    console.print(f"{summary} in {seconds:.1f} s.", soft_wrap=True)
    console.quiet = True


class PlainRefusal(logging.Filter):
    """``make html`` on an invalid posting prints the validator's lines, not a traceback.

    Pelican's command line logs any exception as CRITICAL with its traceback, through rich,
    which wraps each ``path:line: field: problem`` at the terminal's width. An
    :class:`InvalidPostings` is the validator speaking: its lines go to stderr whole, one
    each (as ``make validate`` prints them), and Pelican still exits 1. A build run in
    process (the tests, ``Pelican(settings).run()``) still raises it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if not isinstance(exc, InvalidPostings):
            return True
        sys.stderr.write("\n".join(exc.errors) + f"\nThe build was refused: {len(exc.errors)} problem(s) "
                         "in posting or programme files (make validate prints the same).\n")
        return False


def register():
    pelican_log = logging.getLogger("pelican")
    if not any(isinstance(f, PlainRefusal) for f in pelican_log.filters):
        pelican_log.addFilter(PlainRefusal())
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_template_helpers)
    signals.finalized.connect(minify_output)
    signals.finalized.connect(print_summary)
