import { createHash } from 'node:crypto';

const pageStyle = 'body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.4rem;vertical-align:top;text-align:left}@media print{body{margin:0}}';

/** The page's one inline style, allowed by hash: the API's CSP permits no other style and no script at all. */
export const pageStyleSource = `'sha256-${createHash('sha256').update(pageStyle, 'utf8').digest('base64')}'`;

/** The subject-access report as a printable page: what was shared about the child, with whom, when and why. */
export interface SubjectAccessReport {
  readonly childId: string;
  readonly generatedAt: string;
  readonly disclosures: ReadonlyArray<Record<string, unknown>>;
  readonly decisionsNotToShare: ReadonlyArray<Record<string, unknown>>;
}

const escape = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const basisText = (basis: { kind?: string; ground?: string; consentIds?: string[] } | undefined) =>
  basis?.kind === 'consent' ? `consent (${(basis.consentIds ?? []).join(', ') || 'parental responsibility'})` : `without consent: ${basis?.ground ?? 'unknown'}`;

const told = (familyTold: { informed?: boolean; how?: string; reason?: string } | undefined) =>
  familyTold?.informed ? `Yes: ${familyTold.how}` : `No: ${familyTold?.reason ?? 'not recorded'}`;

export function subjectAccessPage(report: SubjectAccessReport): string {
  const rows = report.disclosures
    .map((d) => {
      const items = (d.items as Array<{ category: string; fields: string[] }>).map((i) => `${escape(i.category)}: ${i.fields.map(escape).join(', ')}`).join('<br>');
      return `<tr><td>${escape(d.disclosedAt instanceof Date ? d.disclosedAt.toISOString() : d.disclosedAt)}</td><td>${escape(d.recipientAgencyId)}${d.recipientUserId ? ` (${escape(d.recipientUserId)})` : ''}</td><td>${items}</td><td>${escape(d.purpose)}<br><small>${escape(d.reasons)}</small></td><td>${escape(basisText(d.basis as never))}</td><td>${escape(told(d.familyTold as never))}</td><td>${escape(d.channel)}</td></tr>`;
    })
    .join('\n');
  const refused = report.decisionsNotToShare.map((d) => `<li>${escape(d.decidedAt instanceof Date ? d.decidedAt.toISOString() : d.decidedAt)}: not shared with ${escape(d.recipientAgencyId)}. ${escape(d.reasons)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Subject access report: information shared about child ${escape(report.childId)}</title>
<style>${pageStyle}</style></head>
<body>
<h1>Information shared about this child</h1>
<p>Child ${escape(report.childId)}. Report produced ${escape(report.generatedAt)}. Every disclosure the platform recorded: what was shared, with whom, when, why, and on what legal basis.</p>
<table><thead><tr><th>When</th><th>With whom</th><th>What</th><th>Why</th><th>Legal basis</th><th>Family told</th><th>How sent</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="7">Nothing has been shared.</td></tr>'}
</tbody></table>
<h2>Decisions not to share</h2>
<ul>${refused || '<li>None.</li>'}</ul>
</body></html>
`;
}
