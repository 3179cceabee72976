import { nfc, placeDateLine, upper } from './text';

// The two official layouts of a Vietnamese document, chosen by the kind of the body that issues it (docs/domain.md,
// Organisation: the issuing body's kind `party` or `state` chooses the layout; decision 022):
// - 'party': a Party committee or one of its boards (the Provincial Party Committee's Organizing Committee, numbers
//   `123-BC/BTCTU`), by Hướng dẫn 36-HD/VPTW of 03/04/2018 (Văn phòng Trung ương Đảng), Phụ lục 1 and 2;
// - 'state': a People's Committee or a department, by Nghị định 30/2020/NĐ-CP, Phụ lục I.
// Pure data, no react-pdf: the building blocks of document.tsx and document-header.tsx draw what this describes,
// and the unit tests read it.

export type IssuingBodyKind = 'party' | 'state';

export type IssuingBody = {
  /** The body directly above the issuer, upper case in the header: "Tỉnh ủy Nghệ An", "UBND tỉnh Nghệ An". */
  parent: string;
  /** The issuing body itself, bold upper case: "Ban Tổ chức", "Sở Nội vụ". */
  name: string;
};

/** Type sizes in points, from the Guide's and the Decree's tables (Times New Roman). */
export type LayoutSizes = {
  heading: number; motto: number; parent: number; issuer: number; number: number; placeDate: number;
  titleKind: number; titleSummary: number; body: number; note: number; table: number;
  recipientsHeading: number; recipient: number; signer: number;
};

export type DocumentLayout = {
  kind: IssuingBodyKind;
  sizes: LayoutSizes;
  /** "Số 123-BC/BTCTU" (Party) or "Số: 125/QĐ-UBND" (State). */
  numberPrefix: string;
  /** Signing for a collective body and for the head: "T/M", "K/T" (Party) or "TM.", "KT." (State). */
  onBehalfOf: string;
  deputyFor: string;
  /** The end of each recipient line but the last, which ends with a full stop. */
  recipientEnd: ',' | ';';
  /** The title's summary: in lower case after the document type (Party), or as written (State). */
  summaryLowerFirst: boolean;
};

export const LAYOUTS = {
  party: {
    kind: 'party',
    // Hướng dẫn 36-HD/VPTW, Phụ lục 2: title 15 bold; superior body 14; issuing body 14 bold; number 14; place and
    // date 14 italic; document type 15–16 bold; summary 14–15 bold; text 14–15; "Nơi nhận" 14 underlined and the
    // recipients 12; authority, position and name 14.
    sizes: {
      heading: 15, motto: 15, parent: 14, issuer: 14, number: 14, placeDate: 14, titleKind: 16, titleSummary: 14, body: 14, note: 12, table: 11,
      recipientsHeading: 14, recipient: 12, signer: 14,
    },
    numberPrefix: 'Số ',
    onBehalfOf: 'T/M',
    deputyFor: 'K/T',
    recipientEnd: ',',
    summaryLowerFirst: true,
  },
  state: {
    kind: 'state',
    // Nghị định 30/2020/NĐ-CP, Phụ lục I: national name 12–13 bold; motto 13–14 bold; bodies 12–13; number 13; place
    // and date 13–14 italic; document type 13–14 bold; text 13–14; "Nơi nhận:" 12 bold italic, recipients 11.
    sizes: {
      heading: 12.5, motto: 13.5, parent: 12.5, issuer: 12.5, number: 13, placeDate: 13.5, titleKind: 14, titleSummary: 14, body: 14, note: 12, table: 11,
      recipientsHeading: 12, recipient: 11, signer: 14,
    },
    numberPrefix: 'Số: ',
    onBehalfOf: 'TM.',
    deputyFor: 'KT.',
    recipientEnd: ';',
    summaryLowerFirst: false,
  },
} as const satisfies Record<IssuingBodyKind, DocumentLayout>;

export function layoutOf(kind: IssuingBodyKind): DocumentLayout {
  return LAYOUTS[kind];
}

/** A line of the header: its text as printed and how it is set. `rule`: a line under it, as long as the text ('full') or a short one centred ('short'). */
export type HeaderLine = { text: string; size: number; bold?: boolean; italic?: boolean; rule?: 'full' | 'short' };

/**
 * The header in two columns and two rows, top aligned: the issuing body on the left, the Party's title or the
 * State's national name and motto on the right; then the number on the left level with the place and date on the
 * right. Party: the issuing body is followed by an asterisk "*" (Hướng dẫn 36, ô số 2); State: by a short rule.
 */
