import fs from 'node:fs';
import path from 'node:path';
import { CliInputError } from './errors';

export type OutputFormat = 'csv' | 'xlsx' | 'pdf';

/** Resolves the path against the directory the user ran npm from and checks format and writability first. */
export function resolveOutput(file: string | undefined, cwd: string, formats: OutputFormat[]): { path: string; format: OutputFormat } {
  if (!file) throw new CliInputError(`Thiếu đường dẫn tệp kết quả (${formats.map((f) => '.' + f).join(' hoặc ')})`);
  const resolved = path.resolve(cwd, file);
  const ext = path.extname(resolved).slice(1).toLowerCase() as OutputFormat;
  if (!formats.includes(ext)) throw new CliInputError(`Định dạng tệp không hỗ trợ: "${file}" (cần ${formats.map((f) => '.' + f).join(' hoặc ')})`);
  return { path: writablePath(resolved), format: ext };
}

/** Checks that `resolved` may be written: its folder exists and is writable, and it is not itself a folder. */
export function writablePath(resolved: string): string {
  const dir = path.dirname(resolved);
  try {
    if (!fs.statSync(dir).isDirectory()) throw new Error();
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new CliInputError(`Không ghi được vào thư mục ${dir}`);
  }
  if (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory()) throw new CliInputError(`${resolved} là một thư mục`);
  return resolved;
}

/** Writes to a temporary name beside the target and renames, so no partial file is ever left. */
export function writeAtomically(target: string, content: string | Buffer) {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new CliInputError(`Không ghi được tệp ${target}: ${(error as NodeJS.ErrnoException).code ?? 'lỗi'}`);
  }
}
