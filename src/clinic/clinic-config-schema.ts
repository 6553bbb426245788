import * as z from 'zod/mini';
import { CONTENT_IDS, SPECIALISTS } from '@/triage/catalogue.ts';
import { LANGUAGES } from '@/i18n/languages.ts';
import { AA_TEXT, contrastRatio } from './contrast.ts';

/**
 * A clinic's configuration (docs/embedding.md). It changes how the result is
 * presented and linked (emergency number, booking and article links, colours),
 * never the recommendation itself. Each key is checked on its own, so one bad
 * key falls back to its default without losing the others.
 */

/** A URL longer than this is no clinic's link. */
export const MAX_URL_LENGTH = 2048;

/** https only; http://localhost as well while developing. */
export const safeUrl = (allowLocalhost: boolean) =>
  z.string().check(
    z.maxLength(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`),
    z.refine(
      (value) => {
        try {
          const url = new URL(value);
          return (
            url.protocol === 'https:' || (allowLocalhost && url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))
          );
        } catch {
          return false;
        }
      },
      allowLocalhost ? 'must be an https: URL (or http://localhost while developing)' : 'must be an https: URL',
    ),
  );

const origin = (allowLocalhost: boolean) =>
  z.string().check(
    z.refine((value) => {
      try {
        return new URL(value).origin === value && z.safeParse(safeUrl(allowLocalhost), value).success;
      } catch {
        return false;
      }
    }, 'must be an origin such as https://clinic.example (scheme, host and port only)'),
  );

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * A dialable number (policy §5, v3): digits, an optional leading +, single spaces
 * between groups, nothing else; 2 to 15 digits (E.164's longest).
 */
const DIALABLE = /^\+?[0-9]+( [0-9]+)*$/;
const dialable = () =>
  z.string().check(
    z.refine((value) => {
      const digits = value.replace(/[^0-9]/g, '').length;
      return DIALABLE.test(value) && digits >= 2 && digits <= 15;
    }, 'must be a phone number of 2 to 15 digits, such as 112 or 911 (an optional leading + and single spaces only)'),
  );

export function clinicConfigFields(allowLocalhost: boolean) {
  const url = safeUrl(allowLocalhost);
  return {
    emergencyNumber: dialable(),
    // v3: the maternity unit's triage line, for the maternity line of safety-netting (policy §2, §5).
    maternityNumber: dialable(),
    specialists: z.partialRecord(z.enum(SPECIALISTS), z.strictObject({ offered: z.optional(z.boolean()), bookingUrl: z.optional(url) })),
    articles: z.partialRecord(z.enum(CONTENT_IDS), z.partialRecord(z.enum(LANGUAGES), url)),
    allowedParentOrigins: z.array(origin(allowLocalhost)).check(z.maxLength(20, 'must list at most 20 origins')),
    defaultLocale: z.enum(LANGUAGES),
    locales: z.array(z.enum(LANGUAGES)).check(z.minLength(1, 'must list at least one language')),
    theme: z.strictObject({
      primaryColor: z.optional(
        z.string().check(
          z.regex(HEX, 'must be a colour like #005eb8'),
          z.refine(
            (c) => !HEX.test(c) || contrastRatio('#ffffff', c) >= AA_TEXT,
            'is too light: white text on it must reach a 4.5:1 contrast (WCAG AA)',
          ),
        ),
      ),
      fontFamily: z.optional(
        z.string().check(z.regex(/^[\w\s,'"-]{1,120}$/, 'must be a CSS font-family list, such as "Inter, sans-serif"')),
      ),
      borderRadius: z.optional(z.string().check(z.regex(/^(0|\d{1,2}(\.\d+)?(px|rem|em))$/, 'must be a length such as 4px or 0.5rem'))),
    }),
    linkTarget: z.enum(['_top', '_blank']),
    // What the host page may learn beyond the defaults (docs/embedding.md says what each reveals): off unless set.
    hostMessages: z.strictObject({
      question: z.optional(z.boolean()),
      specialist: z.optional(z.boolean()),
      articles: z.optional(z.boolean()),
    }),
  };
}

type Fields = ReturnType<typeof clinicConfigFields>;
export type ClinicConfig = { [K in keyof Fields]?: z.output<Fields[K]> };
export const CONFIG_KEYS = Object.keys(clinicConfigFields(false)) as (keyof Fields)[];
