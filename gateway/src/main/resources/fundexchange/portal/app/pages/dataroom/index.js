// The data-room pages (docs/portal.md, "Data room"), loaded when first opened.
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

addMessages({
  en: { 'nav.dataRoom': 'Data rooms', 'nav.dataRoomLog': 'Data-room access log' },
  'zh-CN': { 'nav.dataRoom': '资料室', 'nav.dataRoomLog': '资料室查阅记录' },
});

const page = (id, titleKey, tag, order, load) => ({ id, titleKey, tag, order, load });
registerPages(['HOLDER'], [page('holder-data-room', 'nav.dataRoom', 'fx-holder-data-room', 35, () => import('./holder.js'))]);
registerPages(['INVESTOR'], [page('investor-data-room', 'nav.dataRoom', 'fx-investor-data-room', 25,
  () => import('./investor.js'))]);
registerPages(['STAFF', 'REGULATOR'], [page('data-room-log', 'nav.dataRoomLog', 'fx-data-room-log', 80,
  () => import('./oversight.js'))]);
