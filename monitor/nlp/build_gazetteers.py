"""Build the project's gazetteers from the KPU facts in ../shared/data/kpu/.

    python -m monitor.nlp.build_gazetteers [--kpu ../shared/data/kpu] [--out monitor/nlp/data]

Writes parties.jsonl (24 parties with everyday variants), paslon.jsonl (1,594
Pilkada 2024 pairs, names cleaned of titles and degrees) and regions.jsonl
(provinces and kabupaten/kota with the forms the press writes them in).
The everyday party variants below are editorial knowledge, kept here so that the
data files can be rebuilt whenever KPU publishes new lists.
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from monitor.nlp.names import clean_name, titlecase

HERE = Path(__file__).resolve().parent
DEFAULT_KPU = HERE.parents[2] / "shared" / "data" / "kpu"
DEFAULT_NER = HERE.parents[2] / "shared" / "data" / "ner" / "idner_news_2k"

# number -> (id, display name, variants). Variants are matched case-insensitively
# unless they are in CASED (acronyms that are ordinary words in lower case).
# A variant prefixed with "?" only counts next to party context (Partai, Fraksi,
# DPC, another party ...) because it also means something else (PBB is also the UN).
PARTY_VARIANTS = {
    1: ("PKB", "PKB", ["PKB", "Partai Kebangkitan Bangsa", "Fraksi PKB", "F-PKB", "FPKB"]),
    2: ("GERINDRA", "Gerindra", ["Gerindra", "Partai Gerindra", "Partai Gerakan Indonesia Raya",
                                  "Gerakan Indonesia Raya", "Fraksi Gerindra"]),
    3: ("PDIP", "PDI Perjuangan", ["PDIP", "PDI-P", "PDI P", "PDI Perjuangan", "PDI-Perjuangan",
                                   "Partai Demokrasi Indonesia Perjuangan", "Fraksi PDIP",
                                   "Fraksi PDI Perjuangan", "F-PDIP", "FPDIP", "PDI-Perjuangan",
                                   "Partai Demokrasi Indonesia Perjungan", "PDI Perjungan", "Partai Banteng",
                                   "partai berlambang banteng"]),
    4: ("GOLKAR", "Golkar", ["Golkar", "Partai Golkar", "Partai Golongan Karya", "Golongan Karya",
                             "Fraksi Golkar", "Partai Beringin", "partai berlambang pohon beringin"]),
    5: ("NASDEM", "NasDem", ["NasDem", "Nasdem", "Partai NasDem", "Partai Nasional Demokrat",
                             "Nasional Demokrat", "Fraksi NasDem"]),
    6: ("BURUH", "Partai Buruh", ["Partai Buruh"]),
    7: ("GELORA", "Partai Gelora", ["Partai Gelora", "Partai Gelora Indonesia", "Partai Gelombang Rakyat Indonesia",
                                    "Gelora Indonesia", "?Gelora"]),
    8: ("PKS", "PKS", ["PKS", "Partai Keadilan Sejahtera", "Fraksi PKS", "F-PKS", "FPKS"]),
    9: ("PKN", "PKN", ["Partai Kebangkitan Nusantara", "?PKN"]),
    10: ("HANURA", "Hanura", ["Hanura", "Partai Hanura", "Partai Hati Nurani Rakyat", "Fraksi Hanura"]),
    11: ("GARUDA", "Partai Garuda", ["Partai Garuda", "Partai Garda Perubahan Indonesia",
                                     "Partai Garda Republik Indonesia"]),
    12: ("PAN", "PAN", ["PAN", "Partai Amanat Nasional", "Fraksi PAN", "F-PAN", "FPAN"]),
    13: ("PBB", "PBB", ["Partai Bulan Bintang", "?PBB"]),
    14: ("DEMOKRAT", "Demokrat", ["Partai Demokrat", "Demokrat", "Fraksi Demokrat", "Fraksi Partai Demokrat",
                                  "?PD"]),
    15: ("PSI", "PSI", ["PSI", "Partai Solidaritas Indonesia", "Fraksi PSI"]),
    16: ("PERINDO", "Perindo", ["Perindo", "Partai Perindo", "Partai Persatuan Indonesia"]),
    17: ("PPP", "PPP", ["PPP", "Partai Persatuan Pembangunan", "Fraksi PPP", "F-PPP", "FPPP"]),
    18: ("PNA", "PNA", ["PNA", "Partai Nanggroe Aceh", "Partai Nasional Aceh"]),
    19: ("GABTHAT", "Partai Gabthat", ["Gabthat", "Partai Gabthat",
                                       "Partai Generasi Atjeh Beusaboh Tha'at Dan Taqwa",
                                       "Partai Generasi Aceh Beusaboh Thaat dan Taqwa"]),
    20: ("PDA", "PDA", ["Partai Darul Aceh", "?PDA"]),
    21: ("PA", "Partai Aceh", ["Partai Aceh"]),
    22: ("PAS", "PAS Aceh", ["PAS Aceh", "Partai Adil Sejahtera Aceh", "Partai Adil Sejahtera", "Partai PAS"]),
    23: ("SIRA", "Partai SIRA", ["Partai SIRA", "Partai Soliditas Independen Rakyat Aceh",
                                 "Partai Solidaritas Independen Rakyat Aceh", "?SIRA"]),
    24: ("UMMAT", "Partai Ummat", ["Partai Ummat"]),
}
# Written in capitals these are the party; in lower case they are words (pan, pas ...).
CASED = {"PAN", "PKB", "PKS", "PPP", "PSI", "PNA", "PDA", "PBB", "PKN", "PD", "SIRA", "PDIP", "PDI-P", "PDI P",
         "Demokrat", "Gelora", "Hanura", "Perindo", "Golkar", "Gerindra", "NasDem", "Nasdem"}

PROVINCE_SHORT = {
    "ACEH": ["NAD", "Nanggroe Aceh Darussalam"],
    "SUMATERA UTARA": ["Sumut", "Sumatra Utara"], "SUMATERA BARAT": ["Sumbar", "Sumatra Barat"],
    "SUMATERA SELATAN": ["Sumsel", "Sumatra Selatan"], "RIAU": [], "KEPULAUAN RIAU": ["Kepri"],
    "JAMBI": [], "BENGKULU": [], "LAMPUNG": [], "KEPULAUAN BANGKA BELITUNG": ["Babel", "Bangka Belitung"],
    "DKI JAKARTA": ["Jakarta", "DKI"], "JAWA BARAT": ["Jabar"], "JAWA TENGAH": ["Jateng"],
    "JAWA TIMUR": ["Jatim"], "DAERAH ISTIMEWA YOGYAKARTA": ["DIY", "Yogyakarta"], "BANTEN": [],
    "BALI": [], "NUSA TENGGARA BARAT": ["NTB"], "NUSA TENGGARA TIMUR": ["NTT"],
    "KALIMANTAN BARAT": ["Kalbar"], "KALIMANTAN TENGAH": ["Kalteng"], "KALIMANTAN SELATAN": ["Kalsel"],
    "KALIMANTAN TIMUR": ["Kaltim"], "KALIMANTAN UTARA": ["Kaltara"],
    "SULAWESI UTARA": ["Sulut"], "SULAWESI TENGAH": ["Sulteng"], "SULAWESI SELATAN": ["Sulsel"],
    "SULAWESI TENGGARA": ["Sultra"], "SULAWESI BARAT": ["Sulbar"], "GORONTALO": [],
    "MALUKU": [], "MALUKU UTARA": ["Malut"], "PAPUA": [], "PAPUA BARAT": ["Pabar"],
    "PAPUA BARAT DAYA": ["PBD"], "PAPUA SELATAN": [], "PAPUA TENGAH": [], "PAPUA PEGUNUNGAN": [],
}


# Everyday names of cities ('Wali Kota Solo' is the mayor of Surakarta).
CITY_SHORT = {
    "KOTA SURAKARTA": ["Solo"], "KOTA YOGYAKARTA": ["Jogja", "Yogya", "Jogjakarta"],
    "KOTA PALANGKA RAYA": ["Palangkaraya"], "KOTA BAU BAU": ["Baubau", "Bau-Bau"], "KOTA PAREPARE": ["Pare-Pare", "Parepare"],
    "KOTA PEMATANGSIANTAR": ["Siantar", "Pematang Siantar"], "KOTA TANJUNGPINANG": ["Tanjung Pinang"],
    "KOTA PANGKALPINANG": ["Pangkal Pinang"], "KOTA BANDARLAMPUNG": ["Bandar Lampung"],
    "KOTA BANDAR LAMPUNG": ["Bandarlampung"], "KOTA LUBUKLINGGAU": ["Lubuk Linggau"],
}


WORD_SHORTS = {"Mitra", "Madina", "Mateng"}

# Everyday short names of kabupaten (what local outlets write in headlines and datelines).
REGION_SHORT = {
    "SIDENRENG RAPPANG": ["Sidrap"], "PANGKAJENE KEPULAUAN": ["Pangkep", "Pangkajene dan Kepulauan"],
    "KEPULAUAN SELAYAR": ["Selayar"], "TANA TORAJA": ["Tator"], "TORAJA UTARA": ["Torut"],
    "LUWU UTARA": ["Lutra"], "LUWU TIMUR": ["Lutim"], "KUTAI KARTANEGARA": ["Kukar"], "KUTAI BARAT": ["Kubar"],
    "KUTAI TIMUR": ["Kutim"], "OGAN KOMERING ULU": ["OKU"], "OGAN KOMERING ILIR": ["OKI"],
    "OGAN KOMERING ULU TIMUR": ["OKU Timur"], "OGAN KOMERING ULU SELATAN": ["OKU Selatan"],
    "MUSI BANYUASIN": ["Muba"], "MUSI RAWAS UTARA": ["Muratara"], "PENUKAL ABAB LEMATANG ILIR": ["PALI"],
    "MANDAILING NATAL": ["Madina"], "SERDANG BEDAGAI": ["Sergai"], "TAPANULI TENGAH": ["Tapteng"],
    "TAPANULI UTARA": ["Taput"], "TAPANULI SELATAN": ["Tapsel"], "LABUHANBATU UTARA": ["Labura"],
    "LABUHANBATU SELATAN": ["Labusel"], "TANJUNG JABUNG BARAT": ["Tanjabbar"],
    "TANJUNG JABUNG TIMUR": ["Tanjabtim"], "HULU SUNGAI SELATAN": ["HSS"], "HULU SUNGAI TENGAH": ["HST"],
    "HULU SUNGAI UTARA": ["HSU"], "BOLAANG MONGONDOW": ["Bolmong"], "BOLAANG MONGONDOW UTARA": ["Bolmut"],
    "BOLAANG MONGONDOW TIMUR": ["Boltim"], "BOLAANG MONGONDOW SELATAN": ["Bolsel"],
    "MINAHASA SELATAN": ["Minsel"], "MINAHASA UTARA": ["Minut"], "MINAHASA TENGGARA": ["Mitra"],
    "PARIGI MOUTONG": ["Parimo"], "TOJO UNA UNA": ["Touna", "Tojo Una-Una"], "POLEWALI MANDAR": ["Polman"],
    "MAMUJU TENGAH": ["Mateng"], "KONAWE SELATAN": ["Konsel"], "KONAWE UTARA": ["Konut"],
    "KOLAKA UTARA": ["Kolut"], "KOLAKA TIMUR": ["Koltim"], "KONAWE KEPULAUAN": ["Konkep"],
    "GORONTALO UTARA": ["Gorut"], "BANDUNG BARAT": ["KBB"], "LIMA PULUH KOTA": ["Limapuluh Kota"],
    "PADANG PARIAMAN": ["Padang Pariaman"], "DELI SERDANG": ["Deli Serdang"],
}


def region_title(name: str) -> str:
    return " ".join(w if w in {"DKI", "DIY"} else titlecase(w) for w in name.split())


def build_parties(kpu: Path) -> list[dict]:
    out = []
    with open(kpu / "parties_pemilu2024.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            number = int(row["nomor_urut"])
            pid, display, variants = PARTY_VARIANTS[number]
            full = region_title(row["nama_partai"]) if row["nama_partai"].isupper() else row["nama_partai"]
            full = full.split(" (")[0]
            vs = list(dict.fromkeys([full, row["nama_di_sirekap"], row["akronim_kpu"], *variants]))
            out.append({
                "id": pid, "number": number, "name": display, "full_name": full,
                "kpu_acronym": row["akronim_kpu"], "aceh_local": row["partai_lokal_aceh"].strip() == "ya",
                "variants": [v for v in vs if v and _safe_variant(v)],
            })
    return out


def _safe_variant(v: str) -> bool:
    # KPU's own acronyms 'Partai Buruh', 'PERSATUAN INDONESIA', 'GELORA INDONESIA', 'PAS ACEH' are fine;
    # bare PD, PA, PAS are too ambiguous to match without context.
    return v not in {"PD", "PA", "PAS", "Partai Aceh_"}


def build_paslon(kpu: Path) -> list[dict]:
    out = []
    with open(kpu / "pilkada2024_paslon_flat.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.append({
                "id_paslon": row["id_paslon"], "level": row["level"], "kode_wilayah": row["kode_wilayah"],
                "jenis_wilayah": row["jenis_wilayah"], "provinsi": row["provinsi"], "wilayah": row["wilayah"],
                "nomor_urut": int(row["nomor_urut"]),
                "calon": {"name": clean_name(row["calon"]), "raw": row["calon"]},
                "wakil": {"name": clean_name(row["wakil"]), "raw": row["wakil"]},
            })
    return out


def build_regions(paslon: list[dict]) -> list[dict]:
    regions: dict[str, dict] = {}
    for p in paslon:
        kode = p["kode_wilayah"]
        if kode in regions:
            continue
        wil = p["wilayah"]
        jenis = p["jenis_wilayah"]
        base = wil[5:] if jenis == "kota" and wil.startswith("KOTA ") else wil
        base_t = region_title(base)
        if jenis == "provinsi":
            forms = [base_t, f"Provinsi {base_t}", f"Prov. {base_t}", *PROVINCE_SHORT.get(wil, [])]
            name = base_t
        elif jenis == "kota":
            # KPU writes 'PARE PARE', 'TANJUNG PINANG'; the press mostly 'Parepare', 'Tanjungpinang'.
            closed = [base_t.replace(" ", "").capitalize(), base_t.replace(" ", "-")] if base_t.count(" ") == 1 else []
            shorts_c = list(dict.fromkeys(CITY_SHORT.get(wil, []) + closed))
            forms = [f"Kota {base_t}", f"Pemkot {base_t}", f"Wali Kota {base_t}", f"Walikota {base_t}",
                     f"Pilwalkot {base_t}", f"Pilkada Kota {base_t}", base_t]
            forms += [f for sh in shorts_c for f in (f"Kota {sh}", f"Pemkot {sh}", f"Wali Kota {sh}", sh)]
            name = f"Kota {base_t}"
        else:
            shorts = REGION_SHORT.get(wil, [])
            forms = [f"Kabupaten {base_t}", f"Kab. {base_t}", f"Kab {base_t}", f"Pemkab {base_t}",
                     f"Bupati {base_t}", f"Pilbup {base_t}", base_t]
            # A short name that is also a word ('Mitra': partner) counts only with its prefix.
            forms += [f for sh in shorts for f in (f"Kabupaten {sh}", f"Pemkab {sh}", f"Bupati {sh}")
                      + (() if sh in WORD_SHORTS else (sh,))]
            name = base_t
        regions[kode] = {
            "kode_wilayah": kode, "jenis": jenis, "name": name, "base": base_t, "wilayah": wil,
            "provinsi": p["provinsi"], "forms": list(dict.fromkeys(forms)),
        }
    return sorted(regions.values(), key=lambda r: r["kode_wilayah"])


def build_lexicon(paslon: list[dict], ner_dir: Path) -> dict:
    """Word lists for telling names from capitalised ordinary words.

    name_words: words of candidate names (KPU) and of PER entities in the idner-news-2k
    *train* split; common_words: words the train split writes in lower case; org_words /
    loc_words: words of its ORG / LOC entities that never occur in a PER entity.
    """
    import re

    names, common, org, loc, per_all = set(), set(), set(), set(), set()
    single_per, not_per = set(), set()
    for p in paslon:
        for pos in ("calon", "wakil"):
            for w in p[pos]["name"].split():
                w = w.strip(".").lower()
                if len(w) > 1 and w.isalpha():
                    names.add(w)
    train = ner_dir / "train.txt"
    if train.exists():
        rows = [ln.split() for ln in train.read_text(encoding="utf-8").splitlines()]
        for i, parts in enumerate(rows):
            if len(parts) < 3:
                continue
            nxt = rows[i + 1] if i + 1 < len(rows) else []
            if parts[-1] == "B-PER" and not (len(nxt) >= 3 and nxt[-1] == "I-PER"):
                single_per.add(parts[0])
            elif not parts[-1].endswith("PER"):
                not_per.add(parts[0])
        for line in train.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) < 3:
                continue
            tok, tag = parts[0], parts[-1]
            low = tok.lower()
            if not re.fullmatch(r"[a-z][a-z'-]*", low):
                continue
            if tag.endswith("PER"):
                per_all.add(low)
            elif tag.endswith("ORG"):
                org.add(low)
            elif tag.endswith("LOC"):
                loc.add(low)
            elif tok.islower():
                common.add(low)
    names |= per_all
    return {
        # Words that name a person on their own (Jokowi, SBY): one-word PER entities, never anything else.
        "single_names": sorted(w for w in single_per - not_per if re.fullmatch(r"[A-Z][A-Za-z]+", w)),
        "name_words": sorted(names), "common_words": sorted(common),
        "org_words": sorted(org - per_all), "loc_words": sorted(loc - per_all),
    }


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kpu", type=Path, default=DEFAULT_KPU)
    ap.add_argument("--ner", type=Path, default=DEFAULT_NER, help="idner-news-2k folder (train split used)")
    ap.add_argument("--out", type=Path, default=HERE / "data")
    args = ap.parse_args(argv)
    if not (args.kpu / "parties_pemilu2024.csv").exists():
        raise SystemExit(f"error: no KPU files in {args.kpu}")
    args.out.mkdir(parents=True, exist_ok=True)
    parties = build_parties(args.kpu)
    paslon = build_paslon(args.kpu)
    regions = build_regions(paslon)
    write_jsonl(args.out / "parties.jsonl", parties)
    write_jsonl(args.out / "paslon.jsonl", paslon)
    write_jsonl(args.out / "regions.jsonl", regions)
    lexicon = build_lexicon(paslon, args.ner)
    (args.out / "lexicon.json").write_text(json.dumps(lexicon, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(parties)} parties, {len(paslon)} pairs ({2 * len(paslon)} people), {len(regions)} regions -> {args.out}")


if __name__ == "__main__":
    main()
