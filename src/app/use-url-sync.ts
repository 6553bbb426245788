import { useEffect, useRef, useState } from 'react';
import { TriageActorContext } from '@/wizard/triage-actor-context.ts';
import { pageHref, parseRoute, type Route } from '@/wizard/routes.ts';

/**
 * Keeps the URL and the flow machine in step. A new page pushes a history entry.
 * Browser back/forward, a reload or an edited URL asks the machine to visit that
 * page, which it does only for pages already reached; otherwise the URL is put
 * back to the page shown. Article pages live outside the flow.
 */
export function useUrlSync(initialRoute: Route): Route {
  const actor = TriageActorContext.useActorRef();
  const page = TriageActorContext.useSelector((state) => state.value);
  const [route, setRoute] = useState<Route>(initialRoute);
  // The page whose URL is in the address bar: on the first render the URL leads (an article opened by its address stays).
  const pageInUrl = useRef(page);

  useEffect(() => {
    const syncFromUrl = () => {
      const wanted = parseRoute(window.location.hash);
      if (wanted.kind === 'article') {
        setRoute(wanted);
        return;
      }
      if (wanted.kind === 'page') actor.send({ type: 'page.visit', page: wanted.page });
      const shown = actor.getSnapshot().value;
      if (wanted.kind !== 'page' || wanted.page !== shown) window.history.replaceState(null, '', pageHref(shown));
      setRoute({ kind: 'page', page: shown });
    };
    syncFromUrl();
    window.addEventListener('popstate', syncFromUrl);
    window.addEventListener('hashchange', syncFromUrl);
    return () => {
      window.removeEventListener('popstate', syncFromUrl);
      window.removeEventListener('hashchange', syncFromUrl);
    };
  }, [actor]);

  useEffect(() => {
    if (pageInUrl.current === page) return;
    pageInUrl.current = page;
    const current = parseRoute(window.location.hash);
    if (current.kind !== 'page' || current.page !== page) window.history.pushState(null, '', pageHref(page));
    setRoute({ kind: 'page', page });
  }, [page]);

  return route;
}
