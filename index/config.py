"""One settings object: defaults < TOML file < environment < explicit arguments (CLI flags).

Environment: ATTACHE_STORE, ATTACHE_CHROMA_URL, ATTACHE_LLM, ATTACHE_EMBED_DTYPE,
ATTACHE_CONFIG (path of a TOML file; default <user config dir>/attache/config.toml).
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

_ENV = {
    "store": "ATTACHE_STORE",
    "chroma_url": "ATTACHE_CHROMA_URL",
    "llm": "ATTACHE_LLM",
    "embed_dtype": "ATTACHE_EMBED_DTYPE",
    "collection": "ATTACHE_COLLECTION",
}


@dataclass(frozen=True)
class Settings:
    store: str = ""  # folder of the catalog (and of embedded Chroma)
    chroma_url: str = ""  # http://host:port of a `chroma run` server; "" = embedded
    collection: str = "attache"
    llm: str = ""  # "" = offline extractive answerer; see assistant.llm.parse_llm_spec
    embed_dtype: str = "auto"  # auto | float32 | bfloat16
    embed_batch: int = 64
    chunk_target: int = 600
    chunk_max: int = 900
    extract_claims: bool = True

    @property
    def store_path(self) -> Path:
        return Path(self.store or default_store())

    @property
    def mode(self) -> str:
        return "server" if self.chroma_url else "embedded"

    def with_overrides(self, **kw) -> "Settings":
        return replace(self, **{k: v for k, v in kw.items() if v not in (None, "")})


def default_store() -> str:
    return os.path.join(user_data_dir("attache", appauthor=False), "store")


def load_settings(**overrides) -> Settings:
    values: dict = {}
    cfg = os.environ.get("ATTACHE_CONFIG") or os.path.join(
        user_config_dir("attache", appauthor=False), "config.toml"
    )
    if os.path.isfile(cfg):
        with open(cfg, "rb") as f:
            data = tomllib.load(f)
        known = {f.name for f in fields(Settings)}
        values.update({k: v for k, v in data.items() if k in known})
    for name, env in _ENV.items():
        if os.environ.get(env):
            values[name] = os.environ[env]
    return Settings(**values).with_overrides(**overrides)
