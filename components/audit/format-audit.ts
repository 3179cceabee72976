// Shared by the audit page and its CSV export, so both show the same text.

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "dd/MM/yyyy HH:mm" in Asia/Ho_Chi_Minh. */
export function formatAuditTime(at: Date): string {
  const parts = Object.fromEntries(dateTime.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** Before/after values in one compact line: `{"role":"admin"}`, or empty. */
export function compactJson(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}
