"""Near-duplicate fingerprints: MinHash over word shingles, with LSH bands for lookup.

Two articles are near-duplicates (the same wire story from two outlets, a lightly edited
update) when the Jaccard similarity of their sets of ``SHINGLE``-word shingles is at least
``THRESHOLD``. Each article gets a ``Fingerprint``: ``PERMUTATIONS`` MinHash values (the share
of equal values estimates the Jaccard similarity) cut into ``BANDS`` bands of ``ROWS`` values;
articles sharing a band are candidates, and a candidate is linked when its estimated
similarity reaches the threshold. Lookup is by band key (an indexed catalog column), so adding
an article costs a few indexed reads whatever the size of the index.

Threshold (``benchmarks/near_duplicates.py`` -> ``benchmarks/results/near_duplicates.json``,
``tests/test_near_duplicates.py``): of the 185,136 pairs of the MultiHop-RAG corpus, 185,128
score below 0.1 and the closest unlinked pairs (different articles on one story: two Diablo
class guides, two Prime Day deal lists, reports of Altman's firing) score 0.06-0.17; the one
pair above, 0.63, is an Engadget deals roundup and its update three days later. A wire story
re-edited by a second outlet scores 0.78, an update with one paragraph rewritten 0.73, the two
of them 0.53; different sample stories on the same disputes at most 0.06. 0.5 sits in the empty
gap. With 32 bands of 4 rows, a pair at 0.5 becomes a candidate with probability 0.87, at 0.6
with 0.99. Fingerprinting costs about 3 ms per article.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

SHINGLE = 5  # words per shingle
PERMUTATIONS = 128
BANDS, ROWS = 32, 4
THRESHOLD = 0.5  # estimated Jaccard similarity of shingle sets at or above which articles are linked

_WORD = re.compile(r"[^\W_]+")
_rng = np.random.default_rng(20240515)  # fixed: fingerprints are stored, so the family must never change
_A = (_rng.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) * 2 + 1).astype(np.uint64)  # odd multipliers
_B = _rng.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)
_EMPTY = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)


@dataclass(frozen=True)
class Fingerprint:
    """``minhash``: ``PERMUTATIONS`` uint32 values; ``bands``: one signed 63-bit key per band."""

    minhash: np.ndarray

    @property
    def bands(self) -> list[int]:
        rows = self.minhash.reshape(BANDS, ROWS)
        return [int.from_bytes(hashlib.blake2b(bytes([i]) + rows[i].tobytes(), digest_size=8).digest(), "big")
                >> 1 for i in range(BANDS)]

    def to_bytes(self) -> bytes:
        return self.minhash.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, raw: bytes) -> Fingerprint:
        return cls(np.frombuffer(raw, dtype="<u4").astype(np.uint32))

    def similarity(self, other: Fingerprint) -> float:
        """Estimated Jaccard similarity of the two shingle sets (share of equal MinHash values)."""
        return float(np.mean(self.minhash == other.minhash))

    @property
    def empty(self) -> bool:
        return bool(np.all(self.minhash == _EMPTY))


def _word_ids(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    return np.array([int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little")
                     for w in words], dtype=np.uint64)


def shingle_hashes(text: str, n: int = SHINGLE) -> np.ndarray:
    """Distinct 64-bit hashes of the text's ``n``-word shingles (lower-cased words, punctuation
    and whitespace ignored); a text shorter than ``n`` words is one shingle."""
    ids = _word_ids(text)
    if len(ids) == 0:
        return ids
    if len(ids) < n:
        n = len(ids)
    with np.errstate(over="ignore"):
        h = np.zeros(len(ids) - n + 1, dtype=np.uint64)
        for j in range(n):  # polynomial combination of the words, wrapping at 2**64
            h = h * np.uint64(1099511628211) + ids[j:len(ids) - n + 1 + j]
    return np.unique(h)


def fingerprint(text: str) -> Fingerprint:
    """The MinHash fingerprint of an article's cleaned text (multiply-shift hashing per permutation)."""
    h = shingle_hashes(text)
    if len(h) == 0:
        return Fingerprint(_EMPTY.copy())
    with np.errstate(over="ignore"):
        mixed = (h[None, :] * _A[:, None] + _B[:, None]) >> np.uint64(32)
    return Fingerprint(mixed.min(axis=1).astype(np.uint32))


def jaccard(a: str, b: str) -> float:
    """Exact Jaccard similarity of two texts' shingle sets (for measurements and tests)."""
    x, y = set(shingle_hashes(a).tolist()), set(shingle_hashes(b).tolist())
    return len(x & y) / len(x | y) if x or y else 1.0
