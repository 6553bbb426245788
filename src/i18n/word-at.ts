/** The value at a dotted key (`start.title`) in a tree of words, as in a locale file; undefined when absent. */
export const wordAt = (tree: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      tree,
    );
