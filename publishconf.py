"""Pelican settings for the published site (``make publish``, the deploy workflow)."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The workflow sets SITEURL to the GitHub Pages address of the repository.
SITEURL = os.environ.get("SITEURL", "https://microboard.github.io/microboard")
BOARD_PUBLIC_URL = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
# Only real content is published: no sample posting, and the build refuses a posting that
# links to a host reserved for examples (a sample copied into content/postings/).
BOARD_SAMPLES = False
