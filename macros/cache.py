"""A cache on disk of validated data, so a build whose inputs have not changed skips validation.

Validating council.yml and the nations' data with pydantic is most of what the macros cost a
build. The result depends only on the bytes of the data file and on the code that validates it,
so it is kept in .cache/data/ (git-ignored) under a key made from both: any change to the file,
to any module in macros/ or to the installed pydantic gives a new key, and the data is validated
again. Errors are never cached. `COUNCIL_CACHE=0` turns off this cache and the compiled-template
caches (components.py): nothing is kept from an earlier build (the benchmark's cold runs).

The pickles are written by this code into the project's own folder, with the same trust as the
code beside them; a file that cannot be read is ignored and validation runs.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

PACKAGE = Path(__file__).resolve().parent
CACHE_DIR = PACKAGE.parent / ".cache" / "data"
T = TypeVar("T")


def enabled() -> bool:
    return os.environ.get("COUNCIL_CACHE", "1") != "0"


@lru_cache(maxsize=1)
def code_version() -> bytes:
    """What the validation depends on besides the data: every module in macros/ and pydantic's version."""
    import pydantic

    digest = hashlib.sha256(pydantic.VERSION.encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.digest()


def cached(kind: str, data: bytes, compute: Callable[[], T]) -> T:
    """compute(), or its earlier result for the same `data` and the same code."""
    if not enabled():
        return compute()
    key = hashlib.sha256(code_version() + kind.encode() + b"\0" + data).hexdigest()
    path = CACHE_DIR / f"{kind}-{key[:32]}.pickle"
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except Exception:  # missing, unreadable, or written by other code: validate again
        pass
    result = compute()
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=CACHE_DIR, prefix=f".{kind}-", delete=False) as file:
            pickle.dump(result, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):  # a read-only checkout: no cache
        try:
            os.unlink(file.name)
        except (OSError, NameError):
            pass
    return result
