"""Checks that measure a built site: links, structured data, and the runner
that adds Lighthouse, axe-core and the Nu HTML checker (``invoke audit``).

``links`` and ``structured`` read only the output folder (no Pelican, no
network); ``runner`` starts the external tools.
"""
