import { applyDecorators, BadRequestException, NotFoundException, type Type } from '@nestjs/common';
import { ApiBody, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import { type Body, bodyObject } from './command-body';
import { validationPipe } from './validation';

/** A step's body: its DTO class, or none when the step takes no fields. */
export interface WithBody {
  readonly body?: Type<object>;
}

/** The step a path names in an aggregate's table of steps; an unknown one is a 404 listing the known. */
export function stepNamed<S>(steps: Readonly<Record<string, S>>, name: string): S {
  if (!Object.hasOwn(steps, name))
    throw new NotFoundException({
      message: `No step ${name}; steps are ${Object.keys(steps).join(', ')}`,
      field: 'step',
    });
  return steps[name];
}

/**
 * The body of a step route, checked against the DTO class of the step it names (the same
 * ValidationPipe as every other body: unknown fields refused by name). A step without
 * fields refuses any.
 */
export async function stepBody(step: WithBody, body: unknown = {}): Promise<Body> {
  bodyObject(body);
  if (step.body) return (await validationPipe.transform(body, { type: 'body', metatype: step.body })) as Body;
  const given = Object.keys(body);
  if (given.length > 0) {
    throw new BadRequestException({
      error: 'Bad Request',
      message: `property ${given[0]} should not exist`,
      field: given[0],
      rule: 'whitelistValidation',
    });
  }
  return {};
}

/** OpenAPI for a step route: the body is one of the steps' DTOs, each named in the description by its step. */
export function ApiStepBodies(steps: Readonly<Record<string, WithBody>>): MethodDecorator {
  const bodies = [...new Set(Object.values(steps).flatMap((step) => (step.body ? [step.body] : [])))];
  const byStep = Object.entries(steps)
    .map(([name, step]) => `\`${name}\`: ${step.body ? step.body.name : 'no body'}`)
    .join('; ');
  return applyDecorators(
    ApiExtraModels(...bodies),
    ApiBody({
      required: false,
      description: `The body depends on the step: ${byStep}`,
      schema: { oneOf: bodies.map((body) => ({ $ref: getSchemaPath(body) })) },
    }),
  );
}
