"""Reads the log and summary.json of one `fieldscore run tour` (a fresh JVM, every output written into an empty
folder) and prints the process wall time, the time the steps computed (their `timings.wall` in summary.json) and
the time spent writing the outputs, from the runner's own line "wrote N files in S s (process CPU C s)", with the
writing share of the wall time (target <= 25 %) and of the process CPU time. Used by ./bench's tour group.

Usage: python3 tour_timing.py LOG SUMMARY_JSON START_EPOCH_SECONDS END_EPOCH_SECONDS PROCESS_CPU_SECONDS
"""
import json
import re
import sys


def main():
    log = open(sys.argv[1]).read()
    summary = json.load(open(sys.argv[2]))
    wall = float(sys.argv[4]) - float(sys.argv[3])
    cpu = float(sys.argv[5])
    compute = sum(s["timings"].get("wall", 0.0) for s in summary["steps"])
    verdicts = [c["verdict"] for c in summary["comparisons"]]
    print(f"tour: {len(summary['steps'])} steps, {len(verdicts)} comparisons ({verdicts.count('pass')} pass)")
    print(f"process wall time {wall:.2f} s, CPU {cpu:.2f} s; steps computing {compute:.2f} s"
          f" ({100 * compute / wall:.0f} % of wall)")
    m = re.search(r"wrote (\d+) files in ([0-9.]+) s \(process CPU ([0-9.]+) s\)", log)
    if m is None:
        sys.exit("the run's log has no 'wrote N files in S s' line")
    files, write, write_cpu = int(m.group(1)), float(m.group(2)), float(m.group(3))
    print(f"writing {files} files: {write:.2f} s = {100 * write / wall:.0f} % of wall (target <= 25 %),"
          f" CPU {write_cpu:.2f} s = {100 * write_cpu / cpu:.0f} % of CPU")


if __name__ == "__main__":
    main()
