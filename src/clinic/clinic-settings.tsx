// The clinic configuration with its defaults filled in: what the pages read.
// Without a configuration the app behaves as the policy says (112, in-app reading).

import { createContext, useContext } from 'react';
import type { ContentId, Specialist } from '@/triage/catalogue.ts';
import type { ClinicConfig } from './clinic-config-schema.ts';
import type { ConfigProblem } from './read-clinic-config.ts';

export interface ClinicSettings {
  emergencyNumber: string;
  /** v3: the maternity unit's triage line, if the clinic set one (policy §5). */
  maternityNumber: string | undefined;
  bookingUrl: (specialist: Specialist) => string | undefined;
  isOffered: (specialist: Specialist) => boolean;
  /** The clinic's URL for an article in a language, if it set one. */
  articleUrl: (id: ContentId, language: string) => string | undefined;
  allowedParentOrigins: string[];
  linkTarget: '_top' | '_blank' | undefined;
  problems: ConfigProblem[];
  /** A configuration was named but could not be applied: the page says so. */
  notApplied: boolean;
  config: ClinicConfig;
}

export function clinicSettings(config: ClinicConfig = {}, problems: ConfigProblem[] = [], notApplied = false): ClinicSettings {
  return {
    emergencyNumber: config.emergencyNumber ?? '112',
    maternityNumber: config.maternityNumber,
    bookingUrl: (specialist) => config.specialists?.[specialist]?.bookingUrl,
    isOffered: (specialist) => config.specialists?.[specialist]?.offered !== false,
    articleUrl: (id, language) => config.articles?.[id]?.[language as keyof NonNullable<ClinicConfig['articles']>[ContentId]],
    allowedParentOrigins: config.allowedParentOrigins ?? [],
    linkTarget: config.linkTarget,
    problems,
    notApplied,
    config,
  };
}

const ClinicSettingsContext = createContext<ClinicSettings>(clinicSettings());
export const ClinicSettingsProvider = ClinicSettingsContext.Provider;
export const useClinicSettings = () => useContext(ClinicSettingsContext);
