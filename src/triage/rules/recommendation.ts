import * as z from 'zod/mini';
import { CONTENT_IDS, SPECIALISTS, URGENCIES } from '../catalogue.ts';

/**
 * The output format of policy §2, shared by the CLI, the result page, the messages
 * to a host page and the tests (zod/mini, so the browser can use it too).
 */
export const outcomeFields = {
  urgency: z.enum(URGENCIES),
  specialist: z.enum(SPECIALISTS),
  alsoConsider: z.array(z.enum(SPECIALISTS)),
  content: z.array(z.enum(CONTENT_IDS)),
};

export const recommendationSchema = z.strictObject({ ...outcomeFields, reasons: z.array(z.string()).check(z.minLength(1)) });

export type Recommendation = z.output<typeof recommendationSchema>;
