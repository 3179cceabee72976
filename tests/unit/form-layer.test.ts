import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { ActionForm } from '@/components/forms/action-form';
import type { ActionResult } from '@/lib/actions/result';
import { pickMessages } from '@/components/forms/form-messages';
import { ClientMessagesProvider } from '@/components/forms/translations';
import { compileMessages } from '@/lib/i18n/compiled-messages';
import { formFeedback, isStaleAnswer, reloadTarget, staleKeyOf } from '@/components/forms/form-state';
import en from '@/lib/i18n/messages/en.json';
import vi from '@/lib/i18n/messages/vi.json';
import { CONFIRM_FIELD } from '@/lib/validation/confirm';
import { FORM_TOKEN_FIELD, newFormToken } from '@/lib/validation/form-token';
import { ForwardListSchema, ReturnListSchema, SubmitListSchema } from '@/lib/validation/secondment';
import { ProposeTransferSchema } from '@/lib/validation/transfer';
import { AcceptProposalsSchema } from '@/lib/validation/transfer-plan';
import { DeactivateUserSchema } from '@/lib/validation/user';

// One form layer (docs/decisions/029-one-form-layer.md): every form of app/ and components/ is built with
// components/forms (ActionForm, the fields, FormStatus, the stale notice, the confirm step), the irreversible actions
// ask for the confirm step in their form and in their schema, and only the messages the forms need reach the client.

const ROOT = path.resolve(import.meta.dirname, '../..');
const LAYER = 'components/forms/';

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

const FILES = ['app', 'components'].flatMap(sources);
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const parse = (file: string) => ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

type Jsx = { file: string; tag: string; attributes: Map<string, ts.JsxAttribute>; node: ts.JsxOpeningLikeElement };

