"""Publishing: the GitHub Actions workflow, the pre-commit hooks, reproducible builds.

- `.github/workflows/site.yml` is checked against GitHub's workflow schema (the
  copy that ships inside check-jsonschema, so no network), then read for what
  matters here: it runs on every push and pull request, checks council.yml
  with annotations, builds strictly (never with `-q`), runs the tests, and
  deploys only from main and only after all of that passed.
- `.pre-commit-config.yaml` is checked against a schema written from
  pre-commit's own rules (check-jsonschema has no built-in schema for it), and
  its hooks are run the way pre-commit would run them.
- The example council is built twice and every file must be byte-identical,
  also when the second build runs on another day (a shifted clock).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shlex
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLE, ROOT, run_build

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


def test_every_action_is_pinned_to_a_major_version(workflow):
    for name, job in jobs(workflow).items():
        for step in steps(job):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), \
                    f"{name}: {step['uses']} is not pinned to a major version (owner/action@vN)"


@pytest.fixture(scope="module")
def test_job(workflow) -> tuple[str, dict]:
    """The job that checks, builds and tests: the one that runs `make test`."""
    found = [(name, job) for name, job in jobs(workflow).items()
             if any(runs("make test")(step) for step in steps(job))]
    assert len(found) == 1, "expected exactly one job that runs `make test`"
    return found[0]


def test_python_311_and_the_locked_dependencies(test_job):
    _, job = test_job
    setup = steps(job)[step_index(job, uses("actions/setup-python"), "sets up Python")]
    assert str(setup["with"]["python-version"]) == "3.11"
    assert step_index(job, uses("actions/checkout"), "checks out") == 0
    install = " ".join(step.get("run", "") for step in steps(job))
    assert "--require-hashes" in install
    assert "requirements/site.lock" in install and "requirements/test.lock" in install


def test_check_step_annotates_council_yml(workflow, test_job):
    _, job = test_job
    at = step_index(job, runs("python -m macros check --strict council.yml"), "checks council.yml strictly")
    assert env_of(workflow, job, steps(job)[at]).get("GITHUB_ACTIONS") == "true"


def test_build_is_strict_and_fails_on_macro_errors(workflow, test_job):
    _, job = test_job
    at = step_index(job, runs("mkdocs build --strict"), "builds with mkdocs build --strict")
    env = env_of(workflow, job, steps(job)[at])
    assert env.get("MACROS_ON_ERROR_FAIL") == "true"
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
        step_index(job, runs("make test"), "runs the tests"),
        step_index(job, uses("actions/upload-pages-artifact"), "uploads the Pages artifact"),
    ]
    assert order == sorted(order), "the site must be checked, built and tested before it is uploaded"
    upload = steps(job)[order[-1]]
    assert upload["with"]["path"] == "site"
    assert "refs/heads/main" in upload["if"] and "push" in upload["if"]


def test_deploy_needs_the_test_job_and_only_runs_on_main(workflow, test_job):
    test_name, _ = test_job
    deploying = [(name, job) for name, job in jobs(workflow).items()
                 if any(uses("actions/deploy-pages")(step) for step in steps(job))]
    assert len(deploying) == 1, "expected exactly one job that deploys to GitHub Pages"
    name, deploy = deploying[0]
    assert test_name in needs(deploy), f"{name} must need {test_name}: a broken edit must never be published"
    condition = " ".join(deploy["if"].split())
    assert "github.ref == 'refs/heads/main'" in condition
    assert "github.event_name == 'push'" in condition
    assert "always()" not in condition and "failure()" not in condition
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"]["group"], "deploys need a concurrency group so they never overlap"
    assert deploy["concurrency"].get("cancel-in-progress") is False
    assert deploy["environment"]["name"] == "github-pages"
    step_index(deploy, uses("actions/configure-pages"), "configures Pages")


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


def test_schema_hook_accepts_council_yml_and_rejects_a_bad_file(pre_commit):
    """What the hook runs: `check-jsonschema ARGS FILE`, with the repository's own schema."""
    _, h = hook(pre_commit, "check-jsonschema")
    good = check_jsonschema(*h["args"], "council.yml")
    assert good.returncode == 0, good.stdout + good.stderr
    bad = check_jsonschema(*h["args"], "tests/bad/unknown-key.yml")
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


