import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import ErrorPage, { ErrorPageTextsProvider } from '@/app/error';
import vi from '@/lib/i18n/messages/vi.json';

// The error page reads its six sentences from the provider the root layout renders (app/error.tsx), not from
// next-intl's client runtime: as rendered on the server, with the Vietnamese catalogue's sentences.

const texts = {
  title: vi.errors.title,
  body: vi.errors.body,
  retry: vi.errors.retry,
  home: vi.errors.home,
  unavailableTitle: vi.errors.unavailableTitle,
  unavailableBody: vi.errors.unavailableBody,
};

test('the error page says what happened, offers a retry and the way home, in the reader’s language', () => {
  const html = renderToStaticMarkup(createElement(ErrorPageTextsProvider, { texts, children: createElement(ErrorPage, { error: new Error('x'), retry: () => undefined }) }));
  expect(html).toContain('role="alert"');
  expect(html).toContain(`<h1 class="text-2xl font-bold tracking-tight text-stone-900">${vi.errors.title}</h1>`);
  expect(html).toContain(vi.errors.body);
  expect(html).toContain(`>${vi.errors.retry}</button>`);
  expect(html).toContain(`href="/"`);
  expect(html).toContain(`>${vi.errors.home}</a>`);
});

test('outside the root layout’s provider it says so', () => {
  expect(() => renderToStaticMarkup(createElement(ErrorPage, { error: new Error('x'), retry: () => undefined }))).toThrow(/ErrorPageTextsProvider/);
});
