import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// A newcomer has only the repository (docs/architecture.md, Conventions): comments point to docs/domain.md,
// docs/architecture.md, the decision records or a file that exists, never to a document outside the repository
// nor to an issue number; and every path the two docs pages cite exists.

const ROOT = path.resolve(__dirname, '../..');
const SCANNED = ['app', 'components', 'lib', 'scripts', 'tests'];
const ROOT_FILES = ['auth.ts', 'proxy.ts', 'next.config.ts', 'prisma.config.ts', 'vitest.config.ts', 'playwright.config.ts'];
/** Generated code is not ours to comment. */
const SKIPPED = ['lib/generated', 'node_modules'];
/**
 * Migrations applied before this check, whose comments cite issue numbers. They stay as written: a migration's
 * checksum is recorded in every database it was applied to, and `prisma migrate deploy` warns on each run about
 * one edited afterwards. Every later migration is checked.
 */
const HISTORICAL_MIGRATIONS = ['20260101000100_secondment_guards', '20260301000100_transfer_guards'];
const DOC_PAGES = ['docs/architecture.md', 'docs/domain.md'];

/** The text of every comment of a TypeScript or TSX source (strings, templates and JSX text are not comments). */
function commentsOf(fileName: string, text: string): { line: number; text: string }[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : fileName.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const seen = new Set<number>();
  const found: { line: number; text: string }[] = [];
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      found.push({ line: source.getLineAndCharacterOfPosition(range.pos).line + 1, text: text.slice(range.pos, range.end) });
    }
  };
  // Around every token: the comments on the lines before it (leading) and after it on its own line (trailing).
  const visit = (node: ts.Node) => {
    const children = node.getChildren(source);
    if (children.length > 0) return children.forEach(visit);
    if (node.kind === ts.SyntaxKind.JsxText || node.kind === ts.SyntaxKind.JsxTextAllWhiteSpaces) return;
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
  };
  visit(source);
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  return found.sort((a, b) => a.line - b.line);
}

/** The comments of a Prisma schema (`//`, `///`) or an SQL migration (`--`), line by line, quoted strings left out. */
function lineCommentsOf(text: string, marker: '//' | '--'): { line: number; text: string }[] {
  const quote = marker === '//' ? /"(?:[^"\\]|\\.)*"/g : /'(?:[^']|'')*'/g;
  return text.split('\n').flatMap((line, index) => {
    const at = line.replace(quote, (s) => ' '.repeat(s.length)).indexOf(marker);
    return at < 0 ? [] : [{ line: index + 1, text: line.slice(at) }];
  });
}

const ISSUE = /\bissues?\s+#?\d+/i;
const MARKDOWN = /[\w./-]*\w\.md\b/g;
/** Markdown the code writes rather than reads (`npm run bench` writes its table there). */
const WRITTEN_BY_THE_CODE = ['bench-results/latest.md'];

/** What is wrong with one comment: a Markdown document that is not in the repository, or an issue number. */
function problemsOf(comment: string): string[] {
  const problems: string[] = [];
  for (const cited of comment.match(MARKDOWN) ?? []) {
    if (!WRITTEN_BY_THE_CODE.includes(cited) && !fs.existsSync(path.join(ROOT, cited))) problems.push(`cites ${cited}, not in the repository`);
  }
  const issue = ISSUE.exec(comment);
  if (issue) problems.push(`cites "${issue[0]}": describe the thing, or point to docs/ or a decision record`);
  return problems;
}

