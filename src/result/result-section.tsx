import type { ReactNode } from 'react';

/** A titled part of the result (who else, why, what to read), named by its heading for assistive technology. */
export function ResultSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 className="heading-m" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}
