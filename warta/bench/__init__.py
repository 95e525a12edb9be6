"""Benchmarks of the archive build at scale (``invoke bench``).

``warta.bench.corpus`` writes a synthetic archive of any size from Indonesian
sentence templates; ``warta.bench.measure`` builds it in fresh processes (plain
Pelican and the full archive) and measures time, memory and output.
"""
