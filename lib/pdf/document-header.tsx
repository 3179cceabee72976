import type { ReactElement } from 'react';
import { Text, View } from '@react-pdf/renderer';
import { headerContent, type DocumentHeaderProps, type HeaderLine } from './layout';

// The header of an official document, Party or State by the issuing body's kind (layout.ts says what each prints):
// two columns, the issuing body on the left and the Party's title or the State's national name and motto on the
// right, each line centred in its column; then the number on the left, level with the place and date in italics
// on the right. A function component without hooks (document.tsx says why).

const COLUMNS = {
  // The right column is as wide as its longest line needs: "ĐẢNG CỘNG SẢN VIỆT NAM" at 15 pt, "CỘNG HÒA XÃ HỘI CHỦ
  // NGHĨA VIỆT NAM" at 12.5 pt, "Nghệ An, ngày 10 tháng 11 năm 2025" at 14 pt.
  party: { left: '43%', right: '57%' },
  state: { left: '38%', right: '62%' },
} as const;

function Line({ line }: { line: HeaderLine }): ReactElement {
  const text = (
    <Text style={{ fontSize: line.size, fontWeight: line.bold ? 700 : 400, fontStyle: line.italic ? 'italic' : 'normal', textAlign: 'center', lineHeight: 1.2 }}>
      {line.text}
    </Text>
  );
  if (line.rule === 'full') {
    // A box shrunk to the text (alignSelf centre) draws its bottom border exactly as long as the text.
    return <View style={{ alignSelf: 'center', borderBottomWidth: 0.75, borderBottomColor: '#000000', paddingBottom: 1 }}>{text}</View>;
  }
  if (line.rule === 'short') {
    return (
      <View>
        {text}
        <View style={{ alignSelf: 'center', width: '36%', borderBottomWidth: 0.75, borderBottomColor: '#000000', marginTop: 1 }} />
      </View>
    );
  }
  return text;
}

export function DocumentHeader(props: DocumentHeaderProps): ReactElement {
  const { top, bottom } = headerContent(props);
  const widths = COLUMNS[props.kind];
  return (
    <View>
      <View style={{ flexDirection: 'row' }}>
        <View style={{ width: widths.left, alignItems: 'center', paddingRight: 4 }}>
          {top.left.map((line, i) => <Line key={i} line={line} />)}
        </View>
        <View style={{ width: widths.right, alignItems: 'center' }}>
          {top.right.map((line, i) => <Line key={i} line={line} />)}
        </View>
      </View>
      <View style={{ flexDirection: 'row', marginTop: 4 }}>
        <View style={{ width: widths.left, alignItems: 'center', paddingRight: 4 }}>
          <Line line={bottom.left} />
        </View>
        <View style={{ width: widths.right, alignItems: 'center' }}>
          <Line line={bottom.right} />
        </View>
      </View>
    </View>
  );
}
