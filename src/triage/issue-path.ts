/** A field path as a person points at it in JSON or YAML: `redFlags[2]`, `when.all[1].has`. */
export const formatIssuePath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
