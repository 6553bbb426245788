import { CONTENT_IDS, type ContentId } from '@/triage/catalogue.ts';
import { WIZARD_PAGES, type WizardPage } from '@/triage/flow/triage-machine.ts';

/**
 * One URL per page, in the fragment (`#/red-flags`) so the build works from any
 * static host or folder without server rewrites, and query settings (?lang=,
 * ?mode=) stay untouched.
 */
export type Route = { kind: 'page'; page: WizardPage } | { kind: 'article'; id: ContentId } | { kind: 'unknown' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === '') return { kind: 'page', page: 'start' };
  const article = /^articles\/([a-z-]+)$/.exec(path);
  if (article)
    return CONTENT_IDS.includes(article[1] as ContentId) ? { kind: 'article', id: article[1] as ContentId } : { kind: 'unknown' };
  return (WIZARD_PAGES as readonly string[]).includes(path) ? { kind: 'page', page: path as WizardPage } : { kind: 'unknown' };
}

export const pageHref = (page: WizardPage): string => (page === 'start' ? '#/' : `#/${page}`);
export const articleHref = (id: ContentId): string => `#/articles/${id}`;