function sources(dir: string): string[] {
  if (SKIPPED.includes(dir) || !fs.existsSync(path.join(ROOT, dir))) return [];
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

/** Repository paths a docs page cites in code spans and blocks (placeholders such as `<area>` or `NNN` aside), and its relative links. */
function citedPaths(page: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
  const tops = new Set([...SCANNED, 'prisma', 'docs']);
  const paths = new Set<string>();
  for (const span of text.match(/```[\s\S]*?```|`[^`\n]+`/g) ?? []) {
    for (const raw of span.replace(/`/g, ' ').split(/\s+/)) {
      const token = raw.replace(/^["']|["',;:.]+$/g, '').split('#')[0];
      if (/[<>*…]|NNN/.test(token) || !token.includes('/')) continue;
      if (tops.has(token.split('/')[0])) paths.add(token);
    }
  }
  for (const [, link] of text.matchAll(/\]\(([^)#\s]+)\)/g)) {
    if (!/^[a-z]+:/.test(link)) paths.add(path.posix.normalize(path.posix.join(path.posix.dirname(page), link)));
  }
  return [...paths].sort();
}

describe('comments point into the repository', () => {
  it.each([
    ['a line comment citing rules.md', '// The latest year (rules.md "Counting").\nconst a = 1;', 1],
    ['a block comment citing style.md', '/** One helper (style.md). */\nexport const b = 2;', 1],
    ['a bare domain.md', '// the glossary of domain.md\nconst c = 3;', 1],
    ['regulations.md after code', 'const d = 4; // Decree 135 (regulations.md)', 1],
    ['an issue and its item', '// The plan report (issue 7, item 3).\nconst e = 5;', 1],
    ['a JSX comment', 'const f = <p>{/* issue 4 */}</p>;', 1],
    ['docs/domain.md and a decision record', '// docs/domain.md, Counting; docs/decisions/005-counting-pipeline.md\nconst g = 6;', 0],
    ['strings and templates', "const h = 'rules.md issue 5'; const i = `// issue 6 ${h} // style.md`;", 0],
    ['JSX text', 'const j = <p>issue 7 of rules.md</p>;', 0],
  ])('the scan sees %s', (_label, source, expected) => {
    const problems = commentsOf('example.tsx', source).flatMap((comment) => problemsOf(comment.text));
    expect(problems).toHaveLength(expected);
  });

  it.each([
    ['a schema comment', '// The 5% lists (issue 6).\nmodel A {\n  url String @default("http://x") // rules.md\n}', '//', 2],
    ['a schema string', 'model A {\n  note String @default("issue 6 // rules.md")\n}', '//', 0],
    ['an SQL comment', "-- Guards (issue 8, item 2).\nSELECT '-- issue 9'; -- style.md", '--', 2],
  ])('the line scan sees %s', (_label, source, marker, expected) => {
    const problems = lineCommentsOf(source, marker as '//' | '--').flatMap((comment) => problemsOf(comment.text));
    expect(problems).toHaveLength(expected);
  });

  it('no comment cites a document outside the repository or an issue number', () => {
    const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
    const files = [...SCANNED.flatMap(sources), ...ROOT_FILES.filter((file) => fs.existsSync(path.join(ROOT, file)))];
    expect(files.length).toBeGreaterThan(100);
    const migrations = fs
      .readdirSync(path.join(ROOT, 'prisma/migrations'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !HISTORICAL_MIGRATIONS.includes(entry.name))
      .map((entry) => `prisma/migrations/${entry.name}/migration.sql`)
      .filter((file) => fs.existsSync(path.join(ROOT, file)));
    const comments = [
      ...files.map((file) => ({ file, comments: commentsOf(file, read(file)) })),
      { file: 'prisma/schema.prisma', comments: lineCommentsOf(read('prisma/schema.prisma'), '//') },
      ...migrations.map((file) => ({ file, comments: lineCommentsOf(read(file), '--') })),
    ];
    const offenders = comments.flatMap(({ file, comments }) =>
      comments.flatMap((comment) => problemsOf(comment.text).map((problem) => `${file}:${comment.line}: ${problem}`)),
    );
    expect(offenders).toEqual([]);
  });
});

describe('the docs pages cite paths that exist', () => {
  it.each(DOC_PAGES)('%s', (page) => {
    const cited = citedPaths(page);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((cited) => !fs.existsSync(path.join(ROOT, cited)))).toEqual([]);
  });

  it('docs/architecture.md maps every folder of lib/', () => {
    const map = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
    const folders = fs
      .readdirSync(path.join(ROOT, 'lib'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'generated')
      .map((entry) => `lib/${entry.name}`);
    expect(folders.filter((folder) => !map.includes(folder))).toEqual([]);
  });
});
