"""Scheduled scrapers: public job sources -> curated, normalized entries in content/scraped/."""
