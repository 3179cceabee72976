// Official documents in Vietnamese (decisions 013 and 022): a plain Node module shared by route handlers and the
// command line. The layout, Party (Hướng dẫn 36-HD/VPTW) or State (Nghị định 30/2020/NĐ-CP), follows the kind of the
// issuing body.
export { FONT_FAMILY, FONT_POSTSCRIPT_NAMES, fontsDir, registerFonts } from './fonts';
export { nfc, placeDateLine, upper } from './text';
export {
  LAYOUTS,
  headSignature,
  headerContent,
  layoutOf,
  numberLine,
  recipientLines,
  titleSummary,
  type DocumentHeaderProps,
  type DocumentLayout,
  type HeaderContent,
  type HeaderLine,
  type IssuingBody,
  type IssuingBodyKind,
  type Signature,
} from './layout';
export { DocumentHeader } from './document-header';
export {
  AdministrativeDocument,
  CONTENT_WIDTH,
  DocumentTitle,
  MARGIN,
  PageNumber,
  Paragraph,
  SectionHeading,
  SignatureBlock,
  Subheading,
  Table,
  TableCaption,
  renderPdf,
  styles,
  type Cell,
  type Column,
  type DocumentInfo,
  type TableRow,
} from './document';
export { CompilationDocument, compilationTitle, renderCompilationPdf, type CompilationPdfInput, type CompilationPdfRow } from './compilation';
