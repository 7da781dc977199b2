// 広報: 媒体と実績 / PR channels and their figures. The list (paged, by kind, CSV of the monthly figures),
// and one form per channel: name, kind, account, note, and a fiscal year's twelve months (issues,
// pages updated, page views, followers, releases), saved with the channel under If-Match (the months
// of other years are sent back as they were). The year's totals come from the API.
// Routes: #/{lg}/promotion/promotion-pr-channels[/new | /{id}].
import {h, tr, field, pagedList, submit, errorNotice, notice, facts} from '/ui/core/kit.js';

const PATH = 'promotion/pr-channels';
const FIGURES = [['issues', '発行回数', 'Issues'], ['pagesUpdated', '更新件数', 'Pages updated'], ['pageViews', '閲覧数', 'Page views'],
  ['followers', 'フォロワー数', 'Followers'], ['releases', '発表件数', 'Releases']];

export default async function render(root, ctx) {
  const [a] = ctx.args || [];
  const k = await ctx.api('GET', `${PATH}/kinds`);
  const kinds = k.status === 200 ? k.body : [];
  if (!a) return list(root, ctx, kinds);
  if (a === 'new') return form(root, ctx, kinds, null, null);
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return form(root, ctx, kinds, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 広報媒体の一覧へ', '← All PR channels')));

function thisFiscalYear() {
  const now = new Date();
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

async function list(root, ctx, kinds) {
  const kindField = field(ctx, {name: 'kind', label: tr(ctx, '種類', 'Kind'), type: 'select', id: 'filter-kind',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...kinds.map((x) => ({value: x.code, label: x.label}))]});
  const sel = kindField.querySelector('select');
  const table = pagedList(ctx, {
    path: PATH, csv: `pr-channels-${ctx.lgCode}.csv`, caption: tr(ctx, '広報媒体の一覧', 'PR channels'),
    query: () => ({kind: sel.value}),
    columns: [
      {label: tr(ctx, '媒体', 'Channel'), render: (x) => h('a', {href: ctx.href(x.id)}, x.name)},
      {label: tr(ctx, '種類', 'Kind'), render: (x) => x.kindLabel},
      {label: tr(ctx, 'アカウント・アドレス', 'Account or address'), render: (x) => x.account || '—'},
      {label: tr(ctx, '実績のある月', 'Months with figures'), render: (x) => String(x.months.length)},
    ],
  });
  sel.addEventListener('change', () => table.reload());
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-pr-channel', href: ctx.href('new')}, tr(ctx, '媒体を登録', 'Add a channel'))),
      h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '広報媒体の絞り込み', 'Filter channels'), on: {submit: (e) => e.preventDefault()}}, kindField),
      table.element);
  await table.reload();
}

