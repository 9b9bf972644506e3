"""Fixtures for the browser tests: one chromium for the run, built sites served on 127.0.0.1."""

from __future__ import annotations

import pytest

from browser import chromium, serve


@pytest.fixture(scope="session")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def example_url(example_site):
    with serve(example_site) as url:
        yield url
