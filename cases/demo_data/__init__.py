"""Data of the knowledge-base demo content (German first, with English translations)."""
