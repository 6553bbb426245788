// Who is reading: the person with hip pain, or a clinic receptionist reading the
// questions to a caller. Same flow, same rules; only wording and layout change.
// Reception wording sits next to the patient wording in the locale files, as the
// i18next context variant (`question_reception`), and falls back to it.

import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Namespace } from '@/i18n/languages.ts';

export type Audience = 'patient' | 'reception';

const AudienceContext = createContext<Audience>('patient');
export const AudienceProvider = AudienceContext.Provider;
export const useAudience = () => useContext(AudienceContext);

/** useTranslation, with the reception wording chosen wherever it exists. */
export function useWording(namespaces?: Namespace | Namespace[]) {
  const translation = useTranslation(namespaces);
  const audience = useAudience();
  const { t } = translation;
  const worded = useMemo(
    () =>
      audience === 'reception'
        ? (((key: string, options?: object) => t(key, { context: 'reception', ...options })) as unknown as typeof t)
        : t,
    [t, audience],
  );
  return { ...translation, t: worded, audience };
}
