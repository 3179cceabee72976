// The app's icon (a gold star on the administration's red), written into each page's head as a data address rather
// than served as a file: on a slow link the browser's separate request for it would cost a round trip (400 ms on
// slow 3G) after the page has loaded (docs/decisions/051-no-web-font-and-brotli-assets.md). 216 bytes.
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="8" fill="#b42318"/><path fill="#fcd34d" d="M20 8.5l3.1 9.2h9.7l-7.8 5.7 3 9.2L20 26.9l-7.9 5.7 3-9.2-7.8-5.7h9.7z"/></svg>';

export const APP_ICON = `data:image/svg+xml,${encodeURIComponent(SVG)}`;
