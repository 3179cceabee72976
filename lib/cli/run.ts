import type { Db } from '@/lib/db/prisma';
import { parseArgs } from './args';
import { CliInputError, type CliIo } from './errors';
import { exportReport } from './export-report';
import { exportStatus } from './export-status';
import { importWorkbook } from './import';
import { proposeTransfersCommand } from './propose-transfers';
import { snapshotCommand } from './snapshot';

export const USAGE = `Cách dùng: npm run data -- <lệnh>
  export status <tệp.csv|tệp.xlsx> [--province MÃ] [--year YYYY]   Tình hình biên chế từng xã
  export report <tệp.pdf|tệp.xlsx> [--date dd/MM/yyyy] [--province MÃ]  Báo cáo phương án điều động, luân chuyển, biệt phái (mặc định hôm nay)
  import <tệp.xlsx|tệp.zip|thư mục> [--dry-run]                    Nhập tệp dữ liệu của tỉnh (--dry-run: chỉ kiểm tra)
  snapshot [--province MÃ] [--date dd/MM/yyyy]                     Ghi lại số liệu của tỉnh cho một ngày (mặc định hôm nay)
  propose transfers <tệp.csv|tệp.xlsx> [--province MÃ] [--old-district TÊN]   Phương án điều động đề xuất (không thay đổi dữ liệu)`;

type Command = { name: string; matches: (positional: string[]) => boolean; run: (db: Db, args: ReturnType<typeof parseArgs>, io: CliIo) => Promise<void> };

const COMMANDS: Command[] = [
  { name: 'export status', matches: (p) => p[0] === 'export' && p[1] === 'status', run: exportStatus },
  { name: 'export report', matches: (p) => p[0] === 'export' && p[1] === 'report', run: exportReport },
  { name: 'import', matches: (p) => p[0] === 'import', run: importWorkbook },
  { name: 'snapshot', matches: (p) => p[0] === 'snapshot', run: snapshotCommand },
  { name: 'propose transfers', matches: (p) => p[0] === 'propose' && p[1] === 'transfers', run: proposeTransfersCommand },
];

/** Runs one command; returns the exit code (0 success, 1 bad input, 2 internal error). */
export async function runCli(argv: string[], io: CliIo, openDb: () => Promise<{ db: Db; close: () => Promise<void> }>): Promise<number> {
  const args = parseArgs(argv);
  const command = COMMANDS.find((c) => c.matches(args.positional));
  if (!command) {
    io.err(args.positional.length ? `Lệnh không hợp lệ: ${args.positional.join(' ')}\n${USAGE}` : USAGE);
    return 1;
  }
  let connection: Awaited<ReturnType<typeof openDb>> | undefined;
  try {
    connection = await openDb();
    await command.run(connection.db, args, io);
    return 0;
  } catch (error) {
    if (error instanceof CliInputError) {
      io.err(`Lỗi: ${error.message}`);
      return 1;
    }
    io.err(`Lỗi hệ thống: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await connection?.close();
  }
}
