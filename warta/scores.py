"""The harmonic mean every evaluation task reports."""

from __future__ import annotations


def f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0
