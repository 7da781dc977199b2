// ふるさと納税: 返礼品 / Hometown tax: return gifts. The list (paged, CSV, by ground and offered
// now, text search), with each gift's return ratio; the form checks the 30 % rule as the API does
// (the API's field error is shown next to 調達費用 with the figures).
// Routes: #/{lg}/promotion/promotion-return-gifts[/new | /{id}].
import {h, tr, field, pagedList, submit, errorNotice, notice, showFieldErrors} from '/ui/core/kit.js';

const PATH = 'promotion/return-gifts';

export default async function render(root, ctx) {
  const [a] = ctx.args || [];
  let rules;
  try {
    rules = await ctx.getJson(`${PATH}/rules`);
  } catch (err) {
    root.append(errorNotice(ctx, err));
    return undefined;
  }
  const {grounds} = rules;
  if (!a) return list(root, ctx, grounds);
  if (a === 'new') return form(root, ctx, rules, null, null);
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return form(root, ctx, rules, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 返礼品の一覧へ', '← All return gifts')));
const yen = (ctx, n) => `${Number(n).toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'ja-JP')}${tr(ctx, ' 円', ' yen')}`;

async function list(root, ctx, grounds) {
  const q = field(ctx, {name: 'q', label: tr(ctx, '返礼品名・事業者', 'Name or supplier'), id: 'filter-q'});
  const ground = field(ctx, {name: 'ground', label: tr(ctx, '地場産品基準', 'Local-product ground'), type: 'select', id: 'filter-ground',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...grounds.map((g) => ({value: g.code, label: g.label}))]});
  const active = field(ctx, {name: 'active', label: tr(ctx, '提供', 'Offered'), type: 'select', id: 'filter-active',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, {value: 'true', label: tr(ctx, '提供中', 'Offered now')},
      {value: 'false', label: tr(ctx, '提供終了', 'No longer offered')}]});
  const table = pagedList(ctx, {
    path: PATH, csv: `return-gifts-${ctx.lgCode}.csv`, caption: tr(ctx, '返礼品の一覧', 'Return gifts'),
    query: () => ({q: q.querySelector('input').value.trim(), ground: ground.querySelector('select').value,
      active: active.querySelector('select').value}),
    columns: [
      {label: tr(ctx, '返礼品', 'Gift'), render: (x) => h('a', {href: ctx.href(x.id)}, x.name)},
      {label: tr(ctx, '提供事業者', 'Supplier'), render: (x) => x.supplier},
      {label: tr(ctx, '地場産品基準', 'Ground'), render: (x) => x.groundLabel},
      {label: tr(ctx, '寄附金額', 'Donation'), render: (x) => yen(ctx, x.donationAmount)},
      {label: tr(ctx, '調達費用', 'Cost'), render: (x) => yen(ctx, x.procurementCost)},
      {label: tr(ctx, '返礼割合', 'Ratio'), render: (x) => `${x.ratioPercent}%`},
      {label: tr(ctx, '送料', 'Shipping'), render: (x) => yen(ctx, x.shippingCost)},
      {label: tr(ctx, '提供', 'Offered'), render: (x) => (x.active ? tr(ctx, '提供中', 'Offered') : tr(ctx, '終了', 'Ended'))},
    ],
  });
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '返礼品の絞り込み', 'Filter return gifts'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}}, q, ground, active,
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  [ground, active].forEach((w) => w.querySelector('select').addEventListener('change', () => table.reload()));
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-gift', href: ctx.href('new')}, tr(ctx, '返礼品を追加', 'Add a gift'))),
      filters, table.element);
  await table.reload();
}

