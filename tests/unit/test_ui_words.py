"""Every word a component prints comes from macros/data/words.yml (`ui:`), so a Welsh words.yml can replace it.

Templates hold no English: their text (outside `{{ }}` and `{% %}`) and their text attributes (aria-label,
data-label …) are only punctuation, spaces and entities. Every `ui.key` a template prints, and every phrase
the Python asks for (phrase, said, sentence), is in words.yml; every phrase in words.yml is used. The `ui`
global looks a phrase up when a template prints it (a build makes English, then Welsh), and a missing
phrase stops the build with an error naming it.
"""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path
from string import Formatter

import pytest

from macros import views
from macros.components import environment
from macros.words import Words, words

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "macros" / "templates").glob("*.html"))
PYTHON = sorted((ROOT / "macros").glob("*.py"))
LOOKUPS = {"phrase", "said", "sentence"}   # the views' functions that take a phrase's key
TEXT_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "data-label", "label", "summary"}
ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")


class _Text(HTMLParser):
    """The text nodes and text attributes of a template whose Jinja has been blanked out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []

    def handle_data(self, data: str) -> None:
        self.found.append(data)

    def handle_entityref(self, name: str) -> None:  # an entity is not a word
        pass

    def handle_charref(self, name: str) -> None:
        pass

    def handle_starttag(self, tag: str, attrs) -> None:
        self.found += [value for name, value in attrs if name in TEXT_ATTRIBUTES and value]

    handle_startendtag = handle_starttag


def words_in(source: str) -> list[str]:
    """The pieces of a template's text that hold letters (should be none): Jinja comments dropped,
    `{{ … }}` read as a digit (it may be inside a tag name: <h{{ level }}>), `{% … %}` as a space."""
    source = re.sub(r"\{#.*?#\}", "", source, flags=re.S)
    source = re.sub(r"\{\{.*?\}\}", "0", source, flags=re.S)
    source = re.sub(r"\{%.*?%\}", " ", source, flags=re.S)
    parser = _Text()
    parser.feed(source)
    parser.close()
    return [" ".join(text.split()) for text in parser.found if re.search(r"[^\W\d_]", ENTITY.sub("", text))]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_hold_no_words(path):
    found = words_in(path.read_text(encoding="utf-8"))
    assert not found, (f"{path.name}: put these words in macros/data/words.yml (ui:) and print them with "
                       f"{{{{ ui.key }}}}, or fill a sentence in a view: {found}")


def test_the_check_finds_words():
    assert words_in('<p>Phone: <a href="{{ x.href }}">{{ x.text }}</a></p>') == ["Phone:"]
    assert words_in('<ul aria-label="Key"></ul>') == ["Key"]
    assert words_in("{% if a %}To be confirmed{% endif %}") == ["To be confirmed"]
    assert words_in('<h{{ level }} id="{{ a }}">{{ ui.x }}</h{{ level }}><td data-label="{{ ui.y }}">&nbsp;–</td>') == []
    assert words_in("{# a comment in English #}<p>{{ a }}: {{ b }}.</p>") == []


def template_phrases() -> dict[str, set[str]]:
    """ui.key → the templates that print it."""
    used: dict[str, set[str]] = {}
    for path in TEMPLATES:
        for key in re.findall(r"\bui\.(\w+)", path.read_text(encoding="utf-8")):
            used.setdefault(key, set()).add(path.name)
    return used


def _constants(node: ast.AST) -> list[str]:
    """The strings a key expression can be: "a", "a" if x else "b"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def python_phrases() -> dict[str, set[str]]:
    """Phrase keys the Python asks for → its files: a literal key, a name assigned a literal key in the same
    function, or a module-level table of keys (phrase(TREND_WORDS[key]))."""
    used: dict[str, set[str]] = {}
    for path in PYTHON:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        tables = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                  for t in node.targets if isinstance(t, ast.Name) and isinstance(node.value, ast.Dict)}
        for function in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.Lambda))] + [tree]:
            assigned: dict[str, list[str]] = {}
            for node in ast.walk(function) if function is not tree else ():   # names are a function's own
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            assigned.setdefault(target.id, []).extend(_constants(node.value))
            for node in ast.walk(function):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name not in LOOKUPS:
                    continue
                key = node.args[0]
                keys = _constants(key)
                if isinstance(key, ast.Name):
                    keys += assigned.get(key.id, [])
                if isinstance(key, ast.Subscript) and isinstance(key.value, ast.Name) and key.value.id in tables:
                    keys += [k for v in tables[key.value.id].values for k in _constants(v)]
                for k in keys:
                    used.setdefault(k, set()).add(path.name)
    return used


def test_every_phrase_printed_is_in_words_yml():
    ui = words()["ui"]
    missing = {key: sorted(where) for key, where in {**python_phrases(), **template_phrases()}.items() if key not in ui}
    assert not missing, f"add these under ui: in macros/data/words.yml: {missing}"


def test_the_python_asks_for_phrases_found_by_the_check():
    used = python_phrases()
    for key in ("help_in_danger", "improves_gives_more", "improves_adds", "trend_better", "axis_days", "up_from",
                "accessibility_status_partly", "pledge_by_law_one_own", "law_calls_this"):
        assert key in used, key


def test_every_phrase_in_words_yml_is_used():
    used = set(python_phrases()) | set(template_phrases())
    unused = sorted(set(words()["ui"]) - used)
    assert not unused, f"macros/data/words.yml has phrases nothing prints: {unused}"


