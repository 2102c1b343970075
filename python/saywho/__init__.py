"""saywho: who said what in a news article, from Python.

Each result is the JSON object that ``saywho extract`` prints, as Python objects: ``id``,
``text``, ``quotes`` (each with its character and byte offsets, ``speaker``, ``rule``, ...),
``speakers``, ``headings`` and, for files, ``title`` and ``byline``.

>>> import saywho
>>> r = saywho.extract('"We will win," the mayor said.')
>>> r["quotes"][0]["speaker"]
'the mayor'
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Union

from . import _saywho
from ._saywho import EngineError

__all__ = ["EngineError", "extract", "extract_many", "read", "__version__"]
__version__: str = _saywho.__version__

Document = Union[str, Mapping[str, Any]]


def _id_json(id: Any) -> str | None:
    if id is None:
        return None
    try:
        return json.dumps(id, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise TypeError(f"the id must be JSON (str, int, float, ...): {e}") from None


def extract(text: str, id: Any = None) -> dict[str, Any]:
    """Every quotation of ``text`` with its speaker: the result ``saywho extract`` prints.

    ``id`` (any JSON value) is echoed as the result's ``id``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return json.loads(_saywho.extract_json(text, _id_json(id)))


def read(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The result for a plain text, HTML or Markdown file, like ``saywho extract PATH``.

    A web page or Markdown file is read as its article body, with its title, byline and
    headings. Raises FileNotFoundError, IsADirectoryError, PermissionError or OSError when the
    file cannot be read, ValueError when it is binary data.
    """
    return json.loads(_saywho.read_json(os.fspath(path)))


def _item(position: int, doc: Document) -> tuple[str, str | None]:
    if isinstance(doc, str):
        return doc, None
    if isinstance(doc, Mapping):
        text = doc.get("text")
        if not isinstance(text, str):
            raise TypeError(f"document {position}: \"text\" must be a str")
        return text, _id_json(doc.get("id"))
    raise TypeError(
        f"document {position}: expected a str or a mapping with \"text\", "
        f"not {type(doc).__name__}"
    )


def extract_many(
    docs: Iterable[Document], jobs: int | None = None
) -> Iterator[dict[str, Any]]:
    """The results of many documents, in their order, analysed on ``jobs`` threads.

    Each document is a ``str`` or a mapping with ``"text"`` and optionally ``"id"`` (a JSONL
    record). The iterable is read lazily, a few documents a thread at a time, so memory stays
    bounded however many there are. ``jobs`` defaults to the number of cores.
    """
    if jobs is None:
        jobs = os.cpu_count() or 1
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"jobs must be a positive int, not {jobs!r}")
    return _extract_many(iter(docs), jobs)


def _extract_many(docs: Iterator[Document], jobs: int) -> Iterator[dict[str, Any]]:
    pool = _saywho.Pool(jobs)
    batch_size = 4 * jobs
    start = 0
    while True:
        batch = [_item(start + i, d) for i, d in enumerate(itertools.islice(docs, batch_size))]
        if not batch:
            return
        results = pool.extract_batch(batch, start)
        del batch
        for result in results:
            yield json.loads(result)
        start += batch_size
