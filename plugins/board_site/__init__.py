"""Pelican plugin: renders the board's entries (postings and scraped) through our theme.

Only this package imports Pelican. Enable it in pelicanconf.py with
``PLUGIN_PATHS = ["plugins"]`` and ``PLUGINS = ["board_site"]``.
"""

from pelican import signals

from .generator import BoardGenerator, install_template_helpers


def get_generators(pelican):
    return BoardGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_template_helpers)
