import { ApiResponse } from '@nestjs/swagger';

/**
 * OpenAPI for what a write answers: the record's id, its new revision (also the ETag) and
 * any ids the platform assigned to what the step recorded (`assigns`).
 */
export const ApiRecorded = (status: 200 | 201, id: string, assigns: readonly string[] = []): MethodDecorator =>
  ApiResponse({
    status,
    description:
      status === 201 ? 'Recorded: the new record and its first revision' : "Recorded: the record's new revision",
    schema: {
      type: 'object',
      required: [id, 'revision'],
      properties: {
        [id]: { type: 'string' },
        revision: { type: 'string', description: 'The stream revision after the write; send it back as If-Match' },
        ...Object.fromEntries(
          assigns.map((name) => [
            name,
            {
              type: 'string',
              format: 'uuid',
              description: 'Assigned by the platform to what the step recorded (only for the steps that record one)',
            },
          ]),
        ),
      },
    },
  });
