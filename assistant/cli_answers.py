"""CLI commands that answer (ask) — registered into the main parser."""
from __future__ import annotations


def register(sub, common, add_filters) -> None:
    # --- serve/demo ---
    register_serve(sub, common)
    # --- serve/demo ---
    return None


# --- serve/demo ---
def register_serve(sub, common) -> None:
    for name, func, text in (
        ("serve", cmd_serve, "web UI, REST API (/api) and OpenAI-compatible API (/v1)"),
        ("demo", cmd_demo, "index the bundled sample articles into a demo store and serve them"),
    ):
        s = sub.add_parser(name, parents=[common], help=text)
        s.add_argument("--host", default="127.0.0.1",
                       help="address to bind (default 127.0.0.1; other addresses need --auth)")
        s.add_argument("--port", type=int, default=7860)
        s.add_argument("--auth", metavar="USER:PASS",
                       help="require this login for the UI and the APIs (env ATTACHE_AUTH); the APIs also "
                            "take `Authorization: Bearer TOKEN` (env ATTACHE_API_TOKEN, else the password)")
        s.add_argument("--llm", help="LLM backend for answers (env ATTACHE_LLM; default: offline extractive)")
        s.set_defaults(func=func)


def cmd_serve(args) -> int:
    from .core import Assistant
    from .web import parse_auth, serve

    auth = parse_auth(args.auth)  # checked before the slow start
    a = Assistant.open(store=args.store, chroma_url=args.chroma_url, llm=args.llm, create=True)
    serve(a, host=args.host, port=args.port, auth=auth)
    return 0


def demo_store() -> str:
    import os

    from platformdirs import user_data_dir

    return os.path.join(user_data_dir("attache", appauthor=False), "demo-store")


def cmd_demo(args) -> int:
    import sys
    from importlib.resources import as_file, files

    from .core import Assistant
    from .web import parse_auth, serve

    auth = parse_auth(args.auth)
    a = Assistant.open(store=args.store or demo_store(), chroma_url=args.chroma_url, llm=args.llm, create=True)
    with as_file(files("index") / "samples") as samples:
        report = a.ingest([samples], progress=True)  # idempotent: unchanged articles are skipped
    sys.stderr.write(f"attache: demo store {a.settings.store_path}: {a.stats().documents} documents "
                     f"(added {report.added}, unchanged {report.unchanged})\n")
    serve(a, host=args.host, port=args.port, auth=auth)
    return 0
# --- serve/demo ---
