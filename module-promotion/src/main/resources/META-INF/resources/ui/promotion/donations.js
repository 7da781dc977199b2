// ふるさと納税: 寄附 / Hometown tax: donations. The list (paged, sorted and filtered in the
// database by fiscal year in wareki, use, gift, payment and channel; CSV with donor names masked),
// one donation with a link to its printable 寄附金受領証明書, and the form.
// Routes: #/{lg}/promotion/promotion-donations[/new/{donorId} | /donor/{donorId} | /{id} | /{id}/edit].
import {h, tr, field, facts, pagedList, submit, errorNotice, notice, showFieldErrors} from '/ui/core/kit.js';

const PATH = 'promotion/donations';

export default async function render(root, ctx) {
  const [a, b] = ctx.args || [];
  let choices;
  try {
    const [payments, uses, gifts] = await Promise.all([ctx.getJson(`${PATH}/payment-methods`),
      ctx.getJson('promotion/donation-uses?size=100'), ctx.getJson('promotion/return-gifts?size=100')]);
    choices = {payments, uses: uses.items, gifts: gifts.items};
  } catch (err) {
    root.append(errorNotice(ctx, err));
    return undefined;
  }
  if (!a) return list(root, ctx, choices, null);
  if (a === 'donor') return list(root, ctx, choices, b);
  if (a === 'new') return form(root, ctx, choices, {donorId: b || '', publishName: false}, null, null);
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return b === 'edit' ? form(root, ctx, choices, r.body, r.body, r.etag) : detail(root, ctx, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 寄附の一覧へ', '← All donations')));
const yen = (ctx, n) => `${Number(n).toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'ja-JP')}${tr(ctx, ' 円', ' yen')}`;
const donorHref = (ctx, id) => `#/${ctx.lgCode}/promotion/promotion-donors/${id}`;
const opt = (ctx, all, items, label) => [{value: '', label: all}, ...items.map((x) => ({value: x.id || x.code, label: label(x)}))];

function thisFiscalYear() {
  const now = new Date();
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

async function list(root, ctx, choices, donorId) {
  const fy = thisFiscalYear();
  const years = [];
  for (let y = fy; y >= fy - 9; y -= 1) years.push({value: String(y), label: ctx.fiscalYearLabel(y)});
  const fyField = field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'), type: 'select', id: 'filter-fy',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...years]});
  const useField = field(ctx, {name: 'useId', label: tr(ctx, '使途', 'Use'), type: 'select', id: 'filter-use',
    options: opt(ctx, tr(ctx, 'すべて', 'All'), choices.uses, (u) => u.name)});
  const giftField = field(ctx, {name: 'returnGiftId', label: tr(ctx, '返礼品', 'Gift'), type: 'select', id: 'filter-gift',
    options: opt(ctx, tr(ctx, 'すべて', 'All'), choices.gifts, (g) => g.name)});
  const payField = field(ctx, {name: 'paymentMethod', label: tr(ctx, '支払方法', 'Payment'), type: 'select', id: 'filter-payment',
    options: opt(ctx, tr(ctx, 'すべて', 'All'), choices.payments, (p) => p.label)});
  const directField = field(ctx, {name: 'direct', label: tr(ctx, '受付経路', 'Channel'), type: 'select', id: 'filter-direct',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, {value: 'true', label: tr(ctx, '直接', 'Direct')}, {value: 'false', label: tr(ctx, 'ポータルサイト', 'Portal sites')}]});
  const sel = (w) => w.querySelector('select');
  const table = pagedList(ctx, {
    path: PATH, csv: `donations-${ctx.lgCode}.csv`, caption: tr(ctx, '寄附の一覧 (寄附者名は伏せて表示)', 'Donations (donor names masked)'),
    query: () => ({fiscalYear: sel(fyField).value, useId: sel(useField).value, returnGiftId: sel(giftField).value,
      paymentMethod: sel(payField).value, direct: sel(directField).value, donorId: donorId || ''}),
    columns: [
      {label: tr(ctx, '受領日', 'Received'), render: (x) => h('a', {href: ctx.href(x.id)}, x.receivedOn)},
      {label: tr(ctx, '年度', 'FY'), render: (x) => ctx.fiscalYearLabel(x.fiscalYear.year)},
      {label: tr(ctx, '寄附者', 'Donor'), render: (x) => x.donorName || ''},
      {label: tr(ctx, '寄附金額', 'Amount'), render: (x) => yen(ctx, x.amount)},
      {label: tr(ctx, '支払方法', 'Payment'), render: (x) => x.paymentMethodLabel},
      {label: tr(ctx, '受付経路', 'Channel'), render: (x) => x.channel || tr(ctx, '直接', 'Direct')},
      {label: tr(ctx, '使途', 'Use'), render: (x) => x.useName || ''},
      {label: tr(ctx, '返礼品', 'Gift'), render: (x) => x.returnGiftName || ''},
    ],
  });
  [fyField, useField, giftField, payField, directField].forEach((w) => sel(w).addEventListener('change', () => table.reload()));
  if (donorId) {
    root.append(h('p', {}, h('a', {href: donorHref(ctx, donorId)}, tr(ctx, '← 寄附者へ', '← Back to the donor')), ' ',
        h('span', {class: 'hint', text: tr(ctx, 'この寄附者の寄附だけを表示しています。', 'Showing this donor\'s donations only.')})));
  }
  root.append(
      h('p', {class: 'hint', text: tr(ctx, '寄附は寄附者の画面から登録します。', 'Record a donation from the donor\'s page.')}),
      h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'to-donors', href: `#/${ctx.lgCode}/promotion/promotion-donors`}, tr(ctx, '寄附者の一覧へ', 'Donors'))),
      h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '寄附の絞り込み', 'Filter donations'), on: {submit: (e) => e.preventDefault()}},
          fyField, useField, giftField, payField, directField),
      table.element);
  await table.reload();
}

