import type { MessageKey, MessageParams } from '@/lib/actions/result';
import { refuse } from './define-route';

/**
 * An upload's body, read as it arrives and refused (413, `tooLarge`) as soon as it passes `cap` bytes, or at once
 * when its announced length does; no body is `missing` (400). Uploads are streaming route handlers with their own
 * cap, since a server action takes 1 MB (docs/decisions/047-commune-workbook.md).
 */
export async function readCappedBody(
  request: Request,
  cap: number,
  refusals: { tooLarge: MessageKey; missing: MessageKey; params?: MessageParams },
): Promise<Uint8Array> {
  const announced = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(announced) && announced > cap) refuse(413, refusals.tooLarge, refusals.params);
  if (!request.body) refuse(400, refusals.missing);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      refuse(413, refusals.tooLarge, refusals.params);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
