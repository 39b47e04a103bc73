// The negotiated listing (协议转让) in the portal: its names, the holder's form fields, body and detail rows, the
// investor's rows and the named buyer's accept/decline. The listing pages look it up (index.js).
import { html, nothing } from 'lit';
import { t } from '../../i18n.js';
import { time } from '../../format.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const negotiated = Object.freeze({
  code: 'NEGOTIATED',
  names: {
    en: { holder: 'Negotiated', investor: 'Negotiated', dataroom: 'negotiated' },
    'zh-CN': { holder: '协议转让', investor: '协议转让', dataroom: '协议转让' },
  },

  holderFields(f) {
    return html`
      ${f.field('listing-buyer', 'listings.buyer', '', 'listings.hint.buyer')}
      ${f.field('listing-price', 'listings.pricePerUnit', '', 'listings.hint.price')}
      ${f.field('listing-expires', 'listings.expiresAt', f.expiresDefault, 'listings.hint.time')}`;
  },

  holderBody(body, input) {
    body.buyer = input.value('listing-buyer');
    if (!ID.test(body.buyer)) input.problem('listing-buyer', 'holder.check.id');
    body.price = input.amount('listing-price', input.PRICE_SCALE);
    const expiresAt = input.instant('listing-expires', true);
    if (expiresAt !== undefined) body.expiresAt = expiresAt;
  },

  holderRows(l, { row, money, zone }) {
    return html`
      ${row('listings.buyer', l.buyer ?? t('app.none'), 'listing-buyer-id')}
      ${row('listings.pricePerUnit', money(l.price), 'listing-price-value')}
      ${row('listings.expiresAt', l.expiresAt ? time(l.expiresAt, zone) : t('listings.noExpiry'), 'listing-expires-at')}`;
  },

  investorRows(l, field, { fundMoney, fund, zone }) {
    return html`
      ${field('investor.listing.price', fundMoney(l.price, fund), 'listing-price')}
      ${field('investor.listing.parties', t('investor.listing.partiesValue', { seller: l.seller ?? 'P1', buyer: l.buyer ?? 'P2' }), 'listing-parties')}
      ${l.expiresAt ? field('investor.listing.expires', time(l.expiresAt, zone), 'listing-expires') : nothing}`;
  },

  /** The named buyer's accept and decline while the listing is open. */
  investorPanel(page, l) {
    if (l.status !== 'OPEN') return nothing;
    return html`<div class="fx-actions">
      <p>${t('investor.negotiated.named')}</p>
      <button type="button" id="listing-accept" ?disabled=${page.busy}
        @click=${() => page.write(`/listings/${l.listingId}/accept`, {}, 'investor.negotiated.accepted')}>${t('investor.negotiated.accept')}</button>
      <button type="button" id="listing-decline" class="fx-secondary" ?disabled=${page.busy}
        @click=${() => page.write(`/listings/${l.listingId}/decline`, {}, 'investor.negotiated.declined')}>${t('investor.negotiated.decline')}</button>
    </div>`;
  },
});
