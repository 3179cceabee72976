import { CliInputError } from './errors';

export type ParsedArgs = { positional: string[]; options: Map<string, string | true> };

/** `a b --flag --key value --key=value`. Unknown options are refused by each command. */
export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) options.set(key, inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options.set(key, argv[++i]);
    else options.set(key, true);
  }
  return { positional, options };
}

export function allowOnly(args: ParsedArgs, allowed: string[], booleans: string[] = []) {
  for (const [key, value] of args.options) {
    if (!allowed.includes(key) && !booleans.includes(key)) throw new CliInputError(`Tuỳ chọn không hợp lệ: --${key}`);
    if (booleans.includes(key) && value !== true) throw new CliInputError(`Tuỳ chọn --${key} không nhận giá trị`);
    if (allowed.includes(key) && value === true) throw new CliInputError(`Tuỳ chọn --${key} cần một giá trị`);
  }
}

export function optionString(args: ParsedArgs, key: string): string | undefined {
  const v = args.options.get(key);
  return typeof v === 'string' ? v : undefined;
}
