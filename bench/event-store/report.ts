import type { Measurement } from './workloads';

export interface SubjectResult {
  readonly subject: string;
  readonly measurements: readonly Measurement[];
  /** process.resourceUsage().maxRSS of the subject's own process, in kilobytes. */
  readonly maxRssKb: number;
}

export const LABELS: Record<string, string> = {
  'plain-insert': 'plain INSERT',
  platform: 'platform',
  emmett: 'Emmett',
};

const perSecond = (m: Measurement | undefined) => (m ? m.events / m.seconds : undefined);
const formatRate = (rate: number | undefined) => (rate === undefined ? '–' : Math.round(rate).toLocaleString('en-GB'));
const formatRatio = (ours: number | undefined, reference: number | undefined) =>
  ours === undefined || reference === undefined ? '–' : `${(ours / reference).toFixed(2)}×`;

/** A markdown table: readable on a terminal and pasted as it is into docs/benchmarks.md. */
export function renderTable(results: readonly SubjectResult[]): string {
  const bySubject = new Map(results.map((r) => [r.subject, r]));
  const workloads = results[0]?.measurements.map((m) => m.workload) ?? [];
  const rate = (subject: string, workload: string) =>
    perSecond(bySubject.get(subject)?.measurements.find((m) => m.workload === workload));
  const subjects = results.map((r) => r.subject);
  const header = ['events/s', ...subjects.map((s) => LABELS[s] ?? s), 'platform ÷ plain INSERT', 'platform ÷ Emmett'];
  const rows = workloads.map((w) => [
    w,
    ...subjects.map((s) => formatRate(rate(s, w))),
    formatRatio(rate('platform', w), rate('plain-insert', w)),
    formatRatio(rate('platform', w), rate('emmett', w)),
  ]);
  const memory = (s: string) => bySubject.get(s)?.maxRssKb;
  rows.push([
    'peak memory (maxRSS, MB)',
    ...subjects.map((s) => ((memory(s) ?? 0) / 1024).toFixed(0)),
    formatRatio(memory('platform'), memory('plain-insert')),
    formatRatio(memory('platform'), memory('emmett')),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
