"""The checks the site tests make on a built site find what they look for, and say where, in words."""

from __future__ import annotations

from sites import broken_links, macro_problems


def write(site, path, html):
    page = site / path / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")


def test_broken_links_and_missing_anchors_are_found(tmp_path):
    write(tmp_path, "", '<a href="contacts/">ok</a> <a href="contacts/#team">ok</a> <a href="#top">ok</a>'
                        '<h1 id="top">Home</h1> <a href="https://example.org/">outside</a> <a href="tel:01632960100">x</a>')
    write(tmp_path, "contacts", '<h2 id="team">Team</h2> <a href="../strategy/">gone</a> <a href="../#nowhere">no</a>')
    assert broken_links(tmp_path) == [
        "the page /contacts/ links to “../strategy/”, which does not exist",
        "the page /contacts/ links to “../#nowhere”, but that page has no part “#nowhere”",
    ]


def test_a_site_with_good_links_has_none_broken(tmp_path):
    write(tmp_path, "", '<a href="a/">a</a> <a href="a/#x">x</a>')
    write(tmp_path, "a", '<p id="x">x</p> <a href="../">home</a>')
    assert broken_links(tmp_path) == []


def test_macro_errors_and_raw_templates_are_found(tmp_path):
    write(tmp_path, "", "<p>Fine.</p> <script>var a = '{{ not shown }}';</script>")
    write(tmp_path, "board", "<p>Macro Rendering Error</p>")
    write(tmp_path, "pledge", "<p>{{ pledge() }}</p>")
    assert macro_problems(tmp_path) == [
        "/board/ shows “Macro Rendering Error”",
        "/pledge/ shows template code “{{”",
    ]
