import type { ReactElement, ReactNode } from 'react';
import { Document, Page, Text, View } from '@react-pdf/renderer';
import { Table, renderPdf, type TableRow } from './document';
import { translatorFor } from '@/lib/i18n/translator';
import { FONT_FAMILY } from './fonts';
import { nfc, upper } from './text';

// The personal history form every paper dossier carries: "Sơ yếu lý lịch cán bộ, công chức", mẫu 2C-BNV/2008
// (Quyết định 02/2008/QĐ-BNV of the Ministry of Home Affairs), in the form's own layout, not the Party or State
// document layout (docs/decisions/039-completeness-search-personal-history.md): its header, its numbered fields,
// its tables, "Người khai" and the certification of the managing body. A4, Liberation Serif (Times New Roman's
// metrics), text extractable. A field the product does not hold is printed as the form's dotted line, to be filled
// in by hand: nothing is invented.

export type EducationLevel = 'intermediate' | 'college' | 'university' | 'master' | 'doctorate';
export type UnitRef = { name: string; kind: 'commune' | 'ward' | 'department' };
type DecisionRef = { number: string; date: string; body: string };

/** The record as held (lib/db/personal-history-queries.ts findPersonalHistory); dates ISO, null when not held. */
export type PersonalHistory = {
  code: string;
  provinceName: string;
  unit: UnitRef | null;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  placeOfBirth: string | null;
  homeTown: string | null;
  ethnicity: string | null;
  religion: string | null;
  homeAddress: string | null;
  recruitment: { date: string; body: string } | null;
  currentPosts: { title: string; unit: UnitRef; isPrimary: boolean }[];
  rankCode: string | null;
  salaryStep: number | null;
  salaryCoefficient: number | null;
  salaryEffectiveOn: string | null;
  education: EducationLevel;
  field: string | null;
  politicalTheory: 'none' | 'elementary' | 'intermediate' | 'advanced' | null;
  stateManagement: 'specialist' | 'principal_specialist' | 'senior_specialist' | null;
  partyJoinDate: string | null;
  partyOfficialDate: string | null;
  nationalId: string | null;
  educations: { degree: EducationLevel; field: string; institution: string | null; year: number | null; mode: string | null }[];
  trainings: { name: string; institution: string | null; startDate: string | null; endDate: string | null; certificate: string | null }[];
  recognitions: { kind: 'award' | 'discipline'; form: string; decisionNumber: string; decisionDate: string; issuer: string | null }[];
  posts: { startDate: string; endDate: string | null; title: string; unit: UnitRef; isPrimary: boolean; decision: DecisionRef | null }[];
};

const EDUCATION: Record<EducationLevel, string> = {
  intermediate: 'Trung cấp', college: 'Cao đẳng', university: 'Đại học', master: 'Thạc sĩ', doctorate: 'Tiến sĩ',
};
const POLITICAL_THEORY = { none: 'Chưa qua đào tạo', elementary: 'Sơ cấp', intermediate: 'Trung cấp', advanced: 'Cao cấp' } as const;
const STATE_MANAGEMENT = { specialist: 'Chuyên viên', principal_specialist: 'Chuyên viên chính', senior_specialist: 'Chuyên viên cao cấp' } as const;

/** The form's dotted line for a value the product does not hold. */
export const DOTS = '……………………';
const LONG_DOTS = '……………………………………………………';

/** A field of expertise by its catalogue code ("party_work" → "Công tác Đảng, đoàn thể"); free text as written. */
function fieldLabel(field: string): string {
  const t = translatorFor('vi');
  return t.has(`fields.${field}`) ? t(`fields.${field}`) : field;
}

const MM = 72 / 25.4;
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 25 * MM, right: 15 * MM } as const;

const or = (value: string | number | null | undefined, dots = DOTS) => (value === null || value === undefined || String(value).trim() === '' ? dots : String(value));
const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null);
const monthYear = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const coefficient = (value: number) => value.toFixed(2).replace('.', ',');

/** A unit as the form writes it: "Xã Nga My", "Phường Vinh Phú", a department by its name. */
export function unitLabel(unit: UnitRef): string {
  if (unit.kind === 'department') return unit.name;
  return `${unit.kind === 'ward' ? 'Phường' : 'Xã'} ${unit.name}`;
}

/** The post history's second column: the post, the unit, and the decision that gave it when recorded. */
export function postDescription(post: PersonalHistory['posts'][number]): string {
  const what = `${post.title}, ${unitLabel(post.unit)}${post.isPrimary ? '' : ' (kiêm nhiệm)'}`;
  if (!post.decision) return what;
  return `${what}; Quyết định số ${post.decision.number} ngày ${dmy(post.decision.date)} của ${post.decision.body}`;
}

