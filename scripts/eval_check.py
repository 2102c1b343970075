#!/usr/bin/env python3
"""Checks that `saywho eval --pred` prints exactly what score.py prints.

usage: scripts/eval_check.py SAYWHO SCORE_PY GOLD.jsonl [PRED.jsonl]

Without PRED, builds noisy predictions from the gold itself (shifted and split spans, dropped and
invented quotes, right, wrong, missing and pronoun speakers, mentions that do and don't overlap,
string and number ids) so that every branch of the scoring is exercised. Also writes a canonical
key for pronoun and nameless gold mentions. Compares every --kind, with --errors, and exits 1 on
the first difference.
"""
import json, os, random, subprocess, sys, tempfile

saywho, score_py, gold_path = sys.argv[1:4]
pred_path = sys.argv[4] if len(sys.argv) > 4 else None
tmp = tempfile.mkdtemp()
rnd = random.Random(7)
golds = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
names = [q.get("speaker") for d in golds for q in d["quotes"] if q.get("speaker")] or ["Smith"]

if pred_path is None:
    pred_path = os.path.join(tmp, "pred.jsonl")
    with open(pred_path, "w", encoding="utf-8") as f:
        for d in golds:
            n = len(d["text"])
            qs = []
            for q in d["quotes"]:
                r = rnd.random()
                if r < 0.1:
                    continue
                s, e = q["start"], q["end"]
                ln = max(e - s, 1)
                if rnd.random() < 0.3:
                    s = max(0, s + rnd.randint(-ln // 2, ln // 2))
                    e = min(n, max(s + 1, e + rnd.randint(-ln // 2, ln // 2)))
                spk = q.get("speaker")
                r = rnd.random()
                if r < 0.15:
                    spk = None
                elif r < 0.3:
                    spk = rnd.choice(names)
                elif r < 0.35:
                    spk = "he"
                elif r < 0.4 and spk:
                    spk = "Dr. " + spk.split()[-1]
                p = {"start": s, "end": e, "speaker": spk}
                spans = q.get("speaker_spans") or []
                r = rnd.random()
                if spans and r < 0.5:
                    a, b = rnd.choice(spans)
                    p["mention"] = {"start": a, "end": b, "text": d["text"][a:b]}
                elif r < 0.7:
                    a = rnd.randrange(0, max(n - 5, 1))
                    p["mention"] = {"start": a, "end": a + 4, "text": d["text"][a:a + 4]}
                elif r < 0.75:
                    p["mention"] = {"start": None, "end": 0}
                qs.append(p)
            for _ in range(rnd.randint(0, 3)):
                a = rnd.randrange(0, max(n - 40, 1))
                qs.append({"start": a, "end": a + rnd.randint(5, 40), "speaker": rnd.choice(names + [None])})
            for _ in range(rnd.randint(0, 1)):  # a duplicate: only one can match
                if qs:
                    qs.append(dict(rnd.choice(qs)))
            rnd.shuffle(qs)
            f.write(json.dumps({"id": d["id"], "quotes": qs}) + "\n")

key_path = os.path.join(tmp, "key.jsonl")
with open(key_path, "w", encoding="utf-8") as f:
    for d in golds:
        for q in d["quotes"]:
            if rnd.random() < 0.3:
                f.write(json.dumps({"id": d["id"], "start": q["start"], "end": q["end"],
                                    "canonical": q.get("speaker") if rnd.random() < 0.7 else rnd.choice(names), "resolvable": rnd.random() < 0.8}) + "\n")

bad = 0
for kind in ("direct", "partial", "all"):
    for extra in ([], ["--canonical", key_path]):
        args = ["--kind", kind, "--errors", "25"] + extra
        want = subprocess.run(["python3", score_py, gold_path, pred_path] + args,
                              capture_output=True, text=True, check=True).stdout
        got = subprocess.run([saywho, "eval", gold_path, "--pred", pred_path] + args,
                             capture_output=True, text=True, check=True).stdout
        same = want == got
        bad += not same
        print(("same" if same else "DIFFERENT"), kind, " ".join(extra[:1]), want.splitlines()[-1])
        if not same:
            import difflib
            sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "score.py", "saywho"))
sys.exit(1 if bad else 0)
