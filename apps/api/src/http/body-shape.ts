import type { Type } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

/** One field of a request body: its class-validator rules and how OpenAPI shows it. */
export interface BodyField {
  readonly rules: readonly PropertyDecorator[];
  readonly doc: ApiPropertyOptions;
}

/** Free text: long enough for a case note, short enough that no body carries a book. */
export const text = (maxLength = 20_000): BodyField => ({
  rules: [IsString(), IsNotEmpty(), MaxLength(maxLength)],
  doc: { type: String, maxLength },
});

/** A day as YYYY-MM-DD. */
export const day = (): BodyField => ({
  rules: [
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be a date as YYYY-MM-DD` }),
    IsISO8601({ strict: true }),
  ],
  doc: { type: String, format: 'date', example: '2026-11-02' },
});

export const oneOf = (values: readonly string[]): BodyField => ({
  rules: [IsIn(values)],
  doc: { type: String, enum: [...values] },
});
export const flag = (): BodyField => ({ rules: [IsBoolean()], doc: { type: Boolean } });
export const count = (): BodyField => ({ rules: [IsInt(), Min(0)], doc: { type: Number, minimum: 0 } });
/** A list: its items' meaning is the domain's to judge. */
export const list = (description?: string): BodyField => ({
  rules: [IsArray()],
  doc: { type: 'array', items: {}, description },
});
/** A nested object: its fields' meaning is the domain's to judge (its depth and strings are bounded by the request check). */
export const record = (description?: string): BodyField => ({
  rules: [IsObject()],
  doc: { type: 'object', additionalProperties: true, description },
});

export const optional = (field: BodyField): BodyField => ({
  rules: [IsOptional(), ...field.rules],
  doc: { ...field.doc, required: false } as ApiPropertyOptions,
});

/**
 * The base of a DTO class (`class XBody extends bodyShape({...}) {}`), built from a table of fields, so every body is whitelisted by the global
 * ValidationPipe (unknown fields refused by name) and shown in OpenAPI under its own name.
 * The domain deciders still judge what the values mean: this is the door, not the rules.
 */
export function bodyShape(fields: Readonly<Record<string, BodyField>>): Type<Record<string, unknown>> {
  const shape = class {} as Type<Record<string, unknown>>;
  for (const [property, field] of Object.entries(fields)) {
    for (const rule of field.rules) rule(shape.prototype, property);
    ApiProperty({ required: true, ...field.doc } as ApiPropertyOptions)(shape.prototype, property);
  }
  return shape;
}
