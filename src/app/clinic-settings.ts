/**
 * What a clinic can set. For now the defaults of the policy; clinic configuration
 * (embedding) replaces them.
 */
export interface ClinicSettings {
  emergencyNumber: string;
}

export const DEFAULT_CLINIC_SETTINGS: ClinicSettings = { emergencyNumber: '112' };