function yenValue(text) {
  const t = String(text).replace(/[,，\s円]/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^\d{1,12}$/.test(t) ? Number(t) : null;
}

function form(root, ctx, {grounds, ratioLimitPercent: limit}, x, etag) {
  const c = x || {active: true};
  ctx.setTitle(x ? tr(ctx, `返礼品の編集: ${x.name}`, `Edit gift: ${x.name}`) : tr(ctx, '返礼品の追加', 'New return gift'));
  const ratio = h('p', {class: 'hint', id: 'gift-ratio', 'aria-live': 'polite'});
  const f = h('form', {class: 'form', id: 'gift-form', novalidate: true},
      field(ctx, {name: 'name', label: tr(ctx, '返礼品', 'Gift'), value: c.name || '', required: true, id: 'gift-name', attrs: {maxlength: '200'}}),
      field(ctx, {name: 'supplier', label: tr(ctx, '提供事業者', 'Supplier'), value: c.supplier || '', required: true, id: 'gift-supplier', attrs: {maxlength: '200'}}),
      field(ctx, {name: 'ground', label: tr(ctx, '地場産品基準 (告示第5条)', 'Local-product ground (article 5 of the notice)'), type: 'select', required: true, id: 'gift-ground',
        value: c.ground || '', options: [{value: '', label: tr(ctx, '選んでください', 'Choose one')}, ...grounds.map((g) => ({value: g.code, label: g.label}))]}),
      h('div', {class: 'grid2'},
          field(ctx, {name: 'donationAmount', label: tr(ctx, '寄附金額 (円)', 'Donation amount (yen)'), type: 'number', required: true, id: 'gift-amount', value: c.donationAmount ?? ''}),
          field(ctx, {name: 'procurementCost', label: tr(ctx, '調達費用 (円)', 'Procurement cost (yen)'), type: 'number', required: true, id: 'gift-cost', value: c.procurementCost ?? '',
            hint: tr(ctx, `寄附金額の${limit}%以下 (返礼割合の基準)`, `At most ${limit}% of the donation amount (the return ratio rule)`)}),
          field(ctx, {name: 'shippingCost', label: tr(ctx, '送料 (円)', 'Shipping cost (yen)'), type: 'number', required: true, id: 'gift-shipping', value: c.shippingCost ?? ''})),
      ratio,
      field(ctx, {name: 'active', label: tr(ctx, '提供中', 'Offered now'), type: 'checkbox', value: c.active, id: 'gift-active'}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-gift', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: ctx.href()}, tr(ctx, 'キャンセル', 'Cancel')),
          x ? h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-gift', text: tr(ctx, '削除', 'Delete'), on: {click: () => remove(ctx, f, x, etag)}}) : null));
  const showRatio = () => {
    const a = yenValue(f.elements.donationAmount.value);
    const p = yenValue(f.elements.procurementCost.value);
    ratio.textContent = a && p !== null
      ? tr(ctx, `返礼割合: ${(Math.ceil((p * 1000) / a) / 10).toFixed(1)}% (上限 ${limit}% = ${yen(ctx, Math.floor((a * limit) / 100))})`,
          `Return ratio: ${(Math.ceil((p * 1000) / a) / 10).toFixed(1)}% (limit ${limit}% = ${yen(ctx, Math.floor((a * limit) / 100))})`)
      : '';
  };
  f.elements.donationAmount.addEventListener('input', showRatio);
  f.elements.procurementCost.addEventListener('input', showRatio);
  showRatio();
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const errors = [];
    const amounts = {};
    for (const k of ['donationAmount', 'procurementCost', 'shippingCost']) {
      const raw = f.elements[k].value.trim();
      const v = yenValue(raw);
      if (raw === '') amounts[k] = null;
      else if (v === null) errors.push({field: k, message: tr(ctx, '円単位の整数で入力してください。', 'Enter whole yen.')});
      else amounts[k] = v;
    }
    if (errors.length) {
      showFieldErrors(ctx, f, {status: 400, detail: tr(ctx, '入力内容を確認してください。', 'Check the highlighted fields.'), errors});
      return;
    }
    const body = {
      name: f.elements.name.value.trim() || null,
      supplier: f.elements.supplier.value.trim() || null,
      ground: f.elements.ground.value || null,
      ...amounts,
      active: f.elements.active.checked,
    };
    const reply = await submit(ctx, f, {method: x ? 'PUT' : 'POST', path: x ? `${PATH}/${x.id}` : PATH, body, etag,
      reload: () => ctx.navigate(ctx.href(x.id))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href());
    }
  });
  root.append(backLink(ctx), f);
}

async function remove(ctx, f, x, etag) {
  if (!window.confirm(tr(ctx, `「${x.name}」を削除しますか。`, `Delete "${x.name}"?`))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    f.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
