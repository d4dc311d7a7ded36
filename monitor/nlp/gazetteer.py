"""Load the gazetteers (built by monitor.nlp.build_gazetteers) and index them for fast lookup."""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from monitor.nlp.names import compatible, name_key

# MONITOR_GAZETTEER_DIR points at another copy of data/ (an edited party list, a newer KPU file)
# so that `monitor reprocess` can apply it without touching the package.
DATA = Path(os.environ.get("MONITOR_GAZETTEER_DIR") or Path(__file__).resolve().parent / "data")
# MONITOR_EXTRA_GAZETTEER names a folder whose jsonl files are read *after* data/'s: the demo's
# fictional pairs and regency join the KPU registry this way, only in the runs that ask for it.
EXTRA_ENV = "MONITOR_EXTRA_GAZETTEER"


def _jsonl(name: str) -> list[dict]:
    rows = []
    for folder in (DATA, os.environ.get(EXTRA_ENV)):
        path = Path(folder) / name if folder else None
        if path is None or (folder is not DATA and not path.exists()):
            continue
        with open(path, encoding="utf-8") as f:
            rows += [json.loads(line) for line in f if line.strip()]
    return rows


def digest() -> str:
    """Eight hex digits of the gazetteer files in use (data/ and the extra folder): recorded with each
    analysis, so that `monitor reprocess --stale-only` also redoes articles analysed with other gazetteers."""
    return _digest(str(DATA), os.environ.get(EXTRA_ENV) or "")


@lru_cache(maxsize=None)
def _digest(data: str, extra: str) -> str:
    h = hashlib.sha256()
    for folder in (data, extra):
        for name in ("parties.jsonl", "paslon.jsonl", "regions.jsonl", "lexicon.json", "public_figures.jsonl"):
            path = Path(folder) / name if folder else None
            if path is not None and path.exists():
                h.update(name.encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:8]


@lru_cache(maxsize=None)
def load_parties() -> list[dict]:
    return _jsonl("parties.jsonl")


@lru_cache(maxsize=None)
def load_paslon() -> list[dict]:
    return _jsonl("paslon.jsonl")


@lru_cache(maxsize=None)
def load_regions() -> list[dict]:
    return _jsonl("regions.jsonl")


@lru_cache(maxsize=None)
def load_public_figures() -> list[dict]:
    """National and foreign public figures the press names without introducing them ('beralih pada
    Suhartoyo', 'mendukung Anies Baswedan'): editorial facts, one per line with an id, a name and the short
    forms the press uses alone."""
    return _jsonl("public_figures.jsonl") if (DATA / "public_figures.jsonl").exists() else []


@lru_cache(maxsize=None)
def load_lexicon() -> dict:
    path = DATA / "lexicon.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def distinctive(key: tuple[str, ...]) -> list[str]:
    """The words of a name key that can tell people apart: not initials, not the 'Mhd' of Muhammad."""
    return [w for w in key if len(w) > 1 and w != "mhd"]


class Registry:
    """The 3,188 Pilkada 2024 candidates, indexed by folded name word."""

    def __init__(self, paslon: list[dict]):
        self.people: list[dict] = []
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self.by_region: dict[str, list[int]] = defaultdict(list)
        self.by_pair: dict[tuple[str, str], dict] = {}  # (id_paslon, position) -> person
        for pair in paslon:
            for position in ("calon", "wakil"):
                name = pair[position]["name"]
                # 'A. S. Sukawijaya Alias Yoyok Sukawi': KPU writes the name the voters know after 'alias'
                # (but 'H. Alias Wello' and 'Mashur bin Mohd Alias' are names)
                main, _, known_as = re.sub(r"\s+", " ", name).partition(" Alias ")
                alias_key = name_key(known_as) if known_as else ()
                if not (distinctive(alias_key) and distinctive(name_key(main))):
                    main, alias_key = name, ()
                key = name_key(main)
                if not key or name.lower() == "kolom kosong":
                    continue
                idx = len(self.people)
                self.people.append({
                    "key": key, "name": main, "id_paslon": str(pair["id_paslon"]), "position": position,
                    "wilayah": pair["wilayah"], "provinsi": pair["provinsi"], "level": pair["level"],
                    "kode_wilayah": pair["kode_wilayah"], "nomor_urut": pair.get("nomor_urut"),
                    "alias_key": alias_key or None,
                })
                for w in distinctive(key) + distinctive(alias_key):
                    self.by_word[w].add(idx)
                self.by_region[pair["kode_wilayah"]].append(idx)
                self.by_pair[(str(pair["id_paslon"]), position)] = self.people[idx]

    def candidates(self, key: tuple[str, ...]) -> list[int]:
        """Registry people whose name is compatible with `key` (every word found, in order)."""
        words = distinctive(key)
        if not words:
            return []
        # The rarest word narrows the search; compatibility then checks every word, initials included
        # ('Andi Mahyanto Mazda' is the registry's 'A. Mahyanto Mazda').
        sets = sorted((self.by_word.get(w, set()) for w in words), key=len)
        pool = sets[0] if sets[0] else (sets[1] if len(sets) > 1 else set())
        return [i for i in pool if compatible(key, self.people[i]["key"]) or (
            self.people[i]["alias_key"] and compatible(key, self.people[i]["alias_key"]))]

    def near(self, key: tuple[str, ...]) -> list[int]:
        """People sharing all but one of the distinctive words (for 'no one else closely')."""
        words = distinctive(key)
        if len(words) < 2:
            return []
        out = set()
        for skip in range(len(words)):
            rest = [w for j, w in enumerate(words) if j != skip]
            pool = set.intersection(*[self.by_word.get(w, set()) for w in rest])
            # For a two-word name, near means the other word is nearly the same too ('Syarif' /
            # 'Syarifuddin'), not merely a shared first name ('Ahmad Syaikhu' / 'Ahmad Saini').
            if len(words) >= 3:
                out |= pool
            else:
                out |= {i for i in pool if any(_close(words[skip], w) for w in self.people[i]["key"])}
        return sorted(out)


@lru_cache(maxsize=None)
def registry() -> Registry:
    return Registry(load_paslon())


def _close(a: str, b: str) -> bool:
    """One word a clipped or misspelt form of the other: a prefix of three letters or more, or one edit away."""
    if a == b:
        return True
    x, y = sorted((a, b), key=len)
    if len(x) >= 3 and y.startswith(x):
        return True
    if len(y) - len(x) > 1:
        return False
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y)) <= 1
    return any(y[:k] + y[k + 1:] == x for k in range(len(y)))
