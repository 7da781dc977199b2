// 広報: 記事・番組 / PR content items. The list (paged, newest first, filtered by channel, kind of channel,
// responsible unit (with the units a reorganisation connects it with, when asked), fiscal year and words in the
// title; CSV), and one form per item: channel, title,
// publication date, responsible unit, address, summary, note; saved under If-Match, deleted the same way.
// Routes: #/{lg}/promotion/promotion-pr-contents[/new | /new/{channelId} | /{id}].
import {h, tr, field, pagedList, submit, errorNotice, notice} from '/ui/core/kit.js';

const PATH = 'promotion/pr-contents';

async function json(ctx, path, fallback) {
  try {
    return await ctx.getJson(path);
  } catch (e) {
    return fallback;
  }
}

export default async function render(root, ctx) {
  const [a, b] = ctx.args || [];
  const [channels, kinds, units] = await Promise.all([json(ctx, 'promotion/pr-channels?size=100&sort=name', {items: []}),
    json(ctx, 'promotion/pr-channels/kinds', []), json(ctx, 'organization-units?size=100', {items: []})]);
  const refs = {channels: channels.items || [], kinds: kinds || [], units: units.items || []};
  if (!a) return list(root, ctx, refs);
  if (a === 'new') return form(root, ctx, refs, {channelId: b || ''}, null);
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return form(root, ctx, refs, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 記事・番組の一覧へ', '← All content items')));

function thisFiscalYear() {
  const now = new Date();
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

const all = (ctx) => ({value: '', label: tr(ctx, 'すべて', 'All')});

async function list(root, ctx, refs) {
  const fy = thisFiscalYear();
  const years = [all(ctx)];
  for (let y = fy; y >= fy - 9; y -= 1) years.push({value: String(y), label: ctx.fiscalYearLabel(y)});
  const fields = [
    field(ctx, {name: 'channelId', label: tr(ctx, '媒体', 'Channel'), type: 'select', id: 'filter-channel',
      options: [all(ctx), ...refs.channels.map((c) => ({value: c.id, label: c.name}))]}),
    field(ctx, {name: 'kind', label: tr(ctx, '媒体の種類', 'Kind of channel'), type: 'select', id: 'filter-kind',
      options: [all(ctx), ...refs.kinds.map((k) => ({value: k.code, label: k.label}))]}),
    field(ctx, {name: 'unitId', label: tr(ctx, '担当組織', 'Responsible unit'), type: 'select', id: 'filter-unit',
      options: [all(ctx), ...refs.units.map((u) => ({value: u.id, label: u.nameJa}))]}),
    field(ctx, {name: 'includeLineage', type: 'checkbox', id: 'filter-lineage',
      label: tr(ctx, '組織改正の前後の組織を含む', 'Include the units before and after a reorganisation')}),
    field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'), type: 'select', id: 'filter-year', options: years}),
    field(ctx, {name: 'q', label: tr(ctx, 'タイトルに含む語', 'Words in the title'), id: 'filter-q', attrs: {maxlength: '200'}}),
  ];
  const value = (id) => document.getElementById(id).value.trim();
  const table = pagedList(ctx, {
    path: PATH, csv: `pr-contents-${ctx.lgCode}.csv`, caption: tr(ctx, '記事・番組の一覧', 'Content items'),
    query: () => ({channelId: value('filter-channel'), kind: value('filter-kind'), unitId: value('filter-unit'),
      includeLineage: document.getElementById('filter-lineage').checked ? 'true' : '',
      fiscalYear: value('filter-year'), q: value('filter-q')}),
    columns: [
      {label: tr(ctx, '発信日', 'Published on'), render: (x) => x.publishedOn},
      {label: tr(ctx, 'タイトル', 'Title'), render: (x) => h('a', {href: ctx.href(x.id)}, x.title)},
      {label: tr(ctx, '媒体', 'Channel'), render: (x) => `${x.channelName} (${x.kindLabel})`},
      {label: tr(ctx, '担当組織', 'Responsible unit'), render: (x) => x.unitName || '—'},
      {label: tr(ctx, '年度', 'Fiscal year'), render: (x) => x.fiscalYearLabel},
    ],
  });
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '記事・番組の絞り込み', 'Filter content items'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}}, fields,
  h('button', {type: 'submit', class: 'btn', id: 'apply-filters', text: tr(ctx, '絞り込む', 'Filter')}));
  filters.querySelectorAll('select, input[type=checkbox]').forEach((s) => s.addEventListener('change', () => table.reload()));
  const toolbar = h('div', {class: 'toolbar'}, refs.channels.length
    ? h('a', {class: 'btn btn-primary', id: 'new-pr-content', href: ctx.href('new')}, tr(ctx, '記事・番組を登録', 'Add a content item'))
    : notice(tr(ctx, '先に「広報: 媒体と実績」で媒体を登録してください。', 'Register a channel under "PR channels and figures" first.')));
  root.append(toolbar, filters, table.element);
  await table.reload();
}

