import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { AUDIT_EVENT_NAMES } from '@/lib/audit/events';
import { POLICY } from '@/lib/auth/policy';
import en from '@/lib/i18n/messages/en.json';
import vi from '@/lib/i18n/messages/vi.json';
import { defaultMessage } from '@/lib/i18n/translator';

// Messages at the edge (docs/decisions/003-english-identifiers-vietnamese-messages.md): lib/domain, lib/db and
// lib/actions return message keys with parameters; every sentence is rendered from the catalogues. A string that
// holds a Vietnamese letter in those folders is a sentence written in code. The catalogues are twins: every key
// in both languages with the same placeholders, and every key the code under lib/ names exists in both.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['lib/domain', 'lib/db', 'lib/actions'];

/** Every letter of Vietnamese that carries a diacritic (tone marks, breve, circumflex, horn, đ), lower case, NFC. */
const VIETNAMESE_LETTERS =
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';

function hasVietnameseLetter(text: string): boolean {
  const lower = text.normalize('NFC').toLocaleLowerCase('vi');
  return [...lower].some((char) => VIETNAMESE_LETTERS.includes(char));
}

/**
 * Literals that are data, not sentences, each named by file and exact text, with the reason. Keep this list short:
 * anything a reader sees belongs in lib/i18n/messages.
 */
const DATA_LITERALS: { file: string; text: string; reason: string }[] = [
  { file: 'lib/domain/vietnamese.ts', text: '/đ/g', reason: 'search folding: đ is a letter of its own, which NFD does not split' },
  { file: 'lib/domain/vietnamese.ts', text: '/Đ/g', reason: 'search folding: Đ is a letter of its own, which NFD does not split' },
];

type Literal = { file: string; line: number; text: string };

/** String literals, templates without substitutions, the parts of a template, regular expressions and JSX text. */
function literalsOf(file: string, source: string): Literal[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) =>
    found.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1, text });
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) add(node, node.text);
    else if (ts.isJsxText(node) || ts.isRegularExpressionLiteral(node)) add(node, node.text);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function sources(dir: string): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

describe('no Vietnamese sentence in lib/domain, lib/db, lib/actions', () => {
  test.each<[string, string, string[]]>([
    ['a string literal', "throw new Error('Không tìm thấy xã');", ['Không tìm thấy xã']],
    ['a template without substitutions', 'const a = `Đã lưu`;', ['Đã lưu']],
    ['the parts of a template', 'const a = `Xã ${code} không thuộc tỉnh ${province}.`;', ['Xã ', ' không thuộc tỉnh ']],
    ['JSX text', 'const a = <p>Chưa có dữ liệu</p>;', ['Chưa có dữ liệu']],
    ['a letter in NFD', `const a = '${'Nghệ An'.normalize('NFD')}';`, ['Nghệ An'.normalize('NFD')]],
    ['đ alone', "const a = 'đ';", ['đ']],
    ['a comment is not a literal', '// Không tìm thấy xã\n/* Đã lưu */ const a = 1;', []],
    ['a regular expression', 'const a = /^(Huyện|Thị xã)\\s/u;', ['/^(Huyện|Thị xã)\\s/u']],
    ['English and a message key', "throw new Refusal('roster.errors.notFound'); const b = 'no commune';", []],
  ])('%s', (_label, source, expected) => {
    const file = source.includes('<p>') ? 'x.tsx' : 'x.ts';
    expect(literalsOf(file, source).filter((literal) => hasVietnameseLetter(literal.text)).map((literal) => literal.text)).toEqual(expected);
  });

  test('every literal in the scanned folders is free of Vietnamese letters', () => {
    const files = SCANNED.flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .flatMap((file) => literalsOf(file, fs.readFileSync(path.join(ROOT, file), 'utf8')))
      .filter((literal) => hasVietnameseLetter(literal.text))
      .filter((literal) => !DATA_LITERALS.some((data) => data.file === literal.file && data.text === literal.text))
      .map((literal) => `${literal.file}:${literal.line} ${JSON.stringify(literal.text)}`);
    expect(offenders).toEqual([]);
  });

  test('every exemption still matches a literal (none outlives its code)', () => {
    const stale = DATA_LITERALS.filter(
      (data) => !literalsOf(data.file, fs.readFileSync(path.join(ROOT, data.file), 'utf8')).some((literal) => literal.text === data.text),
    );
    expect(stale).toEqual([]);
  });
});

type Catalogue = Record<string, unknown>;

/** The catalogue's leaves by their full key ("roster.errors.notFound"); anything but a string is reported as such. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [[prefix, node]];
  return Object.entries(node as Catalogue).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

function lookup(messages: Catalogue, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Catalogue)[part] : undefined), messages);
}

/**
 * The names of an ICU message's arguments, inside plural and select branches too ("{count, plural, one {# người}
 * other {# người}}" has `count`). The catalogues quote no braces, so apostrophes are plain text here.
 */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  let at = 0;
  const readUntil = (stops: string) => {
    const start = at;
    while (at < message.length && !stops.includes(message[at])) at++;
    return message.slice(start, at).trim();
  };
  const readText = () => {
    while (at < message.length && message[at] !== '}') {
      if (message[at] === '{') {
        at++;
        readArgument();
      } else at++;
    }
  };
  const readArgument = () => {
    names.add(readUntil(',}'));
    if (message[at++] === '}') return;
    const type = readUntil(',}');
    if (message[at++] === '}') return;
    if (type === 'plural' || type === 'select' || type === 'selectordinal') {
      while (at < message.length && message[at] !== '}') {
        if (message[at] === '{') {
          at++;
          readText();
        }
        at++;
      }
      at++;
    } else {
      readUntil('}');
      at++;
    }
  };
  readText();
  return [...names].sort();
}

