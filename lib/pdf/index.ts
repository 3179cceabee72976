// PDF documents in Vietnamese (decision 013): a plain Node module shared by route handlers and the command line.
export { FONT_FAMILY, fontsDir, registerFonts } from './fonts';
export { nfc, placeDateLine, upper } from './text';
export {
  AdministrativeDocument,
  CONTENT_WIDTH,
  DocumentHeader,
  DocumentTitle,
  MARGIN,
  PageNumber,
  Paragraph,
  SectionHeading,
  SignatureBlock,
  Table,
  renderPdf,
  styles,
  type Cell,
  type Column,
  type DocumentInfo,
  type Issuer,
  type Signature,
  type TableRow,
} from './document';
export { CompilationDocument, compilationTitle, renderCompilationPdf, type CompilationPdfInput, type CompilationPdfRow } from './compilation';
