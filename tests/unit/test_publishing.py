"""Publishing: the GitHub Actions workflow and the pre-commit hooks (reproducible builds: tests/site/).

- `.github/workflows/site.yml` is checked against GitHub's workflow schema (the
  copy that ships inside check-jsonschema, so no network), then read for what
  matters here: it runs on every push and pull request, checks council.yml
  with annotations, builds strictly (never with `-q`), runs the tests, and
  deploys only from main and only after all of that passed.
- `.pre-commit-config.yaml` is checked against a schema written from
  pre-commit's own rules (check-jsonschema has no built-in schema for it), and
  its hooks are run the way pre-commit would run them.

The hooks' commands are run on the example council (tests/fixtures/), as
pre-commit would run them; on your own council.yml, tests/site/test_your_council.py.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from badfiles import bad_file
from sites import FERNLEIGH, ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
COUNCIL_SCHEMA = "schema/council.schema.json"


def load_yaml(path: Path):
    """Read YAML 1.2 as GitHub and pre-commit do (PyYAML would turn the key `on` into True)."""
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def check_jsonschema(*args: str) -> subprocess.CompletedProcess:
    """Run check-jsonschema from this interpreter, offline."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def write_yaml(path: Path, data) -> Path:
    """Write data as YAML (JSON is YAML, and keeps the test free of dumper quirks)."""
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- #
# The GitHub Actions workflow
# --------------------------------------------------------------------------- #

@pytest.fixture(scope="module")
def workflow() -> dict:
    return load_yaml(WORKFLOW)


def jobs(workflow: dict) -> dict:
    return workflow["jobs"]


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def step_index(job: dict, predicate, what: str) -> int:
    """The position of the only step that matches, with a readable failure."""
    found = [i for i, step in enumerate(steps(job)) if predicate(step)]
    assert len(found) == 1, f"expected one step that {what}, found {len(found)}"
    return found[0]


def runs(command: str):
    """A predicate: the step's `run` script contains this command."""
    return lambda step: command in " ".join(step.get("run", "").split())


def uses(action: str):
    """A predicate: the step uses this action (any version)."""
    return lambda step: step.get("uses", "").split("@")[0] == action


def env_of(workflow: dict, job: dict, step: dict) -> dict:
    """The environment a step sees: workflow, then job, then step `env`."""
    return {**workflow.get("env", {}), **job.get("env", {}), **step.get("env", {})}


def needs(job: dict) -> list[str]:
    value = job.get("needs", [])
    return [value] if isinstance(value, str) else list(value)


