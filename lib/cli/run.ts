import { isDatabaseUnavailable } from '@/lib/db/errors';
import type { Db } from '@/lib/db/prisma';
import { parseArgs } from './args';
import { backupCommand, restoreCommand } from './backup';
import { CliFailure, CliInputError, type CliConnection, type CliIo } from './errors';
import { exportReport } from './export-report';
import { exportStatus } from './export-status';
import { exportPeople } from './export-people';
import { exportCompleteness } from './export-completeness';
import { exportPersonalHistory } from './export-personal-history';
import { exportStructure } from './export-structure';
import { forecastCommand } from './forecast';
import { importWorkbook } from './import';
import { proposeTransfersCommand } from './propose-transfers';
import { remindCommand } from './remind';
import { snapshotCommand } from './snapshot';

export const USAGE = `Cách dùng: npm run data -- <lệnh>
  export status <tệp.csv|tệp.xlsx> [--province MÃ] [--year YYYY]   Tình hình biên chế từng xã
  export people <tệp.csv|tệp.xlsx> [--province MÃ] [--unit MÃ] [--changed-since dd/MM/yyyy]  Cán bộ, công chức đang công tác (tệp trao đổi với cơ sở dữ liệu quốc gia)
  export structure <tệp.csv|tệp.xlsx> [--province MÃ] [--date dd/MM/yyyy]  Cơ cấu nữ, trẻ, dân tộc thiểu số của cán bộ, công chức và chức danh chủ chốt từng xã
  export completeness <tệp.csv|tệp.xlsx> [--province MÃ]          Mức đầy đủ của hồ sơ cán bộ, công chức từng xã (số định danh, dân tộc, ngạch, hệ số lương)
  export personal-history <mã cán bộ> <tệp.pdf> [--province MÃ]    In Sơ yếu lý lịch (mẫu 2C-BNV/2008) của một người
  export report <tệp.pdf|tệp.xlsx> [--date dd/MM/yyyy] [--province MÃ]  Báo cáo phương án điều động, luân chuyển, biệt phái (mặc định hôm nay)
  import <tệp.xlsx|tệp.zip|thư mục> [--dry-run]                    Nhập tệp dữ liệu của tỉnh (--dry-run: chỉ kiểm tra)
         [--max-rows N] [--max-cells N] [--max-inflated-mb N]       Giới hạn của lần nhập (mặc định IMPORT_MAX_*: 200.000 dòng mỗi sheet, 4.000.000 ô, 100 MB khi giải nén)
  forecast <tệp.csv|tệp.xlsx> [--province MÃ] [--from dd/MM/yyyy] [--years N]  Dự báo biên chế từng xã, từng khối đến cuối mỗi năm (mặc định từ hôm nay, 5 năm)
  snapshot [--province MÃ] [--date dd/MM/yyyy]                     Ghi lại số liệu của tỉnh cho một ngày (mặc định hôm nay)
  propose transfers <tệp.csv|tệp.xlsx> [--province MÃ] [--old-district TÊN]   Phương án điều động đề xuất (không thay đổi dữ liệu)
  remind [--dry-run]                                               Gửi mỗi người dùng có địa chỉ thư một bản tin việc đến hạn, quá hạn hoặc mới (--dry-run: chỉ in ra)
  backup <tệp>                                                     Sao lưu toàn bộ dữ liệu vào tệp (một ảnh chụp nhất quán)
  restore <tệp> [--replace]                                        Khôi phục bản sao lưu vào cơ sở dữ liệu trống (--replace: thay dữ liệu hiện có)`;

/** The one sentence for a database that is unreachable or went away (docs/decisions/035-backups-and-a-lost-database.md). */
export const DATABASE_UNAVAILABLE =
  'Không kết nối được cơ sở dữ liệu hoặc kết nối bị ngắt giữa chừng (PostgreSQL đã dừng, sai địa chỉ hay cổng, hoặc bị quản trị viên ngắt), ' +
  'lệnh đã dừng. Hãy kiểm tra máy chủ PostgreSQL (hoặc DATABASE_URL) rồi chạy lại lệnh';

type Command = {
  name: string;
  matches: (positional: string[]) => boolean;
  run: (db: Db, args: ReturnType<typeof parseArgs>, io: CliIo, connection: CliConnection) => Promise<void>;
};

const COMMANDS: Command[] = [
  { name: 'export status', matches: (p) => p[0] === 'export' && p[1] === 'status', run: exportStatus },
  { name: 'export people', matches: (p) => p[0] === 'export' && p[1] === 'people', run: exportPeople },
  { name: 'export structure', matches: (p) => p[0] === 'export' && p[1] === 'structure', run: exportStructure },
  { name: 'export completeness', matches: (p) => p[0] === 'export' && p[1] === 'completeness', run: exportCompleteness },
  { name: 'forecast', matches: (p) => p[0] === 'forecast', run: forecastCommand },
  { name: 'export personal-history', matches: (p) => p[0] === 'export' && p[1] === 'personal-history', run: exportPersonalHistory },
  { name: 'export report', matches: (p) => p[0] === 'export' && p[1] === 'report', run: exportReport },
  { name: 'import', matches: (p) => p[0] === 'import', run: importWorkbook },
  { name: 'snapshot', matches: (p) => p[0] === 'snapshot', run: snapshotCommand },
  { name: 'propose transfers', matches: (p) => p[0] === 'propose' && p[1] === 'transfers', run: proposeTransfersCommand },
  { name: 'remind', matches: (p) => p[0] === 'remind', run: remindCommand },
  { name: 'backup', matches: (p) => p[0] === 'backup', run: backupCommand },
  { name: 'restore', matches: (p) => p[0] === 'restore', run: restoreCommand },
];

/**
 * Runs one command; returns the exit code (0 success, 1 bad input, 2 internal error, the database unreachable or
 * lost among them: one sentence, no stack trace).
 */
export async function runCli(argv: string[], io: CliIo, openDb: () => Promise<CliConnection>): Promise<number> {
  const args = parseArgs(argv);
  const command = COMMANDS.find((c) => c.matches(args.positional));
  if (!command) {
    io.err(args.positional.length ? `Lệnh không hợp lệ: ${args.positional.join(' ')}\n${USAGE}` : USAGE);
    return 1;
  }
  let connection: Awaited<ReturnType<typeof openDb>> | undefined;
  try {
    connection = await openDb();
    await command.run(connection.db, args, io, connection);
    return 0;
  } catch (error) {
    if (error instanceof CliInputError) {
      io.err(`Lỗi: ${error.message}`);
      return 1;
    }
    if (error instanceof CliFailure) {
      io.err(`Lỗi: ${error.message}`);
      return 2;
    }
    if (isDatabaseUnavailable(error)) {
      io.err(`Lỗi: ${DATABASE_UNAVAILABLE}`);
      return 2;
    }
    io.err(`Lỗi hệ thống: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    // Closing a connection the server already ended must not turn the answer above into a crash.
    await connection?.close().catch(() => {});
  }
}
