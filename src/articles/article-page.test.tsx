import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../tests/unit/render-with-i18n.tsx';
import { CONTENT_IDS } from '@/triage/catalogue.ts';
import { ClinicSettingsProvider, clinicSettings } from '@/clinic/clinic-settings.tsx';
import ArticlePage from './article-page.tsx';

const renderArticle = (id: (typeof CONTENT_IDS)[number], emergencyNumber = '999') =>
  renderWithI18n(
    <ClinicSettingsProvider value={clinicSettings({ emergencyNumber })}>
      <ArticlePage id={id} onBack={vi.fn()} />
    </ClinicSettingsProvider>,
  );

const getHelp = () => screen.getByRole('region', { name: 'When to get help' });
const items = (list: 'call-now' | 'today') =>
  [...getHelp().querySelectorAll(`[data-get-help-list="${list}"] li`)].map((item) => item.textContent ?? '');

describe('ArticlePage: the "get help" box (policy v3 §7)', () => {
  it.each(CONTENT_IDS)('%s: the clinic’s number as a tel: link, the emergency signs and what needs help today', (id) => {
    renderArticle(id, '0800 123 456');
    const call = within(getHelp()).getByRole('link', { name: '0800 123 456' });
    expect(call).toHaveAttribute('href', 'tel:0800 123 456');
    expect(call.parentElement).toHaveTextContent('Call 0800 123 456 now if:');
    expect(items('call-now').length).toBeGreaterThan(0);
    expect(items('today').length).toBeGreaterThan(0);
  });

  it('pregnancy: breathlessness or chest pain, and severe tummy pain on its own, are emergencies', () => {
    renderArticle('hip-pain-pregnancy');
    const callNow = items('call-now');
    expect(callNow).toContain('you are breathless or have chest pain');
    expect(callNow).toContain('you have severe pain in your tummy');
    expect(items('today').join(' ')).not.toMatch(/breath|chest|tummy/);
  });

  it('a child’s new limp is checked the same day, and a child with a fever who limps is an emergency', () => {
    renderArticle('hip-joint-degeneration');
    expect(items('today')).toContain('a child has a new limp, or hip pain that wakes them at night');
    expect(items('call-now')).toContain('a child has a fever and limps, or will not walk or move the leg');
    expect(screen.getByRole('article')).toHaveTextContent(/new limp[^.]*the same day/);
  });
});
