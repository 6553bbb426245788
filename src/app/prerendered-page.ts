import type { Audience } from '@/i18n/audience.tsx';

/**
 * What a prerendered page shows, as the build writes it on `#root` and as the
 * browser compares it with what it would render: equal means hydrate.
 */
export const prerenderedAs = ({ language, audience, page }: { language: string; audience: Audience; page: string }) =>
  `${language} ${audience} ${page}`;
