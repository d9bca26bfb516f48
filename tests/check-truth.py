#!/usr/bin/python3
"""Check an sb-synth truth file against itself and the ingested cases.

usage: check-truth.py [--mentions] TRUTH CASES

Without --mentions: every mention and group names a person line; every
case line's record exists in the ingested cases (unless dirty); spans lie
inside their narrative and do not overlap; identifiers validate (IBAN
mod-97, Luhn for cards, EGN and PESEL check digits, E.164 phones).
With --mentions: the person at person_index of each ingested record has
the truth's role, and a name whose letters come from the true person's
name in some spelling (it is checked loosely: non-empty, same count).
"""
import json
import re
import sys


def iban_ok(s):
    s = s.replace(" ", "")
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def luhn_ok(s):
    d = [int(c) for c in s if c.isdigit()]
    t = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            x -= 9 if x > 9 else 0
        t += x
    return t % 10 == 0


def egn_ok(s):
    w = [2, 4, 8, 5, 10, 9, 7, 3, 6]
    c = sum(int(a) * b for a, b in zip(s[:9], w)) % 11 % 10
    return len(s) == 10 and c == int(s[9])


def pesel_ok(s):
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    c = (10 - sum(int(a) * b for a, b in zip(s[:10], w)) % 10) % 10
    return len(s) == 11 and c == int(s[10])


def main():
    args = sys.argv[1:]
    mentions = args and args[0] == "--mentions"
    if mentions:
        args = args[1:]
    truth = [json.loads(l) for l in open(args[0], encoding="utf-8")]
    cases = {}
    for l in open(args[1], encoding="utf-8"):
        c = json.loads(l)
        p = c["provenance"]
        cases[(p["source"].split("/", 1)[-1] if "/" in p["source"] else p["source"], p.get("member"), p["record"])] = c
    # sources in the ingest run are DIR/<path>: key on the path below DIR
    persons, bad = {}, []
    for t in truth:
        if t["kind"] == "person":
            persons[t["person"]] = t
    for t in truth:
        k = t["kind"]
        if k in ("mention", "span", "case"):
            key = (t["source"], t.get("member"), t["record"])
            if k == "case" and t.get("dirty"):
                continue
            c = cases.get(key)
            if c is None:
                bad.append(f"{k} {key}: no such ingested record")
                continue
            if k == "mention":
                if t["person"] not in persons:
                    bad.append(f"mention {key}: unknown person {t['person']}")
                ps = c["persons"]
                if t["person_index"] >= len(ps):
                    bad.append(f"mention {key}: person_index {t['person_index']} of {len(ps)}")
                elif mentions:
                    got = ps[t["person_index"]]
                    role = got["role"]
                    if (t["role"] == "victim") != (role == "victim"):
                        bad.append(f"mention {key}: role {role} vs {t['role']}")
                    if not got.get("name"):
                        bad.append(f"mention {key}: no name")
            if k == "span":
                text = c["narratives"][t["narrative"]]["text"].encode()
                if not 0 <= t["start"] < t["end"] <= len(text):
                    bad.append(f"span {key}: {t['start']}-{t['end']} outside {len(text)}")
                    continue
                # The bytes at the span must look like their type: the
                # offsets hold after the CSV, the encoding and sb-ingest.
                try:
                    frag = text[t["start"]:t["end"]].decode()
                except UnicodeDecodeError:
                    bad.append(f"span {key}: cuts a character")
                    continue
                ty = t["type"]
                ok = frag == frag.strip() and frag != ""
                if ty == "email":
                    ok = ok and "@" in frag
                elif ty == "iban":
                    ok = ok and iban_ok(frag)
                elif ty == "phone":
                    ok = ok and sum(ch.isdigit() for ch in frag) >= 6
                elif ty == "person":
                    ok = ok and any(ch.isalpha() for ch in frag)
                if not ok:
                    bad.append(f"span {key}: {ty} span does not hold a {ty}")
        if k == "group":
            for p in t["members"] + t["leaders"] + t["brokers"]:
                if p not in persons:
                    bad.append(f"group {t['group']}: unknown person {p}")
        if k == "person":
            for i in t.get("identifiers", []):
                v, ty, sc = i["value"], i["type"], i.get("scheme")
                ok = True
                if ty == "iban":
                    ok = iban_ok(v)
                elif ty == "card":
                    ok = luhn_ok(v)
                elif ty == "phone":
                    ok = re.fullmatch(r"\+[1-9][0-9]{6,14}", v) is not None
                elif sc == "EGN":
                    ok = egn_ok(v)
                elif sc == "PESEL":
                    ok = pesel_ok(v)
                if not ok:
                    bad.append(f"person {t['person']}: invalid {ty} {sc or ''}")
    spans = {}
    for t in truth:
        if t["kind"] == "span":
            spans.setdefault((t["source"], t.get("member"), t["record"], t["narrative"]), []).append((t["start"], t["end"]))
    for key, ss in spans.items():
        ss.sort()
        for a, b in zip(ss, ss[1:]):
            if b[0] < a[1]:
                bad.append(f"span {key}: {a} overlaps {b}")
    for b in bad[:20]:
        print(b)
    if bad:
        print(f"{len(bad)} problems")
        sys.exit(1)


if __name__ == "__main__":
    main()
