#!/usr/bin/env python3
"""Detection and cure tables of docs/diagnosis.md from the diagnosis folders that
`trainscope diagnose CONFIG --fix -o OUT` wrote for every config of this folder.

Usage: python3 examples/configs/pathologies/tables.py OUT
"""
import collections, glob, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
expected = {}
for f in sorted(glob.glob(os.path.join(here, "*.yaml"))):
    name = os.path.basename(f)[:-5]
    expected[name] = open(f).readline().split(":", 1)[1].strip()

results = {}
for d in sorted(glob.glob(os.path.join(out, "*-diagnosis-*"))):
    name = os.path.basename(d).rsplit("-diagnosis-", 1)[0]
    with open(os.path.join(d, "diagnosis.json")) as fh:
        results[name] = json.load(fh)  # the newest folder of a config wins

def diagnoses(report):
    return ([report["primary"]] if report["primary"] else []) + report["explained"] + report["independent"]


def cured(report):
    """No error left, and the original root cause gone (at warning level or above)."""
    after = (report.get("cure") or {}).get("after")
    if not after or not report["primary"]:
        return False
    left = [d for d in diagnoses(after) if d["severity"] in ("warning", "error")]
    return not errors(after) and all(d["pathology"] != report["primary"]["pathology"] for d in left)


def errors(report):
    return [x for x in ([report["primary"]] if report["primary"] else []) + report["explained"] + report["independent"]
            if x["severity"] == "error"]

rows = collections.OrderedDict()
for name, want in expected.items():
    if name not in results:
        continue
    r = results[name]
    got = r["primary"]["pathology"] if r["primary"] else "none"
    rows.setdefault(want, []).append((name, got, r))

print("| pathology | configs | primary diagnosis right | recall |")
print("|---|---|---|---|")
for want, items in rows.items():
    if want == "none":
        continue
    hits = sum(1 for _, got, _ in items if got == want)
    print(f"| `{want}` | {len(items)} | {hits} | {hits / len(items):.0%} |")
healthy = rows.get("none", [])
alarms = sum(1 for _, _, r in healthy if errors(r))
print(f"\nHealthy configs: {len(healthy)}, with an error-level diagnosis (false alarm): {alarms}.\n")

print("| config | primary | cured | kept changes | accuracy before | accuracy after |")
print("|---|---|---|---|---|---|")
cured_count = [0]
total = 0
for want, items in rows.items():
    if want == "none":
        continue
    for name, got, r in items:
        cure = r.get("cure") or {}
        table = {row[0]: row[1:] for row in cure.get("table", [])}
        acc = next((v for k, v in table.items() if k.startswith("validation")), [None, None])
        kept = [c for s in cure.get("rounds", []) if s["kept"] for c in s["changes"]]
        total += 1
        ok = cured(r)
        cured_count[0] += 1 if ok else 0
        fmt = lambda v: "-" if v is None else f"{v:.3f}"
        print(f"| `{name}` | {got} | {'yes' if ok else 'no'} | {', '.join(f'`{k}`' for k in kept) or '-'} "
              f"| {fmt(acc[0])} | {fmt(acc[1])} |")
print(f"\n--fix cured {cured_count[0]} of {total} pathological configs ({cured_count[0] / max(total, 1):.0%}).")
