"""Reads the summary.json of `fieldscore run tour` and prints the wall time of the run, the time its steps
computed and the time spent writing their outputs (the per-step "write" timings), with the writing share.
Used by ./bench's tour group.

Usage: python3 tour_timing.py SUMMARY_JSON START_EPOCH_SECONDS END_EPOCH_SECONDS
"""
import json
import sys


def main():
    summary = json.load(open(sys.argv[1]))
    wall = float(sys.argv[3]) - float(sys.argv[2])
    compute = sum(s["timings"].get("wall", 0.0) for s in summary["steps"])
    write = sum(s["timings"].get("write", 0.0) for s in summary["steps"])
    has_write = any("write" in s["timings"] for s in summary["steps"])
    verdicts = [c["verdict"] for c in summary["comparisons"]]
    print(f"tour: {len(summary['steps'])} steps, {len(verdicts)} comparisons ({verdicts.count('pass')} pass)")
    print(f"process wall time {wall:.2f} s; steps computing {compute:.2f} s ({100 * compute / wall:.0f} %)")
    if has_write:
        print(f"writing step outputs (CSV, VTK, PNG) {write:.2f} s ({100 * write / wall:.0f} %);"
              f" the rest ({wall - compute - write:.2f} s) is JVM start, validation, report and summary")
    else:
        print("the summary records no write timings; writing is within the rest "
              f"({wall - compute:.2f} s, with JVM start and validation)")


if __name__ == "__main__":
    main()
