import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { OpenAPIObject } from '@nestjs/swagger';
import { errorCatalogues } from '@app/domain';
import { documentDomainErrors } from './error-catalogue';

const DOMAIN = join(__dirname, '../../../../libs/domain/src');

/**
 * The calls that take a rule, and where: `new DomainError(rule, …)`, `invalid(rule, …)`,
 * `requireText(value, field, rule)`, a feature's own wrappers. A rule built from a template
 * (`${prefix}.family-told`) is kept as a pattern.
 */
const RULE_AT: Readonly<Record<string, { index: number; prefix?: string; suffix?: string }>> = {
  DomainError: { index: 0 },
  invalid: { index: 0 },
  forbidden: { index: 0 },
  conflict: { index: 0 },
  requireText: { index: 2 },
  requireDate: { index: 2 },
  consentCovering: { index: 0 },
  oneOf: { index: 0 },
  heldBy: { index: 2 },
  consentBasis: { index: 2 },
  notBefore: { index: 3 },
  familyToldError: { index: 0, suffix: '.family-told' },
  refuse: { index: 1, prefix: 'event.' },
};

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(path);
    return entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.spec.ts') &&
      !entry.name.endsWith('.fixture.ts') &&
      entry.name !== 'errors.ts'
      ? [path]
      : [];
  });

/** Every rule the domain's source can refuse by: literals, and templates as patterns. */
function thrownRules(): { literals: Set<string>; patterns: RegExp[] } {
  const literals = new Set<string>();
  const patterns: RegExp[] = [];
  const note = (text: string, at: { prefix?: string; suffix?: string } = {}) => {
    const rule = `${at.prefix ?? ''}${text}${at.suffix ?? ''}`;
    if (!rule.includes('${')) literals.add(rule);
    else
      patterns.push(
        new RegExp(
          `^${rule
            .split(/\$\{[^}]*\}/)
            .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
            .join('[a-z0-9.-]+')}$`,
        ),
      );
  };
  const textOf = (node: ts.Node | undefined, file: ts.SourceFile): string | undefined =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      ? node.text
      : node && ts.isTemplateExpression(node)
        ? node.getText(file).slice(1, -1)
        : undefined;
  for (const path of sources(DOMAIN)) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const at = RULE_AT[node.expression.getText(file).split('.').pop()!];
        const text = at && textOf(node.arguments?.[at.index], file);
        if (text !== undefined && /^[a-z$]/.test(text)) note(text, at);
      }
      // A check's default rule: `requireText(value, field, rule = 'value.text-required')`.
      if (ts.isParameter(node) && node.name.getText(file) === 'rule') {
        const text = textOf(node.initializer, file);
        if (text !== undefined) note(text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  // The refusal for want of a parent's consent is its own class.
  literals.add('referral.parental-consent-required');
  return { literals, patterns };
}

describe('the catalogue of domain errors', () => {
  const catalogued = new Map(
    Object.values(errorCatalogues).flatMap((catalogue) =>
      Object.keys(catalogue).map((rule) => [rule, catalogue[rule]] as const),
    ),
  );
  const { literals, patterns } = thrownRules();

  it('lists every rule the domain refuses a command by', () => {
    expect(literals.size).toBeGreaterThan(300);
    expect([...literals].filter((rule) => !catalogued.has(rule))).toEqual([]);
    expect(
      patterns.filter((pattern) => ![...catalogued.keys()].some((rule) => pattern.test(rule))).map(String),
    ).toEqual([]);
  });

  it('lists no rule the domain no longer refuses by', () => {
    expect(
      [...catalogued.keys()].filter((rule) => !literals.has(rule) && !patterns.some((pattern) => pattern.test(rule))),
    ).toEqual([]);
  });

  it('lists each rule once, with a kind and a sentence', () => {
    const all = Object.values(errorCatalogues).flatMap((catalogue) => Object.keys(catalogue));
    expect(all.length).toBe(new Set(all).size);
    for (const { kind, message } of catalogued.values()) {
      expect(['invalid', 'forbidden', 'conflict']).toContain(kind);
      expect(message.trim()).not.toBe('');
    }
  });
});

describe('the catalogue in the OpenAPI document', () => {
  it('gives the refusal schema every rule, and a table row per rule with its HTTP status', () => {
    const document: OpenAPIObject = { openapi: '3.0.0', info: { title: 'api', version: '1' }, paths: {} };
    documentDomainErrors(document);
    const refusal = document.components?.schemas?.Refusal as { properties: { rule: { enum: string[] } } };
    expect(refusal.properties.rule.enum).toEqual(
      expect.arrayContaining(['caf.consent-required', 'referral.parental-consent-required', 'value.text-required']),
    );
    expect(document.info.description).toContain('| `mast-request.senco-only` | 403 |');
  });
});