function form(root, ctx, refs, x, etag) {
  const saved = !!x.id;
  ctx.setTitle(saved ? tr(ctx, `記事・番組: ${x.title}`, `Content item: ${x.title}`) : tr(ctx, '記事・番組の登録', 'Add a content item'));
  const channelOptions = refs.channels.map((c) => ({value: c.id, label: `${c.name} (${c.kindLabel})`}));
  if (saved && !refs.channels.some((c) => c.id === x.channelId)) channelOptions.push({value: x.channelId, label: x.channelName});
  const unitOptions = [{value: '', label: tr(ctx, '(指定なし)', '(none)')}, ...refs.units.map((u) => ({value: u.id, label: u.nameJa}))];
  if (x.unitId && !refs.units.some((u) => u.id === x.unitId)) unitOptions.push({value: x.unitId, label: x.unitName || x.unitId});
  const f = h('form', {class: 'form', id: 'pr-content-form', novalidate: true},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'channelId', label: tr(ctx, '媒体', 'Channel'), type: 'select', required: true, id: 'content-channel',
            value: x.channelId || (channelOptions[0] && channelOptions[0].value), options: channelOptions}),
          field(ctx, {name: 'publishedOn', label: tr(ctx, '発信日', 'Published on'), type: 'date', required: true, id: 'content-published',
            value: x.publishedOn || '', hint: tr(ctx, '今日から60日後まで', 'Up to 60 days ahead')})),
      field(ctx, {name: 'title', label: tr(ctx, 'タイトル', 'Title'), value: x.title || '', required: true, id: 'content-title', attrs: {maxlength: '200'}}),
      h('div', {class: 'grid2'},
          field(ctx, {name: 'unitId', label: tr(ctx, '担当組織', 'Responsible unit'), type: 'select', id: 'content-unit', value: x.unitId || '', options: unitOptions}),
          field(ctx, {name: 'url', label: tr(ctx, 'アドレス (URL)', 'Address (URL)'), type: 'url', id: 'content-url', value: x.url || '', attrs: {maxlength: '500'}})),
      field(ctx, {name: 'summary', label: tr(ctx, '概要', 'Summary'), type: 'textarea', value: x.summary || '', id: 'content-summary', attrs: {maxlength: '2000'}}),
      field(ctx, {name: 'note', label: tr(ctx, '備考', 'Note'), type: 'textarea', value: x.note || '', id: 'content-note', attrs: {maxlength: '1000'}}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-pr-content', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: ctx.href()}, tr(ctx, 'キャンセル', 'Cancel')),
          saved ? h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-pr-content', text: tr(ctx, '削除', 'Delete'),
            on: {click: () => remove(ctx, f, x, etag)}}) : null));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (k) => f.elements[k].value.trim() || null;
    const body = {channelId: v('channelId'), title: v('title'), publishedOn: v('publishedOn'), unitId: v('unitId'), url: v('url'),
      summary: v('summary'), note: v('note')};
    const reply = await submit(ctx, f, {method: saved ? 'PUT' : 'POST', path: saved ? `${PATH}/${x.id}` : PATH, body, etag,
      reload: () => ctx.navigate(ctx.href(x.id))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href());
    }
  });
  root.append(backLink(ctx), f);
}

async function remove(ctx, f, x, etag) {
  if (!window.confirm(tr(ctx, 'この記事・番組を削除しますか。', 'Delete this content item?'))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    f.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
