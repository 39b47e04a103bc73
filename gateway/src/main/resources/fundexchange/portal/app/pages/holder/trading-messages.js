// The holder's non-listed trading pages' messages, English and Chinese with the same keys.
import { addMessages } from '../../i18n.js';
import '../trading/messages.js';

addMessages({
  en: {
    'otc.holder.offers.intro': 'Display shares without listing them and take price inquiries. The units offered stay locked while the offer rests; investors see a teaser (fund, units, ask, lot) and never your name or cost.',
    'otc.holder.offers.post': 'Post an offer',
    'otc.holder.offers.mine': 'My offers',
    'otc.holder.offers.submit': 'Post the offer',
    'otc.holder.available': '{units} available',
    'otc.holder.minLotHint': 'The smallest lot a quote may take (the whole remainder when less is left).',
    'otc.holder.visibilityHint': 'A teaser for everyone, or only for investors qualified today.',
    'otc.holder.withdraw': 'Withdraw',
    'otc.holder.quotes.intro': 'Quotes investors made on your offers. Each investor is shown only by its pseudonym on the offer (P1, P2 …) until an accepted quote makes the trade. On your turn, accept the terms or counter with new ones; you may decline an open quote at any time.',
    'otc.holder.matches.intro': 'Proposals the exchange’s staff brokered between one of your offers and an investor’s intent. The investor is shown by pseudonym until both of you accept: the trade then names you to each other.',
  },
  'zh-CN': {
    'otc.holder.offers.intro': '不挂牌展示份额并接受询价。报价期间所报份额保持锁定；投资者只看到摘要（基金、份额、要价、最小单位），看不到您的名称和成本。',
    'otc.holder.offers.post': '发布报价',
    'otc.holder.offers.mine': '我的报价',
    'otc.holder.offers.submit': '发布报价',
    'otc.holder.available': '可用 {units}',
    'otc.holder.minLotHint': '一笔询价至少的份额（剩余不足时为全部剩余）。',
    'otc.holder.visibilityHint': '向所有人展示摘要，或仅向当日合格投资者展示。',
    'otc.holder.withdraw': '撤回',
    'otc.holder.quotes.intro': '投资者对您报价的询价。成交前，投资者只以其在该报价下的化名（P1、P2……）显示。轮到您时，可接受条件或提出新条件还价；进行中的询价可随时拒绝。',
    'otc.holder.matches.intro': '平台工作人员就您的报价与投资者意向推荐的撮合建议。双方均接受前，投资者以化名显示；成交后双方身份互相披露。',
  },
});
