"""`attache` command line: a thin adapter over ``Assistant``; results on stdout, progress and
errors on stderr, ``--json`` for programs."""
from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap

from index.errors import AttacheError
from index.models import STATEMENT_KINDS


def _out(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def _err(msg: str) -> None:
    sys.stderr.write(f"attache: {msg}\n")


def outlet(source: str | None) -> str:
    """An outlet as printed: "unknown outlet" when the article names none (as ``render.source_line``)."""
    return (source or "").strip() or "unknown outlet"


_OPENED: list = []  # assistants opened with preload: main() waits for their loading threads


def _open(args, create: bool = False, preload: bool = False):
    from index.errors import StoreError

    from .core import Assistant

    try:
        a = Assistant.open(store=args.store, chroma_url=args.chroma_url, create=create,
                           llm=getattr(args, "llm", None), preload=preload,
                           fetch_private=True if getattr(args, "allow_private_urls", False) else None)
        if preload:
            _OPENED.append(a)
        return a
    except StoreError as e:
        demo = demo_store()
        if str(e).startswith("store not found") and os.path.isdir(demo):
            # After `attache demo` the samples live in the demo store: say where.
            raise StoreError(f"{e}. The demo's articles are in {demo}: pass --store {demo} "
                             f"(or set ATTACHE_STORE={demo})") from None
        raise


def cmd_ingest(args) -> int:
    """`attache ingest PATH...`: load, clean, chunk, embed and store; exit 1 when any input failed.
    When no input can be read at all (every path missing or a file of an unsupported type, "bad/real.pdf";
    none a URL), no store is opened or created."""
    from pathlib import Path

    from index.ingest import IngestReport
    from index.loaders import unsupported_reason, unsupported_type

    refused: list[tuple[str, str]] = []
    for p in args.paths:
        if "://" in p or p == "-":
            continue
        if not os.path.lexists(p):
            refused.append((p, "no such file or directory"))
        elif not args.format and os.path.isfile(p) and unsupported_type(Path(p)):
            refused.append((p, unsupported_reason(Path(p))))  # (as the loader says it)
    if refused and len(refused) == len(args.paths):
        report = IngestReport(failed=[{"path": p, "error": e} for p, e in refused])
    else:
        report = _open(args, create=True).ingest(args.paths, fmt=args.format, source=args.source,
                                                 progress=not args.quiet)
    for f in report.skipped:
        _err(f"skipped: {f['path']}: {f['reason']}")
    for f in report.failed:
        _err(f"failed: {f['path']}: {f['error']}")
    for w in report.warnings:
        _err(f"warning: {w['path']}: {w['warning']}")
    for d in report.duplicates:
        _err(f"duplicate: {d['path']}: same text as document {d['duplicate_of']}; not indexed again")
    for d in report.near_duplicates:
        others = "; ".join(f"{o['doc_id']} ({outlet(o['source'])}, {o['similarity']:.2f})"
                           for o in d["similar_to"])
        _err(f"near-duplicate: {d['path']}: indexed as {d['doc_id']}, linked to {others}")
    if args.json:
        d = report.to_dict()
        d.pop("doc_ids")
        _out(d)
    else:
        print(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
              f"failed {len(report.failed)}, " + (f"skipped {len(report.skipped)}, " if report.skipped else "")
              + f"chunks {report.chunks}, claims {report.claims}, "
              f"{report.seconds:.1f} s" + (f" (completed {report.resumed} interrupted)" if report.resumed else ""))
    return 0 if report.ok else 1


def cmd_docs(args) -> int:
    """`attache docs [show ID | rm ID]`: list (one line a document: id, date, outlet in full, title;
    ``--json``: every field whole), show (with text) or delete documents."""
    a = _open(args)
    if args.action == "show":
        if not args.id:
            raise AttacheError("docs show needs a document id")
        d = a.document(args.id)
        if args.json:
            # the cleaning report, and the documents linked as near-duplicates
            _out({**d.to_dict(), "removed": d.meta.get("removed", []),
                  "near_duplicates": d.meta.get("near_duplicates", [])})
        else:
            cut = "  [truncated in the export: the text ends early]" if d.meta.get("truncated") else ""
            print(f"{d.title}\n{outlet(d.source)}  {d.published or 'undated'}  {d.url}{cut}\n\n{d.text}")
        return 0
    if args.action == "rm":
        if not args.id:
            raise AttacheError("docs rm needs a document id")
        r = a.delete(args.id)
        _out(r) if args.json else print(f"deleted {r['doc_id']}  {r['title']}")
        return 0
    docs = a.documents()
    if args.json:
        _out([d.to_dict(text=False) for d in docs])
    else:
        # the outlet whole, its column as wide as the longest (as `positions` and `search` print it: never cut);
        # a title over 70 characters ends in "…" (the full one: `docs show ID`, --json)
        width = max((len(outlet(d.source)) for d in docs), default=0)
        for d in docs:
            cut = "  [truncated]" if d.meta.get("truncated") else ""
            title = d.title if len(d.title) <= 70 else d.title[:69] + "…"
            print(f"{d.doc_id}  {d.published[:10]:10}  {outlet(d.source):{width}}  {title}{cut}")
        # the footer after the listing, on a line of its own, also where stdout and stderr share a pipe or file
        # (`attache docs 2>&1 | less`: stdout is block-buffered there, so without the flush it came first)
        sys.stdout.flush()
        sys.stderr.write(f"{len(docs)} documents\n")
        sys.stderr.flush()
    return 0


def cmd_search(args) -> int:
    """`attache search QUERY`: hybrid retrieval (optionally sentence re-ranked); passages to stdout."""
    a = _open(args, preload=True)
    _warn_unknown_sources(a, args)
    passages = a.search(args.query, k=args.k, filters=_filters(args), rerank=args.rerank)
    if not passages:
        sys.stderr.write("attache: no passages match\n")
    if args.json:
        _out({"query": args.query, "results": [
            {"rank": p.rank, "chunk_id": p.chunk_id, "doc_id": p.doc_id, "title": p.title, "source": p.source,
             "published": p.published, "text": p.text, "start": p.start, "end": p.end, "score": p.score}
            for p in passages]})
    else:
        for p in passages:
            print(f"[{p.rank}] {outlet(p.source)} {p.published[:10] or 'undated'} — {p.title}  "
                  f"({p.doc_id} {p.start}:{p.end})")
            print(textwrap.indent(textwrap.fill(p.text, 100), "    "))
    return 0


def cmd_stats(args) -> int:
    """`attache stats`: counts of documents, chunks, vectors, claims and pending documents."""
    s = _open(args).stats().to_dict()
    if args.json:
        _out(s)
    else:
        for k, v in s.items():
            print(f"{k:16} {v}")
    return 0


def cmd_ask(args) -> int:
    """`attache ask QUESTION`: stream the answer to stdout, sources after it; `--json` prints ``Answer.to_dict()``."""
    a = _open(args, preload=True)
    _warn_unknown_sources(a, args)
    filters = _filters(args)
    fmt = "json" if args.json else args.format
    if fmt in ("json", "markdown"):
        ans = a.ask(args.question, filters=filters, k=args.k, llm=args.llm)
        if fmt == "json":
            _out(ans.to_dict())
        else:
            from .render import answer_markdown

            sys.stdout.write(answer_markdown(ans))
        if ans.notice:
            _err(ans.notice)
    else:
        from .models import AnswerReady

        ans = None
        for event in a.stream(args.question, filters=filters, k=args.k, llm=args.llm):
            if isinstance(event, AnswerReady):
                ans = event.answer
            else:
                sys.stdout.write(event.text)
                sys.stdout.flush()
        sys.stdout.write("\n")
        if ans and ans.citations:
            from .render import also_in_line, source_line

            sys.stdout.write("\nSources:\n")
            for c in ans.citations:
                sys.stdout.write(f"{source_line(c.n, c, quote_title=True)} ({c.doc_id} {c.start}:{c.end})\n")
                if c.also_in:
                    sys.stdout.write(f"    {also_in_line(c)}\n")
        if ans and ans.notice:
            _err(ans.notice)
    return 0


def _no_positions(a, args) -> str:
    """Why ``positions`` found nothing: no statements at all, or none of the kind/topic asked."""
    narrowed = args.source or args.since or args.until
    if args.kind or args.topic or narrowed:
        n = len(a.positions(args.actor))
        if n:
            when = " ".join(x for x in (f"since {args.since}" if args.since else "",
                                        f"until {args.until}" if args.until else "") if x)
            what = " ".join(x for x in (f"of kind {args.kind}" if args.kind else "",
                                        f"on {args.topic!r}" if args.topic else "",
                                        f"reported by {' or '.join(args.source)}" if args.source else "",
                                        f"in articles published {when}" if when else "") if x)
            return (f"no statements by {args.actor} {what}; {args.actor} has {n} statement(s) "
                    f"{'elsewhere' if narrowed else 'of other kinds or topics'} (`attache positions {args.actor!r}`)")
    return f"no statements by {args.actor} in the index (see `attache actors`)"


def cmd_positions(args) -> int:
    """`attache positions ACTOR`: the actor's statements (claims) in date order; exit 1 when there
    are none (as grep does), with the reason on stderr and, for --json/csv/markdown, empty output."""
    a = _open(args)
    _warn_unknown_sources(a, args)
    claims = a.positions(args.actor, topic=args.topic, kind=args.kind, filters=_filters(args))
    fmt = "json" if args.json else args.format
    if fmt == "json":
        _out({"actor": args.actor, "statements": [c.to_dict() for c in claims]})
    elif fmt in ("csv", "markdown"):
        from .render import claims_csv, claims_markdown

        sys.stdout.write(claims_csv(claims) if fmt == "csv" else claims_markdown(args.actor, claims))
    if not claims:
        _err(_no_positions(a, args))
        return 1
    if fmt in ("json", "csv", "markdown"):
        return 0
    from .render import said_by, statement_text

    for c in claims:
        print(f"{c.date[:10]:10}  {c.kind:9}  {said_by(c)}: {statement_text(c)}")
        print(f"            — {outlet(c.source)}, {c.published[:10] or 'undated'}, \"{c.title}\" "
              f"({c.doc_id} {c.start}:{c.end})")
    return 0


def cmd_compare(args) -> int:
    """`attache compare ACTOR ACTOR... [--topic T]`: the actors' statements side by side, cited."""
    a = _open(args)
    comparison, ans = a.compare(args.actors, topic=args.topic, kind=args.kind, filters=_filters(args),
                                per_actor=max(1, args.per_actor))
    # (a speech's giver is known too: "Xi" of "Xi Jinping")
    # (an office read as its holders is known too: "Russia's foreign minister")
    unknown = [name for name in args.actors if name.strip() and not a.parser.match_speakers([name])
               and not comparison.holders.get(name)]
    for name in unknown:
        _err(f"no actor {name!r} in the index (see `attache actors`)")
    fmt = "json" if args.json else args.format
    if fmt == "json":
        _out({**comparison.to_dict(), "answer": ans.to_dict()})
    elif fmt == "markdown":
        from .render import answer_markdown

        sys.stdout.write(answer_markdown(ans))
    else:
        from .render import source_line

        print(ans.answer)
        if ans.citations:
            print("\nSources:")
            for c in ans.citations:
                print(f"{source_line(c.n, c, quote_title=True)} ({c.doc_id} {c.start}:{c.end})")
    if not any(cs for _, cs in comparison.columns):
        _err("no statements by any of " + ", ".join(a for a, _ in comparison.columns) + " match (see `attache actors`)")
        return 1  # nothing to compare, as positions and grep: the answer above says so
    return 1 if unknown else 0  # (a comparison with an actor the index does not know is no comparison)


def cmd_actors(args) -> int:
    """`attache actors`: actors with statement counts and first/last statement dates."""
    actors = _open(args).actors()
    if args.json:
        _out([r.to_dict() for r in actors])
    else:
        for r in actors:
            articles = f"{r.documents} article{'' if r.documents == 1 else 's'}"
            first, last = r.first[:10], r.last[:10]
            when = "undated" if not (first or last) else first if first == last else f"{first} – {last}"
            also = f"; also {', '.join(r.spellings)}" if r.spellings else ""
            print(f"{r.statements:5}  {r.actor}  ({r.actor_type}, {articles}, {when}{also})")
    return 0


def cmd_serve(args) -> int:
    """`attache serve`: the Gradio UI, REST API and OpenAI-compatible API on one port."""
    from .serve import bind, parse_auth, serve

    auth = parse_auth(args.auth)  # checked before the slow start
    sock = bind(args.host, args.port)  # a port in use is said now, before the store is opened
    try:
        serve(_open(args, create=True), host=args.host, port=args.port, auth=auth, sock=sock)
    finally:
        sock.close()
    return 0


def demo_store() -> str:
    """The demo's store folder in the per-user data folder."""
    from platformdirs import user_data_dir

    return os.path.join(user_data_dir("attache", appauthor=False), "demo-store")


def cmd_demo(args) -> int:
    """`attache demo`: ingest the bundled samples into the demo store (idempotent), then serve."""
    from importlib.resources import as_file, files

    from .core import Assistant
    from .serve import bind, parse_auth, serve

    auth = parse_auth(args.auth)
    sock = bind(args.host, args.port)  # a port in use is said now, before the samples are ingested
    try:
        a = Assistant.open(store=args.store or demo_store(), chroma_url=args.chroma_url, llm=args.llm, create=True)
        with as_file(files("index") / "samples") as samples:
            report = a.ingest([samples], progress=True)  # idempotent: unchanged articles are skipped
        sys.stderr.write(f"attache: demo store {a.settings.store_path}: {a.stats().documents} documents "
                         f"(added {report.added}, unchanged {report.unchanged})\n")
        serve(a, host=args.host, port=args.port, auth=auth, sock=sock)
    finally:
        sock.close()
    return 0


def cmd_eval(args) -> int:
    """`attache eval QUESTIONS`: retrieval, citation, abstention, speaker and latency figures on a
    question set (see ``assistant.evaluation``); exit 1 when any record was bad (the rest are
    still evaluated), 2 when nothing could be evaluated."""
    from .evaluation import format_table, load_questions, run_eval, write_report

    if args.report and not args.report.lower().endswith((".md", ".html", ".htm")):
        _err(f"--report must end in .md or .html: {args.report}")
        return 2
    try:
        questions, errors = load_questions(args.questions)
    except (OSError, ValueError) as e:
        _err(f"{args.questions}: {e}")
        return 2
    for bad in errors:
        _err(f"{args.questions}: {bad['where']}: {bad['error']}; skipped")
    questions = questions[: args.limit] if args.limit else questions
    if not questions:
        _err(f"{args.questions}: no usable questions")
        return 2
    result = run_eval(_open(args), questions, k=args.k, baselines=args.baseline or [], rerank=args.rerank,
                      progress=not args.quiet)
    result = {"questions_file": str(args.questions), "errors": errors, **result}
    for f in result["failed"]:
        _err(f"{f['where']}: {f['error']}")
    if args.json:
        _out(result)
    else:
        sys.stdout.write(format_table(result))
    if args.report:
        for notice in write_report(result, args.report):
            _err(notice)
        _err(f"report written to {args.report}")
    return 1 if errors or result["failed"] else 0


def _filters(args) -> dict:
    """The filters of ``--source``/``--since``/``--until``; an outlet named as stored (``index.cleaning.outlet_name``:
    ``--source "Cnbc | World Business News Leader"`` is Cnbc, as its articles are stored whichever way they came)."""
    from index.cleaning import outlet_name

    sources = [outlet_name(s) or s for s in args.source or []]
    return {"sources": sources, "since": args.since or "", "until": args.until or ""}


def _warn_unknown_sources(a, args) -> None:
    """Say on stderr which ``--source`` names match no outlet of the index (they then match
    nothing): ``Assistant.source_notices``, which the HTTP API returns as ``notices``."""
    for notice in a.source_notices(_filters(args)):
        _err(notice)


def _check_args(args) -> None:
    """Check ``--k``, ``--kind`` and ``--since``/``--until`` as the Python API and the HTTP API
    check them (``assistant.core.check_arguments``), before any store is opened: a bad value
    raises ``InvalidArgument`` (exit 2, the message on stderr)."""
    checks: dict = {}
    if getattr(args, "k", None) is not None:
        checks["k"] = args.k
    if getattr(args, "kind", None) is not None:
        checks["kind"] = args.kind
    if hasattr(args, "since"):
        checks["filters"] = _filters(args)
    if checks:
        from .core import check_arguments

        check_arguments(**checks)


def port_number(text: str) -> int:
    """``--port``'s type: a TCP port, 1 to 65535 (argparse prints usage and exits 2 otherwise)."""
    from .serve import PortError, check_port

    try:
        return check_port(text)
    except PortError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def question_text(text: str) -> str:
    """The argparse type of a question: ``check_question``'s test (not blank, a word in it, not too long);
    a usage error (exit 2) otherwise."""
    from index.errors import QuestionError

    from .query import check_question

    try:
        check_question(text)
    except QuestionError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return text


def nonblank(what: str):
    """An argparse type for a required text argument: an empty or blank one is a usage error
    (exit 2), not a search for nothing."""

    def check(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"{what} is empty")
        return text

    check.__name__ = what
    return check


#: ``--kind``'s metavar: the value is checked by ``check_arguments`` (in ``_check_args``), as the
#: Python and HTTP APIs check it, not by argparse.
KIND_METAVAR = "{" + ",".join(STATEMENT_KINDS) + "}"


#: The subcommands that take ``--llm`` (before the subcommand, it is accepted for these only).
LLM_COMMANDS = ("ask", "serve", "demo")


def _general_flags(p: argparse.ArgumentParser, default) -> None:
    """``--store``, ``--chroma-url`` and ``--json``, the flags every subcommand takes (README, Configuration)."""
    flag = default if default is argparse.SUPPRESS else False
    p.add_argument("--store", default=default, help="index folder (env ATTACHE_STORE; default: per-user data folder)")
    p.add_argument("--chroma-url", default=default,
                   help="use a Chroma server, e.g. http://127.0.0.1:8000 (env ATTACHE_CHROMA_URL)")
    p.add_argument("--json", action="store_true", default=flag, help="machine-readable output")


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of every subcommand (flags override environment and TOML settings)."""
    p = argparse.ArgumentParser(prog="attache", description="Answers about foreign policy from news "
                                "articles, every sentence cited verbatim.")
    # The general flags go before the subcommand or after it (`attache --store DIR ingest ...`, `attache ingest
    # ... --store DIR`): the top parser holds their defaults; a subcommand's copy sets them only when given
    # (argparse.SUPPRESS), so it never resets a value given before the subcommand. After it wins over before.
    _general_flags(p, default=None)
    p.add_argument("--llm", help=f"LLM backend, for {', '.join(LLM_COMMANDS)} (as their --llm)")
    common = argparse.ArgumentParser(add_help=False)
    _general_flags(common, default=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", parents=[common], help="add articles (files or folders) to the index")
    s.add_argument("paths", nargs="+", metavar="PATH_OR_URL",
                   help="files, folders, http(s) URLs of pages or RSS/Atom feeds")
    s.add_argument("--format", choices=["text", "html", "json", "jsonl"])
    s.add_argument("--source", help="outlet name for articles that do not carry one")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.add_argument("--allow-private-urls", action="store_true",
                   help="also fetch URLs whose host is a local or private address (127.0.0.1, 10.x, 192.168.x, "
                        "169.254.x, ::1 ...), refused by default (env ATTACHE_FETCH_PRIVATE=1)")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("docs", parents=[common], help="list documents; `docs show ID`, `docs rm ID`")
    s.add_argument("action", nargs="?", choices=["list", "show", "rm"], default="list")
    s.add_argument("id", nargs="?", help="a document id (or a unique prefix of one); needed by show and rm")
    s.set_defaults(func=cmd_docs, usage_error=s.error)

    def add_filters(s):
        s.add_argument("--k", type=int, default=None, help="number of passages")
        s.add_argument("--source", action="append", help="only this outlet (repeatable)")
        s.add_argument("--since", help="published on or after (YYYY-MM-DD)")
        s.add_argument("--until", help="published on or before (YYYY-MM-DD)")

    s = sub.add_parser("search", parents=[common], help="hybrid passage search")
    s.add_argument("query", type=nonblank("the search query"))
    add_filters(s)
    s.add_argument("--rerank", action=argparse.BooleanOptionalAction, default=True,
                   help="re-order the top 30 passages by their best sentence (default; --no-rerank: plain hybrid)")
    s.set_defaults(func=cmd_search, k=10)

    s = sub.add_parser("stats", parents=[common], help="documents, chunks, store location and mode")
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("ask", parents=[common], help="answer a question with cited quotes")
    s.add_argument("question", type=question_text)
    add_filters(s)
    s.add_argument("--llm", default=argparse.SUPPRESS, help="LLM backend: openai:MODEL[@URL], ollama:MODEL[@URL], "
                   "gguf:PATH, or none (default: offline extractive; env ATTACHE_LLM)")
    s.add_argument("--format", choices=["text", "markdown", "json"], default="text",
                   help="text (streamed, default), markdown (footnoted, for reports) or json (= --json)")
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("positions", parents=[common], help="an actor's statements in date order")
    s.add_argument("actor", type=nonblank("the actor's name"))
    s.add_argument("--topic")
    s.add_argument("--kind", metavar=KIND_METAVAR, help="only statements of this kind")
    s.add_argument("--format", choices=["text", "csv", "json", "markdown"], default="text",
                   help="text (default), csv (one row a statement), json (= --json) or markdown (table + footnotes)")
    s.add_argument("--source", action="append", help="only statements reported by this outlet (repeatable)")
    s.add_argument("--since", help="only articles published on or after (YYYY-MM-DD)")
    s.add_argument("--until", help="only articles published on or before (YYYY-MM-DD)")
    s.set_defaults(func=cmd_positions)

    s = sub.add_parser("actors", parents=[common], help="actors with statement counts")
    s.set_defaults(func=cmd_actors)

    s = sub.add_parser("compare", parents=[common], help="actors' statements on a topic side by side, cited")
    s.add_argument("actors", nargs="+", metavar="ACTOR", type=nonblank("an actor's name"),
                   help="two or more actors (surnames are enough)")
    s.add_argument("--topic", default="", help="only statements about this (e.g. 'sanctions relief')")
    s.add_argument("--kind", metavar=KIND_METAVAR, help="only statements of this kind")
    s.add_argument("--per-actor", type=int, default=4, help="statements per actor: first, last, evenly between")
    s.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    add_filters(s)
    s.set_defaults(func=cmd_compare)

    s = sub.add_parser("eval", parents=[common], help="measure retrieval, citations and abstention on a question set")
    s.add_argument("questions", help="JSONL (question, evidence, answerable, speaker, type) or MultiHop-RAG JSON")
    s.add_argument("--k", type=int, default=10, help="passages retrieved for recall@k and MRR@k (default 10)")
    s.add_argument("--baseline", action="append", choices=["dense", "bm25"],
                   help="also measure plain dense top-k or BM25 retrieval on the same store (repeatable)")
    s.add_argument("--rerank", action=argparse.BooleanOptionalAction, default=True,
                   help="also measure sentence re-ranked search, as `attache search` does by default (default on)")
    s.add_argument("--limit", type=int, default=0, help="only the first N questions (0 = all)")
    s.add_argument("--report", metavar="FILE", help="write a Markdown (.md) or HTML (.html) report with a plot")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_eval)

    for name, func, text in (
        ("serve", cmd_serve, "web UI, REST API (/api) and OpenAI-compatible API (/v1)"),
        ("demo", cmd_demo, "index the bundled sample articles into a demo store and serve them"),
    ):
        s = sub.add_parser(name, parents=[common], help=text)
        s.add_argument("--host", default="127.0.0.1",
                       help="address to bind (default 127.0.0.1; other addresses need --auth)")
        s.add_argument("--port", type=port_number, default=7860, help="port to listen on, 1-65535 (default 7860)")
        s.add_argument("--auth", metavar="USER:PASS",
                       help="require this login for the UI and the APIs (env ATTACHE_AUTH); the APIs also "
                            "take `Authorization: Bearer TOKEN` (env ATTACHE_API_TOKEN, else the password)")
        s.add_argument("--llm", default=argparse.SUPPRESS,
                       help="LLM backend for answers (env ATTACHE_LLM; default: offline extractive)")
        s.set_defaults(func=func)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `attache` command; returns the exit code (0 ok, 1 failed input, 2 usage/error)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.llm is not None and args.command not in LLM_COMMANDS:
        parser.error(f"--llm is for {', '.join(LLM_COMMANDS)}, not {args.command}")  # exits 2
    if args.command == "docs" and args.action in ("show", "rm") and not (args.id or "").strip():
        args.usage_error(f"docs {args.action} needs a document id (see `attache docs`)")  # exits 2
    try:
        _check_args(args)
        return args.func(args)
    except AttacheError as e:
        _err(str(e))
        if getattr(args, "json", False):  # a program reading stdout gets JSON, even for an error
            _out({"error": str(e), "type": type(e).__name__, "exit_code": e.exit_code})
        return e.exit_code
    except KeyboardInterrupt:
        _err("interrupted; the next run completes any half-indexed document")
        return 130
    except BrokenPipeError:
        # The reader went away (`attache docs show ID | head`): end quietly, as Unix tools do.
        # Point stdout at /dev/null so the interpreter's final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a tool killed by a closed pipe
    finally:
        while _OPENED:  # never exit with a loading thread inside Chroma or onnxruntime
            _OPENED.pop().join_preload()


if __name__ == "__main__":
    sys.exit(main())
