"""The web editor at /admin/ (Decap CMS) driven for real, with its local backend.

decap-server (from node_modules, as package-lock.json locks it) runs on a free port against a temporary copy of
the project's council file; the built site's /admin/ is served as it is published, except that its config.yml
points the local backend at that port instead of 8081 (`make cms-local`) and saves directly (publish_mode: simple).
The browser (which may reach only 127.0.0.1 here) changes one pledge promise and one contact's phone number and saves; the test then checks that the
file changed only there, that `python -m macros check` accepts it, and that the rebuilt pages show the change.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
from ruamel.yaml import YAML

from browser import block_other_hosts, serve
from sites import FERNLEIGH, ROOT, run_build

pytestmark = pytest.mark.browser

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
NEW_PROMISE = "We will reply to you in two days, every time. You will not have to wait."  # plain: check warns above grade 4
NEW_PHONE = "01632 960999"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def decap_server(project: Path, log: Path) -> Iterator[int]:
    """decap-server in file-system mode (it writes the files of `project`, no Git), on a free port."""
    port = free_port()
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(project), "LOG_LEVEL": "warn"}
    with log.open("w") as out:
        process = subprocess.Popen(["node", str(DECAP_SERVER)], cwd=project, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            assert process.poll() is None and time.monotonic() < deadline, \
                f"decap-server did not start: {log.read_text(encoding='utf-8')}"
            time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def load(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def item(page, summary: str):
    """A list item of the editor, found by the summary line it shows when folded."""
    return page.get_by_text(summary, exact=True).locator("..")


def unfold(section) -> None:
    """Unfold a folded section (an object field): its own button is in the bar at its top."""
    section.locator(":scope > div").first.get_by_test_id("expand-button").click()


def field(list_item, selector: str):
    """A field inside a list item, unfolding the item first if it is folded."""
    list_item.wait_for(state="visible")  # rendered: its fields are there, shown or folded
    found = list_item.locator(selector).first
    if not found.is_visible():
        list_item.get_by_role("button").first.click()  # the item's fold/unfold button
    return found


def test_the_editor_changes_a_promise_and_a_phone_number_and_nothing_else(browser, example_site, tmp_path):
    assert (example_site / "admin" / "decap-cms.js").is_file(), "the build has no /admin/"
    project = tmp_path / "project"
    project.mkdir()
    council = project / "council.yml"
    shutil.copy(FERNLEIGH, council)
    before = load(council)
    promise = before["pledge"]["promises"][0]
    contact_index, contact = next((i, c) for i, c in enumerate(before["contacts"]) if c.get("phone"))
    assert promise["promise"] != NEW_PROMISE and contact["phone"] != NEW_PHONE

    site = tmp_path / "site"
    shutil.copytree(example_site / "admin", site / "admin")
    config = site / "admin" / "config.yml"
    with decap_server(project, tmp_path / "decap-server.log") as port:
        text = config.read_text(encoding="utf-8")
        assert text.count("\n  url: http://127.0.0.1:8081/api/v1\n") == 1
        text = text.replace("\n  url: http://127.0.0.1:8081/api/v1\n", f"\n  url: http://127.0.0.1:{port}/api/v1\n")
        # decap-server's file mode saves directly (a council's own publish_mode may ask for pull requests)
        text = re.sub(r"(?m)^publish_mode: .*$", "publish_mode: simple", text)
        config.write_text(text, encoding="utf-8")
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(20_000)
        errors: list[str] = []
        outside: list[str] = []
        block_other_hosts(context, {"page": "/admin/"}, outside)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        with serve(site) as base:
            page.goto(base + "admin/", wait_until="load")
            page.get_by_role("button", name="Login").click()
            page.goto(base + "admin/#/collections/council/entries/council")

            pledge = page.locator("[id^='pledge-field-']").first
            pledge.wait_for(state="visible")
            promise_item = item(page, f"{promise['id']} — {promise['promise']}")
            if not promise_item.is_visible():
                unfold(pledge)
            field(promise_item, "textarea[id^='promise-field-']").fill(NEW_PROMISE)

            contact_item = item(page, f"{contact['role']} — {contact['name']}")
            field(contact_item, "input[id^='phone-field-']").fill(NEW_PHONE)

            page.get_by_role("button", name="Publish").click()
            page.get_by_text("Publish now", exact=True).click()
            deadline = time.monotonic() + 20
            while NEW_PHONE not in council.read_text(encoding="utf-8") and time.monotonic() < deadline:
                time.sleep(0.2)
        context.close()
    assert errors == [], errors
    assert outside == [], "the editor asked another host for something:\n" + "\n".join(outside)

    after = load(council)
    expected = load(FERNLEIGH)
    expected["pledge"]["promises"][0]["promise"] = NEW_PROMISE
    expected["contacts"][contact_index]["phone"] = NEW_PHONE
    assert after == expected, "the editor changed more than the promise and the phone number"

    checked = subprocess.run([sys.executable, "-m", "macros", "check", "--strict", str(council)], cwd=ROOT,
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    out = tmp_path / "rebuilt"
    built = run_build(council, out)
    assert built.returncode == 0, built.stderr
    pledge_page = (out / "young-people" / "pledge" / "index.html").read_text(encoding="utf-8")
    contacts_page = (out / "contacts" / "index.html").read_text(encoding="utf-8")
    assert NEW_PROMISE in pledge_page and promise["promise"] not in pledge_page
    assert NEW_PHONE in contacts_page


def test_the_served_bundle_is_the_locked_npm_file_byte_for_byte():
    """docs/admin/decap-cms.js is node_modules/decap-cms/dist/decap-cms.js of the version package-lock.json locks
    (`make test` installs it with `npm ci`); `make cms` copies it after an upgrade."""
    import json

    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/decap-cms"]
    installed = json.loads((ROOT / "node_modules" / "decap-cms" / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == locked["version"]
    vendored = (ROOT / "docs" / "admin" / "decap-cms.js").read_bytes()
    assert vendored == (ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").read_bytes(), \
        "docs/admin/decap-cms.js is not the locked decap-cms: run `make cms` and commit it"