def test_local_hook_passes_on_council_yml(pre_commit):
    """The hook's command, run as pre-commit would (from the repository root)."""
    _, h = hook(pre_commit, "council-check")
    command = shlex.split(h["entry"])
    if Path(command[0]).name.startswith("python"):
        command[0] = sys.executable      # the interpreter running the tests, .venv or not
    env = {k: v for k, v in os.environ.items() if k != "COUNCIL_FILE"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- #
# Reproducible builds
# --------------------------------------------------------------------------- #

# A `sitecustomize` put first on PYTHONPATH moves the build's clock forward:
# time.time() (and so date.today()) and datetime.now(). Everything the site
# shows about "today" comes from $COUNCIL_TODAY, pinned below, so a build on
# another day must give the same bytes.
CLOCK_SHIFT_DAYS = 400
FAKE_CLOCK = textwrap.dedent('''
    """Test helper (tests/test_publishing.py): this process's clock runs $CLOCK_SHIFT_DAYS days ahead."""
    import datetime as _dt
    import os
    import time as _time

    _SHIFT = float(os.environ.get("CLOCK_SHIFT_DAYS", "0")) * 86400
    _real_time, _real_time_ns, _Real = _time.time, _time.time_ns, _dt.datetime
    _time.time = lambda: _real_time() + _SHIFT
    _time.time_ns = lambda: _real_time_ns() + int(_SHIFT * 1_000_000_000)


    class _AnyDatetime(type):
        def __instancecheck__(cls, obj):
            return isinstance(obj, _Real)

        def __subclasscheck__(cls, sub):
            return issubclass(sub, _Real)


    class datetime(_Real, metaclass=_AnyDatetime):
        @classmethod
        def now(cls, tz=None):
            return _Real.fromtimestamp(_time.time(), tz)

        @classmethod
        def utcnow(cls):
            return _Real.fromtimestamp(_time.time(), _dt.timezone.utc).replace(tzinfo=None)


    _dt.datetime = datetime
''')


def shifted_clock_env(folder: Path) -> dict:
    """Environment for a subprocess whose clock is CLOCK_SHIFT_DAYS days ahead."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(FAKE_CLOCK, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH")) if p)
    return {"PYTHONPATH": path, "CLOCK_SHIFT_DAYS": str(CLOCK_SHIFT_DAYS)}


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def first_difference(name: str, a: bytes, b: bytes) -> str:
    """A short, readable account of how two versions of one file differ."""
    note = ""
    if name.endswith(".gz"):
        note = f" (gzip header mtime {int.from_bytes(a[4:8], 'little')} vs {int.from_bytes(b[4:8], 'little')})"
        a, b = gzip.decompress(a), gzip.decompress(b)
        if a == b:
            return f"{name}: same content{note}"
    lines_a, lines_b = a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines()
    for number, (x, y) in enumerate(zip(lines_a, lines_b), 1):
        if x != y:
            return f"{name}:{number}: {x.strip()[:100]!r} vs {y.strip()[:100]!r}{note}"
    return f"{name}: {len(lines_a)} vs {len(lines_b)} lines{note}"


def assert_identical(site_a: Path, site_b: Path) -> None:
    a, b = files_of(site_a), files_of(site_b)
    assert {"index.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(a), \
        "the build is missing files this test expects to compare"
    assert sorted(a) == sorted(b), f"different files: {sorted(set(a) ^ set(b))}"
    differing = [name for name in a if a[name] != b[name]]
    details = "\n".join(first_difference(name, a[name], b[name]) for name in differing[:10])
    assert not differing, f"{len(differing)} of {len(a)} files differ:\n{details}"


@pytest.fixture(scope="module")
def pinned_today() -> dict:
    """Both builds agree on "today" (the project's own knob: $COUNCIL_TODAY)."""
    return {"COUNCIL_TODAY": date.today().isoformat()}


@pytest.fixture(scope="module")
def no_outside_build_date():
    """The site must be reproducible by itself, not because the caller set SOURCE_DATE_EPOCH."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        yield


@pytest.fixture(scope="module")
def first_build(tmp_path_factory, pinned_today, no_outside_build_date) -> Path:
    out = tmp_path_factory.mktemp("repro-a") / "site"
    result = run_build(EXAMPLE, out, pinned_today)
    assert result.returncode == 0, result.stderr[-4000:]
    return out


def test_two_builds_are_byte_identical(tmp_path, first_build, pinned_today):
    out = tmp_path / "site"
    result = run_build(EXAMPLE, out, pinned_today)
    assert result.returncode == 0, result.stderr[-4000:]
    assert_identical(first_build, out)


def test_the_shifted_clock_works(tmp_path):
    """The helper really moves the clock of a subprocess (else the next test proves nothing)."""
    probe = ("import datetime, time; "
             "print(datetime.datetime.now(datetime.timezone.utc).date(), datetime.date.today(), "
             "isinstance(datetime.datetime(2000, 1, 1), datetime.datetime))")
    result = subprocess.run([sys.executable, "-c", probe], env=dict(os.environ, **shifted_clock_env(tmp_path)),
                            capture_output=True, text=True, timeout=60, check=True)
    now_utc, today, isinstance_works = result.stdout.split()
    expected = datetime.now(timezone.utc).date() + timedelta(days=CLOCK_SHIFT_DAYS)
    assert abs((date.fromisoformat(now_utc) - expected).days) <= 1
    assert abs((date.fromisoformat(today) - date.today() - timedelta(days=CLOCK_SHIFT_DAYS)).days) <= 1
    assert isinstance_works == "True"


def test_a_build_on_another_day_is_byte_identical(tmp_path, first_build, pinned_today):
    """Same council.yml, same $COUNCIL_TODAY, built 400 days later: the same bytes.

    MkDocs dates the sitemap (<lastmod>) and the gzip header of sitemap.xml.gz
    with the build date unless SOURCE_DATE_EPOCH is set; the site must set it
    from its own data for this to pass.
    """
    out = tmp_path / "site"
    result = run_build(EXAMPLE, out, dict(pinned_today, **shifted_clock_env(tmp_path / "clock")))
    assert result.returncode == 0, result.stderr[-4000:]
    assert_identical(first_build, out)