export type HeaderContent = { top: { left: HeaderLine[]; right: HeaderLine[] }; bottom: { left: HeaderLine; right: HeaderLine } };

export type DocumentHeaderProps = {
  kind: IssuingBodyKind;
  issuingBody: IssuingBody;
  /** The number and symbol without "Số": "123-BC/BTCTU"; dots ("……-BC/BTCTU") until the document is registered. */
  number: string;
  /** The place of issue (the province): "Nghệ An". */
  place: string;
  /** The date of issue, 'YYYY-MM-DD'. */
  date: string;
};

/** "Số 123-BC/BTCTU" / "Số: 125/QĐ-UBND"; a "Số" or "Số:" already typed in front of the number is not repeated. */
export function numberLine(kind: IssuingBodyKind, number: string): string {
  const bare = nfc(number).trim().replace(/^số\s*:?\s*/iu, '');
  return `${layoutOf(kind).numberPrefix}${bare || '……'}`;
}

export function headerContent({ kind, issuingBody, number, place, date }: DocumentHeaderProps): HeaderContent {
  const s = layoutOf(kind).sizes;
  const bottom = { left: { text: numberLine(kind, number), size: s.number }, right: { text: placeDateLine(place, date), size: s.placeDate, italic: true } };
  switch (kind) {
    case 'party':
      return {
        top: {
          left: [
            { text: upper(issuingBody.parent), size: s.parent },
            { text: upper(issuingBody.name), size: s.issuer, bold: true },
            { text: '*', size: s.issuer },
          ],
          right: [{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', size: s.heading, bold: true, rule: 'full' }],
        },
        bottom,
      };
    case 'state':
      return {
        top: {
          left: [
            { text: upper(issuingBody.parent), size: s.parent },
            { text: upper(issuingBody.name), size: s.issuer, bold: true, rule: 'short' },
          ],
          right: [
            { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size: s.heading, bold: true },
            { text: 'Độc lập - Tự do - Hạnh phúc', size: s.motto, bold: true, rule: 'full' },
          ],
        },
        bottom,
      };
    default:
      return kind satisfies never;
  }
}

/** The title's summary as printed: "phương án điều động, …" after "BÁO CÁO" in a Party document, as written in a State one. */
export function titleSummary(kind: IssuingBodyKind, summary: string): string {
  const text = nfc(summary).trim();
  if (!layoutOf(kind).summaryLowerFirst || text === '') return text;
  const [first, second] = [...text];
  // A leading abbreviation or proper name in capitals ("UBND", "HĐND") keeps its case.
  if (second !== undefined && second === second.toLocaleUpperCase('vi-VN') && second !== second.toLocaleLowerCase('vi-VN')) return text;
  return first.toLocaleLowerCase('vi-VN') + text.slice(first.length);
}

export type Signature = {
  /** Who signs for whom, above the position: "T/M Ban Thường vụ", "K/T Trưởng ban"; none when the head signs. */
  authority?: string;
  /** The signer's position: "Trưởng ban", "Phó Trưởng ban". */
  title: string;
  /** The signer's full name, under the space for the signature; left blank for the signer to write. */
  name?: string;
};

/**
 * The signature of a body run by its head (a board of the Party committee, a department): the head signs directly;
 * a deputy ("Phó …") signs for the head, "K/T TRƯỞNG BAN" over "PHÓ TRƯỞNG BAN" (Hướng dẫn 36 point 1.7;
 * "KT." in a State document).
 */
export function headSignature(kind: IssuingBodyKind, { headTitle, title, name }: { headTitle: string; title?: string | null; name?: string | null }): Signature {
  const position = nfc(title?.trim() || headTitle);
  const deputy = /^phó\s/iu.test(position) && position.toLocaleLowerCase('vi-VN') !== nfc(headTitle).toLocaleLowerCase('vi-VN');
  return { ...(deputy ? { authority: `${layoutOf(kind).deputyFor} ${headTitle}` } : {}), title: position, name: name?.trim() || undefined };
}

/** The recipient lines as printed: "- Thường trực Tỉnh ủy (để báo cáo)," … "- Lưu Văn phòng Ban." (Party; ";" in a State document). */
export function recipientLines(kind: IssuingBodyKind, recipients: string[]): string[] {
  const end = layoutOf(kind).recipientEnd;
  return recipients.map((r, i) => {
    const text = nfc(r).trim().replace(/[,;.]+$/u, '');
    return `- ${text}${i === recipients.length - 1 ? '.' : end}`;
  });
}
