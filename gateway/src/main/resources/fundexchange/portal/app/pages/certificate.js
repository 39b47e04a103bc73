// Transaction certificates (docs/rules.md, "Transaction certificates"): a settled trade's bilingual PDF and its
// detached signature by the exchange's key (GET /trades/{id}/certificate and .sig), saved as two files, for the
// trade's parties. Small on purpose, so a transfers page need not load anything else for it.
import { html, nothing } from 'lit';
import { t, addMessages } from '../i18n.js';

/** The download button of a trade's certificate, or nothing before its final settlement. */
export function certificateButton(page, trade) {
  if (trade.status !== 'SETTLED') return nothing;
  return html`<button type="button" class="fx-link" data-certificate=${trade.tradeId}
    @click=${() => downloadCertificate(page, trade.tradeId)}>${t('certificate.download')}</button>`;
}

/** Saves the certificate and its signature as the gateway names them; a refusal is reported by the page's shell. */
async function downloadCertificate(page, tradeId) {
  try {
    const client = page.context.client;
    const pdf = await client.signedFetch('GET', `/trades/${tradeId}/certificate`);
    const signature = await client.signedFetch('GET', `/trades/${tradeId}/certificate.sig`);
    save(pdf.body, `certificate-${tradeId}.pdf`);
    save(signature.body, `certificate-${tradeId}.pdf.sig`);
  } catch (error) {
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
  en: { 'certificate.download': 'Certificate (PDF + signature)', 'certificate.column': 'Certificate' },
  'zh-CN': { 'certificate.download': '交易凭证（PDF 及签名）', 'certificate.column': '交易凭证' },
});
