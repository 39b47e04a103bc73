// Lists longer than a page shows, for every role's pages: a window of a paged read (the API's `after` and `nextAfter`,
// docs/api.md "Paging") that follows `nextAfter` up to a bound, and a pager that says when more follow and moves the
// window on. No list is cut off silently: when the window is full and the API names a next page, the page says so and
// offers it; "First page" goes back to the start. The pager keeps the start of the window it shows, so a live refresh
// re-reads the same window.
import { html, nothing } from 'lit';
import { t, addMessages } from '../i18n.js';

/** The page size every paged read asks for. */
export const PAGE_SIZE = 100;
/** How many pages one window reads at most (1,000 items). */
export const WINDOW_PAGES = 10;

/**
 * The items of a paged list ({@code path} with its own query, the answer's {@code field}) read at {@code minIndex},
 * from {@code start} (a previous window's {@code nextAfter}; undefined: the first page), following {@code nextAfter} for
 * at most {@code pages} pages of {@code size}. Returns {items, nextAfter}: nextAfter undefined when nothing follows.
 */
export async function readWindow(client, path, field, minIndex, { start, pages = WINDOW_PAGES, size = PAGE_SIZE } = {}) {
  const [base, own] = path.includes('?') ? [path.slice(0, path.indexOf('?')), path.slice(path.indexOf('?') + 1)] : [path, ''];
  const items = [];
  let after = start;
  for (let page = 0; page < pages; page++) {
    const query = new URLSearchParams(own);
    query.set('limit', String(size));
    if (after !== undefined && after !== null) query.set('after', String(after));
    const answer = await client.read(`${base}?${query}`, minIndex === undefined ? {} : { minIndex });
    items.push(...(answer[field] ?? []));
    if (answer.nextAfter === undefined || answer.nextAfter === null) return { items, nextAfter: undefined };
    after = answer.nextAfter;
  }
  return { items, nextAfter: after };
}

/** Where a paged list's window starts: the cursors of the windows passed on the way, so "Previous" can go back. */
export class Pager {
  constructor() {
    this.starts = [];
  }

  /** The {@code after} the shown window starts at (undefined: the first page). */
  get start() {
    return this.starts.at(-1);
  }

  /** How many windows precede the shown one. */
  get depth() {
    return this.starts.length;
  }

  next(nextAfter) {
    this.starts.push(nextAfter);
  }

  previous() {
    this.starts.pop();
  }

  first() {
    this.starts = [];
  }
}

/**
 * What a window of a list shows about the rest: nothing when it is the whole list; else a note (more follow, or this
 * is not the first window) with "Next page", "Previous page" and "First page" buttons that move {@code pager} and call
 * {@code moved()} to read again. {@code id} prefixes the elements' ids ({@code <id>-more}, {@code <id>-next}, ...).
 */
export function renderPager(id, pager, nextAfter, moved, count) {
  const more = nextAfter !== undefined;
  if (!more && pager.depth === 0) return nothing;
  const move = step => () => {
    step();
    moved();
  };
  return html`<div class="fx-pager" id=${`${id}-more`} data-more=${String(more)} data-depth=${String(pager.depth)}
      data-next-after=${more ? String(nextAfter) : ''}>
    <p class="fx-note">${!more ? t('paging.last') : count === undefined ? t('paging.moreFollow') : t('paging.more', { count })}
      ${pager.depth > 0 ? t('paging.window', { window: pager.depth + 1 }) : ''}</p>
    ${pager.depth > 0 ? html`<button type="button" class="fx-secondary" id=${`${id}-first`}
      @click=${move(() => pager.first())}>${t('paging.first')}</button>
      <button type="button" class="fx-secondary" id=${`${id}-previous`}
      @click=${move(() => pager.previous())}>${t('paging.previous')}</button>` : nothing}
    ${more ? html`<button type="button" id=${`${id}-next`} @click=${move(() => pager.next(nextAfter))}>${t('paging.next')}</button>`
      : nothing}</div>`;
}

addMessages({
  en: {
    'paging.more': 'This list is longer than one page: {count} shown here, more follow on the next page.',
    'paging.moreFollow': 'This list is longer than one page: more follow on the next page.',
    'paging.last': 'This is the last page of the list.',
    'paging.window': '(page {window})',
    'paging.next': 'Next page',
    'paging.previous': 'Previous page',
    'paging.first': 'First page',
  },
  'zh-CN': {
    'paging.more': '列表超过一页：本页显示 {count} 条，其余见下一页。',
    'paging.moreFollow': '列表超过一页：其余见下一页。',
    'paging.last': '这是列表的最后一页。',
    'paging.window': '（第 {window} 页）',
    'paging.next': '下一页',
    'paging.previous': '上一页',
    'paging.first': '第一页',
  },
});
