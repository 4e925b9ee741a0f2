import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

interface FieldProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

const flatten = (errors: readonly ValidationError[], prefix = ''): FieldProblem[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });

/**
 * Request bodies are validated by class-validator; a 400 names every bad field and the
 * rule it broke. Unknown fields are refused, so a typo never passes silently.
 */
export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  exceptionFactory: (errors) => {
    const problems = flatten(errors);
    return new BadRequestException({
      error: 'Bad Request',
      message: problems.map((p) => p.message).join('; '),
      field: problems[0]?.field,
      rule: problems[0]?.rule,
      problems,
    });
  },
});
