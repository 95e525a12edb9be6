"""Pelican settings for the benchmark's plain build (``invoke bench``).

The archive's own settings and theme with no plugin: what Pelican alone costs
for the same content. The theme needs nothing from the plugins to render (an
article without ``figures``, ``agencies`` or ``people`` shows none), and its
Jinja filters and globals are set in pelicanconf.py, so only PLUGINS changes.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403 - Pelican's documented pattern

PLUGINS = []
