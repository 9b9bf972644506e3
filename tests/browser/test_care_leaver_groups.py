"""'Do I get this?' in a real browser on a phone (390×844, touch): for one way through each nation's
questions, answer by tapping and by keyboard, read the group the data says, and find 0 axe
violations (WCAG 2.2 AA) with the answers open. No sideways scrolling; answers are large targets."""

from __future__ import annotations

import re

import pytest

from browser import VIEWPORTS, WCAG_TAGS, block_other_hosts, serve
from macros import care_leaver_groups as clg

pytestmark = pytest.mark.browser

SITES = {"england": "example_site", "wales": "wales_site", "scotland": "scotland_site",
         "northern-ireland": "northern_ireland_site"}
PAGE = "young-people/entitlements/do-i-get-this/"


def one_path(nation: str) -> clg.Route:
    """The longest way through that ends in a group the law names (the most questions to answer)."""
    paths = [p for p in clg.groups(nation).paths() if p.group.law_calls_this]
    return max(paths, key=lambda p: len(p.steps))


def visible_answer(page, text: str):
    answer = page.locator("details.cp-groups__answer > summary:visible").filter(
        has_text=re.compile(r"^\s*" + re.escape(text) + r"\s*$"))
    assert answer.count() == 1, f"{answer.count()} visible answers say {text!r}"
    return answer


@pytest.mark.parametrize("nation", list(SITES))
def test_answer_the_questions_on_a_phone_and_read_your_group(browser, request, nation):
    from axe_playwright_python.sync_playwright import Axe

    site = request.getfixturevalue(SITES[nation])
    viewport = VIEWPORTS["phone"]
    context = browser.new_context(viewport=viewport, has_touch=True, is_mobile=True)
    outside: list[str] = []
    block_other_hosts(context, {"page": PAGE}, outside)
    page = context.new_page()
    path = one_path(nation)
    problems = []
    with serve(site) as base:
        page.goto(base + PAGE, wait_until="load")
        assert page.locator(".cp-leaver-group__title:visible").count() == 0, "no group shows before any answer"
        for number, (question, answer) in enumerate(path.steps):
            ask = page.locator(".cp-groups__ask:visible").filter(has_text=question.ask)
            assert ask.count() == 1, f"{nation}: question {question.ask!r} is not showing"
            target = visible_answer(page, answer.text)
            box = target.bounding_box()
            if box["height"] < 24 or box["width"] < 24:
                problems.append(f"{answer.text!r} is {box['width']:.0f}×{box['height']:.0f} px, under 24 px")
            if number % 2 == 0:
                target.tap()
            else:  # by keyboard: Tab along from the last answer opened until this one has focus, then Enter
                for _ in range(12):
                    page.keyboard.press("Tab")
                    if page.evaluate("document.activeElement && document.activeElement.textContent.trim()") == answer.text:
                        break
                else:
                    problems.append(f"{answer.text!r} cannot be reached with the Tab key")
                    target.focus()
                page.keyboard.press("Enter")
            assert target.evaluate("el => el.parentElement.open"), f"{answer.text!r} did not open"
        result = page.locator(".cp-leaver-group__title:visible")
        assert result.count() == 1
        assert path.group.title in result.inner_text()
        assert f"The law calls this {path.group.law_calls_this}." in page.locator("section.cp-leaver-group:visible").inner_text()
        if page.evaluate("document.documentElement.scrollWidth") > viewport["width"]:
            problems.append("the page scrolls sideways")
        axe = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        problems += [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}" for v in axe.response["violations"]]
        # To change an answer, tap another: the one opened before closes (details that share a name)
        first_question, first_answer = path.steps[0]
        other = next(a for a in first_question.answers if a.text != first_answer.text)
        visible_answer(page, other.text).tap()
        opened = page.locator(".cp-groups__answer[open] > summary").all_inner_texts()
        if first_answer.text in [t.strip() for t in opened]:
            problems.append(f"{first_answer.text!r} stayed open after {other.text!r} was tapped")
    context.close()
    assert problems == [] and outside == [], f"{nation} ({path.describe()}):\n" + "\n".join(problems + outside)
