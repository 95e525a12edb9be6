"""Warta's domain code: parsing, validation and formatting, free of Pelican."""