def test_workflow_matches_githubs_workflow_schema():
    result = check_jsonschema("--builtin-schema", "vendor.github-workflows", str(WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_schema_check_catches_a_broken_workflow(tmp_path, workflow):
    """The check above is not vacuous: a job with no `runs-on` and a bad step fails it."""
    broken = json.loads(json.dumps(workflow))
    job = next(iter(broken["jobs"].values()))
    del job["runs-on"]
    job["steps"].append({"name": "neither run nor uses"})
    result = check_jsonschema("--builtin-schema", "vendor.github-workflows",
                              str(write_yaml(tmp_path / "broken.yml", broken)))
    assert result.returncode == 1, result.stdout + result.stderr


def test_workflow_runs_on_every_push_and_pull_request(workflow):
    triggers = workflow["on"]
    assert isinstance(triggers, dict), "`on:` should list its events as a mapping"
    for event in ("push", "pull_request"):
        assert event in triggers, f"the workflow does not run on {event}"
        filters = triggers[event] or {}
        limited = {"branches", "branches-ignore", "paths", "paths-ignore", "tags"} & set(filters)
        assert not limited, f"{event} is limited by {sorted(limited)}: it must run on every {event}"


def test_every_action_is_pinned_by_commit(workflow):
    """Pinned by a 40-character commit SHA (tests/unit/test_supply_chain.py checks the version comment)."""
    for name, job in jobs(workflow).items():
        for step in steps(job):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), \
                    f"{name}: {step['uses']} is not pinned by its commit (owner/action@<40-character SHA>)"


def job_running(workflow: dict, command: str) -> tuple[str, dict]:
    found = [(name, job) for name, job in jobs(workflow).items() if any(runs(command)(step) for step in steps(job))]
    assert len(found) == 1, f"expected exactly one job that runs `{command}`, found {[n for n, _ in found]}"
    return found[0]


@pytest.fixture(scope="module")
def test_job(workflow) -> tuple[str, dict]:
    """The job every push runs: checks council.yml, builds it and runs the site checks of that file."""
    return job_running(workflow, "make council-checks")


@pytest.fixture(scope="module")
def develop_job(workflow) -> tuple[str, dict]:
    """The job that runs the project's full suite, when code changed."""
    return job_running(workflow, "make test")


def test_python_311_and_the_locked_dependencies(test_job, develop_job):
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("$(BIN)/.test-deps:", 1)[1].split("\n\n", 1)[0]
    assert "--require-hashes" in target and "requirements/site.lock" in target and "requirements/test.lock" in target
    for _, job in (test_job, develop_job):
        setup = steps(job)[step_index(job, uses("actions/setup-python"), "sets up Python")]
        assert str(setup["with"]["python-version"]) == "3.11"
        assert step_index(job, uses("actions/checkout"), "checks out") == 0
        install = " ".join(step.get("run", "") for step in steps(job))
        assert "make .venv/bin/.test-deps" in install or "make test" in install, "install through the Makefile's locks"


def test_check_step_annotates_council_yml(workflow, test_job):
    _, job = test_job
    at = step_index(job, runs("python -m macros check --strict council.yml"), "checks council.yml strictly")
    assert env_of(workflow, job, steps(job)[at]).get("GITHUB_ACTIONS") == "true"


def test_build_is_strict_and_fails_on_macro_errors(workflow, test_job):
    _, job = test_job
    at = step_index(job, runs("mkdocs build --strict"), "builds with mkdocs build --strict")
    env = env_of(workflow, job, steps(job)[at])
    # one meaning of strict: --strict alone is enough, with no setting that a council could forget
    assert "MACROS_ON_ERROR_FAIL" not in env and "COUNCIL_STRICT" not in env
    assert env.get("NO_MKDOCS_2_WARNING") == "1"


def test_no_mkdocs_command_is_quiet(workflow):
    """`mkdocs build --strict -q` exits 0 despite warnings: -q must never be used."""
    commands = [line for job in jobs(workflow).values() for step in steps(job)
                for line in step.get("run", "").splitlines() if "mkdocs" in line]
    assert commands, "no mkdocs command found"
    for line in commands:
        words = shlex.split(line, comments=True)
        quiet = [w for w in words if w == "--quiet" or re.fullmatch(r"-[a-zA-Z]*q[a-zA-Z]*", w)]
        assert not quiet, f"quiet flag {quiet} in: {line.strip()}"


def test_steps_run_in_order_check_build_test_upload(test_job):
    _, job = test_job
    order = [
        step_index(job, runs("python -m macros check --strict"), "checks council.yml"),
        step_index(job, runs("mkdocs build --strict"), "builds the site"),
        step_index(job, runs("make council-checks"), "runs the council's site checks"),
        step_index(job, uses("actions/upload-pages-artifact"), "uploads the Pages artifact"),
    ]
    assert order == sorted(order), "the site must be checked, built and tested before it is uploaded"
    upload = steps(job)[order[-1]]
    assert upload["with"]["path"] == "site"
    assert "refs/heads/main" in upload["if"] and "push" in upload["if"]


def test_deploy_needs_every_check_that_ran_and_only_runs_on_main(workflow, test_job, develop_job):
    deploying = [(name, job) for name, job in jobs(workflow).items()
                 if any(uses("actions/deploy-pages")(step) for step in steps(job))]
    assert len(deploying) == 1, "expected exactly one job that deploys to GitHub Pages"
    name, deploy = deploying[0]
    condition = " ".join(deploy["if"].split())
    for needed, _ in (test_job, develop_job):
        assert needed in needs(deploy), f"{name} must need {needed}: a broken edit must never be published"
        assert f"needs.{needed}.result == 'success'" in condition, f"{name} must wait for {needed} to pass"
    # always() only so that a skipped full suite (a council.yml-only change) does not stop the deploy;
    # every needed job's result is then checked by name, and the job that decides what ran must have passed.
    develop = develop_job[0]
    assert f"needs.{develop}.result == 'skipped'" in condition
    assert "failure()" not in condition and "cancelled()" not in condition
    decider = [n for n in needs(deploy) if n not in (test_job[0], develop)]
    assert decider and all(f"needs.{d}.result == 'success'" in condition for d in decider)
    assert "github.ref == 'refs/heads/main'" in condition
    assert "github.event_name == 'push'" in condition
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"]["group"], "deploys need a concurrency group so they never overlap"
    assert deploy["concurrency"].get("cancel-in-progress") is False
    assert deploy["environment"]["name"] == "github-pages"
    step_index(deploy, uses("actions/configure-pages"), "configures Pages")


def changes_script(workflow: dict) -> str:
    for job in jobs(workflow).values():
        for step in steps(job):
            if step.get("id") == "diff":
                return step["run"]
    raise AssertionError("no step with id 'diff' decides whether code changed")


@pytest.mark.parametrize("changed,code", [
    (["council.yml"], "false"),
    (["macros/views.py"], "true"),
    (["council.yml", "docs/index.md"], "true"),
])
def test_a_council_yml_only_push_skips_the_full_suite(tmp_path, workflow, develop_job, changed, code):
    """The `changes` job's own script, run on a real repository: only council.yml changed → code=false."""
    _, develop = develop_job
    assert "needs.changes.outputs.code == 'true'" in " ".join(develop["if"].split())
    repo = tmp_path / "repo"
    (repo / "macros").mkdir(parents=True)
    (repo / "docs").mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for path in ("council.yml", "macros/views.py", "docs/index.md"):
        (repo / path).write_text("one\n", encoding="utf-8")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    before = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    for path in changed:
        (repo / path).write_text("two\n", encoding="utf-8")
    subprocess.run([*git, "commit", "-qam", "two"], check=True)
    sha = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    output = tmp_path / "output"
    output.write_text("", encoding="utf-8")
    env = dict(os.environ, EVENT="push", BEFORE=before, BASE="", GITHUB_SHA=sha, GITHUB_OUTPUT=str(output))
    subprocess.run(["bash", "-e", "-c", changes_script(workflow)], cwd=repo, env=env, check=True,
                   capture_output=True, text=True)
    assert output.read_text(encoding="utf-8").strip() == f"code={code}"


def test_pull_requests_get_no_write_permissions(workflow):
    assert workflow["permissions"] == {"contents": "read"}


# --------------------------------------------------------------------------- #
# pre-commit
# --------------------------------------------------------------------------- #

# check-jsonschema ships no schema for .pre-commit-config.yaml
# (`python -m check_jsonschema --help` lists the built-in ones), so this one is
# written from pre-commit's own rules (pre_commit/clientlib.py, pre-commit 4):
# `repos` is required; a remote repo needs `rev`, a local one has none; local
# hooks need id, name, entry and language. It is stricter than pre-commit in
# one way: keys pre-commit only warns about (typos) are errors here.
_HOOK_KEYS = {
    "id": {"type": "string"}, "name": {"type": "string"}, "entry": {"type": "string"},
    "language": {"enum": ["conda", "coursier", "dart", "docker", "docker_image", "dotnet", "fail",
                          "golang", "haskell", "julia", "lua", "node", "perl", "pygrep", "python",
                          "r", "ruby", "rust", "swift", "system", "script", "unsupported",
                          "unsupported_script"]},
    "alias": {"type": "string"}, "files": {"type": "string", "format": "regex"},
    "exclude": {"type": "string", "format": "regex"},
    "types": {"type": "array", "items": {"type": "string"}},
    "types_or": {"type": "array", "items": {"type": "string"}},
    "exclude_types": {"type": "array", "items": {"type": "string"}},
    "additional_dependencies": {"type": "array", "items": {"type": "string"}},
    "args": {"type": "array", "items": {"type": "string"}},
    "always_run": {"type": "boolean"}, "fail_fast": {"type": "boolean"},
    "pass_filenames": {"type": "boolean"}, "description": {"type": "string"},
    "language_version": {"type": "string"}, "log_file": {"type": "string"},
    "minimum_pre_commit_version": {"type": "string"}, "require_serial": {"type": "boolean"},
    "stages": {"type": "array", "items": {"type": "string"}}, "verbose": {"type": "boolean"},
}
PRE_COMMIT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["repos"],
    "additionalProperties": False,
    "properties": {
        "repos": {"type": "array", "items": {"$ref": "#/$defs/repo"}},
        "default_install_hook_types": {"type": "array", "items": {"type": "string"}},
        "default_language_version": {"type": "object", "additionalProperties": {"type": "string"}},
        "default_stages": {"type": "array", "items": {"type": "string"}},
        "files": {"type": "string", "format": "regex"},
        "exclude": {"type": "string", "format": "regex"},
        "fail_fast": {"type": "boolean"},
        "minimum_pre_commit_version": {"type": "string"},
        "ci": {"type": "object"},
    },
    "$defs": {
        "hook": {"type": "object", "required": ["id"], "additionalProperties": False,
                 "properties": _HOOK_KEYS},
        "local_hook": {"type": "object", "required": ["id", "name", "entry", "language"],
                       "additionalProperties": False, "properties": _HOOK_KEYS},
        "repo": {
            "type": "object",
            "required": ["repo", "hooks"],
            "additionalProperties": False,
            "properties": {"repo": {"type": "string"}, "rev": {"type": "string"}, "hooks": {"type": "array"}},
            "if": {"properties": {"repo": {"enum": ["local", "meta"]}}},
            "then": {"not": {"required": ["rev"]},
                     "properties": {"hooks": {"items": {"$ref": "#/$defs/local_hook"}}}},
            "else": {"required": ["rev"],
                     "properties": {"hooks": {"items": {"$ref": "#/$defs/hook"}}}},
        },
    },
}


