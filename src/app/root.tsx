import { StrictMode, Suspense } from 'react';
import { App, type AppProps } from './app.tsx';

/**
 * The whole tree, as the browser renders it and as the build prerenders the start
 * page: the two must be the same element for hydration to keep the prerendered HTML.
 */
export function Root(props: AppProps) {
  return (
    <StrictMode>
      <Suspense fallback={null}>
        <App {...props} />
      </Suspense>
    </StrictMode>
  );
}
