"""Entry schema, posting files, validation and sanitizing: no Pelican, no requests."""
