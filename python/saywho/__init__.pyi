import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Union

__version__: str
__all__: list[str]

Document = Union[str, Mapping[str, Any]]

class EngineError(RuntimeError):
    """The engine failed on a document (a bug in saywho; the message says where)."""

def extract(text: str, id: Any = None) -> dict[str, Any]: ...
def read(path: str | os.PathLike[str]) -> dict[str, Any]: ...
def extract_many(
    docs: Iterable[Document], jobs: int | None = None
) -> Iterator[dict[str, Any]]: ...
