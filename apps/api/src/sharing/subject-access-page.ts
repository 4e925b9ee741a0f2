import { createHash } from 'node:crypto';
import type { ReportedDisclosure, SubjectAccessReport } from './subject-access-report';

const pageStyle =
  'body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.4rem;vertical-align:top;text-align:left}@media print{body{margin:0}}';

/** The page's one inline style, allowed by hash: the API's CSP permits no other style and no script at all. */
export const pageStyleSource = `'sha256-${createHash('sha256').update(pageStyle, 'utf8').digest('base64')}'`;

const escape = (value: unknown): string =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const withheldCell = (d: { withheld?: { exemptionText: string; reason: string } }) =>
  d.withheld
    ? `<td><strong>Withheld from the family's copy.</strong> ${escape(d.withheld.exemptionText)}.<br>Reason recorded: ${escape(d.withheld.reason)}</td>`
    : '<td>Shown to the family</td>';

function disclosureRow(d: ReportedDisclosure, dpo: boolean): string {
  const what = d.what
    .map((i) => `${i.category ? `${escape(i.category)}: ` : ''}${i.fields.map(escape).join(', ')}`)
    .join('<br>');
  return `<tr><td>${escape(d.date)}</td><td>${escape(d.recipient)}</td><td>${what}</td><td>${escape(d.purpose)}${d.reasons ? `<br><small>${escape(d.reasons)}</small>` : ''}</td><td>${escape(d.basis)}</td><td>${escape(d.approvedBy)}</td><td>${escape(d.familyTold)}</td><td>${escape(d.howSent)}</td>${dpo ? withheldCell(d) : ''}</tr>`;
}

/** The subject-access report as a printable page; the family's copy is the one to hand over. */
export function subjectAccessPage(report: SubjectAccessReport): string {
  const dpo = report.copy === 'dpo';
  const columns = [
    'When',
    'With whom',
    'What',
    'Why',
    'Legal basis',
    'Approved by',
    'Family told',
    'How it was sent',
    ...(dpo ? ['Family copy'] : []),
  ];
  const rows = report.disclosures.map((d) => disclosureRow(d, dpo)).join('\n');
  const refused = report.decisionsNotToShare
    .map(
      (d) =>
        `<li>${escape(d.date)}: not shared with ${escape(d.recipient)}. ${escape(d.reasons)}${dpo && d.withheld ? ` <strong>Withheld from the family's copy</strong>: ${escape(d.withheld.reason)}` : ''}</li>`,
    )
    .join('\n');
  const lists = report.listsNamingChild
    .map((l) => `<li>${escape(l.date)}: ${escape(l.reader)} read ${escape(l.resource)}</li>`)
    .join('\n');
  const title = `Information shared about ${report.child.name}`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escape(title)}${dpo ? " (data protection officer's copy)" : ''}</title>
<style>${pageStyle}</style></head>
<body>
<h1>${escape(title)}</h1>
${dpo ? "<p><strong>Data protection officer's copy: not to be given to the family.</strong> Entries marked withheld are left out of the family's copy.</p>" : ''}
<p>${escape(report.child.name)}${report.child.dateOfBirth ? `, born ${escape(report.child.dateOfBirth)}` : ''}. Report produced on ${escape(report.generatedOn)}. Everything the platform recorded sharing: what was shared, with whom, when, why, on what legal basis and who approved it.</p>
<table><thead><tr>${columns.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>
<tbody>
${rows || `<tr><td colspan="${columns.length}">Nothing has been shared.</td></tr>`}
</tbody></table>
<h2>Decisions not to share</h2>
<ul>${refused || '<li>None.</li>'}</ul>
<h2>Lists that named ${escape(report.child.name)}</h2>
<ul>${lists || '<li>None.</li>'}</ul>
</body></html>
`;
}