/**
 * Arguments a language spells another way, by key: the value is the argument of the same meaning. An old
 * district's name is passed twice, as named and with its prefix in lower case for the middle of a Vietnamese
 * sentence (lib/i18n/plan-messages.ts); a position's title in each language it is stored in (`titleVi`, `titleEn`).
 */
const SAME_ARGUMENT: Record<string, Record<string, string>> = {
  'transferPlan.explanations.scope.oldDistrict': { nameInSentence: 'name' },
  'roster.errors.keyPlaceTaken': { positionEn: 'position' },
};

const argumentsOf = (key: string, message: string) =>
  [...new Set(placeholders(message).map((name) => SAME_ARGUMENT[key]?.[name] ?? name))].sort();

describe('the catalogues are twins', () => {
  test.each<[string, string, string[]]>([
    ['plain text', 'Đã lưu.', []],
    ['two arguments', 'Xã {commune}: {count} người', ['commune', 'count']],
    ['a formatted argument', 'Ngày {date, date, short}', ['date']],
    ['a plural with # and an argument in a branch', '{count, plural, =0 {không ai} one {# người ở {commune}} other {# người}}', ['commune', 'count']],
    ['a select whose branch names look like arguments', "The commune's {block, select, party_front {Party–Front} other {government}} block", ['block']],
  ])('placeholders of %s', (_label, message, expected) => {
    expect(placeholders(message)).toEqual(expected);
  });

  const viLeaves = new Map(leaves(vi));
  const enLeaves = new Map(leaves(en));

  test('every key is in both languages', () => {
    expect([...viLeaves.keys()].filter((key) => !enLeaves.has(key)).map((key) => `missing in en: ${key}`)).toEqual([]);
    expect([...enLeaves.keys()].filter((key) => !viLeaves.has(key)).map((key) => `missing in vi: ${key}`)).toEqual([]);
  });

  test('every message is a non-empty string', () => {
    const bad = ([['vi', viLeaves], ['en', enLeaves]] as const).flatMap(([language, messages]) =>
      [...messages].filter(([, message]) => typeof message !== 'string' || message.trim() === '').map(([key, message]) => `${language}: ${key} = ${JSON.stringify(message)}`),
    );
    expect(bad).toEqual([]);
  });

  test('both languages of a key take the same arguments', () => {
    const differ = [...viLeaves]
      .filter(([key, message]) => typeof message === 'string' && typeof enLeaves.get(key) === 'string')
      .map(([key, message]) => ({ key, vi: argumentsOf(key, message as string), en: argumentsOf(key, enLeaves.get(key) as string) }))
      .filter(({ vi: viArguments, en: enArguments }) => viArguments.join() !== enArguments.join())
      .map(({ key, vi: viArguments, en: enArguments }) => `${key}: vi {${viArguments.join(', ')}} en {${enArguments.join(', ')}}`);
    expect(differ).toEqual([]);
  });
});

describe('every message key the code names exists in both catalogues', () => {
  const KEY_SHAPE = /^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+$/;
  const namespaces = new Set(Object.keys(vi));
  // Names of the same shape that are not message keys: the policy's permissions and the audit events (whose
  // labels are audit.actions.<name>, checked by tests/unit/audit-contract.test.ts).
  const notMessages = new Set<string>([...Object.keys(POLICY), ...AUDIT_EVENT_NAMES]);

  /** A key names a message (a string) or, as the prefix a code is joined to, a namespace (an object). */
  const resolves = (messages: Catalogue, key: string) => {
    const node = lookup(messages, key);
    return typeof node === 'string' || (node !== null && typeof node === 'object');
  };

  test('every literal key under lib/ resolves in vi and in en', () => {
    const named = sources('lib')
      .flatMap((file) => literalsOf(file, fs.readFileSync(path.join(ROOT, file), 'utf8')))
      .filter((literal) => KEY_SHAPE.test(literal.text) && namespaces.has(literal.text.split('.')[0]) && !notMessages.has(literal.text));
    expect(named.length).toBeGreaterThan(200);
    const missing = named.flatMap((literal) =>
      (['vi', 'en'] as const)
        .filter((language) => !resolves(language === 'vi' ? vi : en, literal.text))
        .map((language) => `${literal.file}:${literal.line} ${literal.text} (missing in ${language})`),
    );
    expect(missing).toEqual([]);
  });
});

describe("the operator's messages", () => {
  test('are rendered from the catalogue in the default language, Vietnamese', () => {
    expect(defaultMessage('system.database.unknownProvince', { code: 'ZZ' })).toBe('Không có tỉnh mã "ZZ"');
    expect(defaultMessage('system.database.unsupportedVersion', { major: '18' })).toBe('PostgreSQL 18 chưa được hỗ trợ: hãy dùng PostgreSQL 15–17.');
  });

  test('a port or a mode passed as text reads as written, not as a grouped number', () => {
    const message = defaultMessage('system.embeddedPostgres.startFailed', { dir: '/srv/.data/pg', port: '54500', detail: 'EADDRINUSE' });
    expect(message).toBe('Không khởi động được PostgreSQL nhúng tại /srv/.data/pg (cổng 54500). Cổng có thể đang bị chiếm, hoặc thư mục dữ liệu hỏng. Chi tiết: EADDRINUSE');
    expect(defaultMessage('system.embeddedPostgres.notTraversable', { dir: '/root', mode: '700' })).toContain('(quyền 700)');
  });
});
