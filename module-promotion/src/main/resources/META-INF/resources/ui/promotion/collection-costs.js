// ふるさと納税: 募集費用 / Hometown tax: collection costs. The list of designation years (October–September)
// with their donations, costs and share (paged; CSV with one column per category), and one form per year:
// the year, a note and one amount per category of the municipality's list (settings), saved under If-Match.
// The share against the year's donations, the limit and the warning line come from the API, which computes
// them live; a year near or over the limit is said clearly, never refused.
// Routes: #/{lg}/promotion/promotion-collection-costs[/new | /{id}].
import {h, tr, field, pagedList, submit, errorNotice, notice, facts} from '/ui/core/kit.js';

const PATH = 'promotion/collection-costs';

export default async function render(root, ctx) {
  const [a] = ctx.args || [];
  const c = await ctx.api('GET', `${PATH}/categories`);
  const setup = c.status === 200 ? c.body : {categories: [], limitPercent: 50, warningPercent: 45};
  if (!a) return list(root, ctx, setup);
  if (a === 'new') return form(root, ctx, setup, null, null);
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return form(root, ctx, setup, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 募集費用の一覧へ', '← All collection costs')));

const yen = (v) => `${Number(v).toLocaleString()} 円`;
const pct = (v) => (v === null || v === undefined ? '—' : `${Number(v).toFixed(1)} %`);

function standingBadge(x) {
  return h('span', {class: `cost-standing cost-${x.standing.toLowerCase()}`, text: x.standingLabel});
}

function currentDesignationYear() {
  const now = new Date();
  return now.getMonth() >= 9 ? now.getFullYear() : now.getFullYear() - 1;
}

async function list(root, ctx, setup) {
  const table = pagedList(ctx, {
    path: PATH, csv: `collection-costs-${ctx.lgCode}.csv`, caption: tr(ctx, '指定対象期間ごとの募集費用', 'Collection costs per designation year'),
    columns: [
      {label: tr(ctx, '指定対象期間', 'Designation year'), render: (x) => h('a', {href: ctx.href(x.id)}, x.period.label)},
      {label: tr(ctx, '寄附額', 'Donated'), render: (x) => yen(x.donationAmount)},
      {label: tr(ctx, '募集費用計', 'Collection costs'), render: (x) => yen(x.costTotal)},
      {label: tr(ctx, '寄附額に占める割合', 'Share of donations'), render: (x) => pct(x.sharePercent)},
      {label: tr(ctx, '状況', 'Standing'), render: (x) => standingBadge(x)},
    ],
  });
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-collection-cost', href: ctx.href('new')},
      tr(ctx, '指定対象期間の費用を記録', 'Record a designation year'))),
  h('p', {class: 'hint', text: tr(ctx, `募集費用は寄附額の ${setup.limitPercent}% 以下に (警告線 ${setup.warningPercent}%)。割合は寄附の記録からその都度計算します。`,
      `Collection costs must stay within ${setup.limitPercent}% of the donations (warning line ${setup.warningPercent}%). The share is computed from the donations each time.`)}),
  table.element);
  await table.reload();
}

