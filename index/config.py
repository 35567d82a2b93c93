"""One settings object: defaults < TOML file < environment < explicit arguments (CLI flags).

Every environment variable attache reads is listed in ``_ENV`` (field -> variable names, the
first one set wins), plus ATTACHE_CONFIG (path of a TOML file with the same keys as the
fields; default <user config dir>/attache/config.toml). No other module reads the environment.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

import tomllib
from platformdirs import user_config_dir, user_data_dir

from .errors import AttacheError

_ENV: dict[str, tuple[str, ...]] = {
    "store": ("ATTACHE_STORE",),
    "chroma_url": ("ATTACHE_CHROMA_URL",),
    "llm": ("ATTACHE_LLM",),
    "embed_dtype": ("ATTACHE_EMBED_DTYPE",),
    "collection": ("ATTACHE_COLLECTION",),
    "llm_timeout": ("ATTACHE_LLM_TIMEOUT",),
    "openai_base_url": ("ATTACHE_OPENAI_BASE_URL", "OPENAI_BASE_URL"),
    "openai_api_key": ("ATTACHE_OPENAI_API_KEY", "OPENAI_API_KEY"),
    "ollama_host": ("OLLAMA_HOST",),
    "aliases": ("ATTACHE_ALIASES",),
    "auth": ("ATTACHE_AUTH",),
    "api_token": ("ATTACHE_API_TOKEN",),
    "fetch_private": ("ATTACHE_FETCH_PRIVATE",),
}
#: How an environment variable says yes or no to a true/false setting.
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


@dataclass(frozen=True)
class Settings:
    """Every setting of attache: defaults < TOML file (ATTACHE_CONFIG) < environment < explicit overrides."""
    store: str = ""  # folder of the catalog (and of embedded Chroma)
    chroma_url: str = ""  # http://host:port of a `chroma run` server; "" = embedded
    collection: str = "attache"
    llm: str = ""  # "" = offline extractive answerer; see assistant.llm.parse_llm_spec
    embed_dtype: str = "auto"  # auto | float32 | bfloat16 | int8
    embed_batch: int = 64
    chunk_target: int = 600
    chunk_max: int = 900
    extract_claims: bool = True
    llm_timeout: str = ""  # seconds an LLM backend may take ("" = 60); checked by assistant.llm
    openai_base_url: str = ""  # OpenAI-compatible endpoint ("" = api.openai.com)
    openai_api_key: str = ""
    ollama_host: str = ""  # host:port or URL of an Ollama server ("" = 127.0.0.1:11434)
    aliases: str = ""  # JSON file of extra actor aliases (see index/actors.py)
    auth: str = ""  # USER:PASS login for the web UI and APIs (see assistant.serve)
    api_token: str = ""  # Bearer token for the APIs ("" = the auth password)
    fetch_private: bool = False  # fetch URLs of local/private addresses (refused by default: SSRF)

    @property
    def store_path(self) -> Path:
        return Path(self.store or default_store())

    @property
    def mode(self) -> str:
        return "server" if self.chroma_url else "embedded"

    def with_overrides(self, **kw) -> "Settings":
        return replace(self, **{k: v for k, v in kw.items() if v not in (None, "")})


def default_store() -> str:
    """The per-user store folder (``~/.local/share/attache/store`` on Linux)."""
    return os.path.join(user_data_dir("attache", appauthor=False), "store")


def load_settings(**overrides) -> Settings:
    """Settings from defaults, the TOML file, the environment, then ``overrides`` (None values ignored)."""
    values: dict = {}
    cfg = os.environ.get("ATTACHE_CONFIG") or os.path.join(
        user_config_dir("attache", appauthor=False), "config.toml"
    )
    if os.path.isfile(cfg):
        with open(cfg, "rb") as f:
            data = tomllib.load(f)
        known = {f.name for f in fields(Settings)}
        values.update({k: v for k, v in data.items() if k in known})
    flags = {f.name for f in fields(Settings) if f.type in (bool, "bool")}
    for name, envs in _ENV.items():
        for env in envs:
            if os.environ.get(env, "").strip():
                value = os.environ[env].strip()
                values[name] = _flag(env, value) if name in flags else value
                break
    return Settings(**values).with_overrides(**overrides)


def _flag(env: str, value: str) -> bool:
    """A true/false environment variable: 1/true/yes/on or 0/false/no/off (any case)."""
    v = value.lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise AttacheError(f"{env}={value!r}: expected 1/true/yes/on or 0/false/no/off")


def is_offline_llm(spec: str | None) -> bool:
    """Whether an LLM spec names the offline extractive answerer ("", "none", "extractive")."""
    return (spec or "").strip().lower() in ("", "none", "extractive")
