/** An expected failure: bad input from the user. Exit code 1, message shown as is (Vietnamese). */
export class CliInputError extends Error {}

export type CliIo = { out: (line: string) => void; err: (line: string) => void; cwd: string };
