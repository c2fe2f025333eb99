"""What bench/lib/measure.sh wrote: one "wall_s cpu_s max_rss_kib" line per run.

The bench scripts' summaries import it (PYTHONPATH=bench/lib); WORK is the
scripts' $work directory, set from their first argument.
"""
import statistics
import sys

WORK = sys.argv[1]


def runs(name):
    return [tuple(map(float, line.split())) for line in open(f"{WORK}/{name}")]


def med(name, i):
    """The median of field i (0 wall, 1 CPU) over the runs of NAME."""
    # /usr/bin/time counts in 10 ms steps: a tiny run can read 0.
    return max(statistics.median(r[i] for r in runs(name)), 0.01)


def rss(name):
    """The peak RSS of NAME's runs, in MB."""
    return max(r[2] for r in runs(name)) / 1024
