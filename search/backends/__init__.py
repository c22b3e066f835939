"""Search backends of the site (selected in settings by environment, never in views)."""
