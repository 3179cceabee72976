import fs from 'node:fs';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';
import { env } from '@/lib/env';

// The official documents' typeface. Hướng dẫn 36-HD/VPTW (Party) and Nghị định 30/2020/NĐ-CP (State) ask for
// Vietnamese characters per TCVN 6909:2001, Times New Roman in practice, which is proprietary and cannot be
// shipped. Liberation Serif 2.1.5 (SIL OFL 1.1, ./fonts/LiberationSerif-OFL.txt), copied unmodified from Debian's
// fonts-liberation2, has Times New Roman's metrics (a line breaks where it would in Word) and every Vietnamese
// letter (decision 022). A TTF embeds the glyphs used with their ToUnicode map, so the text stays extractable;
// react-pdf's built-in Times-Roman has no Vietnamese glyphs.

export const FONT_FAMILY = 'Liberation Serif';

/** The PostScript names of the embedded faces (a PDF names them `ABCDEF+LiberationSerif-Bold`). */
export const FONT_POSTSCRIPT_NAMES = ['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-Italic', 'LiberationSerif-BoldItalic'] as const;

const FILES = [
  { file: 'LiberationSerif-Regular.ttf', fontWeight: 400, fontStyle: 'normal' },
  { file: 'LiberationSerif-Italic.ttf', fontWeight: 400, fontStyle: 'italic' },
  { file: 'LiberationSerif-Bold.ttf', fontWeight: 700, fontStyle: 'normal' },
  { file: 'LiberationSerif-BoldItalic.ttf', fontWeight: 700, fontStyle: 'italic' },
] as const;

/**
 * The folder holding the TTFs: `PDF_FONTS_DIR` when set, else `lib/pdf/fonts` under the working directory. The
 * route runs inside Next's server bundle, where this file's own location is not the source folder; `next start`,
 * `npm run data` and vitest all run from the repository root.
 */
export function fontsDir(): string {
  const candidates = [env.PDF_FONTS_DIR, path.resolve(process.cwd(), 'lib/pdf/fonts')].filter((d): d is string => Boolean(d));
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, FILES[0].file)));
  if (!found) throw new Error(`Không tìm thấy phông chữ PDF (${FILES[0].file}) trong: ${candidates.join(', ')}. Chạy lệnh từ thư mục gốc của dự án hoặc đặt PDF_FONTS_DIR.`);
  return found;
}

let registered = false;

/** Registers Liberation Serif (regular, italic, bold, bold italic) with react-pdf once per process. */
export function registerFonts(): void {
  if (registered) return;
  const dir = fontsDir();
  Font.register({
    family: FONT_FAMILY,
    fonts: FILES.map(({ file, fontWeight, fontStyle }) => ({ src: path.join(dir, file), fontWeight, fontStyle })),
  });
  // Vietnamese is written in syllables separated by spaces: break lines between words only, never inside one
  // (react-pdf's default hyphenation would split "nghĩa" into "ngh-ĩa").
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
