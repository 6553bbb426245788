import type { Plugin } from 'vite';

/**
 * A Vite plugin serving build-time data to the app as a virtual module
 * (`import data from 'virtual:<name>'`): `build` returns the value and the files to
 * watch, so the dev server and the tests pick up edits.
 */
export function jsonModulePlugin(name: string, build: () => { value: unknown; watch: readonly string[] }): Plugin {
  const moduleId = `virtual:${name}`;
  const resolvedId = `\0${moduleId}`;
  return {
    name,
    resolveId: (id) => (id === moduleId ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined;
      const { value, watch } = build();
      for (const file of watch) this.addWatchFile(file);
      return `export default ${JSON.stringify(value)};`;
    },
  };
}
