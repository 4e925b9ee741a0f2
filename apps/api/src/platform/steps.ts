import { NotFoundException } from '@nestjs/common';

/** The step a path names in an aggregate's table of steps; an unknown one is a 404 listing the known. */
export function stepNamed<S>(steps: Readonly<Record<string, S>>, name: string): S {
  if (!Object.hasOwn(steps, name)) throw new NotFoundException({ message: `No step ${name}; steps are ${Object.keys(steps).join(', ')}`, field: 'step' });
  return steps[name];
}
