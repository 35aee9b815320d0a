import type { ReactNode } from 'react';

/**
 * A value that must keep its own left-to-right order inside any text
 * direction: numbers, codes, masked values, Chinese names inside Uyghur
 * (right-to-left) text. Renders `<bdi dir="ltr">`, which isolates it
 * (`unicode-bidi: isolate`) so "1101**********1230" never turns into
 * "1230**********1101" on an RTL screen.
 */
export function Bdi({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <bdi dir="ltr" data-testid={testId}>
      {children}
    </bdi>
  );
}
