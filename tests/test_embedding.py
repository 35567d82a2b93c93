"""The ONNX embedding backend: same vectors as sentence-transformers fp32, never imports torch,
exported atomically into a cache folder (ATTACHE_ONNX_DIR).

The export (a few seconds) is done once per session into a temporary folder.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from index import embedding as emb
from index.embedding import DIMENSIONS, Embedder, EmbeddingBackendError

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "index" / "samples"
SHARED = ROOT.parent / "shared"
ARTICLES = SHARED / "articles"
MULTIHOP = SHARED / "datasets" / "multihop-rag" / "corpus.json"


def _sentences(text: str) -> list[str]:
    text = re.sub(r"(?s)\A---\n.*?\n---\n", "", text)  # front matter of the samples
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        out.extend(s for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", para) if len(s) > 3)
    return out


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 40]


@pytest.fixture(scope="session")
def real_texts() -> list[str]:
    """A few hundred real sentences and paragraphs, plus edge cases (long, unicode, blank)."""
    texts: list[str] = []
    files = sorted(SAMPLES.glob("*.md"))
    if ARTICLES.is_dir():
        files += sorted(ARTICLES.glob("*.txt"))
    for f in files:
        body = f.read_text(encoding="utf-8")
        texts += _sentences(body) + _paragraphs(body)
    if MULTIHOP.is_file():
        for art in json.loads(MULTIHOP.read_text(encoding="utf-8"))[:8]:
            texts += _sentences(art["body"])[:25]
    texts += [
        " ".join(texts[:40]),  # far more than 256 tokens: truncated like sentence-transformers
        "  leading and trailing whitespace \n",
        "Zürich, São Paulo, Kraków: déjà vu — “quotes” … 北京 and Москва",
        "x",
    ]
    assert len(texts) >= 200
    return texts


@pytest.fixture(scope="session")
def onnx_cache(tmp_path_factory) -> Path:
    """One real export per session, into a folder holding the debris of a killed export:
    a stale temp file (old) and the temp file of an export SIGKILLed just now."""
    folder = tmp_path_factory.mktemp("onnx")
    stale = folder / ".tmp-stale.onnx"
    stale.write_bytes(b"half an onnx model")
    old = time.time() - 2 * 86400
    os.utime(stale, (old, old))

    env = {**os.environ, "ATTACHE_ONNX_DIR": str(folder), "HF_HUB_OFFLINE": "1"}
    killed = subprocess.Popen(
        [sys.executable, "-c", "from index.embedding import export_onnx; export_onnx()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline and killed.poll() is None:
        if [p for p in folder.glob(".tmp-*.onnx") if p != stale]:
            time.sleep(0.3)
            break
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    killed.wait()

    target = emb.onnx_model_file(folder)
    assert not target.exists(), "the killed export must not leave a file under the final name"
    leftovers = [p for p in folder.glob(".tmp-*.onnx") if p != stale]
    assert leftovers, "the killed export should have left its temp file (the case under test)"
    path = emb.export_onnx(target)
    assert path == target
    return folder


@pytest.fixture(autouse=True)
def _onnx_dir(request, monkeypatch):
    if "onnx_cache" in request.fixturenames:
        monkeypatch.setenv("ATTACHE_ONNX_DIR", str(request.getfixturevalue("onnx_cache")))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def torch_fp32() -> Embedder:
    return Embedder(dtype="float32", backend="torch")


def test_onnx_matches_torch_fp32(onnx_cache, real_texts, torch_fp32):
    onnx = Embedder("float32", backend="onnx").embed(real_texts)
    ref = torch_fp32.embed(real_texts)
    cos = np.sum(onnx * ref, axis=1)
    assert cos.min() >= 0.9999, (float(cos.min()), real_texts[int(cos.argmin())][:80])
    assert cos.mean() >= 0.99999


def test_onnx_truncates_like_sentence_transformers(onnx_cache, real_texts, torch_fp32):
    long_text = " ".join(real_texts[:40])
    assert torch_fp32.model.max_seq_length == emb.MAX_SEQ_LENGTH == 256
    tok = emb._load_tokenizer()
    assert len(tok.encode(long_text).ids) == 256
    # Words beyond the first 256 tokens change nothing, exactly as in sentence-transformers.
    onnx = Embedder("float32", backend="onnx")
    a, b = onnx.embed([long_text, long_text + " completely different words at the end"])
    assert float(a @ b) > 0.999999


def test_shapes_dtypes_norms(onnx_cache, real_texts):
    e = Embedder("float32", backend="onnx", batch_size=7)
    vecs = e.embed(real_texts[:20])
    assert vecs.shape == (20, DIMENSIONS) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    one = e.embed_one(real_texts[3])
    assert one.shape == (DIMENSIONS,) and one.dtype == np.float32
    # batching and length sorting do not change vectors, and the order is kept
    np.testing.assert_allclose(one, vecs[3], atol=1e-5)
    np.testing.assert_allclose(Embedder("float32", backend="onnx", batch_size=64).embed(real_texts[:20]), vecs, atol=1e-5)


def test_empty_input(onnx_cache):
    for backend in ("onnx", "auto"):
        out = Embedder(backend=backend).embed([])
        assert out.shape == (0, DIMENSIONS) and out.dtype == np.float32


def test_auto_uses_onnx_for_queries(onnx_cache):
    e = Embedder(backend="auto")
    assert e.backend_for(1) == "onnx"
    e.embed_one("Where do Ostmark's patrol ships sit?")
    assert e._onnx is not None and e._model is None


def test_bad_backend_name():
    with pytest.raises(ValueError):
        Embedder(backend="tensorflow")


def test_shared_embedder_keys_on_backend():
    a = emb.shared_embedder("float32", 64, backend="onnx")
    assert emb.shared_embedder("fp32", 64, "onnx") is a
    assert emb.shared_embedder("float32", 64) is not a
    assert emb.shared_embedder("float32", 64).backend == "auto"


def test_export_is_keyed_by_package_version_and_weights(onnx_cache):
    path = emb.onnx_model_file()
    assert path.parent == onnx_cache and path.is_file()
    assert emb._package_version() in path.name
    assert emb.MAX_SEQ_LENGTH == 256 and "seq256" in path.name
    # the weights hash is memoised, not recomputed at every start
    memo = json.loads((onnx_cache / "weights-hashes.json").read_text())
    assert any(v[:16] in path.name for v in memo.values())


def test_leftover_temp_files_do_not_break_export(onnx_cache):
    """The session export ran after a SIGKILLed export left its temp file: it succeeded, the
    result loads, and the stale temp of an old killed export was removed."""
    assert not (onnx_cache / ".tmp-stale.onnx").exists()
    finals = [p for p in onnx_cache.glob("*.onnx") if not p.name.startswith(".tmp-")]
    assert finals == [emb.onnx_model_file()]
    v = Embedder(backend="onnx").embed_one("Sanctions talks")
    assert abs(float(np.linalg.norm(v)) - 1) < 1e-5


def test_failed_export_leaves_nothing(tmp_path, monkeypatch):
    import torch

    def broken_export(model, args, f, **kw):
        Path(f).write_bytes(b"partial")
        raise KeyboardInterrupt  # as if interrupted half-way

    monkeypatch.setattr(torch.onnx, "export", broken_export)
    target = tmp_path / "model.onnx"
    with pytest.raises(KeyboardInterrupt):
        emb.export_onnx(target)
    assert list(tmp_path.iterdir()) == []


def test_no_torch_and_no_export_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("ATTACHE_ONNX_DIR", str(tmp_path / "empty"))
    monkeypatch.setattr(emb, "torch_available", lambda: False)
    with pytest.raises(EmbeddingBackendError, match="torch is not installed"):
        Embedder(backend="onnx").embed_one("x")
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch -> ImportError
    with pytest.raises(EmbeddingBackendError, match="torch is not installed"):
        emb.export_onnx(tmp_path / "m.onnx")


def test_fresh_process_never_imports_torch(onnx_cache):
    code = (
        "import sys, time; t = time.perf_counter()\n"
        "from index.embedding import Embedder\n"
        "v = Embedder(backend='onnx').embed_one('x')\n"
        "import json; print(json.dumps({'shape': list(v.shape), 'seconds': time.perf_counter() - t,\n"
        "  'heavy': [m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules]}))\n"
    )
    env = {**os.environ, "ATTACHE_ONNX_DIR": str(onnx_cache), "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["shape"] == [DIMENSIONS]
    assert got["heavy"] == []


def test_module_import_is_light():
    code = "import sys, index.embedding; print([m for m in ('torch', 'onnxruntime', 'tokenizers', 'sentence_transformers') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------------------------- int8 bulk model
def test_int8_vectors_match_fp32(onnx_cache, real_texts):
    """ATTACHE_EMBED_DTYPE=int8: large batches run on the int8 model, made once from the fp32
    export into the same folder under the same key; queries stay on fp32 ONNX."""
    e = Embedder(dtype="int8", backend="auto")
    assert e.dtype == "int8" and emb.resolve_dtype("INT8") == "int8"
    assert e.backend_for(1) == "onnx" and e.backend_for(emb.AUTO_TORCH_MIN_BATCH) == "onnx-int8"
    texts = (real_texts * (emb.AUTO_TORCH_MIN_BATCH // len(real_texts) + 1))[:max(len(real_texts), emb.AUTO_TORCH_MIN_BATCH)]
    temps = set(onnx_cache.glob(".tmp-*"))  # the killed export's (see onnx_cache)
    int8 = e.embed(texts)  # one bulk batch: quantizes the export, then encodes
    path = emb.onnx_int8_model_file()
    assert e._onnx_int8 is not None and e._onnx_int8.path == path and path.is_file()
    assert path.parent == onnx_cache and path.name.startswith(emb.onnx_model_file().stem)
    assert set(onnx_cache.glob(".tmp-*")) == temps, "the quantization leaves no temp file"
    assert not list(onnx_cache.glob("*-inferred*")), "nor onnxruntime's shape-inference copy"
    fp32 = Embedder("float32", backend="onnx").embed(texts)
    assert int8.shape == fp32.shape and int8.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(int8, axis=1), 1.0, atol=1e-5)
    cos = np.sum(int8 * fp32, axis=1)
    assert cos.mean() >= 0.99, float(cos.mean())
    assert cos.min() >= 0.95, (float(cos.min()), texts[int(cos.argmin())][:80])
    # a query is encoded by fp32 ONNX, exactly as without int8
    np.testing.assert_allclose(e.embed_one(texts[5]), fp32[5], atol=1e-6)
    # a second embedder reuses the file (not quantized again)
    mtime = path.stat().st_mtime_ns
    Embedder(dtype="int8").embed(texts[:emb.AUTO_TORCH_MIN_BATCH])
    assert path.stat().st_mtime_ns == mtime


def test_int8_sharing_cores_uses_a_smaller_session(onnx_cache, real_texts):
    e = Embedder(dtype="int8")
    fewer = max(1, (os.cpu_count() or 1) - 1)
    with e.sharing_cores(1):
        inside = e.embed(real_texts[:emb.AUTO_TORCH_MIN_BATCH])
    assert fewer in e.onnx_int8_model._sessions and e.onnx_int8_model.threads == 0
    np.testing.assert_allclose(inside, e.embed(real_texts[:emb.AUTO_TORCH_MIN_BATCH]), atol=1e-5)
    # asked before each batch: the batches after the other work is done run on all threads
    asked: list[int] = []
    with e.sharing_cores(lambda: asked.append(1) or (1 if len(asked) < 2 else 0)):
        again = e.embed(real_texts[:emb.AUTO_TORCH_MIN_BATCH])
    assert len(asked) == -(-emb.AUTO_TORCH_MIN_BATCH // e.batch_size)
    np.testing.assert_allclose(again, inside, atol=1e-5)


def test_torch_sharing_cores_asks_before_each_batch(torch_fp32, real_texts):
    """torch: the cores to leave are asked before each batch, the thread count set from them,
    and restored after the block; the vectors are those without sharing."""
    import torch

    before = torch.get_num_threads()
    threads: list[int] = []

    def leave() -> int:
        threads.append(torch.get_num_threads())
        return 1 if len(threads) < 3 else 0

    texts = real_texts[:emb.AUTO_TORCH_MIN_BATCH]
    with torch_fp32.sharing_cores(leave):
        inside = torch_fp32.embed(texts)
    assert len(threads) == 1 + -(-len(texts) // torch_fp32.batch_size)  # on entry, then once a batch
    if before > 1:
        assert threads == [before, before - 1, before - 1] + [before] * (len(threads) - 3), threads
    assert torch.get_num_threads() == before
    np.testing.assert_allclose(inside, torch_fp32.embed(texts), atol=1e-5)


def test_failed_quantization_leaves_nothing(onnx_cache, tmp_path, monkeypatch):
    import onnxruntime.quantization as q

    def broken(model_input, model_output, **kw):
        Path(model_output).write_bytes(b"partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(q, "quantize_dynamic", broken)
    target = tmp_path / "m-int8.onnx"
    with pytest.raises(KeyboardInterrupt):
        emb.quantize_int8(emb.onnx_model_file(), target)
    assert list(tmp_path.iterdir()) == []


def test_bad_dtype_name():
    with pytest.raises(ValueError, match="int8"):
        Embedder(dtype="float8")


def test_int8_ingestion_end_to_end(onnx_cache, tmp_path):
    """A real store ingested with embed_dtype=int8 (claims on): the sentences went through the
    int8 model, their stored vectors are close to fp32, and search finds the articles."""
    if not MULTIHOP.is_file():
        pytest.skip(f"shared dataset not found: {MULTIHOP}")
    from assistant import Assistant

    arts = json.loads(MULTIHOP.read_text(encoding="utf-8"))[100:112]
    src = tmp_path / "articles.json"
    src.write_text(json.dumps(arts), encoding="utf-8")
    a = Assistant.open(store=tmp_path / "store", create=True, embed_dtype="int8")
    try:
        assert a.embedder.dtype == "int8"
        report = a.ingest([src])
        assert report.ok and report.added == len(arts) and report.chunks > 0, report.failed
        assert a.embedder._onnx_int8 is not None, "the sentences of a batch went to the int8 model"
        fp32 = Embedder("float32", backend="onnx")
        docs = a.store.documents()
        cos = []
        for listed in docs:
            d = a.store.document(listed.doc_id)  # with its text
            starts, ends, vecs = a.store.sentence_vectors_of(d.doc_id)
            texts = [d.title or ""] + [d.text[s:e] for s, e in zip(starts[1:], ends[1:])]
            ref = fp32.embed(texts)
            v = np.asarray(vecs, dtype=np.float32)
            cos += list(np.sum(v * ref, axis=1) / np.linalg.norm(v, axis=1))
        assert len(cos) >= emb.AUTO_TORCH_MIN_BATCH and np.mean(cos) >= 0.99, (len(cos), float(np.mean(cos)))
        found = 0
        for art in arts:
            hits = a.search(art["title"], k=5)
            found += any(h.title == art["title"] for h in hits)
        assert found >= len(arts) - 1, found
    finally:
        a.store.close()


def test_auto_dtype_picks_by_cpu_flags(monkeypatch):
    """``auto``: int8 where the CPU has VNNI (and onnxruntime is installed), else bf16 where it has
    bf16 units, else fp32; explicit names always win."""
    flags = emb._cpu_flags()
    expected = ("int8" if flags & {"avx512_vnni", "avx_vnni", "amx_int8"}
                else "bfloat16" if flags & {"avx512_bf16", "amx_bf16"} else "float32")
    assert emb.resolve_dtype("auto") == expected  # this machine, from its real /proc/cpuinfo
    for cpu, want in (({"avx512f", "avx512_vnni", "avx512_bf16"}, "int8"), ({"avx2", "avx_vnni"}, "int8"),
                      ({"avx512f", "amx_bf16"}, "bfloat16"), ({"avx2", "fma"}, "float32"), (set(), "float32")):
        monkeypatch.setattr(emb, "_cpu_flags", lambda cpu=cpu: set(cpu))
        assert emb.resolve_dtype("auto") == want, cpu
        assert emb.resolve_dtype("bfloat16") == "bfloat16" and emb.resolve_dtype("fp32") == "float32"
    monkeypatch.setattr(emb, "_cpu_flags", lambda: {"avx512_vnni", "avx512_bf16"})
    monkeypatch.setattr(emb, "_onnxruntime_available", lambda: False)
    assert emb.resolve_dtype("auto") == "bfloat16"
