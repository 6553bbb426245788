import { z } from 'zod';
import { CONTENT_IDS, SPECIALISTS, URGENCIES } from '../catalogue.ts';

/** The output format of policy §2, shared by the CLI, the result page and the tests. */
export const recommendationSchema = z.strictObject({
  urgency: z.enum(URGENCIES),
  specialist: z.enum(SPECIALISTS),
  alsoConsider: z.array(z.enum(SPECIALISTS)),
  content: z.array(z.enum(CONTENT_IDS)),
  reasons: z.array(z.string()).min(1),
});

export type Recommendation = z.output<typeof recommendationSchema>;
