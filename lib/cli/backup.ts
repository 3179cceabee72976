import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, BackupRefusal, checkBackup, restoreDatabase, tablesWithRows } from '@/lib/db/backup';
import type { Db } from '@/lib/db/prisma';
import { allowOnly, type ParsedArgs } from './args';
import { CliInputError, type CliConnection, type CliIo } from './errors';
import { writablePath } from './output-file';

// `backup <file>` and `restore <file> [--replace]` (docs/decisions/035-backups-and-a-lost-database.md): the
// whole of the app's data, as the schema's owner. A bad file, a file that is no backup or comes from a newer
// version, or a database that holds data (without --replace): a Vietnamese message, exit 1, nothing changed.

const REFUSALS: Record<BackupRefusal['code'], (p: Record<string, string>) => string> = {
  notABackup: (p) => `Tệp ${p.file} không phải bản sao lưu của Biên chế (tạo bằng npm run data -- backup): không thay đổi gì`,
  truncated: (p) => `Bản sao lưu ${p.file} không đầy đủ (tệp bị cắt hoặc hỏng): không thay đổi gì`,
  notMigrated: (p) => `Cơ sở dữ liệu ${p.database} chưa có cấu trúc của ứng dụng (chưa chạy migration): không có gì để sao lưu`,
  newerMigration: (p) =>
    `Bản sao lưu ${p.file} được tạo bởi một phiên bản mới hơn của ứng dụng (migration ${p.migration}): hãy cập nhật ứng dụng rồi khôi phục lại; không thay đổi gì`,
  changedMigration: (p) => `Migration ${p.migration} của bản sao lưu ${p.file} khác với migration cùng tên của phiên bản này: không thay đổi gì`,
  schemaMismatch: (p) => `Bảng ${p.table} dựng lại từ các migration không khớp với bản sao lưu ${p.file}: dữ liệu chưa được khôi phục`,
  notEmpty: (p) =>
    `Cơ sở dữ liệu ${p.database} đang có dữ liệu (${p.count} bảng có dòng, như ${p.tables}): không thay đổi gì. ` +
    'Thêm --replace để xoá toàn bộ dữ liệu hiện có và thay bằng bản sao lưu',
  inUse: () => 'Cơ sở dữ liệu đang được dùng (ứng dụng còn chạy?): hãy dừng ứng dụng rồi chạy lại lệnh khôi phục',
  notOwner: (p) =>
    `Vai trò ${p.role} không có quyền trên mọi bảng của ứng dụng: hãy đặt MIGRATION_DATABASE_URL là vai trò sở hữu schema (README, mục Sao lưu và khôi phục)`,
};

async function refusalsAsInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupRefusal) throw new CliInputError(REFUSALS[error.code](error.params));
    throw error;
  }
}

function onePath(args: ParsedArgs, missing: string): string {
  if (args.positional.length > 2) throw new CliInputError(`Thừa tham số: ${args.positional.slice(2).join(' ')}`);
  const file = args.positional[1];
  if (!file) throw new CliInputError(missing);
  return file;
}

/** `backup <file>`: one consistent snapshot of every table, written to a temporary name and renamed when complete. */
export async function backupCommand(_db: Db, args: ParsedArgs, io: CliIo, connection: CliConnection) {
  allowOnly(args, []);
  const file = writablePath(path.resolve(io.cwd, onePath(args, 'Thiếu đường dẫn tệp sao lưu cần ghi (ví dụ bien-che.backup)')));
  const summary = await refusalsAsInput(() => backupDatabase(connection.ownerUrl, file));
  io.out(
    `Đã sao lưu cơ sở dữ liệu ${summary.database} vào ${file}: ${summary.tables} bảng, ${summary.rows} dòng, ` +
      `một ảnh chụp nhất quán lúc ${summary.takenAt} (giờ UTC).`,
  );
}

function readableFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliInputError(`Không tìm thấy tệp ${file}`);
  }
  if (stat.isDirectory()) throw new CliInputError(`${file} là một thư mục, không phải tệp sao lưu`);
  try {
    fs.accessSync(file, fs.constants.R_OK);
    fs.closeSync(fs.openSync(file, 'r'));
  } catch {
    throw new CliInputError(`Không đọc được tệp ${file}`);
  }
  return file;
}

/**
 * `restore <file> [--replace]`: checks the whole file first, refuses a database holding data unless --replace,
 * rebuilds the schema and loads the rows as the owner, then applies this version's later migrations and the
 * runtime role's grants.
 */
export async function restoreCommand(_db: Db, args: ParsedArgs, io: CliIo, connection: CliConnection) {
  allowOnly(args, [], ['replace']);
  const file = readableFile(path.resolve(io.cwd, onePath(args, 'Thiếu đường dẫn tệp sao lưu cần khôi phục')));
  await refusalsAsInput(async () => {
    const checked = await checkBackup(file);
    const current = await tablesWithRows(connection.ownerUrl);
    if (current.tables.length > 0 && !args.options.has('replace')) {
      throw new BackupRefusal('notEmpty', { database: current.database, count: String(current.tables.length), tables: current.tables.slice(0, 3).join(', ') });
    }
    await restoreDatabase(connection.ownerUrl, file, checked);
    await connection.migrate();
    io.out(
      `Đã khôi phục ${file} (cơ sở dữ liệu ${checked.header.database}, sao lưu lúc ${checked.header.takenAt} giờ UTC) vào ${current.database}: ` +
        `${checked.header.tables.length} bảng, ${checked.rows} dòng; đã áp dụng migration và cấp lại quyền cho vai trò của ứng dụng.`,
    );
  });
}
