import type { ReactNode } from 'react';

/** A placeholder no translation contains: where a phone number's link goes in a sentence. */
export const NUMBER_MARK = '\u0000';

/**
 * A translated sentence with the number as a link inside it, wherever the language
 * puts it: translate with `{ number: NUMBER_MARK }`, then pass the text and the link.
 */
export function withNumber(text: string, link: ReactNode): ReactNode {
  const [before, after] = text.split(NUMBER_MARK);
  return after === undefined ? (
    text
  ) : (
    <>
      {before}
      {link}
      {after}
    </>
  );
}
