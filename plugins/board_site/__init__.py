"""Pelican plugin: renders the board's entries (postings and scraped) through our theme.

Only this package imports Pelican. Enable it in pelicanconf.py with
``PLUGIN_PATHS = ["plugins"]`` and ``PLUGINS = ["board_site"]``.
"""

import time

from pelican import signals
from pelican.log import console

from .generator import BoardGenerator, install_template_helpers

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


def register():
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_template_helpers)
    signals.finalized.connect(print_summary)
