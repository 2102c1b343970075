#!/usr/bin/env python3
"""Fits the confidence table (assets/lexicon/confidence_rates.txt) on gold sets.

usage: scripts/fit_confidence.py SAYWHO GOLD.jsonl...

Runs `SAYWHO eval GOLD --reliability` on each set, pools the `basis KEY RIGHT COUNT` lines, and
writes each key seen at least MIN_SUPPORT times (crates/saywho-core/src/confidence.rs) with its
share of right names, smoothed towards one right and one wrong (Laplace). Each set weighs the
same, whatever its size, and a key's rate is at most its rate on any set that has
PER_SET_SUPPORT of its attributions: a rate should hold on news unlike the largest set's.
"""
import os, subprocess, sys
from collections import defaultdict

MIN_SUPPORT = 15
PER_SET_SUPPORT = 20
OUT = os.path.join(os.path.dirname(__file__), "..", "assets", "lexicon", "confidence_rates.txt")
HEADER = """\
# Share of attributions naming the right speaker, by what they rest on, with the number of
# attributions it was read from: `key share count`. Keys, most specific first:
# rule/resolution/sentences-away/single|contested, rule/resolution, resolution.
# Fitted on the shared development sets ({sets}) by scripts/fit_confidence.py; do not
# edit by hand.
"""

saywho, golds = sys.argv[1], sys.argv[2:]
per_set = []
for gold in golds:
    out = subprocess.run([saywho, "eval", gold, "--reliability"], check=True,
                         capture_output=True, text=True).stdout
    rows = [line.split()[1:] for line in out.splitlines() if line.startswith("basis ")]
    per_set.append({key: (int(right), int(count)) for key, right, count in rows})
# A set's weight: its quotes (the keys without a slash partition them) against the mean.
sizes = [sum(c for k, (_, c) in s.items() if "/" not in k) for s in per_set]
mean = sum(sizes) / len(sizes)
pooled = defaultdict(lambda: [0.0, 0.0, 0])
for rows, size in zip(per_set, sizes):
    for key, (right, count) in rows.items():
        pooled[key][0] += right * mean / size
        pooled[key][1] += count * mean / size
        pooled[key][2] += count
with open(OUT, "w", encoding="utf-8") as f:
    f.write(HEADER.format(sets=", ".join(os.path.basename(g) for g in golds)))
    for key in sorted(pooled):
        right, weighted, count = pooled[key]
        if count >= MIN_SUPPORT:
            rates = [(right + 1) / (weighted + 2)]
            rates += [(r + 1) / (c + 2) for r, c in (rows.get(key, (0, 0)) for rows in per_set)
                      if c >= PER_SET_SUPPORT]
            f.write(f"{key} {min(rates):.3f} {count}\n")
print(f"{sum(1 for *_, c in pooled.values() if c >= MIN_SUPPORT)} keys written to {OUT}")
