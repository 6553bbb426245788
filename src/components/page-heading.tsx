import { useEffect, useRef, type ReactNode } from 'react';

let hasNavigated = false;

/**
 * The page's h1. After the first page it takes focus when it appears, so that a
 * screen reader announces the new page and Tab starts from the top of it.
 */
export function PageHeading({ children, className = 'heading-l', id }: { children: ReactNode; className?: string; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasNavigated) ref.current?.focus({ preventScroll: false });
    hasNavigated = true;
  }, []);
  return (
    <h1 ref={ref} id={id} className={className} tabIndex={-1}>
      {children}
    </h1>
  );
}
