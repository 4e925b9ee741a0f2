/**
 * What the platform must know about each event type beyond its TypeScript shape:
 * the schema version written today, which payload fields are personal data
 * (encrypted with the child's data key, erased by crypto-shredding), and the
 * upcasters that lift older stored versions to the current one.
 */
import type { DomainError } from './decider';
import { checkPayload, type Fields } from './payload-shape';

export interface Upcaster {
  /** The stored version this upcaster reads; it returns version `fromVersion + 1`. */
  readonly fromVersion: number;
  up(data: Record<string, unknown>): Record<string, unknown>;
}

export interface EventSchema {
  readonly type: string;
  readonly schemaVersion: number;
  /** Top-level payload fields holding personal data. A field may hold any JSON value. */
  readonly personalFields: readonly string[];
  readonly upcasters?: readonly Upcaster[];
  /** The current version's payload, checked before every append (payload-shape.ts). */
  readonly payload?: Fields;
}

export class EventCatalogue {
  private readonly byType = new Map<string, EventSchema>();

  constructor(schemas: readonly EventSchema[]) {
    for (const schema of schemas) {
      if (this.byType.has(schema.type)) throw new Error(`Event type ${schema.type} is declared twice`);
      this.byType.set(schema.type, schema);
    }
  }

  schemaOf(type: string): EventSchema | undefined {
    return this.byType.get(type);
  }

  currentVersion(type: string): number {
    return this.byType.get(type)?.schemaVersion ?? 1;
  }

  personalFields(type: string): readonly string[] {
    return this.byType.get(type)?.personalFields ?? [];
  }

  /**
   * Why `data` may not be appended as a `type` event, naming the field; undefined when it
   * may. A type the catalogue does not know is held to well-formed values only.
   */
  check(type: string, data: Record<string, unknown>): DomainError | undefined {
    return checkPayload(this.byType.get(type)?.payload, data);
  }

  /** Lifts a stored payload to the current schema version. */
  upcast(type: string, storedVersion: number, data: Record<string, unknown>): Record<string, unknown> {
    const schema = this.byType.get(type);
    if (!schema) return data;
    let version = storedVersion;
    let current = data;
    while (version < schema.schemaVersion) {
      const upcaster = schema.upcasters?.find((u) => u.fromVersion === version);
      if (!upcaster) throw new Error(`No upcaster for ${type} from version ${version}`);
      current = upcaster.up(current);
      version += 1;
    }
    return current;
  }
}
