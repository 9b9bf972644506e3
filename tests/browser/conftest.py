"""Fixtures for the browser tests: chromium, and built sites served on 127.0.0.1."""

from __future__ import annotations

import pytest

from browser import chromium, serve


@pytest.fixture(scope="module")
def browser():
    """One chromium per test file: tools/pdf.py (test_pdf.py) starts its own, which cannot run beside it."""
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def example_url(example_site):
    with serve(example_site) as url:
        yield url
