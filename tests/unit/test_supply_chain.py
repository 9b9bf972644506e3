"""Supply chain: every tool the project installs is pinned, and Dependabot keeps the pins current.

- GitHub Actions are pinned by a 40-character commit SHA, with the version in a comment.
- Python packages come only from requirements/*.lock (exact versions with hashes), installed with --require-hashes.
- npm packages come only from a committed package-lock.json (npm ci), with exact versions in package.json.
- .github/dependabot.yml covers each of them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from sites import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
REQUIREMENTS = ROOT / "requirements"
PACKAGE_JSONS = sorted(p for p in [ROOT / "package.json", *(ROOT / "tools").glob("*/package.json")] if p.is_file())
SCRIPTS = [ROOT / "Makefile", *sorted((ROOT / "tools").glob("*.py")), *sorted((ROOT / "tools").glob("*.sh"))]


def uses_lines(path: Path) -> list[tuple[int, str]]:
    return [(n, line.strip()) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if re.match(r"\s*(-\s+)?uses:", line)]


def test_there_are_workflows_to_check():
    assert WORKFLOWS, "no workflow in .github/workflows"
    assert any(uses_lines(w) for w in WORKFLOWS), "no workflow uses an action: the pin check would check nothing"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_its_version(workflow):
    loose = [f"{workflow.name}:{n}: {line}" for n, line in uses_lines(workflow)
             if not re.fullmatch(r"(-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s+v\d+(\.\d+){0,2}", line)]
    assert loose == [], "pin each action by its 40-character commit SHA, version in a comment " \
                        "(uses: owner/repo@<sha> # vX.Y.Z):\n" + "\n".join(loose)


def test_workflows_install_only_through_the_makefile_or_locks():
    """A workflow's `run:` installs nothing unpinned (pip install without hashes, npm install, pipx, curl | sh)."""
    bad = []
    for workflow in WORKFLOWS:
        for n, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), 1):
            if unpinned_install(line):
                bad.append(f"{workflow.name}:{n}: {line.strip()}")
    assert bad == [], "\n".join(bad)


def unpinned_install(line: str, after: str = "") -> bool:
    """True for an install command that does not come from a lock file with hashes.

    `after`: the lines that follow, for a command written over several lines (a Python list of arguments).
    """
    text = line.split("#", 1)[0] if not line.lstrip().startswith(("\"", "'")) else line
    if re.search(r"\bpip\b.*\binstall\b", text):
        statement = text + " " + after
        return not ("--require-hashes" in statement and re.search(r"\.lock\b", statement))
    if re.search(r"\bnpm\s+(install|i|add)\b", text) or re.search(r"\bnpx\s+(?!--no-install)", text):
        return True
    return bool(re.search(r"\b(pipx|curl|wget)\b", text))


def test_the_install_check_catches_what_it_should():
    assert unpinned_install("pip install zensical")
    assert unpinned_install('subprocess.run(["npm", "install", "lighthouse@12"])'.replace('", "', " "))
    assert unpinned_install("python -m pip install --quiet pip-tools")
    assert not unpinned_install("python -m pip install --require-hashes -r requirements/site.lock")
    assert not unpinned_install("npm ci --ignore-scripts")
    assert not unpinned_install('command = [python, "-m pip install --require-hashes", *locks]',
                                'locks = ["-r", "requirements/site.lock"]')


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_no_unpinned_install_in_the_makefile_or_tools(script):
    text = script.read_text(encoding="utf-8")
    # A Python list of arguments is read as the command it runs.
    lines = re.sub(r'"\s*,\s*"', " ", text).splitlines()
    bad = [line.strip() for n, line in enumerate(lines) if unpinned_install(line, " ".join(lines[max(0, n - 2):n + 3]))]
    assert bad == [], f"{script.relative_to(ROOT)} installs without a lock:\n" + "\n".join(bad)


@pytest.mark.parametrize("source", sorted(REQUIREMENTS.glob("*.in")), ids=lambda p: p.name)
def test_every_requirements_file_is_locked_with_hashes(source):
    lock = source.with_suffix(".lock")
    assert lock.is_file(), f"{source.name} has no {lock.name}: run make lock"
    text = lock.read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==\S+ \\$", text, flags=re.M)
    assert pins, f"{lock.name} pins nothing"
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text)
    unhashed = [b.split("==")[0] for b in blocks if "==" in b.split("\n")[0] and "--hash=sha256:" not in b]
    assert unhashed == [], f"{lock.name}: no hash for {unhashed}"
    for name in re.findall(r"^([A-Za-z0-9_.-]+)\s*[=<>~!]", source.read_text(encoding="utf-8"), flags=re.M):
        assert re.search(rf"^{re.escape(name.lower())}==", text.lower(), flags=re.M), \
            f"{source.name} asks for {name}, which {lock.name} does not pin: run make lock"


@pytest.mark.parametrize("package", PACKAGE_JSONS, ids=lambda p: str(p.relative_to(ROOT)))
def test_npm_tools_are_exact_and_locked(package):
    spec = json.loads(package.read_text(encoding="utf-8"))
    wanted = {**spec.get("dependencies", {}), **spec.get("devDependencies", {})}
    assert wanted, f"{package.relative_to(ROOT)} lists no packages"
    loose = {name: v for name, v in wanted.items() if not re.fullmatch(r"\d+\.\d+\.\d+", v)}
    assert loose == {}, f"{package.relative_to(ROOT)}: give exact versions (npm install --save-exact): {loose}"
    lock = package.with_name("package-lock.json")
    assert lock.is_file(), f"{package.relative_to(ROOT)} has no package-lock.json beside it"
    packages = json.loads(lock.read_text(encoding="utf-8"))["packages"]
    for name, version in wanted.items():
        assert packages.get(f"node_modules/{name}", {}).get("version") == version, \
            f"{lock.relative_to(ROOT)} does not lock {name} {version}: run npm install in {package.parent.name}"
    no_integrity = [k for k, v in packages.items() if k and not v.get("link") and "integrity" not in v]
    assert no_integrity == [], f"{lock.relative_to(ROOT)}: no integrity hash for {no_integrity[:5]}"


def test_dependabot_keeps_every_pin_current():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    covered = {(u["package-ecosystem"], u["directory"].rstrip("/") or "/") for u in config["updates"]}
    wanted = {("github-actions", "/"), ("pip", "/requirements")}
    wanted |= {("npm", "/" + str(p.parent.relative_to(ROOT)).replace(".", "").strip("/")) for p in PACKAGE_JSONS}
    wanted = {(eco, d if d != "/" else "/") for eco, d in wanted}
    missing = {w for w in wanted if w not in covered and (w[0], w[1].rstrip("/") or "/") not in covered}
    assert missing == set(), f".github/dependabot.yml does not cover {sorted(missing)}"
