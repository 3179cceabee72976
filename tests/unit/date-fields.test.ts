import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

// Every date field shows and takes dd/MM/yyyy (DateField in components/forms/field.tsx): the browser's own date picker
// shows mm/dd/yyyy in many languages, so no page or component renders one.
const ROOT = path.resolve(__dirname, '../..');
const files = (dir: string): string[] =>
  fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? files(rel) : /\.tsx?$/.test(e.name) ? [rel] : [];
  });

test('no native date input in app/ or components/', () => {
  // A JSX attribute type="date" (the action forms' config `type: 'date'` is rendered by DateField).
  const offenders = ['app', 'components'].flatMap(files).filter((f) => /type=["']date["']|type=\{["']date["']\}/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
  expect(offenders).toEqual([]);
});
