import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../playwright.config.ts';
import { PORTS } from '../../tests/browser/ports.ts';

/**
 * docs/embedding.md's working example, verbatim, is what the browser tests start
 * (tests/browser/embedding.spec.ts then drives it): a newcomer who copies the
 * commands gets the example the tests prove works.
 */
const doc = readFileSync(resolve(import.meta.dirname, '../../docs/embedding.md'), 'utf8');

/** The shell lines of the code blocks after the "example commands" marker, up to the next heading. */
function documentedCommands(): string[] {
  const section = doc.slice(doc.indexOf('<!-- example commands'), doc.indexOf('\n## ', doc.indexOf('<!-- example commands')));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block]) => block!.trim().split('\n'));
}

/** What the test run starts, as a person would type it: the env var in front, quiet-build flags left out. */
function testCommands(): string[] {
  const servers = [config.webServer].flat().filter((server) => server !== undefined);
  return servers.flatMap((server) => {
    const prefix = Object.entries(server.env ?? {})
      .filter(([name]) => name.startsWith('HIP_TRIAGE_'))
      .map(([name, value]) => `${name}=${value} `)
      .join('');
    // With HIP_TRIAGE_TEST_PORT the tests move their ports; the document keeps the default ones.
    const defaultPorts = (text: string) =>
      text.replaceAll(String(PORTS.app), '4317').replaceAll(String(PORTS.host), '4318').replaceAll(String(PORTS.foreign), '4319');
    return server.command
      .split(' && ')
      .map((command, index) => defaultPorts(`${index === 0 ? prefix : ''}${command.replace(' --logLevel warn', '')}`));
  });
}

describe('docs/embedding.md: the working example', () => {
  it('documents the commands the browser tests run (with the default ports)', () => {
    const documented = documentedCommands();
    expect(documented).toEqual([
      'HIP_TRIAGE_CONFIG_PREFIXES=http://localhost:4318/ npx vite build',
      'npx vite preview --port 4317 --strictPort',
      'node examples/embed/serve.mjs 4318',
    ]);
    for (const command of documented) expect(testCommands()).toContain(command);
  });
});
