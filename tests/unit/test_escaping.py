"""Data from a council file is data, never markup: the escaping helpers and the schema, called directly."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from macros.escape import markdown_text, safe_href
from macros.reader import read_yaml
from macros.schema import CouncilFile
from sites import FERNLEIGH

URL_PAYLOADS = ["javascript:alert(1)", "http://example.com", "data:text/html,<script>alert(1)</script>"]


def test_markdown_text_neutralises_markdown_and_html():
    out = str(markdown_text("1. *a* | <b> {{ x }}\nline"))
    for raw in ("*", "|", "<", "{", "\n"):
        assert raw not in out
    assert out.startswith("&#49;")


@pytest.mark.parametrize("url", URL_PAYLOADS[:1] + ["data:text/html,x", "vbscript:x", " JAVASCRIPT:x"])
def test_only_safe_schemes_are_linked(url):
    assert safe_href(url) == ""


@pytest.mark.parametrize("url", ["https://www.gov.uk", "mailto:a@b.gov.uk", "tel:+441632960001"])
def test_safe_schemes_are_kept(url):
    assert safe_href(url) == url


@pytest.mark.parametrize("bad", URL_PAYLOADS)
def test_schema_refuses_unsafe_web_addresses(bad):
    data = copy.deepcopy(read_yaml(FERNLEIGH).data)
    data["council"]["website"] = bad
    with pytest.raises(ValidationError):
        CouncilFile.model_validate(data)
