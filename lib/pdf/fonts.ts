import fs from 'node:fs';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';

// The PDF documents' one typeface: Be Vietnam Pro (SIL OFL 1.1, ./fonts/OFL.txt), full TTFs copied into the
// repository from @expo-google-fonts/be-vietnam-pro@0.4.1 (decision 013). react-pdf's built-in Helvetica has no
// Vietnamese glyphs (the text comes out garbled); a TTF embeds every glyph with its ToUnicode map, so the text
// stays extractable.

export const FONT_FAMILY = 'Be Vietnam Pro';

const FILES = [
  { file: 'BeVietnamPro_400Regular.ttf', fontWeight: 400, fontStyle: 'normal' },
  { file: 'BeVietnamPro_400Regular_Italic.ttf', fontWeight: 400, fontStyle: 'italic' },
  { file: 'BeVietnamPro_700Bold.ttf', fontWeight: 700, fontStyle: 'normal' },
  { file: 'BeVietnamPro_700Bold_Italic.ttf', fontWeight: 700, fontStyle: 'italic' },
] as const;

/**
 * The folder holding the TTFs: `PDF_FONTS_DIR` when set, else `lib/pdf/fonts` under the working directory. The
 * route runs inside Next's server bundle, where this file's own location is not the source folder; `next start`,
 * `npm run data` and vitest all run from the repository root.
 */
export function fontsDir(): string {
  const candidates = [process.env.PDF_FONTS_DIR, path.resolve(process.cwd(), 'lib/pdf/fonts')].filter((d): d is string => Boolean(d));
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, FILES[0].file)));
  if (!found) throw new Error(`Không tìm thấy phông chữ PDF (${FILES[0].file}) trong: ${candidates.join(', ')}. Chạy lệnh từ thư mục gốc của dự án hoặc đặt PDF_FONTS_DIR.`);
  return found;
}

let registered = false;

/** Registers Be Vietnam Pro (regular, italic, bold, bold italic) with react-pdf once per process. */
export function registerFonts(): void {
  if (registered) return;
  const dir = fontsDir();
  Font.register({
    family: FONT_FAMILY,
    fonts: FILES.map(({ file, fontWeight, fontStyle }) => ({ src: path.join(dir, file), fontWeight, fontStyle })),
  });
  // Vietnamese is written in syllables separated by spaces: break lines between words only, never inside one
  // (react-pdf's default English hyphenation would split "nghĩa" into "ngh-ĩa").
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
