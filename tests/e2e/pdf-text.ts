import fs from 'node:fs';

/** The text of every page of a PDF file as pdf.js extracts it, runs of white space made one space. */
export async function pdfText(file: string): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), useSystemFonts: false, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await doc.destroy();
  return { pages: doc.numPages, text: parts.join(' ').replace(/\s+/g, ' ') };
}