function Line({ children }: { children: ReactNode }): ReactElement {
  return <Text style={{ marginBottom: 2.5, textAlign: 'left' }}>{children}</Text>;
}

function Heading({ children }: { children: string }): ReactElement {
  return <Text style={{ fontWeight: 700, marginTop: 8, marginBottom: 3 }} minPresenceAhead={60}>{nfc(children)}</Text>;
}

const empty = (count: number, columns: number): TableRow[] => Array.from({ length: count }, () => ({ cells: Array.from({ length: columns }, () => ' ') }));

export function PersonalHistoryDocument({ person }: { person: PersonalHistory }): ReactElement {
  const [birthYear, birthMonth, birthDay] = person.birthDate.split('-');
  const primary = person.currentPosts.find((p) => p.isPrimary) ?? null;
  const concurrent = person.currentPosts.filter((p) => !p.isPrimary);
  const currentPosts = person.currentPosts.length
    ? [primary ? `${primary.title}, ${unitLabel(primary.unit)}` : null, ...concurrent.map((p) => `kiêm ${p.title}, ${unitLabel(p.unit)}`)].filter(Boolean).join('; ')
    : null;
  const awards = person.recognitions.filter((r) => r.kind === 'award');
  const disciplines = person.recognitions.filter((r) => r.kind === 'discipline');
  const recognition = (list: typeof awards) =>
    list.length ? list.map((r) => `${r.form} (Quyết định số ${r.decisionNumber} ngày ${dmy(r.decisionDate)}${r.issuer ? ` của ${r.issuer}` : ''})`).join('; ') : null;
  const highest = person.field ? `${EDUCATION[person.education]}, chuyên ngành ${fieldLabel(person.field)}` : EDUCATION[person.education];
  const training: TableRow[] = [
    ...person.educations.map((e) => ({ cells: [or(e.institution, ''), fieldLabel(e.field), e.year ? `Năm ${e.year}` : '', or(e.mode, ''), EDUCATION[e.degree]] })),
    ...person.trainings.map((t) => ({
      cells: [or(t.institution, ''), t.name, [t.startDate ? monthYear(t.startDate) : '', t.endDate ? monthYear(t.endDate) : ''].filter(Boolean).join(' - '), '', or(t.certificate, '')],
    })),
  ];
  const posts: TableRow[] = person.posts.map((p) => ({
    cells: [`${monthYear(p.startDate)} - ${p.endDate ? monthYear(p.endDate) : 'nay'}`, postDescription(p)],
  }));
  const salary: TableRow[] =
    person.salaryCoefficient !== null || person.rankCode
      ? [{
          cells: [
            person.salaryEffectiveOn ? monthYear(person.salaryEffectiveOn) : '',
            [person.rankCode ?? '', person.salaryStep !== null ? String(person.salaryStep) : ''].filter(Boolean).join('/'),
            person.salaryCoefficient !== null ? coefficient(person.salaryCoefficient) : '',
          ],
        }]
      : empty(2, 3);
  const page = {
    fontFamily: FONT_FAMILY, fontSize: 13, lineHeight: 1.3, color: '#000000',
    paddingTop: MARGIN.top, paddingBottom: MARGIN.bottom + 8, paddingLeft: MARGIN.left, paddingRight: MARGIN.right,
  };
  return (
    <Document title={nfc(`Sơ yếu lý lịch ${person.fullName}`)} author="Biên chế" creator="Biên chế" producer="Biên chế" language="vi-VN">
      <Page size="A4" style={page} wrap>
        <View style={{ flexDirection: 'row', justifyContent: 'space-between', fontSize: 11 }}>
          <View style={{ width: '62%' }}>
            <Text>{nfc(`Cơ quan, đơn vị có thẩm quyền quản lý CBCC: ${DOTS}`)}</Text>
            <Text>{nfc(`Cơ quan, đơn vị sử dụng CBCC: ${person.unit ? unitLabel(person.unit) : DOTS}`)}</Text>
          </View>
          <View style={{ width: '36%', alignItems: 'flex-end' }}>
            <Text style={{ fontStyle: 'italic' }}>Mẫu 2C-BNV/2008</Text>
            <Text>{nfc(`Số hiệu cán bộ, công chức: ${person.code}`)}</Text>
          </View>
        </View>
        <View style={{ flexDirection: 'row', marginTop: 10, marginBottom: 8 }}>
          <View style={{ width: 85, height: 113, borderWidth: 0.75, borderColor: '#000000', justifyContent: 'center', alignItems: 'center' }}>
            <Text style={{ fontSize: 10, textAlign: 'center' }}>{nfc('Ảnh màu')}</Text>
            <Text style={{ fontSize: 10, textAlign: 'center' }}>(4 x 6 cm)</Text>
          </View>
          <View style={{ flexGrow: 1, justifyContent: 'center', alignItems: 'center' }}>
            <Text style={{ fontSize: 15, fontWeight: 700 }}>{nfc('SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC')}</Text>
          </View>
        </View>
        <Line>{nfc(`1) Họ và tên khai sinh (viết chữ in hoa): ${upper(person.fullName)}`)}</Line>
        <Line>{nfc(`2) Tên gọi khác: ${DOTS}`)}</Line>
        <Line>{nfc(`3) Sinh ngày: ${birthDay} tháng ${birthMonth} năm ${birthYear}, Giới tính (nam, nữ): ${person.gender === 'male' ? 'Nam' : 'Nữ'}`)}</Line>
        <Line>{nfc(`4) Nơi sinh: ${or(person.placeOfBirth, LONG_DOTS)}`)}</Line>
        <Line>{nfc(`5) Quê quán: ${or(person.homeTown, LONG_DOTS)}`)}</Line>
        <Line>{nfc(`6) Dân tộc: ${or(person.ethnicity)}, 7) Tôn giáo: ${or(person.religion)}`)}</Line>
        <Line>{nfc(`8) Nơi đăng ký hộ khẩu thường trú: ${LONG_DOTS}`)}</Line>
        <Line>{nfc(`9) Nơi ở hiện nay: ${or(person.homeAddress, LONG_DOTS)}`)}</Line>
        <Line>{nfc(`10) Nghề nghiệp khi được tuyển dụng: ${LONG_DOTS}`)}</Line>
        <Line>{nfc(`11) Ngày tuyển dụng: ${or(dmy(person.recruitment?.date ?? null))}, Cơ quan tuyển dụng: ${or(person.recruitment?.body)}`)}</Line>
        <Line>{nfc(`12) Chức vụ (chức danh) hiện tại: ${or(currentPosts, LONG_DOTS)}`)}</Line>
        <Line>{nfc(`13) Công việc chính được giao: ${LONG_DOTS}`)}</Line>
        <Line>
          {nfc(
            `14) Ngạch công chức (viên chức): ${DOTS}, Mã ngạch: ${or(person.rankCode)}; Bậc lương: ${or(person.salaryStep)}, ` +
              `Hệ số: ${or(person.salaryCoefficient === null ? null : coefficient(person.salaryCoefficient))}, Ngày hưởng: ${or(dmy(person.salaryEffectiveOn))}; ` +
              `Phụ cấp chức vụ: ${DOTS}, Phụ cấp khác: ${DOTS}`,
          )}
        </Line>
        <Line>{nfc(`15.1- Trình độ giáo dục phổ thông: ${DOTS}`)}</Line>
        <Line>{nfc(`15.2- Trình độ chuyên môn cao nhất: ${highest}`)}</Line>
        <Line>
          {nfc(
            `15.3- Lý luận chính trị: ${or(person.politicalTheory ? POLITICAL_THEORY[person.politicalTheory] : null)}; ` +
              `15.4- Quản lý nhà nước: ${or(person.stateManagement ? STATE_MANAGEMENT[person.stateManagement] : null)}`,
          )}
        </Line>
        <Line>{nfc(`15.5- Ngoại ngữ: ${DOTS}; 15.6- Tin học: ${DOTS}`)}</Line>
        <Line>{nfc(`16) Ngày vào Đảng Cộng sản Việt Nam: ${or(dmy(person.partyJoinDate))}, Ngày chính thức: ${or(dmy(person.partyOfficialDate))}`)}</Line>
        <Line>{nfc(`17) Ngày tham gia tổ chức chính trị - xã hội: ${LONG_DOTS}`)}</Line>
        <Line>{nfc(`18) Ngày nhập ngũ: ${DOTS}, Ngày xuất ngũ: ${DOTS}, Quân hàm cao nhất: ${DOTS}`)}</Line>
        <Line>{nfc(`19) Danh hiệu được phong tặng cao nhất: ${LONG_DOTS}`)}</Line>
        <Line>{nfc(`20) Sở trường công tác: ${LONG_DOTS}`)}</Line>
        <Line>{nfc(`21) Khen thưởng: ${or(recognition(awards), LONG_DOTS)}`)}</Line>
        <Line>{nfc(`22) Kỷ luật: ${or(recognition(disciplines), LONG_DOTS)}`)}</Line>
        <Line>{nfc(`23) Tình trạng sức khỏe: ${DOTS}, Chiều cao: ${DOTS}, Cân nặng: ${DOTS}, Nhóm máu: ${DOTS}`)}</Line>
        <Line>{nfc(`24) Là thương binh hạng: ${DOTS}, Là con gia đình chính sách: ${DOTS}`)}</Line>
        <Line>{nfc(`25) Số chứng minh nhân dân (số định danh cá nhân): ${or(person.nationalId)}, Ngày cấp: ${DOTS}`)}</Line>
        <Line>{nfc(`26) Số sổ BHXH: ${DOTS}`)}</Line>

        <Heading>27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC</Heading>
        <Table
          columns={[
            { header: 'Tên trường', width: 3 },
            { header: 'Chuyên ngành đào tạo, bồi dưỡng', width: 3 },
            { header: 'Từ tháng, năm - đến tháng, năm', width: 2, align: 'center' },
            { header: 'Hình thức đào tạo', width: 2 },
            { header: 'Văn bằng, chứng chỉ, trình độ gì', width: 2 },
          ]}
          rows={training.length ? training : empty(2, 5)}
        />

        <Heading>28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC</Heading>
        <Table
          columns={[
            { header: 'Từ tháng, năm đến tháng, năm', width: 1, align: 'center' },
            { header: 'Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội), kể cả thời gian được đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ', width: 3 },
          ]}
          rows={posts.length ? posts : empty(2, 2)}
        />

        <Heading>29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN</Heading>
        <Line>{nfc(`a) Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, những vấn đề gì? Bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, chức vụ, thời gian làm việc...): ${LONG_DOTS}`)}</Line>
        <Line>{nfc(`b) Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài (làm gì, tổ chức nào, đặt trụ sở ở đâu...): ${LONG_DOTS}`)}</Line>
        <Line>{nfc(`c) Có thân nhân (cha, mẹ, vợ, chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ...): ${LONG_DOTS}`)}</Line>

        <Heading>30) QUAN HỆ GIA ĐÌNH</Heading>
        <Text style={{ marginBottom: 2 }}>{nfc('a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột')}</Text>
        <Table
          columns={[
            { header: 'Mối quan hệ', width: 2 },
            { header: 'Họ và tên', width: 3 },
            { header: 'Năm sinh', width: 1.5, align: 'center' },
            { header: 'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội...', width: 6 },
          ]}
          rows={empty(3, 4)}
        />
        <Text style={{ marginBottom: 2 }}>{nfc('b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột')}</Text>
        <Table
          columns={[
            { header: 'Mối quan hệ', width: 2 },
            { header: 'Họ và tên', width: 3 },
            { header: 'Năm sinh', width: 1.5, align: 'center' },
            { header: 'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội...', width: 6 },
          ]}
          rows={empty(3, 4)}
        />

        <Heading>31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC</Heading>
        <Table
          columns={[
            { header: 'Tháng/năm', width: 1, align: 'center' },
            { header: 'Mã ngạch/bậc', width: 1, align: 'center' },
            { header: 'Hệ số lương', width: 1, align: 'center' },
          ]}
          rows={salary}
        />

        <Heading>32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC</Heading>
        <Line>{nfc(LONG_DOTS)}</Line>
        <Line>{nfc(LONG_DOTS)}</Line>

        <View style={{ flexDirection: 'row', marginTop: 14 }} wrap={false}>
          <View style={{ width: '45%', alignItems: 'center' }}>
            <Text style={{ fontWeight: 700 }}>{nfc('Người khai')}</Text>
            <Text style={{ fontSize: 12, textAlign: 'center' }}>{nfc('Tôi xin cam đoan những lời khai trên đây là đúng sự thật')}</Text>
            <Text style={{ fontSize: 12, fontStyle: 'italic' }}>{nfc('(Ký tên, ghi rõ họ tên)')}</Text>
            <View style={{ height: 60 }} />
            <Text style={{ fontWeight: 700 }}>{nfc(person.fullName)}</Text>
          </View>
          <View style={{ width: '55%', alignItems: 'center' }}>
            <Text style={{ fontStyle: 'italic' }}>{nfc(`${DOTS}, Ngày ...... tháng ...... năm ........`)}</Text>
            <Text style={{ fontWeight: 700, textAlign: 'center' }}>{nfc('Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC')}</Text>
            <Text style={{ fontSize: 12, fontStyle: 'italic' }}>{nfc('(Ký tên, đóng dấu)')}</Text>
          </View>
        </View>
        <Text
          style={{ position: 'absolute', top: 841.89 - MARGIN.bottom * 0.75, left: MARGIN.left, right: MARGIN.right, textAlign: 'center', fontSize: 10 }}
          fixed
          render={({ pageNumber, totalPages }) => `Trang ${pageNumber}/${totalPages}`}
        />
      </Page>
    </Document>
  );
}

/** The form as PDF bytes. */
export async function renderPersonalHistoryPdf(person: PersonalHistory): Promise<Buffer> {
  return renderPdf(<PersonalHistoryDocument person={person} />);
}

/** The file name of the download and the command's default: `so-yeu-ly-lich-<code>.pdf`. */
export const personalHistoryFileName = (code: string) => `so-yeu-ly-lich-${code.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`;
