import type { OpenAPIObject } from '@nestjs/swagger';
import { errorCatalogues } from '@app/domain';
import { HTTP_STATUS_OF_KIND } from '@app/domain';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * Documents every rule a command can be refused by: a `Refusal` schema whose `rule` is one of
 * the catalogued rules, and a table per feature (rule, HTTP status, meaning) in the description.
 */
export function documentDomainErrors(document: OpenAPIObject): void {
  const features = Object.entries(errorCatalogues);
  const rules = features.flatMap(([, catalogue]) => Object.keys(catalogue)).sort();
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      Refusal: {
        type: 'object',
        description:
          'A command refused by a domain rule: 400 (invalid, naming the field), 403 (forbidden) or 409 (conflict)',
        required: ['statusCode', 'error', 'rule', 'message', 'requestId'],
        properties: {
          statusCode: { type: 'integer', enum: [400, 403, 409] },
          error: { type: 'string' },
          rule: { type: 'string', enum: rules },
          message: { type: 'string' },
          field: { type: 'string', description: 'The request field at fault (400)' },
          requestId: { type: 'string' },
        },
        additionalProperties: { description: "The refusal's details, e.g. missingConsent and consentReason" },
      },
    },
  };
  const tables = features.map(
    ([feature, catalogue]) =>
      `### ${feature}\n\n| rule | HTTP status | meaning |\n| --- | --- | --- |\n` +
      Object.entries(catalogue)
        .map(([rule, { kind, message }]) => `| \`${rule}\` | ${HTTP_STATUS_OF_KIND[kind]} | ${cell(message)} |`)
        .join('\n'),
  );
  document.info.description = `${document.info.description ?? ''}\n\n## Refusals by rule\n\n${tables.join('\n\n')}`;
}
