// The one source of "today" for business logic (rules.md "Time and dates"): Asia/Ho_Chi_Minh,
// overridable with APP_TODAY=YYYY-MM-DD for tests and the demo.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function today(): string {
  const override = process.env.APP_TODAY;
  if (override) {
    if (!ISO_DATE.test(override)) throw new Error(`APP_TODAY phải có dạng YYYY-MM-DD, nhận được "${override}"`);
    return override;
  }
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

export function currentYear(): number {
  return Number(today().slice(0, 4));
}
