// Transaction certificates (docs/rules.md, "Transaction certificates"): a settled trade's bilingual PDF and its
// detached signature by the exchange's key (GET /trades/{id}/certificate and .sig), one button and one file each
// (a browser blocks a second download from one click). Small on purpose, so a transfers page loads nothing else for it.
import { html, nothing } from 'lit';
import { t, addMessages } from '../i18n.js';

/** The trade's two download buttons (PDF, signature), or nothing before its final settlement. */
export function certificateButton(page, trade) {
  if (trade.status !== 'SETTLED') return nothing;
  const id = trade.tradeId;
  return html`<button type="button" class="fx-link" data-certificate=${id} data-certificate-file="pdf"
    @click=${event => download(page, event.currentTarget, `/trades/${id}/certificate`, `certificate-${id}.pdf`)}
    >${t('certificate.pdf')}</button>
    <button type="button" class="fx-link" data-certificate=${id} data-certificate-file="sig"
    @click=${event => download(page, event.currentTarget, `/trades/${id}/certificate.sig`, `certificate-${id}.pdf.sig`)}
    >${t('certificate.signature')}</button>`;
}

/**
 * Saves one file as the gateway names it; the button keeps the answer's HTTP status (data-certificate-status), and a
 * refusal is reported by the page's shell.
 */
async function download(page, button, path, name) {
  button.removeAttribute('data-certificate-status');
  try {
    const answer = await page.context.client.signedFetch('GET', path);
    save(answer.body, name);
    button.dataset.certificateStatus = String(answer.status);
  } catch (error) {
    button.dataset.certificateStatus = String(error.status ?? 'error');
    page.context.report(error);
  }
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

addMessages({
  en: { 'certificate.pdf': 'Certificate (PDF)', 'certificate.signature': 'Signature (.sig)', 'certificate.column': 'Certificate' },
  'zh-CN': { 'certificate.pdf': '交易凭证（PDF）', 'certificate.signature': '签名文件（.sig）', 'certificate.column': '交易凭证' },
});
