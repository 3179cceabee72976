import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Next prefetches every link that comes into view: on a page with a menu of ten sections that is ten more requests,
// each rendering the layout on the server (the session, the header's counts), and on a weak connection they hold
// the page's loading open. Every link of the product says `prefetch={false}` (docs/decisions/049-light-pages-and-throughput.md).
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return full.endsWith('.tsx') ? [full] : [];
  });
}

describe('links never prefetch', () => {
  it('every <Link> of the pages and components has prefetch={false}', () => {
    const offenders: string[] = [];
    let links = 0;
    for (const file of [...sources('app'), ...sources('components')]) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/<Link\b([^>]*?)>/gs)) {
        links++;
        if (!/\bprefetch=\{false\}/.test(match[1])) offenders.push(`${file}:${text.slice(0, match.index).split('\n').length}`);
      }
    }
    expect(links).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
});