function detail(root, ctx, x, etag) {
  ctx.setTitle(tr(ctx, `寄附 ${x.receivedOn}`, `Donation of ${x.receivedOn}`));
  const receipt = `/api/v1/municipalities/${ctx.lgCode}/${PATH}/${x.id}/receipt`;
  root.append(backLink(ctx),
      h('div', {class: 'toolbar'},
          h('a', {class: 'btn btn-primary', id: 'print-receipt', href: receipt, target: '_blank', rel: 'noopener'},
              tr(ctx, '寄附金受領証明書を印刷 (新しいタブ、記録されます)', 'Print the receipt (new tab; recorded)')),
          h('a', {class: 'btn', id: 'edit-donation', href: ctx.href(x.id, 'edit')}, tr(ctx, '編集', 'Edit')),
          h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-donation', text: tr(ctx, '削除', 'Delete'), on: {click: () => remove(ctx, root, x, etag)}})),
      facts([
        [tr(ctx, '寄附者', 'Donor'), h('a', {href: donorHref(ctx, x.donorId)}, x.donorName || '—')],
        [tr(ctx, '受領日', 'Received'), x.receivedOn],
        [tr(ctx, '年度', 'Fiscal year'), ctx.fiscalYearLabel(x.fiscalYear.year)],
        [tr(ctx, '指定対象期間', 'Designation period'), tr(ctx, `${x.designationYear}年10月〜${x.designationYear + 1}年9月`, `October ${x.designationYear} to September ${x.designationYear + 1}`)],
        [tr(ctx, '寄附金額', 'Amount'), yen(ctx, x.amount)],
        [tr(ctx, '支払方法', 'Payment'), x.paymentMethodLabel],
        [tr(ctx, '受付経路', 'Channel'), x.channel || tr(ctx, '直接', 'Direct')],
        [tr(ctx, '使途', 'Use'), x.useName || tr(ctx, '指定なし', 'None chosen')],
        [tr(ctx, '返礼品', 'Return gift'), x.returnGiftName || tr(ctx, 'なし', 'None')],
        [tr(ctx, '氏名の公表', 'Name published'), x.publishName ? tr(ctx, '希望する', 'Yes') : tr(ctx, '希望しない', 'No')],
      ]));
}

function form(root, ctx, choices, c, x, etag) {
  ctx.setTitle(x ? tr(ctx, '寄附の編集', 'Edit donation') : tr(ctx, '寄附の登録', 'Record a donation'));
  if (!c.donorId) {
    root.append(notice(tr(ctx, '寄附は寄附者の画面から登録してください。', 'Record a donation from the donor\'s page.'), 'info'),
        h('p', {}, h('a', {href: `#/${ctx.lgCode}/promotion/promotion-donors`}, tr(ctx, '寄附者の一覧へ', 'Donors'))));
    return;
  }
  const f = h('form', {class: 'form', id: 'donation-form', novalidate: true},
      h('input', {type: 'hidden', name: 'donorId', value: c.donorId}),
      h('div', {class: 'grid2'},
          field(ctx, {name: 'receivedOn', label: tr(ctx, '受領日', 'Received on'), type: 'date', value: c.receivedOn || '', required: true, id: 'donation-day'}),
          field(ctx, {name: 'amount', label: tr(ctx, '寄附金額 (円)', 'Amount (yen)'), type: 'number', value: c.amount ?? '', required: true, id: 'donation-amount'}),
          field(ctx, {name: 'paymentMethod', label: tr(ctx, '支払方法', 'Payment'), type: 'select', required: true, id: 'donation-payment',
            value: c.paymentMethod || '', options: opt(ctx, tr(ctx, '選んでください', 'Choose one'), choices.payments, (p) => p.label)}),
          field(ctx, {name: 'channel', label: tr(ctx, 'ポータルサイト名', 'Portal site'), value: c.channel || '', id: 'donation-channel',
            hint: tr(ctx, '自治体へ直接の寄附は空欄', 'Leave blank for a direct donation'), attrs: {maxlength: '100'}}),
          field(ctx, {name: 'useId', label: tr(ctx, '使途', 'Use'), type: 'select', id: 'donation-use', value: c.useId || '',
            options: opt(ctx, tr(ctx, '指定なし', 'None chosen'), choices.uses.filter((u) => u.active || u.id === c.useId), (u) => u.name)}),
          field(ctx, {name: 'returnGiftId', label: tr(ctx, '返礼品', 'Return gift'), type: 'select', id: 'donation-gift', value: c.returnGiftId || '',
            options: opt(ctx, tr(ctx, 'なし', 'None'), choices.gifts.filter((g) => g.active || g.id === c.returnGiftId), (g) => `${g.name} (${yen(ctx, g.donationAmount)})`)})),
      field(ctx, {name: 'publishName', label: tr(ctx, '氏名の公表を希望する', 'The donor wants their name published'), type: 'checkbox', value: c.publishName, id: 'donation-publish'}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-donation', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: x ? ctx.href(x.id) : donorHref(ctx, c.donorId)}, tr(ctx, 'キャンセル', 'Cancel'))));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const raw = f.elements.amount.value.trim().replace(/[,，\s円]/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    if (raw !== '' && !/^\d{1,10}$/.test(raw)) {
      showFieldErrors(ctx, f, {status: 400, detail: tr(ctx, '入力内容を確認してください。', 'Check the highlighted fields.'),
        errors: [{field: 'amount', message: tr(ctx, '円単位の整数で入力してください。', 'Enter whole yen.')}]});
      return;
    }
    const v = (k) => f.elements[k].value.trim() || null;
    const body = {donorId: c.donorId, receivedOn: v('receivedOn'), amount: raw === '' ? null : Number(raw), paymentMethod: v('paymentMethod'),
      channel: v('channel'), useId: v('useId'), returnGiftId: v('returnGiftId'), publishName: f.elements.publishName.checked};
    const reply = await submit(ctx, f, {method: x ? 'PUT' : 'POST', path: x ? `${PATH}/${x.id}` : PATH, body, etag,
      reload: () => ctx.navigate(ctx.href(x.id, 'edit'))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href(reply.body.id));
    }
  });
  root.append(backLink(ctx), f);
}

async function remove(ctx, root, x, etag) {
  if (!window.confirm(tr(ctx, 'この寄附を削除しますか。', 'Delete this donation?'))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    root.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
