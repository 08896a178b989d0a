"""Prints the ratios of one bench group (FieldScore against its peers, same run) from the group's outputs:
target/bench/GROUP.part (peer lines) and target/bench/GROUP-*.json (JMH results). Used by ./bench.

Usage: python3 ratios.py GROUP WORK_DIR
"""
import glob
import json
import os
import re
import sys


def jmh(work, group):
    scores = {}
    for path in glob.glob(os.path.join(work, group + "-*.json")):
        for r in json.load(open(path)):
            name = r["benchmark"].rsplit(".", 1)[-1]
            param = "".join(r.get("params", {}).values())
            scores[name + (":" + param if param else "")] = r["primaryMetric"]["score"]
    return scores


def jmh_best(work, group):
    """The best measurement iteration of each benchmark, to set against a peer's best-of timing."""
    scores = {}
    for path in glob.glob(os.path.join(work, group + "-*.json")):
        for r in json.load(open(path)):
            raw = [x for fork in r["primaryMetric"].get("rawData", []) for x in fork]
            if raw:
                scores[r["benchmark"].rsplit(".", 1)[-1]] = max(raw)
    return scores


def number(pattern, text):
    m = re.search(pattern, text)
    return float(m.group(1)) if m else None


def main():
    group, work = sys.argv[1], sys.argv[2]
    peers = open(os.path.join(work, group + ".part")).read()
    fs = jmh(work, group)
    lines = []

    def ratio(label, value):
        if value is not None:
            lines.append(f"- {label}: {value:.2f}x")

    def div(a, b):
        return a / b if a is not None and b is not None and b != 0 else None

    if group == "stencil":
        c1 = number(r"\(1 thread\): +C FTCS 256\^3, \d+ steps: (\d+)", peers)
        c2 = [float(x) * 1e6 for x in re.findall(r"\(2\): C FTCS 256\^3, \d+ steps: (\d+)", peers)]
        numpy = number(r"numpy FTCS 256\^3: ([\d.]+)", peers)
        step, leap = fs.get("ftcsStep"), fs.get("leapfrogStep")
        blocked, sweep = fs.get("ftcsHundredSteps"), fs.get("ftcsHundredStepsSweep")
        ratio("FTCS step / C on two threads", div(step, c2[0] if c2 else None))
        ratio("FTCS step / C on one thread", div(step, c1 * 1e6 if c1 else None))
        ratio("FTCS step / numpy", div(step, numpy * 1e6 if numpy else None))
        ratio("leapfrog step / C FTCS on two threads", div(leap, c2[0] if c2 else None))
        ratio("100 FTCS steps, temporally blocked / C naive sweep on two threads (same step count)",
              div(blocked, c2[-1] if c2 else None))
        ratio("100 FTCS steps, temporally blocked / FieldScore's own sweep", div(blocked, sweep))
        ratio("100 FTCS steps, FieldScore's sweep / C naive sweep on two threads", div(sweep, c2[-1] if c2 else None))
    elif group == "poisson":
        cg = number(r"n=127\^3 .*?cg\(no precond, rtol 1e-10\)=([\d.]+)s", peers)
        for name in ("multigridTo1e10", "fmgTo1e10", "multigridCgTo1e10"):
            ms = fs.get(name + ":127")
            ratio(f"scipy CG to 1e-10 / {name} at 127^3", div(cg * 1e3 if cg else None, ms))
    elif group == "spectral":
        for n in ("127", "128"):
            dst = number(rf"n={n}\^3 dst=([\d.]+)s", peers)
            ratio(f"scipy DST-I / spectralSolve at {n}^3", div(dst * 1e3 if dst else None, fs.get("spectralSolve:" + n)))
    elif group == "langevin":
        numpy = number(r"numpy ULA .*?: ([\d.]+) M chain-steps/s", peers)
        best = jmh_best(work, group).get("unadjustedLangevin")
        ratio("ULA / numpy (JMH mean / numpy best)", div(fs.get("unadjustedLangevin"), numpy * 1e6 if numpy else None))
        ratio("ULA / numpy (best / best)", div(best, numpy * 1e6 if numpy else None))
    elif group == "fit":
        numpy = number(r"numpy MVN closed-form fit .*?: ([\d.]+) M values/s", peers)
        best = jmh_best(work, group).get("closedForm")
        ratio("MVN fit / numpy (JMH mean / numpy best)", div(fs.get("closedForm"), numpy * 1e6 if numpy else None))
        ratio("MVN fit / numpy (best / best)", div(best, numpy * 1e6 if numpy else None))
    elif group == "network":
        torch = number(r"\(([\d.]+) s per 10\^4 steps\)", peers)
        ratio("PyTorch wall time / FieldScore wall time (10^4 steps)", div(torch, fs.get("slicedVarianceReduced")))
    if lines:
        print("Ratios (same run):")
        print()
        print("\n".join(lines))
        print()


if __name__ == "__main__":
    main()
