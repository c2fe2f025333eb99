"""What bench/lib/measure.sh wrote: one "wall_s cpu_s max_rss_kib broker_cpu_s"
line per run.

The bench scripts' summaries import it (PYTHONPATH=bench/lib); WORK is the
scripts' $work directory, set from their first argument.
"""
import os
import statistics
import sys

WORK = sys.argv[1]


def runs(name):
    return [tuple(map(float, line.split())) for line in open(f"{WORK}/{name}")]


def med(name, i):
    """The median of field i (0 wall, 1 CPU, 3 broker CPU) over the runs of NAME."""
    # /usr/bin/time counts in 10 ms steps: a tiny run can read 0.
    return max(statistics.median(r[i] for r in runs(name)), 0.01)


def rss(name):
    """The peak RSS of NAME's runs, in MB."""
    return max(r[2] for r in runs(name)) / 1024


def busy(name):
    """How much of the machine the client and the broker kept busy over
    NAME's median run: (client CPU + broker CPU) / (cores x wall)."""
    return (med(name, 1) + med(name, 3)) / (os.cpu_count() * med(name, 0))
