"""Each plugin test sees only the plugins it connects itself.

Pelican's signals are process-wide: a whole-site build earlier in the same
run leaves every plugin connected, and a test of one plugin would then run the
others too (the tagger, wanting an authority folder the test has not made).
"""

from __future__ import annotations

import blinker
import pytest
from pelican.plugins import signals


def _disconnect_all() -> None:
    for value in vars(signals).values():
        if isinstance(value, blinker.Signal):
            for receiver in list(value.receivers_for(blinker.ANY)):
                value.disconnect(receiver)


@pytest.fixture(autouse=True)
def only_the_plugins_a_test_connects():
    _disconnect_all()
    yield
    _disconnect_all()
