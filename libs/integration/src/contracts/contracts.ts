import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import auditAnchors from './v1/audit-anchors.schema.json';
import common from './v1/common.schema.json';
import consentWithdrawn from './v1/consent-withdrawn.schema.json';
import correctionNotice from './v1/correction-notice.schema.json';
import disclosureToAgency from './v1/disclosure-to-agency.schema.json';
import erasureNotice from './v1/erasure-notice.schema.json';
import correctionNoticeV2 from './v2/correction-notice.schema.json';
import disclosureToAgencyV2 from './v2/disclosure-to-agency.schema.json';
import mastRequestDecided from './v1/mast-request-decided.schema.json';
import mastRequestReceived from './v1/mast-request-received.schema.json';
import referralToSocialCare from './v1/referral-to-social-care.schema.json';
import socialCareCaseUpdates from './v1/social-care-case-updates.schema.json';

export type ContractCheck = { readonly valid: true } | { readonly valid: false; readonly reason: string };

/** Per-category maps whose keys must be among the categories the same payload lists. */
const PER_CATEGORY_FIELDS = ['information', 'corrected', 'fields', 'correctedFields'];

/**
 * Every versioned contract the platform speaks, outbound and inbound, keyed `<name>.v<version>`
 * (the topic name). Outbound payloads are checked before an outbox row is written and again
 * before publishing; inbound messages before they become commands.
 */
export class IntegrationContracts {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addSchema(common);
    const contracts: Record<string, object> = {
      'consent-withdrawn.v1': consentWithdrawn,
      'mast-request-received.v1': mastRequestReceived,
      'mast-request-decided.v1': mastRequestDecided,
      'referral-to-social-care.v1': referralToSocialCare,
      'disclosure-to-agency.v1': disclosureToAgency,
      'correction-notice.v1': correctionNotice,
      // v2 names the fields and leaves the values in the platform (ADR 016); v1 stays so rows queued before the upgrade still go.
      'disclosure-to-agency.v2': disclosureToAgencyV2,
      'correction-notice.v2': correctionNoticeV2,
      'erasure-notice.v1': erasureNotice,
      'social-care-case-updates.v1': socialCareCaseUpdates,
      'audit-anchors.v1': auditAnchors,
    };
    for (const [name, schema] of Object.entries(contracts)) this.validators.set(name, ajv.compile(schema));
  }

  names(): string[] {
    return [...this.validators.keys()];
  }

  check(type: string, schemaVersion: number, payload: unknown): ContractCheck {
    const name = `${type}.v${schemaVersion}`;
    const validate = this.validators.get(name);
    if (!validate) return { valid: false, reason: `no contract ${name}` };
    if (!validate(payload)) return { valid: false, reason: `${name}: ${describe(validate.errors ?? [])}` };
    const stray = strayCategories(payload as Record<string, unknown>);
    if (stray) return { valid: false, reason: `${name}: ${stray}` };
    return { valid: true };
  }
}

const describe = (errors: readonly ErrorObject[]): string =>
  errors
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`,
    )
    .join('; ');

function strayCategories(payload: Record<string, unknown>): string | null {
  const listed = new Set(Array.isArray(payload.categories) ? payload.categories : []);
  for (const field of PER_CATEGORY_FIELDS) {
    const values = payload[field];
    if (!values || typeof values !== 'object') continue;
    const stray = Object.keys(values).filter((category) => !listed.has(category));
    if (stray.length > 0) return `/${field} carries categories the decision did not allow: ${stray.join(', ')}`;
  }
  return null;
}

/** One instance per process: compiling the schemas is the expensive part. */
export const integrationContracts = new IntegrationContracts();
