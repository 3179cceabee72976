import fs from 'node:fs';
import path from 'node:path';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

// The PDF documents' tests read them back the way a user's tools would: pdf.js extracts the text (diacritics
// must survive as NFC). With a preview directory each page is also written as PNG, to look at.

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

/** The text of a PDF file (see readPdf). */
export async function pdfText(file: string): Promise<PdfText> {
  return readPdf(fs.readFileSync(file));
}

/** Where PDF_PREVIEW_DIR asks the pages of one document to go, if it does. */
export function previewDir(name: string): { dir: string; prefix: string } | undefined {
  return process.env.PDF_PREVIEW_DIR ? { dir: path.join(process.env.PDF_PREVIEW_DIR, name), prefix: name } : undefined;
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
