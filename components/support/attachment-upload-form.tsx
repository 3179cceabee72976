import { getTranslations } from 'next-intl/server';

/**
 * A file for a support request: a plain multipart form posted to the streaming upload route (a server action takes
 * 1 MB; docs/decisions/044-support-requests-and-working-groups.md). The answer is the request's page again with its
 * notice, or the refusal's message (too large, refused type, out of scope) and nothing stored. No JavaScript needed.
 */
export async function AttachmentUploadForm({ requestId, maxMb }: { requestId: number; maxMb: number }) {
  const t = await getTranslations('support.attachments');
  return (
    <form
      action={`/api/support/${requestId}/attachments`}
      method="post"
      encType="multipart/form-data"
      className="mt-3 flex max-w-2xl flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-xs"
      data-testid="attach-form"
    >
      <div className="min-w-0 grow">
        <label htmlFor="attach-file" className="text-sm font-medium text-stone-800">{t('file')}</label>
        <input
          id="attach-file" name="file" type="file" required accept=".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.odt,.ods" aria-describedby="attach-hint"
          className="mt-1 block w-full text-sm"
        />
        <p id="attach-hint" className="mt-1 text-xs text-stone-600">{t('hint', { mb: maxMb })}</p>
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800">{t('submit')}</button>
    </form>
  );
}
