// What the holder pages share: their base element (PortalPage with the outcome line the holder and staff pages name
// `holder-outcome`), input checks in the API's grammar, times typed in the platform zone, fund names, and the
// holder's words for states (a mechanism's names are its module's, which ../mechanisms/index.js registers).
import { addMessages } from '../../i18n.js';
import { PortalPage } from '../portal-page.js';
import { renderCheck } from '../input.js';

export { amountProblem, wholeProblem, UNITS_SCALE, PRICE_SCALE } from '../input.js';
export { zonedToEpoch, epochToZoned } from '../../zoned.js';
export { loadFunds, fundLabel } from '../funds.js';

/** A holder page: a PortalPage whose outcome line is `holder-outcome`, with the check messages of its forms. */
export class HolderPage extends PortalPage {
  static outcomeId = 'holder-outcome';

  /** A form field's check message, or nothing. */
  static renderCheck(problem, id) {
    return renderCheck(problem, id);
  }
}

addMessages({
  en: {
    'holder.check.time': 'Enter a time as yyyy-mm-dd hh:mm.',
    'holder.check.required': 'Required.',
    'holder.check.id': 'Letters, digits, ".", "_" and "-" (at most 64).',
    'holder.fund': 'Fund',
    'holder.none': 'Nothing to show.',
    'holder.timesIn': 'Times in {zone}',
    'listingStatus.PENDING_APPROVAL': 'Awaiting approval',
    'listingStatus.OPEN': 'Open',
    'listingStatus.EXECUTED': 'Executed',
    'listingStatus.CANCELLED': 'Cancelled',
    'listingStatus.EXPIRED': 'Expired',
    'orderStatus.OPEN': 'Open',
    'orderStatus.FILLED': 'Filled',
    'orderStatus.CANCELLED': 'Cancelled',
    'side.BUY': 'Buy',
    'side.SELL': 'Sell',
    'transferStatus.PENDING_SETTLEMENT': 'Awaiting settlement',
    'transferStatus.SETTLED': 'Settled',
    'transferStatus.FAILED': 'Failed',
    'bidStatus.ACTIVE': 'Active',
    'bidStatus.CANCELLED': 'Cancelled',
    'bidStatus.WON': 'Won',
    'bidStatus.LOST': 'Lost',
    'bidStatus.PASSED_OVER': 'Passed over',
  },
  'zh-CN': {
    'holder.check.time': '请按 yyyy-mm-dd hh:mm 输入时间。',
    'holder.check.required': '必填。',
    'holder.check.id': '由字母、数字、“.”、“_”和“-”组成（最多 64 个字符）。',
    'holder.fund': '基金',
    'holder.none': '暂无内容。',
    'holder.timesIn': '时间均为 {zone} 时间',
    'listingStatus.PENDING_APPROVAL': '待审核',
    'listingStatus.OPEN': '挂牌中',
    'listingStatus.EXECUTED': '已成交',
    'listingStatus.CANCELLED': '已撤销',
    'listingStatus.EXPIRED': '已过期',
    'orderStatus.OPEN': '未成交',
    'orderStatus.FILLED': '已成交',
    'orderStatus.CANCELLED': '已撤单',
    'side.BUY': '买入',
    'side.SELL': '卖出',
    'transferStatus.PENDING_SETTLEMENT': '待交收',
    'transferStatus.SETTLED': '已交收',
    'transferStatus.FAILED': '交收失败',
    'bidStatus.ACTIVE': '有效',
    'bidStatus.CANCELLED': '已撤销',
    'bidStatus.WON': '中标',
    'bidStatus.LOST': '未中标',
    'bidStatus.PASSED_OVER': '未获采纳',
  },
});
