"""The bench's report of the search figures against the targets."""

from __future__ import annotations

from warta.bench.measure import check_targets, format_report


def test_the_report_gives_each_querys_median_against_the_target():
    results = {
        "corpus": {
            "articles": 10,
            "seed": 1,
            "words": 100,
            "mentions": 5,
            "misspelt_share": 0.1,
            "content_mib": 0.1,
            "seconds": 0.1,
        },
        "machine": {"cpus": 2, "python": "3.11"},
        "when": "2026-11-30",
        "command": "invoke bench",
        "first_results": [
            {"query": "industri", "ms": [40, 90, 60], "median_ms": 60, "status": "a"},
            {"query": "ekspor kopi", "ms": [130], "median_ms": 130, "status": "b"},
            {"query": "xqzvw", "ms": [], "median_ms": None, "status": "c"},
        ],
    }
    results["targets"] = check_targets(results)
    lines = format_report(results).splitlines()
    assert "    'industri': 60 ms (40 90 60); a" in lines
    assert "    'ekspor kopi': 130 ms (130); b" in lines
    assert "    'xqzvw': none drawn (); c" in lines
    targets = next(line for line in lines if line.startswith("targets: "))
    assert "first results of 'industri' ≤ 100 ms: yes (60 ms)" in targets
    assert "first results of 'ekspor kopi' ≤ 100 ms: NO (130 ms)" in targets
    assert "first results of 'xqzvw' ≤ 100 ms: NO (none drawn)" in targets
