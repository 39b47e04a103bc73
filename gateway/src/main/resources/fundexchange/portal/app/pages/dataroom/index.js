// The data-room pages (issue 21; docs/portal.md, "Data room"): the holder's rooms, the investor's teaser, NDA and
// viewer, and the access log for staff and regulators; each page's code loads when first opened (router.js).
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

addMessages({
  en: { 'nav.dataRoom': 'Data rooms', 'nav.dataRoomLog': 'Data-room access log' },
  'zh-CN': { 'nav.dataRoom': '资料室', 'nav.dataRoomLog': '资料室查阅记录' },
});

registerPages(['HOLDER'], [
  { id: 'holder-data-room', titleKey: 'nav.dataRoom', tag: 'fx-holder-data-room', order: 35, load: () => import('./holder.js') },
]);
registerPages(['INVESTOR'], [
  { id: 'investor-data-room', titleKey: 'nav.dataRoom', tag: 'fx-investor-data-room', order: 25,
    load: () => import('./investor.js') },
]);
registerPages(['STAFF', 'REGULATOR'], [
  { id: 'data-room-log', titleKey: 'nav.dataRoomLog', tag: 'fx-data-room-log', order: 80, load: () => import('./oversight.js') },
]);
