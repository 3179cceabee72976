// A workbook upload between its dry run and its apply (decisions 008 and 010): how it stands and whether it may be
// applied. The stored status is checked or applied; "ready" and "problems" are read from the dry run's report.

export const IMPORT_UPLOAD_STATUSES = ['ready', 'problems', 'applied'] as const;
export type ImportUploadStatus = (typeof IMPORT_UPLOAD_STATUSES)[number];

/** `clean`: the latest dry run found no problem. */
export type UploadState = { status: 'checked' | 'applied'; clean: boolean };

export function importUploadStatus(upload: UploadState): ImportUploadStatus {
  if (upload.status === 'applied') return 'applied';
  return upload.clean ? 'ready' : 'problems';
}

export type ApplyUploadProblem = 'imports.errors.alreadyApplied' | 'imports.errors.hasProblems';

/** An upload is applied once, and only when its dry run found no problem (the engine checks it again on apply). */
export function applyUploadProblem(upload: UploadState): ApplyUploadProblem | null {
  switch (importUploadStatus(upload)) {
    case 'applied':
      return 'imports.errors.alreadyApplied';
    case 'problems':
      return 'imports.errors.hasProblems';
    case 'ready':
      return null;
  }
}
