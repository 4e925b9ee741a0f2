import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS = 100;

interface ProcTimes {
  readonly ppid: number;
  /** utime + stime, and the same for reaped children. */
  readonly own: number;
  readonly children: number;
}

function times(pid: number): ProcTimes | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: the fields start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      own: Number(fields[11]) + Number(fields[12]),
      children: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return undefined;
  }
}

/** CPU seconds so far of a process and, when asked, of every child it has (a PostgreSQL postmaster and its backends). */
export function cpuSeconds(pid: number, withChildren: boolean): number {
  const root = times(pid);
  if (!root) return Number.NaN;
  let ticks = root.own;
  if (withChildren) {
    ticks += root.children;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const child = times(Number(entry));
      if (child?.ppid === pid) ticks += child.own;
    }
  }
  return ticks / TICKS;
}

/** The parent of a process: a backend's is its postmaster. */
export const parentOf = (pid: number): number | undefined => times(pid)?.ppid;

/** The 1-minute load average, to note with every figure on a shared machine. */
export const loadAverage = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
