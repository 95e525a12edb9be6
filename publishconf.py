"""Pelican settings for publishing: absolute URLs and feeds."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403 - Pelican's documented pattern

SITEURL = os.environ.get("WARTA_SITEURL", "https://warta.example.org")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
# The archive-wide, region, source, entity and indicator feeds are written by the
# plugins (feeds/semua.atom.xml and <page>/feed.atom.xml); Pelican adds topics.
TAG_FEED_ATOM = "feeds/topik/{slug}.atom.xml"
