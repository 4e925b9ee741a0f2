import { ValidateBy, type ValidationOptions } from 'class-validator';

const BIGINT_MAX = 2n ** 63n - 1n;

/**
 * A position in a log or the outbox, as the client read it: digits that fit PostgreSQL's
 * bigint. A longer number is the client's mistake (400), not a database fault (500).
 */
export const IsSequenceNumber = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isSequenceNumber',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= BIGINT_MAX,
        defaultMessage: (args) => `${args?.property ?? 'the value'} must be a whole number from 0 to ${BIGINT_MAX}`,
      },
    },
    options,
  );
