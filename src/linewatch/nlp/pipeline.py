"""Pipeline: named components that each take a Doc and return it.

Like spaCy, a pipeline is an ordered list of component names; each component
is registered once with `@component(...)`, has a version, and declares the
languages it serves. Adding a stage or a language means registering a
component (or a language data file) in one place; `Pipeline` does the rest.

The pipeline version (a hash of the component names and versions) is stored
with every processed document: when an extractor's version changes, `linewatch
run` reprocesses the documents it touched.
"""
from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from linewatch.errors import ConfigError, LinewatchError
from linewatch.lexicon import SUPPORTED_LANGUAGES
from linewatch.model import stable_id
from linewatch.nlp.doc import Doc


class Component(Protocol):
    name: str
    version: str

    def __call__(self, doc: Doc) -> Doc: ...


class ComponentError(RuntimeError):
    """A component raised on one document: names the component and the original error."""

    def __init__(self, component: str, error: BaseException) -> None:
        self.component = component
        self.error = error
        super().__init__(f"component {component}: {type(error).__name__}: {error}")


@dataclass
class ComponentSpec:
    name: str
    factory: Callable[..., Callable[[Doc], Doc]]
    version: str
    languages: tuple[str, ...] | None  # None = every language
    requires: tuple[str, ...] = ()  # names of components that must run before
    doc: str = ""


_REGISTRY: dict[str, ComponentSpec] = {}

# The modules that register components (a plugin list: the stages import this module, not the
# reverse); imported when the first Pipeline is built, so `linewatch --help` stays fast.
COMPONENT_MODULES = (
    "linewatch.nlp.segment",
    "linewatch.nlp.parse",
    "linewatch.extract.prescan",  # opt-in, not in DEFAULT_PIPELINE: sentences worth parsing
    "linewatch.extract.mentions",
    "linewatch.extract.dates",
    "linewatch.extract.statements",
    "linewatch.extract.events",
    "linewatch.analyze.stance.component",
    "linewatch.analyze.narratives.component",
)

# Default order. A component missing from the registry (module not importable) is an error,
# except those listed in OPTIONAL_COMPONENTS, which are skipped with a note.
DEFAULT_PIPELINE = (
    "segment",  # sentences and paragraphs
    "parse",  # tokens, POS, dependencies, NER (spaCy for en, natasha for ru, rules for pl)
    "mentions",  # actor mentions from the registry + NER
    "dates",  # date expressions resolved against the document date
    "statements",  # attributed statements, speakers, coreference, statement dates
    "events",  # non-verbal PLOVER events
    "stance",  # stance toward targets
    "narratives",  # taxonomy matching (only when a taxonomy is configured)
)


def component(
    name: str,
    *,
    version: str,
    languages: Iterable[str] | None = None,
    requires: Iterable[str] = (),
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a component factory under `name`.

    The factory is called once per Pipeline with keyword config (from the
    workspace configuration) and returns a callable Doc -> Doc.
    """

    def deco(factory: Callable[..., Any]) -> Callable[..., Any]:
        _REGISTRY[name] = ComponentSpec(
            name=name,
            factory=factory,
            version=version,
            languages=tuple(languages) if languages else None,
            requires=tuple(requires),
            doc=(factory.__doc__ or "").strip().split("\n")[0],
        )
        return factory

    return deco


def load_components() -> dict[str, ComponentSpec]:
    for mod in COMPONENT_MODULES:
        importlib.import_module(mod)
    return dict(_REGISTRY)


def registered() -> dict[str, ComponentSpec]:
    return load_components()


@dataclass
class Pipeline:
    names: tuple[str, ...] = DEFAULT_PIPELINE
    config: dict[str, dict[str, Any]] = field(default_factory=dict)  # per-component config
    _components: dict[str, Callable[[Doc], Doc]] = field(default_factory=dict, init=False, repr=False)
    _specs: dict[str, ComponentSpec] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        specs = load_components()
        self._specs = {n: specs[n] for n in self.names if n in specs}
        active = self.active_names
        for i, name in enumerate(active):
            missing = [r for r in self._specs[name].requires if r not in active[:i]]
            if missing:  # a component reads the layers these add; it never re-runs them itself
                raise ConfigError(f"component {name!r} needs {', '.join(map(repr, missing))} before it in the pipeline",
                                  where="pipeline")

    @property
    def active_names(self) -> list[str]:
        return [n for n in self.names if n in self._specs]

    @property
    def version(self) -> str:
        """Changes whenever a component is added, removed or changes version."""
        parts = [f"{n}={self._specs[n].version}" for n in self.active_names]
        return stable_id(*parts, length=12)

    def versions(self) -> dict[str, str]:
        return {n: self._specs[n].version for n in self.active_names}

    def get(self, name: str) -> Callable[[Doc], Doc]:
        if name not in self._components:
            self._components[name] = self._specs[name].factory(**self.config.get(name, {}))
        return self._components[name]

    def __call__(self, doc: Doc) -> Doc:
        if doc.lang not in SUPPORTED_LANGUAGES:
            # rules and models exist for these languages only; elsewhere they would invent statements
            doc.annotations["note"] = (f"language {doc.lang!r} is not supported "
                                       f"({', '.join(SUPPORTED_LANGUAGES)}): extraction skipped")
            return doc
        for name in self.active_names:
            spec = self._specs[name]
            if spec.languages is not None and doc.lang not in spec.languages:
                continue
            t0 = time.perf_counter()
            try:
                doc = self.get(name)(doc)
            except LinewatchError:
                raise  # already one line the user can act on
            except Exception as exc:
                # the caller reports one line per document and goes on; say which stage broke
                raise ComponentError(name, exc) from exc
            doc.timings[name] = doc.timings.get(name, 0.0) + time.perf_counter() - t0
        return doc
