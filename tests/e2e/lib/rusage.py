#!/usr/bin/env python3
"""rusage.py CPU_S MEM_MB -- COMMAND...: runs COMMAND with CPU time capped
at CPU_S seconds (RLIMIT_CPU, so a runaway is killed, never timed by the
wall clock) and reports its peak resident memory and CPU time from
getrusage.  Prints "rss_mb=N cpu_s=N status=N" on stderr's last line and
exits 0 only when the command used at most MEM_MB and CPU_S; the
command's own status is in the report, not in this exit status.
Resident memory, not address space: an AddressSanitizer build reserves
terabytes of address space, so `ulimit -v` cannot bound it."""
import os
import resource
import subprocess
import sys

cpu, mem = float(sys.argv[1]), float(sys.argv[2])
cmd = sys.argv[sys.argv.index('--') + 1:]


def cap():
    resource.setrlimit(resource.RLIMIT_CPU, (int(cpu) + 1, int(cpu) + 1))


p = subprocess.run(cmd, preexec_fn=cap, stdout=subprocess.DEVNULL,
                   stderr=open(os.environ.get('RUSAGE_STDERR', os.devnull), 'w'))
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
rss_mb = ru.ru_maxrss / 1024.0
cpu_s = ru.ru_utime + ru.ru_stime
print('rss_mb=%.0f cpu_s=%.2f status=%d' % (rss_mb, cpu_s, p.returncode),
      file=sys.stderr)
sys.exit(0 if rss_mb <= mem and cpu_s <= cpu else 1)
