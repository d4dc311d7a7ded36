"""The monitor_* spaCy components.  Each runs one stage on the State in doc.user_data
and exposes what it found as doc.spans for spaCy-native use."""
from __future__ import annotations

from spacy.language import Language

from monitor.nlp import analysis as A

KEY = "monitor"


def state(doc) -> A.State:
    st = doc.user_data.get(KEY)
    if st is None:
        st = A.State(title=doc.user_data.get("title", ""), text=doc.user_data.get("text") if doc.user_data.get("text") is not None else doc.text, region=doc.user_data.get("region"))
        doc.user_data[KEY] = st
    return st


def _spans(doc, name, items):
    spans = []
    for start, end, label in items:
        sp = doc.char_span(start, end, label=label, alignment_mode="expand")
        if sp is not None:
            spans.append(sp)
    doc.spans[name] = spans


@Language.component("monitor_text")
def monitor_text(doc):
    """Baca Juga lines, bylines, sentences and the lead."""
    A.prepare(state(doc))
    return doc


@Language.component("monitor_regions")
def monitor_regions(doc):
    A.detect_regions(state(doc))
    return doc


@Language.component("monitor_parties")
def monitor_parties(doc):
    st = state(doc)
    A.detect_parties(st)
    _spans(doc, "parties", [(p["start"], p["end"], p["id"]) for p in st.parties if not p["in_title"]])
    return doc


@Language.component("monitor_people")
def monitor_people(doc):
    st = state(doc)
    A.detect_people(st)
    _spans(doc, "people", [(m.span.start, m.span.end, "PERSON") for m in st.mentions if not m.in_title])
    return doc


@Language.component("monitor_candidates")
def monitor_candidates(doc):
    A.link_candidates(state(doc))
    return doc


@Language.component("monitor_roles")
def monitor_roles(doc):
    A.detect_roles(state(doc))
    return doc


@Language.component("monitor_quotes")
def monitor_quotes(doc):
    st = state(doc)
    A.detect_quotes(st)
    _spans(doc, "quotes", [(q.start, q.end, "DIRECT" if q.direct else "INDIRECT") for q in st.quotes])
    return doc


# Roles before candidates: an office ('Gubernur Jatim Khofifah') helps to link a short name.
PIPES = ["monitor_text", "monitor_regions", "monitor_parties", "monitor_people", "monitor_roles",
         "monitor_candidates", "monitor_quotes"]
