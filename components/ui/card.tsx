import type { HTMLAttributes, ReactNode } from 'react';

const CARD = 'rounded-lg border border-stone-200 bg-white p-4 shadow-xs';

/**
 * A white box on the page (a form, a group of facts, one item of a list of cards). `roomy` adds padding on wider
 * screens for a form or a block of text; a card in a list stays compact.
 */
export function Card({
  as: Element = 'div',
  roomy = false,
  className = '',
  children,
  ...rest
}: { as?: 'div' | 'li' | 'section'; roomy?: boolean; className?: string; children: ReactNode } & Omit<HTMLAttributes<HTMLElement>, 'className' | 'children'> & {
    'data-testid'?: string;
  }) {
  return (
    <Element className={`${CARD}${roomy ? ' sm:p-6' : ''}${className ? ` ${className}` : ''}`} {...rest}>
      {children}
    </Element>
  );
}
