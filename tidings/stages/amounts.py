"""Amounts: money and counts, with their qualifier and what they measure.

Order of the steps:
1. Match money ("$100 billion", "€2.5m", "100 bn yuan", "1.2 trillion rubles",
   "USD 5 million") and counts of things ("about 3,000 troops") with regexes.
2. Read the qualifier just before ("over", "nearly", "at least", …).
3. Find what is measured in the parse: the subject of the verb the amount
   completes ("The volume of trade has reached ... $100 billion"), or the noun
   it describes ("a deal worth $2 billion", "aid of $50m").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..records import Amount

__all__ = ["find_amounts", "CURRENCY_SYMBOLS", "CURRENCY_WORDS"]

CURRENCY_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
                    "C$": "CAD", "A$": "AUD", "HK$": "HKD", "₩": "KRW", "₺": "TRY", "₴": "UAH", "₪": "ILS"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yuan": "CNY",
                  "renminbi": "CNY", "rmb": "CNY", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB",
                  "roubles": "RUB", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY",
                  "rupee": "INR", "rupees": "INR", "won": "KRW", "lira": "TRY", "liras": "TRY",
                  "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED", "franc": "CHF",
                  "francs": "CHF", "shekel": "ILS", "shekels": "ILS", "hryvnia": "UAH", "hryvnias": "UAH",
                  "rand": "ZAR", "real": "BRL", "reais": "BRL", "peso": "MXN", "pesos": "MXN"}
ISO_CODES = {"USD", "EUR", "CNY", "RMB", "RUB", "GBP", "JPY", "INR", "KRW", "TRY", "SAR", "AED", "CHF", "ILS",
             "UAH", "ZAR", "BRL", "MXN", "CAD", "AUD", "HKD"}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9,
          "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
QUALIFIERS = [("more than", "over"), ("over", "over"), ("above", "over"), ("exceeding", "over"),
              ("in excess of", "over"), ("upwards of", "over"), ("nearly", "approx"), ("almost", "approx"),
              ("about", "approx"), ("around", "approx"), ("approximately", "approx"), ("roughly", "approx"),
              ("some", "approx"), ("close to", "approx"), ("an estimated", "approx"), ("estimated", "approx"),
              ("less than", "under"), ("fewer than", "under"), ("under", "under"), ("below", "under"),
              ("at least", "at_least"), ("no less than", "at_least"), ("a minimum of", "at_least"),
              ("at most", "at_most"), ("up to", "at_most"), ("no more than", "at_most"),
              ("a maximum of", "at_most")]
COUNT_NOUNS = {"troops", "soldiers", "people", "refugees", "civilians", "migrants", "protesters",
               "demonstrators", "prisoners", "detainees", "hostages", "casualties", "deaths", "dead", "jobs",
               "tonnes", "tons", "barrels", "doses", "vaccines", "workers", "students", "children",
               "personnel", "officers", "police", "fighters", "militants", "residents", "households",
               "homes", "houses", "tanks", "missiles", "drones", "aircraft", "jets", "ships", "vessels",
               "warships", "shells", "rockets", "containers", "visitors", "tourists", "delegates",
               "participants", "members", "companies", "firms", "projects", "cases", "patients", "votes"}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"trillion|billion|million|thousand|trn|tn|bn|bln|mn|mln|m|b|k"
_SYM = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_WORDS = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
_QUAL = "|".join(re.escape(q) for q, _ in sorted(QUALIFIERS, key=lambda x: -len(x[0])))
_MONEY = re.compile(
    r"(?:(?P<qual>" + _QUAL + r")\s+)?(?:"
    r"(?P<sym>" + _SYM + r")\s?(?P<n1>" + _NUM + r")(?:\s?(?P<s1>" + _SCALE + r")\b)?"
    r"|(?P<iso>" + "|".join(ISO_CODES) + r")\s?(?P<n2>" + _NUM + r")(?:\s?(?P<s2>" + _SCALE + r")\b)?"
    r"|(?P<n3>" + _NUM + r")(?:\s?(?P<s3>" + _SCALE + r"))?\s?(?:U\.?S\.?\s)?(?P<word>" + _WORDS + "|" +
    "|".join(ISO_CODES) + r")\b)",
    re.I)
_COUNT = re.compile(r"(?:(?P<qual>" + _QUAL + r")\s+)?(?P<n>" + _NUM + r")(?:\s(?P<s>million|billion|thousand))?"
                    r"\s(?:[A-Za-z-]+\s)?(?P<unit>" + "|".join(sorted(COUNT_NOUNS)) + r")\b", re.I)


# Verbs whose object amount is a bound: "trade exceeded $360 billion" is over $360 billion.
BOUND_VERBS = {"exceed": "over", "top": "over", "surpass": "over", "pass": "over", "cross": "over",
               "approach": "approx", "near": "approx"}


def _verb_qualifier(doc: Doc | None, start: int, end: int) -> str | None:
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.dep_ == "dobj" and root.head.pos_ == "VERB":
        return BOUND_VERBS.get(root.head.lemma_.lower())
    return None


def _value(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    if scale:
        value *= SCALES[scale.lower()]
    return value


def _qualifier(word: str | None) -> str:
    if not word:
        return "exact"
    return dict(QUALIFIERS)[word.lower()]


def find_amounts(doc: Doc | None, text: str) -> list[Amount]:
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for m in _MONEY.finditer(text):
        if m.group("sym"):
            currency, num, scale = CURRENCY_SYMBOLS[m.group("sym").upper()], m.group("n1"), m.group("s1")
        elif m.group("iso"):
            code = m.group("iso").upper()
            currency, num, scale = ("CNY" if code == "RMB" else code), m.group("n2"), m.group("s2")
        else:
            word = m.group("word")
            if word.isupper() or word.upper() in ISO_CODES and word.upper() == word:
                currency = "CNY" if word.upper() == "RMB" else word.upper()
            else:
                currency = CURRENCY_WORDS[word.lower()]
            num, scale = m.group("n3"), m.group("s3")
        if scale and scale.lower() in ("m", "b", "k") and m.group("sym") is None and m.group("iso") is None \
                and m.group("word") is None:
            continue
        start, end = m.start(), m.end()
        previous = next((a.about for a in reversed(found) if a.about), None)
        qualifier = _qualifier(m.group("qual"))
        if qualifier == "exact":
            qualifier = _verb_qualifier(doc, start, end) or qualifier
        found.append(Amount(text=text[start:end], start=start, end=end, value=_value(num, scale), currency=currency,
                            qualifier=qualifier, about=_about(doc, start, end, previous)))
        taken.append((start, end))
    for m in _COUNT.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in taken):
            continue
        if re.fullmatch(r"(?:19|20)\d{2}", m.group("n")):
            continue  # a year, not a count
        found.append(Amount(text=text[start:end], start=start, end=end, value=_value(m.group("n"), m.group("s")),
                            currency=None, qualifier=_qualifier(m.group("qual")), about=m.group("unit").lower(),
                            unit=m.group("unit").lower()))
    found.sort(key=lambda a: a.start)
    return found


# Verbs of change: in "raise it to $30 billion" the thing measured is the object.
CHANGE_VERBS = {"raise", "increase", "boost", "cut", "reduce", "lift", "double", "triple", "lower", "bring",
                "expand", "grow", "push", "trim", "slash"}
_NOT_MEASURED = {"DATE", "TIME", "PERCENT"}
# Verbs that say where a quantity stands or moves to: "trade rose to $100 billion".
LEVEL_VERBS = {"rise", "fall", "reach", "grow", "climb", "jump", "drop", "decline", "total", "stand", "hit",
               "exceed", "top", "surpass", "soar", "plunge", "slump", "increase", "decrease"}


def _about(doc: Doc | None, start: int, end: int, previous: str | None = None) -> str | None:
    """What the amount at ``start:end`` measures, read from the parse."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    after = doc[span.end] if span.end < len(doc) else None
    # "the proposed 50 billion euros Ukraine Facility": the amount modifies the noun after it
    if after is not None and after.pos_ in ("NOUN", "PROPN") and after.ent_type_ not in _NOT_MEASURED:
        head = after
        while head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("compound", "amod"):
            head = head.head
        return _phrase(head, from_index=span.end)
    # "€2.5m in emergency humanitarian aid", "£300 million for long-range drones"
    if after is not None and after.lower_ in ("in", "of", "for", "on"):
        objs = [c for c in after.children if c.dep_ == "pobj"]
        if objs and objs[0].ent_type_ not in _NOT_MEASURED:
            return _phrase(objs[0])
    tok = span.root
    for _ in range(6):
        head = tok.head
        if head is tok:
            return None
        if tok.dep_ == "pobj" and head.lower_ in ("of", "worth", "at", "to", "by", "totalling", "totaling"):
            target = head.head
            if target.pos_ in ("NOUN", "PROPN") and not _inside(target, start, end):
                return _phrase(target)
            tok = head
            continue
        if head.pos_ in ("NOUN", "PROPN") and not _inside(head, start, end) and \
                tok.dep_ in ("appos", "npadvmod", "amod", "nmod", "compound", "acl"):
            if tok.dep_ == "appos" and head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
                # "has reached a new high, over $100 billion": the high is the verb's, look at its subject
                tok = head
                continue
            return _phrase(head)
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in LEVEL_VERBS:
                # "trade with Russia settled in yuan has risen to over 100 bn yuan": what rose is the
                # nearest subject before the verb, whichever verb the parser gave it to
                subjects = [t for t in head.sent if t.dep_ in ("nsubj", "nsubjpass") and t.i < head.i
                            and not _inside(t, start, end) and t.pos_ in ("NOUN", "PROPN")]
                if subjects:
                    return _phrase(subjects[-1])
            if head.lemma_.lower() in CHANGE_VERBS:
                for c in head.children:
                    if c.dep_ == "dobj" and not _inside(c, start, end):
                        return previous if c.pos_ == "PRON" else _phrase(c)
            for c in head.children:
                if c.dep_ in ("nsubj", "nsubjpass") and not _inside(c, start, end):
                    return _phrase(c)
            if tok.dep_ in ("nsubj", "nsubjpass"):
                holders = [head, *(c for c in head.children if c.dep_ in ("oprd", "acomp"))]
                for c in (c for h in holders for c in h.children):
                    # "$500 million could be made available for reconstruction"
                    if c.dep_ == "prep" and c.lower_ in ("for", "to", "on"):
                        objs = [p for p in c.children if p.dep_ == "pobj"]
                        if objs:
                            return _phrase(objs[0])
            tok = head
            continue
        tok = head
    return None


def _inside(token: Token, start: int, end: int) -> bool:
    return start <= token.idx < end


# Longest "about" phrase kept, in tokens.
MAX_ABOUT_TOKENS = 12


def _phrase(token: Token, from_index: int = -1) -> str:
    """The noun phrase of ``token`` without relative clauses and appositions."""
    cut = {t.i for c in token.children if c.dep_ in ("relcl", "acl", "appos", "punct") and c.i > token.i
           for t in c.subtree}
    keep = [t for t in token.subtree if t.i not in cut and t.i >= from_index]
    if not keep:
        return token.text
    left, right = keep[0].i, min(keep[-1].i + 1, keep[0].i + MAX_ABOUT_TOKENS)
    return token.doc[left:right].text.strip(" ,")
