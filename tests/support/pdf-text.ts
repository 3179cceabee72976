import fs from 'node:fs';
import path from 'node:path';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { env } from '../../lib/env';

// The PDF documents' tests read them back the way a user's tools would: pdf.js extracts the text (diacritics
// must survive as NFC) and names the fonts it draws with. With a preview directory each page is also written as
// PNG, to look at.

export type PdfText = { pages: number; text: string };

/** The text of every page as pdf.js extracts it, runs of white space made one space; pages as `<prefix>-N.png` in `preview`. */
export async function readPdf(bytes: Uint8Array | Buffer | ArrayBuffer, preview?: { dir: string; prefix: string }): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes);
  const doc = await pdfjs.getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
    if (preview) await writePng(page, path.join(preview.dir, `${preview.prefix}-${p}.png`));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: parts.join(' ').replace(/\s+/g, ' ') };
}

/** A run of text on a page where pdf.js finds it: x from the left edge and y from the top, in points; its width. */
export type PdfTextItem = { text: string; x: number; y: number; width: number };

/** The text runs of one page with their positions (to check where a header's lines stand). */
export async function readPdfItems(bytes: Uint8Array | Buffer | ArrayBuffer, pageNumber = 1): Promise<PdfTextItem[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes);
  const doc = await pdfjs.getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
  const page = await doc.getPage(pageNumber);
  const height = page.getViewport({ scale: 1 }).height;
  const content = await page.getTextContent();
  const items = content.items.flatMap((item) =>
    'str' in item && item.str.trim() !== '' ? [{ text: item.str, x: item.transform[4], y: height - item.transform[5], width: item.width }] : [],
  );
  await doc.destroy();
  return items;
}

/**
 * The fonts the pages draw with, as pdf.js loads them: the PostScript name without the subset tag
 * ("CZZZZZ+LiberationSerif-Bold" → "LiberationSerif-Bold") and whether the font program is embedded; and the
 * characters drawn with a glyph their font does not have (drawn as an empty box or not at all; spaces aside, which
 * the PDF positions rather than draws).
 */
export async function readPdfFonts(bytes: Uint8Array | Buffer | ArrayBuffer): Promise<{ fonts: { name: string; embedded: boolean }[]; missingGlyphs: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes);
  const doc = await pdfjs.getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
  const fonts = new Map<string, boolean>();
  const missing = new Set<string>();
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const { fnArray, argsArray } = await page.getOperatorList();
    fnArray.forEach((fn, i) => {
      if (fn === pdfjs.OPS.setFont) {
        const font = page.commonObjs.get(argsArray[i][0]) as { name: string; missingFile: boolean };
        fonts.set(font.name.replace(/^[A-Z]{6}\+/, ''), !font.missingFile);
      }
      if (fn === pdfjs.OPS.showText) {
        for (const glyph of argsArray[i][0] as ({ unicode: string; isInFont: boolean } | number | null)[]) {
          if (glyph && typeof glyph === 'object' && !glyph.isInFont && glyph.unicode.trim() !== '') missing.add(glyph.unicode);
        }
      }
    });
  }
  await doc.destroy();
  return {
    fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })).sort((a, b) => a.name.localeCompare(b.name)),
    missingGlyphs: [...missing],
  };
}

/** The text of a PDF file (see readPdf). */
export async function pdfText(file: string): Promise<PdfText> {
  return readPdf(fs.readFileSync(file));
}

/** Where PDF_PREVIEW_DIR asks the pages of one document to go, if it does. */
export function previewDir(name: string): { dir: string; prefix: string } | undefined {
  const root = env.PDF_PREVIEW_DIR;
  return root ? { dir: path.join(root, name), prefix: name } : undefined;
}

// Only with PDF_PREVIEW_DIR: @napi-rs/canvas is pdf.js's optional dependency (a prebuilt binary per platform).
async function writePng(page: PDFPageProxy, file: string) {
  const { createCanvas } = await import('@napi-rs/canvas');
  const viewport = page.getViewport({ scale: 1.5 });
  const canvas = createCanvas(viewport.width, viewport.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, viewport.width, viewport.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, canvas.toBuffer('image/png'));
}
