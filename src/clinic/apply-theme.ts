import type { ClinicConfig } from './clinic-config-schema.ts';

/**
 * The clinic's colours, font and corners as CSS custom properties. Set through
 * the CSSOM, so the Content-Security-Policy needs no 'unsafe-inline' styles; the
 * colour was checked for AA contrast when the configuration was read.
 */
export function applyTheme(theme: ClinicConfig['theme'], root: HTMLElement = document.documentElement): void {
  if (!theme) return;
  if (theme.primaryColor) {
    root.style.setProperty('--color-primary', theme.primaryColor);
    root.style.setProperty('--color-button', theme.primaryColor);
  }
  if (theme.fontFamily) root.style.setProperty('--font-family', theme.fontFamily);
  if (theme.borderRadius) root.style.setProperty('--radius', theme.borderRadius);
}
