// Every listing mechanism's code, in the order the pages offer them, and its names (the holder's and staff's
// mechanism.<code>, the investor's and the data room's). No imports: the holder, staff and data-room pages' common
// modules add these names without loading a mechanism's module (or any investor code).
export const MECHANISM_CODES = Object.freeze(['NEGOTIATED', 'ENGLISH', 'SEALED', 'DUTCH']);

export const MECHANISM_NAMES = Object.freeze({
  en: {
    'mechanism.NEGOTIATED': 'Negotiated',
    'investor.mechanism.NEGOTIATED': 'Negotiated',
    'dataroom.mechanism.NEGOTIATED': 'negotiated',
    'mechanism.ENGLISH': 'English auction',
    'investor.mechanism.ENGLISH': 'English auction',
    'dataroom.mechanism.ENGLISH': 'English auction',
    'mechanism.SEALED': 'Sealed-bid auction',
    'investor.mechanism.SEALED': 'Sealed-bid auction',
    'dataroom.mechanism.SEALED': 'sealed-bid auction',
    'mechanism.DUTCH': 'Dutch auction',
    'investor.mechanism.DUTCH': 'Dutch auction',
    'dataroom.mechanism.DUTCH': 'Dutch auction',
  },
  'zh-CN': {
    'mechanism.NEGOTIATED': '协议转让',
    'investor.mechanism.NEGOTIATED': '协议转让',
    'dataroom.mechanism.NEGOTIATED': '协议转让',
    'mechanism.ENGLISH': '英式拍卖',
    'investor.mechanism.ENGLISH': '公开竞价（英式拍卖）',
    'dataroom.mechanism.ENGLISH': '英式拍卖',
    'mechanism.SEALED': '密封竞价',
    'investor.mechanism.SEALED': '密封竞价',
    'dataroom.mechanism.SEALED': '密封竞价',
    'mechanism.DUTCH': '降价拍卖（荷式拍卖）',
    'investor.mechanism.DUTCH': '降价拍卖（荷式拍卖）',
    'dataroom.mechanism.DUTCH': '降价拍卖',
  },
});