function form(root, ctx, setup, x, etag) {
  ctx.setTitle(x ? tr(ctx, `募集費用: ${x.period.label}`, `Collection costs: ${x.period.label}`) : tr(ctx, '募集費用の記録', 'Record collection costs'));
  const now = currentDesignationYear();
  const years = [];
  for (let y = now; y >= now - 9; y -= 1) {
    years.push({value: String(y), label: ctx.lang === 'en' ? `Oct ${y} – Sep ${y + 1}` : `${ctx.fiscalYearLabel(y).replace('年度', '')}年10月〜 (${y}-10〜${y + 1}-09)`});
  }
  if (x && !years.some((o) => o.value === String(x.designationYear))) years.push({value: String(x.designationYear), label: x.period.label});
  const byCategory = new Map((x ? x.lines : []).map((l) => [l.category, l]));
  const categories = [...setup.categories];
  byCategory.forEach((_, k) => { if (!categories.includes(k)) categories.push(k); });
  const rows = categories.map((cat, i) => {
    const l = byCategory.get(cat) || {};
    return h('tr', {}, h('th', {scope: 'row', text: cat}),
        h('td', {}, h('input', {type: 'text', inputmode: 'numeric', class: 'num', name: `amount-${i}`, value: l.amount ?? '',
          'aria-label': `${cat} ${tr(ctx, '金額 (円)', 'amount (yen)')}`, dataset: {category: cat}})),
        h('td', {}, h('input', {type: 'text', name: `note-${i}`, value: l.note ?? '', maxlength: '500',
          'aria-label': `${cat} ${tr(ctx, '備考', 'note')}`})));
  });
  const grid = h('table', {class: 'list', id: 'cost-lines'}, h('caption', {text: tr(ctx, '区分ごとの費用 (空欄は費用なし)', 'Costs per category (blank: none)')}),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col', text: tr(ctx, '区分', 'Category')}), h('th', {scope: 'col', text: tr(ctx, '金額 (円)', 'Amount (yen)')}),
          h('th', {scope: 'col', text: tr(ctx, '備考', 'Note')}))),
      h('tbody', {}, rows));
  const share = h('div', {id: 'cost-share', 'aria-live': 'polite'});
  if (x) {
    const kind = x.standing === 'OVER' ? 'error' : (x.standing === 'WARNING' ? 'error' : 'info');
    share.append(notice(x.message, kind), facts([
      [tr(ctx, 'この期間の寄附', 'Donations in the period'), `${yen(x.donationAmount)} (${Number(x.donationCount).toLocaleString()} ${tr(ctx, '件', 'donations')})`],
      [tr(ctx, '募集費用計', 'Collection costs'), yen(x.costTotal)],
      [tr(ctx, '寄附額に占める割合', 'Share of donations'), pct(x.sharePercent)],
      [tr(ctx, '上限・警告線', 'Limit and warning line'), `${x.limitPercent} % / ${x.warningPercent} %`],
      [tr(ctx, '状況', 'Standing'), standingBadge(x)],
    ]));
  }
  const f = h('form', {class: 'form', id: 'collection-cost-form', novalidate: true},
      field(ctx, {name: 'designationYear', label: tr(ctx, '指定対象期間 (10月〜翌年9月)', 'Designation year (October–September)'), type: 'select', id: 'cost-year',
        options: years, value: String(x ? x.designationYear : now)}),
      grid,
      field(ctx, {name: 'note', label: tr(ctx, '備考', 'Note'), type: 'textarea', value: x ? (x.note || '') : '', id: 'cost-note', attrs: {maxlength: '1000'}}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-collection-cost', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: ctx.href()}, tr(ctx, 'キャンセル', 'Cancel')),
          x ? h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-collection-cost', text: tr(ctx, '削除', 'Delete'), on: {click: () => remove(ctx, f, x, etag)}}) : null));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const lines = [];
    grid.querySelectorAll('tbody tr').forEach((row) => {
      const amount = row.querySelector('input[name^=amount-]');
      const note = row.querySelector('input[name^=note-]');
      const s = amount.value.trim().replace(/,/g, '');
      if (s === '' && note.value.trim() === '') return;
      lines.push({category: amount.dataset.category, amount: /^\d+$/.test(s) ? Number(s) : (s === '' ? null : s), note: note.value.trim() || null});
    });
    const body = {designationYear: Number(f.elements.designationYear.value), note: f.elements.note.value.trim() || null, lines};
    const reply = await submit(ctx, f, {method: x ? 'PUT' : 'POST', path: x ? `${PATH}/${x.id}` : PATH, body, etag,
      reload: () => ctx.navigate(ctx.href(x.id))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href(reply.body.id));
    }
  });
  root.append(backLink(ctx), share, f);
}

async function remove(ctx, f, x, etag) {
  if (!window.confirm(tr(ctx, 'この指定対象期間の募集費用を削除しますか。', 'Delete the collection costs of this designation year?'))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    f.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
