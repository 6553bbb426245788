import { describe, expect, it } from 'vitest';
import { readClinicConfig } from './read-clinic-config.ts';
import { MAX_URL_LENGTH } from './clinic-config-schema.ts';

const read = (raw: unknown) => readClinicConfig(raw, { allowLocalhost: false });

describe('readClinicConfig: one bad entry drops only itself, named by its key', () => {
  it('an unknown specialist id keeps the other booking links', () => {
    const { config, problems } = read({
      specialists: { gp: { bookingUrl: 'https://clinic.example/gp' }, dentist: { bookingUrl: 'https://clinic.example/d' } },
    });
    expect(config.specialists).toEqual({ gp: { bookingUrl: 'https://clinic.example/gp' } });
    expect(problems).toEqual([
      { key: 'specialists.dentist', message: expect.stringMatching(/^unknown id \(known: emergency-department, gp/) },
    ]);
  });

  it('a bad booking URL drops that specialist only', () => {
    const { config, problems } = read({
      specialists: { gp: { bookingUrl: 'javascript:alert(1)' }, orthopedist: { bookingUrl: 'https://clinic.example/o' } },
    });
    expect(config.specialists).toEqual({ orthopedist: { bookingUrl: 'https://clinic.example/o' } });
    expect(problems).toEqual([{ key: 'specialists.gp.bookingUrl', message: 'must be an https: URL' }]);
  });

  it('a bad article language drops that language only', () => {
    const { config, problems } = read({
      articles: { 'hip-pain-pregnancy': { en: 'https://c.example/en', xx: 'https://c.example/xx', ru: 'http://c.example/ru' } },
    });
    expect(config.articles).toEqual({ 'hip-pain-pregnancy': { en: 'https://c.example/en' } });
    expect(problems.map((p) => p.key).sort()).toEqual(['articles.hip-pain-pregnancy.ru', 'articles.hip-pain-pregnancy.xx']);
  });

  it('caps URL length', () => {
    const long = `https://c.example/${'a'.repeat(MAX_URL_LENGTH)}`;
    const { config, problems } = read({ specialists: { gp: { bookingUrl: long } }, emergencyNumber: '999' });
    expect(config).toEqual({ specialists: {}, emergencyNumber: '999' });
    expect(problems).toEqual([{ key: 'specialists.gp.bookingUrl', message: `must be at most ${MAX_URL_LENGTH} characters` }]);
  });

  it('a bad emergency number is dropped and named, so the default applies', () => {
    const { config, problems } = read({ emergencyNumber: 'call me' });
    expect(config.emergencyNumber).toBeUndefined();
    expect(problems).toEqual([{ key: 'emergencyNumber', message: expect.stringMatching(/phone number/) }]);
  });
});
