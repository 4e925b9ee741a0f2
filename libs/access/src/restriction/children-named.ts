/**
 * What a response says about children, read the one way every list and read model names a
 * child: a `childId` key, at any depth. Pure, so the rule is one rule for every endpoint.
 */

/** Every child a response names, once each. */
export function childrenNamedIn(value: unknown): string[] {
  const named = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRecord(node)) {
      if (typeof node.childId === 'string') named.add(node.childId);
      Object.values(node).forEach(walk);
    }
  };
  walk(value);
  return [...named];
}

/** Marks a part of a response that names a child the reader may not see. */
const NAMES_HIDDEN = Symbol('names a hidden child');

/**
 * The response with every list entry that names a hidden child left out: the nearest entry
 * of a list around the child goes whole, however deep inside it the child is named, so none
 * of its personal data stays.
 * A response that is not a list entry yet names a hidden child cannot be trimmed: the
 * answer is null, and the caller refuses it.
 */
export function withoutChildren(value: unknown, hidden: ReadonlySet<string>): { readonly value: unknown } | null {
  if (hidden.size === 0) return { value };
  const pruned = prune(value, hidden);
  return pruned === NAMES_HIDDEN ? null : { value: pruned };
}

function prune(node: unknown, hidden: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => prune(item, hidden)).filter((item) => item !== NAMES_HIDDEN);
  if (!isRecord(node)) return node;
  if (typeof node.childId === 'string' && hidden.has(node.childId)) return NAMES_HIDDEN;
  const entries = Object.entries(node).map(([key, item]) => [key, prune(item, hidden)] as const);
  return entries.some(([, item]) => item === NAMES_HIDDEN) ? NAMES_HIDDEN : Object.fromEntries(entries);
}

const isRecord = (node: unknown): node is Record<string, unknown> => typeof node === 'object' && node !== null;
