"""Pelican settings for development builds (``make html``, ``make serve``)."""

AUTHOR = "Micro-internship board"
SITENAME = "Micro-internship board"
SITESUBTITLE = "Paid, remote, 5–40 hour projects you can do around your classes"
SITEURL = ""  # links are root-relative while developing
# Absolute base for feeds, sitemap, Open Graph and JSON-LD (they must be absolute).
BOARD_PUBLIC_URL = "http://localhost:8000"

PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "theme"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["board_site"]

# The board plugin renders postings itself (content/postings, content/scraped);
# Pelican's own article machinery is switched off so its URLs cannot collide with ours.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["pages"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
STATIC_PATHS: list[str] = []
DIRECT_TEMPLATES: list[str] = []
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None

# Board settings (read by plugins/board_site).
BOARD_PER_PAGE = 24  # cards per static page of the board
BOARD_ROWS_PER_PAGE = 100  # one-line rows per page of a category, skill or organization
BOARD_FEED_LIMIT = 100  # newest items per feed of everything, New this week, Closing soon, programmes
# Other feeds have fixed caps (plugins/board_site/feedset.py CAPS, which says why): a category
# 50, a skill 20, an organization 20, the weekly digest 4 weeks. Calendars: open postings only,
# 100 in all.ics and 50 per category or skill (site_calendars.py). Issue #19: output size.
BOARD_POLICY = "board.toml"  # pay floors, closing-soon window, repository
# The invented sample postings (content/samples/postings/, board/samples.py) fill the
# development board, with a "Sample data" banner and noindex; never set in publishconf.py.
BOARD_SAMPLES = True
# "Get it by email" on the feeds and digest pages: an RSS-to-email service's subscribe
# address ({feed} becomes the weekly digest's RSS address, URL-encoded), and its name.
# Unset (the default), the box is not shown. README, "Alerts by e-mail".
BOARD_EMAIL_DIGEST_URL = ""  # e.g. "https://blogtrottr.com/?subscribe={feed}"
BOARD_EMAIL_DIGEST_SERVICE = ""  # e.g. "Blogtrottr"
# BOARD_NOW = "2026-11-26T12:00:00Z"  # pin "today" for reproducible builds and tests
# BOARD_RENDER_CACHE = False  # render every page every build (plugins/board_site/rendercache.py)
# BOARD_WORKERS = 1  # render in this process only; unset or 0: one worker per CPU (plugins/board_site/workers.py)
# BOARD_CACHE = False  # ... and re-parse every posting too (board/catalog.py's cache)
# What the Post-a-project page tells an employer about review (see CONTRIBUTING.md):
# GitHub handles of the maintainers who review postings, how many working days a review
# usually takes, and an address for employers without a GitHub account (empty: the page
# offers no e-mail route, only GitHub).
BOARD_REVIEWERS: list[str] = []
BOARD_REVIEW_DAYS = 3
BOARD_MAINTAINER_EMAIL = ""

CACHE_PATH = ".cache/pelican"
LOAD_CONTENT_CACHE = False
DEFAULT_PAGINATION = False
RELATIVE_URLS = False
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}  # every string is untrusted
