"""Turning pasted text, saved pages, URLs and feeds into article files."""
