// What a missing text becomes: the built-in English word when it is an essential
// one (the emergency number, instructions, headings and buttons), or nothing
// rather than a raw key. A key never reaches the screen.

import words from 'virtual:essential-words';
import { wordAt } from './word-at.ts';

type Options = { context?: unknown; returnObjects?: boolean; [name: string]: unknown };

const lookup = (namespace: string, key: string): unknown => wordAt(words[namespace], key);

const interpolate = (text: string, options: Options): string =>
  text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => (options[name] === undefined ? '' : String(options[name])));

export function missingText(namespacedKey: string, defaultValue: unknown, options: Options = {}): unknown {
  if (defaultValue !== undefined) return defaultValue;
  const separator = namespacedKey.indexOf(':');
  const namespace = namespacedKey.slice(0, separator);
  const key = namespacedKey.slice(separator + 1);
  const withContext = typeof options.context === 'string' ? lookup(namespace, `${key}_${options.context}`) : undefined;
  const found = withContext ?? lookup(namespace, key);
  if (typeof found === 'string') return interpolate(found, options);
  if (options.returnObjects && found !== undefined) return found;
  return options.returnObjects ? [] : '';
}