@pytest.fixture(scope="module")
def pre_commit() -> dict:
    return load_yaml(PRE_COMMIT)


def hook(config: dict, hook_id: str) -> tuple[dict, dict]:
    """The repo entry and the hook with this id (exactly one)."""
    found = [(repo, h) for repo in config["repos"] for h in repo["hooks"] if h["id"] == hook_id]
    assert len(found) == 1, f"expected one hook {hook_id!r}, found {len(found)}"
    return found[0]


def validate_pre_commit(tmp_path: Path, config_file: Path) -> subprocess.CompletedProcess:
    schema = tmp_path / "pre-commit-config.schema.json"
    schema.write_text(json.dumps(PRE_COMMIT_SCHEMA), encoding="utf-8")
    return check_jsonschema("--schemafile", str(schema), str(config_file))


def test_check_jsonschema_has_no_builtin_pre_commit_schema():
    """Why the schema above exists; if this fails, use the built-in one instead."""
    listing = check_jsonschema("--help").stdout
    assert "vendor.github-workflows" in listing
    assert "pre-commit" not in listing


def test_pre_commit_config_is_valid(tmp_path):
    result = validate_pre_commit(tmp_path, PRE_COMMIT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("breakage", ["remote repo without rev", "local hook without entry", "misspelt key"])
def test_the_pre_commit_schema_catches_mistakes(tmp_path, pre_commit, breakage):
    broken = json.loads(json.dumps(pre_commit))
    remote = next(r for r in broken["repos"] if r["repo"] != "local")
    local = next(r for r in broken["repos"] if r["repo"] == "local")
    if breakage == "remote repo without rev":
        del remote["rev"]
    elif breakage == "local hook without entry":
        del local["hooks"][0]["entry"]
    else:
        local["hooks"][0]["file"] = local["hooks"][0].pop("files")
    result = validate_pre_commit(tmp_path, write_yaml(tmp_path / "broken.yaml", broken))
    assert result.returncode == 1, breakage


def test_schema_hook_checks_council_yml(pre_commit):
    repo, h = hook(pre_commit, "check-jsonschema")
    assert repo["repo"] == "https://github.com/python-jsonschema/check-jsonschema"
    assert h["args"] == ["--schemafile", COUNCIL_SCHEMA]
    assert re.search(h["files"], "council.yml")
    assert not re.search(h["files"], "tests/fixtures/council.yml")
    assert not re.search(h["files"], "council.yml.bak")


def test_schema_hook_version_matches_the_lock(pre_commit):
    """The hook runs the same check-jsonschema the tests use."""
    repo, _ = hook(pre_commit, "check-jsonschema")
    locked = re.search(r"^check-jsonschema==(\S+)", (ROOT / "requirements" / "test.lock").read_text(), re.M)
    assert locked, "check-jsonschema is not in requirements/test.lock"
    assert repo["rev"] == locked.group(1)


def test_schema_hook_accepts_a_good_file_and_rejects_a_bad_one(tmp_path, pre_commit):
    """What the hook runs: `check-jsonschema ARGS FILE`, with the repository's own schema.

    (On your own council.yml: tests/site/test_your_council.py.)
    """
    _, h = hook(pre_commit, "check-jsonschema")
    good = check_jsonschema(*h["args"], str(FERNLEIGH))
    assert good.returncode == 0, good.stdout + good.stderr
    bad = check_jsonschema(*h["args"], str(bad_file("unknown-key", tmp_path)))
    assert bad.returncode == 1
    assert "emial" in bad.stdout


def test_local_hook_runs_the_strict_check(pre_commit):
    repo, h = hook(pre_commit, "council-check")
    assert repo["repo"] == "local"
    assert h["language"] == "system"
    assert "-m macros check --strict" in h["entry"]
    assert h.get("pass_filenames") is False, "the check reads council.yml itself"
    for path in ("council.yml", "macros/schema.py", "macros/templates/pledge.html"):
        assert re.search(h["files"], path), f"the hook does not run when {path} changes"
    for path in ("docs/index.md", "tests/fixtures/council.yml", "mkdocs.yml"):
        assert not re.search(h["files"], path), f"the hook should not run for {path}"


def hook_command(h: dict, council_file: Path) -> list[str]:
    """The hook's command as pre-commit runs it (from the repository root), on another council file."""
    command = shlex.split(h["entry"])
    if Path(command[0]).name.startswith("python"):
        command[0] = sys.executable      # the interpreter running the tests, .venv or not
    assert command[-1] == "council.yml", "the hook checks council.yml"
    return [*command[:-1], str(council_file)]


def test_local_hook_passes_on_a_good_file_and_fails_on_a_bad_one(tmp_path, pre_commit):
    """(On your own council.yml: the strict check in tests/site/test_your_council.py.)"""
    _, h = hook(pre_commit, "council-check")
    env = {k: v for k, v in os.environ.items() if k != "COUNCIL_FILE"}
    good = subprocess.run(hook_command(h, FERNLEIGH), cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = subprocess.run(hook_command(h, bad_file("bad-date", tmp_path)), cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "board.review_date" in bad.stderr
