import i18next from 'i18next';

/** The result page's code, loaded on its own so the first page stays small. */
export const loadResultPage = () => import('@/result/result-page.tsx');
export const loadArticlePage = () => import('@/articles/article-page.tsx');

let prefetched = false;

/**
 * Once the questions have started, fetch what the result needs (and the body map)
 * while the person reads, so an emergency result shows at once rather than after
 * a download.
 */
export function prefetchResult(): void {
  if (prefetched) return;
  prefetched = true;
  const run = () => {
    // A failed prefetch is not an error yet: the page tries again when it is shown.
    loadResultPage().catch(() => undefined);
    import('@/steps/body-map/body-map.tsx').catch(() => undefined);
    i18next.loadNamespaces(['outcomes', 'articles']).catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 500);
}
