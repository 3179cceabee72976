import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import format, { type CompiledMessage } from 'icu-minify/format';
import { createTranslator } from 'use-intl/core';
import { describe, expect, test, vi as mock } from 'vitest';
import { ClientMessagesProvider, useTranslations } from '@/components/forms/translations';
import { compileMessages, type CompiledMessages } from '@/lib/i18n/compiled-messages';
import { messageArguments, type MessageArgument } from '@/lib/i18n/message-arguments';
import en from '@/lib/i18n/messages/en.json';
import vi from '@/lib/i18n/messages/vi.json';

// The forms format their messages in the browser with icu-minify (components/forms/translations.tsx), the pages on
// the server with next-intl (docs/decisions/051-no-web-font-and-brotli-assets.md): one catalogue, two formatters.
// Every message of both catalogues, with values that walk each of its branches, must read the same both ways.

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const intl = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};

/** Values for one argument, enough to take every branch. */
function candidates(arg: MessageArgument): (string | number | Date)[] {
  switch (arg.kind) {
    case 'value':
      return ['Nga My', 1234];
    case 'select':
      return [...arg.branches.filter((o) => o !== 'other'), 'khác'];
    case 'plural':
      return [0, 1, 2, 5, 21, 1234, ...arg.branches.filter((o) => o.startsWith('=')).map((o) => Number(o.slice(1)))];
    case 'number':
      return [1234.5, 0, 8635];
    case 'date':
      return [new Date('2025-11-10T03:04:05Z')];
    case 'tag':
      return [];
  }
}

function* leaves(tree: Record<string, unknown>, prefix = ''): Generator<[string, string]> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') yield [path, value];
    else yield* leaves(value as Record<string, unknown>, path);
  }
}

function compiledAt(tree: CompiledMessages, path: string): CompiledMessage {
  let node: unknown = tree;
  for (const part of path.split('.')) node = (node as CompiledMessages)[part];
  return node as CompiledMessage;
}

describe('one catalogue, two formatters', () => {
  for (const [locale, catalogue] of [['vi', vi], ['en', en]] as const) {
    test(`every message of ${locale}.json reads the same formatted by next-intl and by icu-minify`, () => {
      const compiled = compileMessages(catalogue);
      const server = createTranslator({ locale, messages: catalogue as Record<string, unknown>, timeZone: TIME_ZONE }) as unknown as (key: string, values?: object) => string;
      const differences: string[] = [];
      let checked = 0;
      let withArguments = 0;
      for (const [path] of leaves(catalogue)) {
        const message = compiledAt(compiled, path);
        const args = messageArguments(message);
        if ([...args.values()].some((a) => a.kind === 'tag')) continue; // rich text: written on the server only
        if (args.size > 0) withArguments++;
        const sets = [...args.entries()].map(([name, arg]) => [name, candidates(arg)] as const);
        const variants = Math.max(1, ...sets.map(([, values]) => values.length));
        for (let i = 0; i < variants; i++) {
          const values = Object.fromEntries(sets.map(([name, list]) => [name, list[i % list.length]]));
          const expected = server(path, values);
          const actual = String(format(message, locale, values, { formatters: intl, timeZone: TIME_ZONE }));
          checked++;
          if (actual !== expected) differences.push(`${path} ${JSON.stringify(values)}: next-intl «${expected}», icu-minify «${actual}»`);
        }
      }
      expect(differences).toEqual([]);
      expect(withArguments).toBeGreaterThan(100);
      expect(checked).toBeGreaterThan(1000);
    });
  }

  test('a namespace keeps its nesting; the same part of the catalogue is compiled once', () => {
    const compiled = compileMessages(vi);
    expect(compileMessages(vi)).toBe(compiled);
    expect(typeof compiled.errors).toBe('object');
    expect(compileMessages({ forms: vi.forms }).forms).toBe(compiled.forms);
    expect(() => compileMessages({ broken: 3 })).toThrow(/broken/);
  });

  test('the compiled catalogue holds plain objects and arrays only (React passes nothing else to the browser)', () => {
    const odd: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (Array.isArray(node)) node.forEach((child, i) => visit(child, `${path}[${i}]`));
      else if (node && typeof node === 'object') {
        if (Object.getPrototypeOf(node) !== Object.prototype) odd.push(path);
        for (const [key, value] of Object.entries(node)) visit(value, `${path}.${key}`);
      } else if (!['string', 'number'].includes(typeof node)) odd.push(`${path}: ${typeof node}`);
    };
    visit(compileMessages(vi), 'vi');
    visit(compileMessages(en), 'en');
    expect(odd).toEqual([]);
  });
});

describe('useTranslations in the browser (components/forms/translations.tsx)', () => {
  function Probe() {
    const t = useTranslations('recruitment');
    const root = useTranslations();
    // Keys outside the catalogue's types, on purpose.
    const has = t.has as unknown as (key: string) => boolean;
    return createElement(
      'p',
      null,
      [
        t('dashboard.openReceptions', { count: 0 }),
        t('dashboard.openReceptions', { count: 1234 }),
        String(t.has('dashboard.openReceptions')),
        String(has('dashboard')),
        String(has('nothing.here')),
        root('errors.required'),
        (t as unknown as (key: string) => string)('nothing.here'),
      ].join(' | '),
    );
  }
  const render = (children: ReactNode, locale: 'vi' | 'en' = 'vi') =>
    renderToStaticMarkup(createElement(ClientMessagesProvider, { locale, timeZone: TIME_ZONE, messages: compileMessages(locale === 'vi' ? vi : en), children }));

  test('formats with the namespace, answers has(), falls back to the key as next-intl does', () => {
    const error = mock.spyOn(console, 'error').mockImplementation(() => undefined);
    const server = createTranslator({ locale: 'vi', messages: vi, timeZone: TIME_ZONE });
    const html = render(createElement(Probe));
    expect(html).toContain(server('recruitment.dashboard.openReceptions', { count: 0 }));
    expect(html).toContain(server('recruitment.dashboard.openReceptions', { count: 1234 }));
    expect(html).toContain('1.234');
    expect(html).toContain(`| true | false | false | ${vi.errors.required} | recruitment.nothing.here</p>`);
    expect(error).toHaveBeenCalledWith('Missing message: recruitment.nothing.here (locale vi)');
    error.mockRestore();
  });

  test('a value the message needs and did not get: the key and an error, as next-intl answers (never "undefined")', () => {
    const error = mock.spyOn(console, 'error').mockImplementation(() => undefined);
    function Partial() {
      const t = useTranslations() as unknown as (key: string, values?: object) => string;
      return createElement('p', null, [t('recruitment.dashboard.openReceptions'), t('communeWorkbook.problems.overQuota', { block: 'government' })].join(' | '));
    }
    const html = render(createElement(Partial));
    expect(html).toBe('<p>recruitment.dashboard.openReceptions | communeWorkbook.problems.overQuota</p>');
    expect(error.mock.calls.map((c) => String(c[0]))).toEqual([
      'Missing value count: recruitment.dashboard.openReceptions (locale vi)',
      expect.stringMatching(/^Missing value (?!block)[a-zA-Z, ]+: communeWorkbook\.problems\.overQuota \(locale vi\)$/),
    ]);
    error.mockRestore();
  });

  test('outside a ClientMessagesProvider it says so', () => {
    expect(() => renderToStaticMarkup(createElement(Probe))).toThrow(/ClientMessagesProvider/);
  });
});