def test_phrases_are_text_with_named_placeholders():
    """Each phrase is text; its {placeholders} have names (a translation may put them in another order)."""
    for key, text in words()["ui"].items():
        assert isinstance(text, str) and text.strip(), key
        fields = [name for _, name, _, _ in Formatter().parse(text) if name is not None]
        assert all(re.fullmatch(r"[a-z_]+", name) for name in fields), f"ui.{key}: {text!r}"


def test_no_phrase_is_one_lowercase_word():
    """The translation check keeps a single lowercase word as it is (an id or a closed-list value), so a phrase
    that is one would stay English in Welsh: write it with a capital, or with the words around it."""
    single = {key: text for key, text in words()["ui"].items() if re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", text.strip())}
    assert not single, single


def test_a_missing_phrase_stops_the_build_naming_it():
    with pytest.raises(views.MissingPhrase, match=r"ui\.no_such_phrase"):
        environment().from_string("<p>{{ ui.no_such_phrase }}</p>").render()
    with pytest.raises(views.MissingPhrase, match=r"ui\.no_such_phrase"):
        views.said("no_such_phrase")


def test_phrases_are_looked_up_when_a_template_prints_them(monkeypatch):
    """One build makes English and then Welsh: the `ui` global is never a copy of the English words."""
    template = environment().from_string("<li>{{ ui.phone }} {{ ui.read_more }}</li>")
    assert template.render() == "<li>Phone: Read more</li>"
    welsh = Words({**words().data, "ui": {**words()["ui"], "phone": "Ffôn:", "read_more": "Darllen mwy"}})
    monkeypatch.setattr(views, "words", lambda: welsh)
    assert template.render() == "<li>Ffôn: Darllen mwy</li>"


def test_the_sites_own_words_print_as_written_and_data_is_escaped(monkeypatch):
    ours = Words({**words().data, "ui": {"x": "It's <b> & \"{name}\""}})
    monkeypatch.setattr(views, "words", lambda: ours)
    assert environment().from_string('<p title="{{ ui.x }}">').render() == '<p title="It\'s &lt;b&gt; &amp; &#34;{name}&#34;">'
    assert str(views.sentence("x", name="<script>O'Neill")) == "It's &lt;b&gt; &amp; &#34;&lt;script&gt;O&#39;Neill&#34;"
    assert views.said("x", name="A") == 'It\'s <b> & "A"'   # plain text: the template escapes it as it prints it


# --- the Welsh words (macros/data/cy/words.yml): the same phrases, each with the English's placeholders ---

WELSH = ROOT / "macros" / "data" / "cy" / "words.yml"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def welsh_words() -> Words:
    import yaml
    return Words(yaml.safe_load(WELSH.read_text(encoding="utf-8")))


def test_every_welsh_phrase_fills_in_what_the_english_does():
    """A Welsh phrase with a placeholder the English has not would stop the build; one without a placeholder
    the English has would leave a name or a date out of the Welsh page."""
    english, welsh = words(), welsh_words()
    assert set(welsh["ui"]) == set(english["ui"])
    different = {f"{section}.{key}": (english[section][key], welsh[section][key])
                 for section in ("ui", "bases", "given_by") for key in english[section]
                 if placeholders(english[section][key]) != placeholders(welsh[section][key])}
    assert not different, different


def test_the_components_speak_welsh_with_the_welsh_words(monkeypatch):
    """Every component of the Welsh fixture council, built with the Welsh words: nothing is missing, every
    sentence fills in, and the English phrases are gone."""
    from datetime import date

    from macros import components
    from macros.components import Components
    from macros.reader import read_yaml
    from macros.schema import CouncilFile

    welsh = welsh_words()
    monkeypatch.setattr(views, "words", lambda: welsh)
    monkeypatch.setattr(components, "words", lambda: welsh)
    council = CouncilFile.model_validate(read_yaml(ROOT / "tests" / "fixtures" / "afoncwm.yml").data)
    c = Components(council, today=lambda: date(2026, 12, 1))
    html = "\n".join(str(part) for part in [
        c.contacts_list(), c.board_summary(), c.board_terms(), c.pledge(), c.help_lines(),
        c.entitlements("leaving-care", money=True), c.still_not_happy(), c.adviser_not_replying(),
        c.children_in_care_council(), c.dear_corporate_parent(), c.population(), c.strengths(), c.objectives(),
        c.action_plan(), c.scorecard("placements"), c.scorecard_summary(), c.self_evaluation(),
        c.self_evaluation("voice-of-the-child"), c.board_members(), c.board_meetings(), c.board_decisions(),
        c.you_said_we_did(), c.board_annual_report(), c.headline_figures(), c.home_board(), c.commitments(),
        c.home_commitments(), c.here_in_council("education"), c.events_list("upcoming"), c.events_list("past"),
        c.events_subscribe(), c.care_leaver_groups(), c.care_leaver_groups_list(),
        *[c.accessibility_statement(part) for part in ("missing", "using", "enforcement")],
    ])
    for english in ("Phone:", "Who can get it", "How we check this promise", "has not", "Source:", "Question 1."):
        assert english not in html, english
    for welsh_phrase in ("Pwy all ei gael", "Sut rydyn ni'n gwirio'r addewid hwn", "Cwestiwn 1."):
        assert str(views.own_words(welsh_phrase)) in html, welsh_phrase
