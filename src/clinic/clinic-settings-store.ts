// The settings in force: the defaults at once, the clinic's once its configuration
// has arrived (policy v2 §5: the page never waits for it, so the emergency number
// is on screen from the first paint).

import { useSyncExternalStore } from 'react';
import { clinicSettings, type ClinicSettings } from './clinic-settings.tsx';

let current: ClinicSettings = clinicSettings();
const listeners = new Set<() => void>();

export const clinicSettingsStore = {
  get: () => current,
  set(next: ClinicSettings) {
    current = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// The prerendered start page has the defaults; so has the browser until a configuration arrives.
export const useClinicSettingsInForce = () =>
  useSyncExternalStore(clinicSettingsStore.subscribe, clinicSettingsStore.get, clinicSettingsStore.get);
