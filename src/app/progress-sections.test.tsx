import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../../tests/unit/render-with-i18n.tsx';
import type { WizardPage } from '@/triage/flow/triage-machine.ts';
import { ProgressSections } from './progress-sections.tsx';

const SECTION_NAMES = ['About you', 'Warning signs', 'Your pain', 'Check answers'];

function renderProgress(page: WizardPage) {
  renderWithI18n(<ProgressSections page={page} />);
  const nav = screen.getByRole('navigation', { name: 'Sections' });
  const items = within(nav).getAllByRole('listitem');
  const item = (name: string) => items.find((li) => li.textContent?.startsWith(name))!;
  return { nav, items, item };
}

describe('ProgressSections', () => {
  it('lists the four sections in order, and no step count', () => {
    const { items, nav } = renderProgress('onset');
    expect(items).toHaveLength(4);
    items.forEach((li, index) => expect(li).toHaveTextContent(new RegExp(`^${SECTION_NAMES[index]}`)));
    expect(nav).not.toHaveTextContent(/\d+ of \d+/);
  });

  it.each<[WizardPage, string]>([
    ['about-you', 'About you'],
    ['pregnancy', 'About you'],
    ['pregnancy-weeks', 'About you'],
    ['red-flags', 'Warning signs'],
    ['locations', 'Your pain'],
    ['pain-score', 'Your pain'],
    ['check-answers', 'Check answers'],
  ])('on %s the current section is "%s", earlier ones completed, later ones neither', (page, current) => {
    const { items } = renderProgress(page);
    const currentIndex = SECTION_NAMES.indexOf(current);
    items.forEach((li, index) => {
      const name = SECTION_NAMES[index]!;
      if (index < currentIndex) {
        expect(li).not.toHaveAttribute('aria-current');
        expect(li).toHaveTextContent(`${name} (completed)`);
      } else if (index === currentIndex) {
        expect(li).toHaveAttribute('aria-current', 'step');
        expect(li).toHaveTextContent(`${name} (current section)`);
      } else {
        expect(li).not.toHaveAttribute('aria-current');
        expect(li).toHaveTextContent(new RegExp(`^${name}$`));
      }
    });
  });

  it('marks exactly one section as the current step', () => {
    const { items, item } = renderProgress('symptoms');
    expect(items.filter((li) => li.getAttribute('aria-current') === 'step')).toEqual([item('Your pain')]);
  });

  it.each<WizardPage>(['start', 'result'])('renders nothing on %s', (page) => {
    const { container } = renderWithI18n(<ProgressSections page={page} />);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(container).toBeEmptyDOMElement();
  });
});
