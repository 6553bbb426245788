import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The import graph of `src/` (tests left out), for the figures docs/architecture.md
 * promises: how deep the folders stack, which feature imports another, and whether
 * any files import each other in a circle. Dynamic `import()` and type imports count
 * too: they tie the folders together just as much.
 */

export interface ImportGraph {
  /** Each source file (relative to the project root) and the source files it imports. */
  files: Map<string, string[]>;
}

const isSource = (name: string) => /\.tsx?$/.test(name) && !/\.test\.tsx?$|\.d\.ts$/.test(name);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return isSource(name) ? [path] : [];
  });
}

function resolveSpecifier(fromFile: string, specifier: string, srcDir: string): string | undefined {
  const base = specifier.startsWith('@/')
    ? join(srcDir, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(fromFile), specifier)
      : undefined;
  if (base === undefined) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

export function readImportGraph(projectRoot: string): ImportGraph {
  const srcDir = join(projectRoot, 'src');
  const all = sourceFiles(srcDir);
  const known = new Set(all);
  const files = new Map<string, string[]>();
  for (const file of all) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => resolveSpecifier(file, fileName, srcDir))
      .filter((target): target is string => target !== undefined && known.has(target));
    files.set(
      relative(projectRoot, file),
      [...new Set(targets)].map((target) => relative(projectRoot, target)),
    );
  }
  return { files };
}

/** A file's top folder under src/ (`src` itself for the files at its top, such as main.tsx). */
export const folderOf = (file: string): string => {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1]! : 'src';
};

/** The folders, each with the folders it imports (itself left out). */
export function folderGraph(graph: ImportGraph): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph.files) {
    const from = folderOf(file);
    const into = folders.get(from) ?? new Set<string>();
    folders.set(from, into);
    for (const target of targets) if (folderOf(target) !== from) into.add(folderOf(target));
  }
  return folders;
}

/**
 * Each folder's level: 1 for a folder that imports no other, else one above the
 * highest folder it imports; and the deepest chain, top first. Throws on a cycle
 * between folders, where a level means nothing.
 */
export function folderLevels(folders: Map<string, Set<string>>): { levels: Map<string, number>; deepest: string[] } {
  const levels = new Map<string, number>();
  const visiting: string[] = [];
  const levelOf = (folder: string): number => {
    const known = levels.get(folder);
    if (known !== undefined) return known;
    if (visiting.includes(folder))
      throw new Error(`folders import each other in a circle: ${[...visiting.slice(visiting.indexOf(folder)), folder].join(' → ')}`);
    visiting.push(folder);
    const level = 1 + Math.max(0, ...[...(folders.get(folder) ?? [])].map(levelOf));
    visiting.pop();
    levels.set(folder, level);
    return level;
  };
  for (const folder of folders.keys()) levelOf(folder);
  const top = Math.max(...levels.values());
  const deepest = [[...levels].find(([, level]) => level === top)![0]];
  for (;;) {
    const last = deepest.at(-1)!;
    const next = [...(folders.get(last) ?? [])].find((folder) => levels.get(folder) === levels.get(last)! - 1);
    if (next === undefined) break;
    deepest.push(next);
  }
  return { levels, deepest };
}

/** Every import from one of `features` into another, as "file → file". */
export const crossFeatureImports = (graph: ImportGraph, features: readonly string[]): string[] =>
  [...graph.files].flatMap(([file, targets]) =>
    targets
      .filter((target) => features.includes(folderOf(file)) && features.includes(folderOf(target)) && folderOf(file) !== folderOf(target))
      .map((target) => `${file} → ${target}`),
  );

/** The first circle of files that import each other, or undefined. */
export function fileCycle(graph: ImportGraph): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (done.has(file)) return undefined;
    const at = path.indexOf(file);
    if (at >= 0) return [...path.slice(at), file];
    path.push(file);
    for (const target of graph.files.get(file) ?? []) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(file);
    return undefined;
  };
  for (const file of graph.files.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}
