// Data-room pages.
import { registerPages } from '../../router.js';
import { addMessages } from '../../i18n.js';

addMessages({
  en: { 'nav.dataRoom': 'Data rooms', 'nav.dataRoomLog': 'Data-room access log', 'nav.fundDocs': 'Fund documents' },
  'zh-CN': { 'nav.dataRoom': '资料室', 'nav.dataRoomLog': '资料室查阅记录', 'nav.fundDocs': '基金文件' },
});

const page = (roles, id, titleKey, tag, order, load) => registerPages(roles, [{ id, titleKey, tag, order, load }]);
page(['HOLDER'], 'holder-data-room', 'nav.dataRoom', 'fx-holder-data-room', 35, () => import('./holder.js'));
page(['INVESTOR'], 'investor-data-room', 'nav.dataRoom', 'fx-investor-data-room', 25, () => import('./investor.js'));
page(['MANAGER'], 'fund-documents', 'nav.fundDocs', 'fx-manager-fund-documents', 40, () => import('./manager.js'));
page(['STAFF', 'REGULATOR'], 'data-room-log', 'nav.dataRoomLog', 'fx-data-room-log', 80, () => import('./oversight.js'));
