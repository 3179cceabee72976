import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

// Pages ask, never derive (docs/architecture.md, "a page … asks can() and the state machines what may be done"): a
// page or its helpers under app/ never compares a row's `.state` or `.status` with a literal; they ask the machine
// (`mayTakeListAction`, `mayTakeCandidateAction`, `mayTakeTransferAction`, `confirmYearProblem`, …) and show a state
// with the one StateBadge. A comparison that only chooses words, never what may be done, is allowed below by its line.

const ROOT = path.resolve(__dirname, '../..');
const files = (dir: string): string[] =>
  fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? files(rel) : /\.tsx?$/.test(e.name) ? [rel] : [];
  });

const PROPERTY = String.raw`[\w$\]\)]\??\.(?:state|status)\b`;
const LITERAL = String.raw`(?:'[^']*'|"[^"]*"|\`[^\`]*\`)`;
const PATTERNS = [
  new RegExp(`${PROPERTY}\\s*[!=]==?\\s*${LITERAL}`), // list.state === 'submitted'
  new RegExp(`${LITERAL}\\s*[!=]==?\\s*[\\w$.?]*${PROPERTY}`), // 'submitted' === list.state
  new RegExp(String.raw`\]\s*\.includes\(\s*[\w$.?]*${PROPERTY}\s*\)`), // ['draft', 'returned'].includes(list.state)
  new RegExp(String.raw`switch\s*\(\s*[\w$.?]*${PROPERTY}\s*\)`), // switch (list.state) { case 'draft': … }
];

/** file → the exact lines allowed, each with why it decides nothing. */
const ALLOWED: Record<string, Record<string, string>> = {
  [path.join('app', '(transfers)', 'transfers', '[id]', 'page.tsx')]: {
    "{tr.decidedBy && tr.state !== 'declined' ? <p>{t('detail.decidedBy', { name: tr.decidedBy })}</p> : null}":
      'wording only: names the approver; a declined transfer shows its reason instead',
  },
};

const offendingLines = (file: string) =>
  fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => PATTERNS.some((pattern) => pattern.test(line)));

test('no page under app/ compares a state or status with a literal', () => {
  const offenders = files('app').flatMap((file) =>
    offendingLines(file)
      .filter(({ line }) => !ALLOWED[file]?.[line])
      .map(({ line, number }) => `${file}:${number}: ${line}`),
  );
  expect(offenders).toEqual([]);
});

test('every allowed line still exists (the allow-list stays narrow)', () => {
  for (const [file, lines] of Object.entries(ALLOWED)) {
    const found = new Set(offendingLines(file).map(({ line }) => line));
    for (const line of Object.keys(lines)) expect(found.has(line), `${file}: ${line}`).toBe(true);
  }
});

test('the scan sees the forms it forbids', () => {
  const caught = (line: string) => PATTERNS.some((pattern) => pattern.test(line));
  expect(caught("const mayReview = can(user, 'secondment.review', resource) && list.state === 'submitted';")).toBe(true);
  expect(caught("lists.filter((l) => l.state !== 'draft')")).toBe(true);
  expect(caught("{candidate?.status === \"approved\" ? <Form /> : null}")).toBe(true);
  expect(caught("if ('left' === person.status) notFound();")).toBe(true);
  expect(caught("['draft', 'returned'].includes(list.state)")).toBe(true);
  expect(caught('switch (upload.status) {')).toBe(true);
  expect(caught("const mayPropose = mayEditList(list.state, allowed);")).toBe(false);
  expect(caught("<StateBadge machine=\"secondmentList\" state={list.state} />")).toBe(false);
});