function monthsOf(fy) {
  const out = [];
  for (let i = 0; i < 12; i += 1) {
    const d = new Date(Date.UTC(fy, 3 + i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

function form(root, ctx, kinds, x, etag) {
  const c = x || {kind: 'WEBSITE', months: []};
  ctx.setTitle(x ? tr(ctx, `広報媒体: ${x.name}`, `PR channel: ${x.name}`) : tr(ctx, '広報媒体の登録', 'Add a PR channel'));
  const fy = thisFiscalYear();
  const years = [];
  for (let y = fy; y >= fy - 9; y -= 1) years.push({value: String(y), label: ctx.fiscalYearLabel(y)});
  const yearField = field(ctx, {name: 'year', label: tr(ctx, '実績を入力する年度', 'Fiscal year of the figures'), type: 'select', id: 'pr-year', options: years});
  const yearSel = yearField.querySelector('select');
  const grid = h('div', {id: 'pr-months'});
  const totals = h('div', {id: 'pr-totals', 'aria-live': 'polite'});
  const byMonth = new Map(c.months.map((m) => [m.month, m]));
  const showGrid = () => {
    const rows = monthsOf(Number(yearSel.value)).map((m) => {
      const v = byMonth.get(m) || {};
      return h('tr', {}, h('th', {scope: 'row', text: m}), FIGURES.map(([k, ja, en]) => h('td', {},
          h('input', {type: 'number', min: '0', name: `${m}:${k}`, value: v[k] ?? '', 'aria-label': `${m} ${tr(ctx, ja, en)}`, class: 'num'}))));
    });
    grid.replaceChildren(h('table', {class: 'list'}, h('caption', {text: tr(ctx, '月ごとの実績 (空欄は記録なし)', 'Monthly figures (blank: not recorded)')}),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col', text: tr(ctx, '年月', 'Month')}), FIGURES.map(([, ja, en]) => h('th', {scope: 'col', text: tr(ctx, ja, en)})))),
        h('tbody', {}, rows)));
  };
  const showTotals = async () => {
    if (!x) return;
    const r = await ctx.api('GET', `${PATH}/${x.id}/totals?fiscalYear=${yearSel.value}`);
    if (r.status === 200) {
      totals.replaceChildren(facts(FIGURES.map(([k, ja, en]) => [tr(ctx, `${ja} (年度${k === 'followers' ? '末' : '計'})`, `${en} (${k === 'followers' ? 'year end' : 'year total'})`),
        r.body[k] === null || r.body[k] === undefined ? '—' : Number(r.body[k]).toLocaleString()])));
    }
  };
  yearSel.addEventListener('change', () => {
    collect();
    showGrid();
    showTotals();
  });
  function collect() {
    grid.querySelectorAll('tbody tr').forEach((tr0) => {
      const m = tr0.querySelector('th').textContent;
      const v = {month: m};
      let any = false;
      FIGURES.forEach(([k]) => {
        const s = tr0.querySelector(`input[name="${m}:${k}"]`).value.trim();
        v[k] = s === '' ? null : (/^\d+$/.test(s) ? Number(s) : s);
        if (s !== '') any = true;
      });
      if (any) byMonth.set(m, v); else byMonth.delete(m);
    });
  }
  const f = h('form', {class: 'form', id: 'pr-channel-form', novalidate: true},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'name', label: tr(ctx, '媒体の名前', 'Name'), value: c.name || '', required: true, id: 'pr-name', attrs: {maxlength: '100'}}),
          field(ctx, {name: 'kind', label: tr(ctx, '種類', 'Kind'), type: 'select', value: c.kind, id: 'pr-kind', options: kinds.map((k) => ({value: k.code, label: k.label}))}),
          field(ctx, {name: 'account', label: tr(ctx, 'アカウント・アドレス', 'Account or address'), value: c.account || '', id: 'pr-account', attrs: {maxlength: '200'}})),
      field(ctx, {name: 'note', label: tr(ctx, '備考', 'Note'), type: 'textarea', value: c.note || '', id: 'pr-note', attrs: {maxlength: '1000'}}),
      yearField, grid, totals,
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-pr-channel', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: ctx.href()}, tr(ctx, 'キャンセル', 'Cancel')),
          x ? h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-pr-channel', text: tr(ctx, '削除', 'Delete'), on: {click: () => remove(ctx, f, x, etag)}}) : null));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    collect();
    const v = (k) => f.elements[k].value.trim() || null;
    const body = {name: v('name'), kind: v('kind'), account: v('account'), note: v('note'),
      months: [...byMonth.values()].sort((p, q) => p.month.localeCompare(q.month))};
    const reply = await submit(ctx, f, {method: x ? 'PUT' : 'POST', path: x ? `${PATH}/${x.id}` : PATH, body, etag,
      reload: () => ctx.navigate(ctx.href(x.id))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href(reply.body.id));
    }
  });
  showGrid();
  root.append(backLink(ctx), f);
  showTotals();
  if (x) root.append(latestItems(ctx, x));
}

// The channel's latest content items (広報: 記事・番組), newest first, with a link to add one on this channel.
function latestItems(ctx, x) {
  const items = `#/${ctx.lgCode}/promotion/promotion-pr-contents`;
  const box = h('section', {id: 'pr-latest-items', 'aria-labelledby': 'pr-latest-items-title'},
      h('h2', {id: 'pr-latest-items-title', text: tr(ctx, 'この媒体の最近の記事・番組', 'Latest content items on this channel')}));
  const body = h('div', {'aria-live': 'polite'});
  box.append(body, h('p', {}, h('a', {class: 'btn', id: 'new-item-on-channel', href: `${items}/new/${encodeURIComponent(x.id)}`},
      tr(ctx, 'この媒体の記事・番組を登録', 'Add a content item on this channel'))));
  ctx.api('GET', `promotion/pr-contents?channelId=${encodeURIComponent(x.id)}&size=5`).then((r) => {
    if (r.status !== 200) return;
    body.replaceChildren(r.body.items.length
      ? h('ul', {}, r.body.items.map((i) => h('li', {}, `${i.publishedOn} `, h('a', {href: `${items}/${encodeURIComponent(i.id)}`}, i.title),
          i.unitName ? ` (${i.unitName})` : '')))
      : h('p', {text: tr(ctx, 'まだありません。', 'None yet.')}));
  });
  return box;
}

async function remove(ctx, f, x, etag) {
  if (!window.confirm(tr(ctx, 'この媒体と実績を削除しますか。', 'Delete this channel and its figures?'))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    f.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