/** Every JSX element of a file, with its attributes by name. */
function jsxElements(file: string): Jsx[] {
  const found: Jsx[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const attributes = new Map<string, ts.JsxAttribute>();
      for (const attribute of node.attributes.properties) if (ts.isJsxAttribute(attribute)) attributes.set(attribute.name.getText(), attribute);
      found.push({ file, tag: node.tagName.getText(), attributes, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return found;
}

const ELEMENTS = FILES.flatMap(jsxElements);

/** The identifier an attribute's expression names (`action={submitListAndShow}` → submitListAndShow), or its string. */
function attributeValue(attribute: ts.JsxAttribute | undefined): string | null {
  const initializer = attribute?.initializer;
  if (!initializer) return null;
  if (ts.isStringLiteral(initializer)) return initializer.text;
  if (ts.isJsxExpression(initializer) && initializer.expression) return initializer.expression.getText();
  return null;
}

/** Source files that are the form layer's business and may not appear outside it. */
const REMOVED_MODULES = [
  'components/secondments/action-form',
  'components/admin/form-status',
  'components/admin/use-message',
  'components/ui/field',
  'components/ui/form-feedback',
  'components/ui/submit-button',
  'components/quotas/stale-reload-link',
  'components/roster/stale-reload-link',
];

/**
 * Forms outside the layer that post to an action with nothing to show back: the page that follows is the answer
 * (a redirect to sign-in, the page again in the other language). Each with its reason; keep this list short.
 */
const PLAIN_POSTS: Record<string, string> = {
  'components/auth/sign-out-button.tsx': 'signs out: the answer is the sign-in page',
  'components/layout/language-switcher.tsx': 'sets the language cookie: the answer is the same page',
  'components/support/attachment-upload-form.tsx': 'a file to the streaming upload route (server actions take 1 MB): the answer is the request page again',
  'components/commune-workbook/offline-section.tsx': 'the commune workbook to the streaming upload route (server actions take 1 MB): the answer is its diff page',
};

describe('every form goes through components/forms', () => {
  test('useActionState only in the layer', () => {
    const offenders = FILES.filter((file) => !file.startsWith(LAYER) && /\buseActionState\b/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  test('the old form modules are gone and nothing imports them', () => {
    expect(REMOVED_MODULES.filter((module) => ['.ts', '.tsx'].some((ext) => fs.existsSync(path.join(ROOT, module + ext))))).toEqual([]);
    const offenders = FILES.filter((file) => REMOVED_MODULES.some((module) => read(file).includes(`@/${module}'`)) || /from '\.\/(form-status|use-message|stale-reload-link)'/.test(read(file)) && !file.startsWith(LAYER));
    expect(offenders).toEqual([]);
  });

  test('a <form> outside the layer is a GET (search, filters) or a plain post with nothing to show back', () => {
    const offenders = ELEMENTS.filter((element) => element.tag === 'form' && !element.file.startsWith(LAYER))
      .filter((element) => attributeValue(element.attributes.get('method'))?.toLowerCase() !== 'get' && !(element.file in PLAIN_POSTS))
      .map((element) => element.file);
    expect(offenders).toEqual([]);
    for (const file of Object.keys(PLAIN_POSTS)) expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
  });

  test('every ActionForm names the catalogue namespace its action answers in', () => {
    const forms = ELEMENTS.filter((element) => element.tag === 'ActionForm');
    expect(forms.length).toBeGreaterThan(30);
    const namespaces = Object.keys(vi);
    const offenders = forms.filter((element) => !namespaces.includes(attributeValue(element.attributes.get('namespace')) ?? '')).map((element) => element.file);
    expect(offenders).toEqual([]);
  });

  test('client components get their messages from FormMessages only (the namespaces their forms need); the root layout sends none', () => {
    const offenders = FILES.filter((file) => !file.startsWith(LAYER) && /NextIntlClientProvider|ClientMessagesProvider/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  test("no client component loads next-intl's client runtime: they read components/forms/translations.tsx, t(key, values) and t.has only", () => {
    const client = FILES.filter((file) => /^['"]use client['"]/m.test(read(file)));
    expect(client.length).toBeGreaterThan(30);
    const runtime = client.filter((file) => /^import (?!type )[^;]*from 'next-intl[^']*'/m.test(read(file)));
    expect(runtime).toEqual([]);
    const rich = client.filter((file) => /\.(rich|markup|raw)\(|\{[^}]*\b(rich|markup|raw)\b[^}]*\}\s*=\s*(useTranslations|t\b)/.test(read(file)));
    expect(rich).toEqual([]);
  });
});

/**
 * The irreversible actions (docs/decisions/029-one-form-layer.md): the action, the schema it is built with and the
 * names the pages give it (a wrapper that shows the next page on success).
 */
const IRREVERSIBLE: { action: string; module: string; schema: z.ZodType; schemaName: string; names: string[] }[] = [
  { action: 'submitSecondmentList', module: 'lib/actions/secondments/submit-secondment-list.ts', schema: SubmitListSchema, schemaName: 'SubmitListSchema', names: ['submitListAndShow'] },
  { action: 'returnSecondmentList', module: 'lib/actions/secondments/return-secondment-list.ts', schema: ReturnListSchema, schemaName: 'ReturnListSchema', names: ['returnListAndShow'] },
  { action: 'forwardSecondmentList', module: 'lib/actions/secondments/forward-secondment-list.ts', schema: ForwardListSchema, schemaName: 'ForwardListSchema', names: ['forwardListAndShow'] },
  { action: 'proposeTransfer', module: 'lib/actions/transfers/propose-transfer.ts', schema: ProposeTransferSchema, schemaName: 'ProposeTransferSchema', names: ['proposeAndShow'] },
  { action: 'acceptProposals', module: 'lib/actions/transfers/accept-proposals.ts', schema: AcceptProposalsSchema, schemaName: 'AcceptProposalsSchema', names: [] },
  { action: 'deactivateUser', module: 'lib/actions/users/deactivate-user.ts', schema: DeactivateUserSchema, schemaName: 'DeactivateUserSchema', names: [] },
];

/** The ActionForms that post to `name`: directly, or through a component given it as its `action` prop. */
function formsPosting(name: string): Jsx[] {
  return ELEMENTS.filter((element) => attributeValue(element.attributes.get('action')) === name).flatMap((element) => {
    if (element.tag === 'ActionForm') return [element];
    const definition = FILES.find((file) => file.startsWith('components/') && new RegExp(`export function ${element.tag}\\b`).test(read(file)));
    return definition ? jsxElements(definition).filter((inner) => inner.tag === 'ActionForm' && attributeValue(inner.attributes.get('action')) === 'action') : [];
  });
}

describe('the confirm step of the irreversible actions', () => {
  test.each(IRREVERSIBLE.map((entry) => [entry.action, entry] as const))('%s: its form asks for it', (_name, entry) => {
    const forms = [entry.action, ...entry.names].flatMap(formsPosting);
    expect(forms.length, `no form posts to ${entry.action}`).toBeGreaterThan(0);
    expect(forms.filter((form) => !form.attributes.has('confirm')).map((form) => form.file)).toEqual([]);
  });

  test.each(IRREVERSIBLE.map((entry) => [entry.action, entry] as const))('%s: its schema requires it, with the message beside the box', (_name, entry) => {
    expect(read(entry.module)).toMatch(new RegExp(`defineAction\\('${entry.action}', '[\\w.]+', ${entry.schemaName}\\b`));
    const shape = (entry.schema as unknown as { shape: Record<string, z.ZodType> }).shape;
    for (const value of [undefined, '', 'off', 'yes']) {
      const issue = shape[CONFIRM_FIELD].safeParse(value).error?.issues[0];
      expect(issue?.message, String(value)).toBe('forms.confirmRequired');
    }
    expect(shape[CONFIRM_FIELD].safeParse('on').success).toBe(true);
  });

  test('the message and the labels exist in both catalogues', () => {
    for (const catalogue of [vi, en]) {
      expect(catalogue.forms.confirmRequired).toBeTruthy();
      expect([catalogue.secondment.forms.confirmSubmit, catalogue.secondment.forms.confirmReturn, catalogue.secondment.forms.confirmForward]).not.toContain('');
      expect([catalogue.transfer.form.confirm, catalogue.transferPlan.form.confirm, catalogue.admin.users.confirmDeactivate]).not.toContain('');
    }
  });
});

/** The actions declared idempotent (`idempotent: true` in their defineAction options), by exported name. */
const IDEMPOTENT = sources('lib/actions').flatMap((file) => {
  const source = read(file);
  if (!/\bidempotent: true\b/.test(source)) return [];
  return [...source.matchAll(/export const (\w+) = defineAction\(/g)].map((match) => [match[1], file] as const);
});

/** The components a file exports (`export function RecruitForm`). */
const exportedComponents = (file: string) => [...read(file).matchAll(/export function ([A-Z]\w*)/g)].map((match) => match[1]);

describe('the one-time token of the idempotent actions (docs/decisions/036-one-time-form-tokens.md)', () => {
  test('recruiting a person and declaring a need are idempotent: they make rows no natural key tells apart', () => {
    expect(IDEMPOTENT.map(([action]) => action)).toEqual(expect.arrayContaining(['recruitCadre', 'declareVacancy']));
  });

  test.each(IDEMPOTENT)('%s: every form posting to it renders a token a page made on the server', (action) => {
    const forms = formsPosting(action);
    expect(forms.length, `no form posts to ${action}`).toBeGreaterThan(0);
    expect(forms.filter((form) => !form.attributes.has('token')).map((form) => form.file)).toEqual([]);
    for (const form of forms) {
      // A form built in a client component gets its token from the Server Component that renders it, so the token
      // is in the HTML before any script runs.
      const renderers = form.file.startsWith('app/') ? [form] : ELEMENTS.filter((element) => exportedComponents(form.file).includes(element.tag));
      expect(renderers.length, `nothing renders the form of ${form.file}`).toBeGreaterThan(0);
      const offenders = renderers.filter((element) => !element.file.startsWith('app/') || !/\bnewFormToken\(\)/.test(attributeValue(element.attributes.get('token')) ?? ''));
      expect(offenders.map((element) => `${element.file} <${element.tag}>`)).toEqual([]);
    }
  });

  const action = async (): Promise<ActionResult> => ({ ok: true, data: undefined });
  const render = (token?: string) =>
    renderToStaticMarkup(
      createElement(ClientMessagesProvider, {
        locale: 'vi',
        timeZone: 'Asia/Ho_Chi_Minh',
        messages: compileMessages(pickMessages(vi, [])),
        children: createElement(ActionForm, { id: 'f', namespace: 'forms', action, token, submitLabel: 'Gửi' }),
      }),
    );

  test('the form renders the token as a hidden field on the server, before any script', () => {
    const token = newFormToken();
    expect(render(token)).toContain(`<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${token}"/>`);
    expect(render()).not.toContain(`name="${FORM_TOKEN_FIELD}"`);
  });
});

describe('the stale notice', () => {
  // Before the one layer, only the secondment forms recognised their stale answer; the transfer and report forms
  // never offered the reload link.
  test.each([
    ['transfer', 'transfer.errors.stale'],
    ['report', 'report.errors.stale'],
    ['secondment', 'secondment.errors.stale'],
    ['roster', 'roster.errors.stale'],
  ] as const)('a %s form recognises %s', (namespace, key) => {
    expect(isStaleAnswer({ ok: false, error: key }, [staleKeyOf(namespace)])).toBe(true);
  });

  test('the generic answers count in every form; other refusals and successes do not', () => {
    expect(isStaleAnswer({ ok: false, error: 'errors.staleVersion' }, [])).toBe(true);
    expect(isStaleAnswer({ ok: false, error: 'errors.notFound' }, [])).toBe(true);
    expect(isStaleAnswer({ ok: false, error: 'transfer.errors.reasonRequired' }, [staleKeyOf('transfer')])).toBe(false);
    expect(isStaleAnswer({ ok: true, data: undefined, notice: 'transfer.errors.stale' }, [staleKeyOf('transfer')])).toBe(false);
    expect(isStaleAnswer(null, [staleKeyOf('transfer')])).toBe(false);
  });

  test('every stale message an action answers with is recognised by the forms that post to it', () => {
    const declared = sources('lib/actions').flatMap((file) => [...read(file).matchAll(/stale: '([\w.]+)'/g)].map((match) => match[1]));
    expect(declared.length).toBeGreaterThan(20);
    const conventional = /^[a-zA-Z]+\.errors\.stale$|^errors\.staleVersion$/;
    const passed = ELEMENTS.filter((element) => element.tag === 'ActionForm').map((element) => attributeValue(element.attributes.get('stale')) ?? '');
    const unrecognised = [...new Set(declared)].filter((key) => !conventional.test(key) && !passed.some((value) => value.includes(`'${key}'`)));
    expect(unrecognised).toEqual([]);
  });

  test('the link goes to the page as it is now, without the one-off notice', () => {
    expect(reloadTarget('/secondments/lists/8', '')).toBe('/secondments/lists/8');
    expect(reloadTarget('/secondments/lists/8', 'notice=submitted')).toBe('/secondments/lists/8');
    expect(reloadTarget('/report', 'date=2025-11-10&year=2025&notice=saved')).toBe('/report?date=2025-11-10&year=2025');
  });
});

describe('kept values and field errors', () => {
  const message = (key: string | undefined) => (key ? `text of ${key}` : null);

  test('before an answer and after a success the record as saved; after a refusal what was typed', () => {
    expect(formFeedback(null, message, { name: 'saved' }).values).toEqual({ name: 'saved' });
    expect(formFeedback({ ok: true, data: undefined }, message, { name: 'saved' }).values).toEqual({ name: 'saved' });
    const refused = formFeedback({ ok: false, error: 'errors.validation', fieldErrors: { name: 'errors.required' }, values: { name: 'typed' } }, message, { name: 'saved' });
    expect(refused.values).toEqual({ name: 'typed' });
    expect(refused.error('name')).toBe('text of errors.required');
    expect(refused.error('other')).toBeNull();
  });
});

describe('only the needed messages reach the client', () => {
  const catalogue = { errors: { a: 'A' }, forms: { b: 'B' }, secondment: { forms: { c: 'C' }, pages: { d: 'D' } }, report: { e: 'E' }, transfer: { f: 'F' } };

  test('the named namespaces and parts of namespaces, plus errors and forms', () => {
    expect(pickMessages(catalogue, ['report'])).toEqual({ errors: { a: 'A' }, forms: { b: 'B' }, report: { e: 'E' } });
    expect(pickMessages(catalogue, ['secondment.forms'])).toEqual({ errors: { a: 'A' }, forms: { b: 'B' }, secondment: { forms: { c: 'C' } } });
    expect(pickMessages(catalogue, ['secondment.forms', 'secondment'])).toEqual({ errors: { a: 'A' }, forms: { b: 'B' }, secondment: catalogue.secondment });
    expect(pickMessages(catalogue, ['secondment', 'secondment.forms', 'missing.part'])).toEqual({ errors: { a: 'A' }, forms: { b: 'B' }, secondment: catalogue.secondment });
    expect(catalogue.secondment).toEqual({ forms: { c: 'C' }, pages: { d: 'D' } });
  });

  test('the report and transfer pages no longer receive the secondment namespace', () => {
    for (const layout of ['app/(report)/report/layout.tsx', 'app/(transfers)/transfers/layout.tsx']) {
      expect(read(layout)).toMatch(/<FormMessages/);
      expect(read(layout)).not.toMatch(/'secondment/);
    }
  });
});
