import localFont from 'next/font/local';

// The one web font: Be Vietnam Pro in two files (regular, semibold), each the Latin and Vietnamese subsets merged
// and cut to the characters Vietnamese pages use (scripts/fonts/build.sh; docs/decisions/046-light-pages-and-cached-figures.md).
// Medium (500) renders with the regular file and bold (700) with the semibold one, so no weight is synthesised.
// `display: optional` with a size-adjusted fallback: text never shifts when the font arrives (CLS 0); on a slow
// first visit the fallback stays until the next page, which has the font from the cache.
export const beVietnamPro = localFont({
  src: [
    { path: './be-vietnam-pro-400.woff2', weight: '400', style: 'normal' },
    { path: './be-vietnam-pro-600.woff2', weight: '600', style: 'normal' },
  ],
  display: 'optional',
  variable: '--font-be-vietnam-pro',
  fallback: ['ui-sans-serif', 'system-ui', 'Segoe UI', 'Roboto', 'Arial', 'sans-serif'],
  adjustFontFallback: 'Arial',
});
