import type { ReactNode } from 'react';
import type { ScreenName } from '../flow/screen-of';

/**
 * Root of every screen: carries the stable `data-screen` test hook and a
 * heading that names the screen for screen readers.
 */
export function Screen({ name, title, children }: { name: ScreenName; title?: string; children: ReactNode }) {
  const headingId = `${name}-title`;
  return (
    <section className={`screen screen-${name}`} data-screen={name} aria-labelledby={title ? headingId : undefined}>
      {title ? (
        <h1 id={headingId} className="screen-title">
          {title}
        </h1>
      ) : null}
      {children}
    </section>
  );
}
