// 空き家バンク: 利用登録者 / Vacant-house bank: house seekers. The list (paged, CSV, by state and deal)
// with people masked; one registration with the person masked until 「個人情報を表示」 (recorded), what
// they look for, and — while not yet decided — approve, or refuse with a reason (If-Match); a registered one is renewed
// (登録の更新, If-Match).
// Routes: #/{lg}/promotion/promotion-house-seekers[/{id}].
import {h, tr, field, facts, pagedList, errorNotice, notice, problemText} from '/ui/core/kit.js';

const PATH = 'promotion/house-seekers';
const STATES = [['APPLIED', '申込受付', 'Applied'], ['APPROVED', '登録済', 'Registered'], ['REFUSED', '登録不可', 'Refused']];
const DEALS = [['RENT', '賃貸', 'Rent'], ['SALE', '売買', 'Sale'], ['RENT_OR_SALE', '賃貸・売買', 'Rent or sale']];
const yen = (n) => (n === null || n === undefined ? '—' : `${Number(n).toLocaleString('ja-JP')} 円`);

export default async function render(root, ctx) {
  const [a] = ctx.args || [];
  if (!a) return list(root, ctx);
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return detail(root, ctx, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 利用登録者の一覧へ', '← All house seekers')));

async function list(root, ctx) {
  const stateField = field(ctx, {name: 'state', label: tr(ctx, '状態', 'State'), type: 'select', id: 'filter-state',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...STATES.map(([c, ja, en]) => ({value: c, label: tr(ctx, ja, en)}))]});
  const dealField = field(ctx, {name: 'dealType', label: tr(ctx, '希望する取引', 'Deal wished'), type: 'select', id: 'filter-deal',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...DEALS.map(([c, ja, en]) => ({value: c, label: tr(ctx, ja, en)}))]});
  const sel = (w) => w.querySelector('select');
  const table = pagedList(ctx, {
    path: PATH, csv: `house-seekers-${ctx.lgCode}.csv`, caption: tr(ctx, '空き家バンクの利用登録者 (氏名は伏せて表示)', 'Vacant-house bank house seekers (names masked)'),
    query: () => ({state: sel(stateField).value, dealType: sel(dealField).value}),
    columns: [
      {label: tr(ctx, '受付番号', 'Receipt'), render: (x) => h('a', {href: ctx.href(x.id)}, x.receiptNumber || tr(ctx, '(窓口)', '(counter)'))},
      {label: tr(ctx, '氏名', 'Name'), render: (x) => x.name},
      {label: tr(ctx, '希望地区', 'Area'), render: (x) => x.wishedArea || '—'},
      {label: tr(ctx, '取引', 'Deal'), render: (x) => x.dealTypeLabel},
      {label: tr(ctx, '予算', 'Budget'), render: (x) => yen(x.budget)},
      {label: tr(ctx, '状態', 'State'), render: (x) => x.stateLabel},
      {label: tr(ctx, '申込日', 'Applied'), render: (x) => x.appliedOn},
      {label: tr(ctx, '登録期限', 'Registration ends'), render: (x) => x.expiresOn || '—'},
    ],
  });
  [stateField, dealField].forEach((w) => sel(w).addEventListener('change', () => table.reload()));
  root.append(h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '利用登録者の絞り込み', 'Filter house seekers'), on: {submit: (e) => e.preventDefault()}}, stateField, dealField),
      table.element);
  await table.reload();
}

function personFacts(ctx, x) {
  return facts([
    [tr(ctx, '氏名', 'Name'), x.name || '—'],
    [tr(ctx, 'ふりがな', 'Kana'), x.kana || '—'],
    [tr(ctx, '住所', 'Address'), x.address || '—'],
    [tr(ctx, '電話番号', 'Phone'), x.phone || '—'],
    [tr(ctx, 'メールアドレス', 'E-mail'), x.email || '—'],
  ]);
}

function detail(root, ctx, x, etag) {
  ctx.setTitle(tr(ctx, `空き家バンク: 利用登録 ${x.receiptNumber || ''}`, `Vacant-house bank: registration ${x.receiptNumber || ''}`));
  const person = h('div', {id: 'house-seeker-person'}, personFacts(ctx, x));
  const result = h('div', {'aria-live': 'polite'});
  const reveal = h('button', {type: 'button', class: 'btn', id: 'reveal-seeker', text: tr(ctx, '個人情報を表示 (記録されます)', 'Show personal data (recorded)'),
    on: {click: async () => {
      const r = await ctx.api('GET', `${PATH}/${x.id}?reveal=personal-data`);
      if (r.status === 200) {
        person.replaceChildren(personFacts(ctx, r.body));
        reveal.remove();
        ctx.announce(tr(ctx, '個人情報を表示しました。この操作は監査ログに記録されます。', 'Personal data shown; this is recorded in the audit trail.'));
      } else {
        result.replaceChildren(notice(problemText(ctx, r.problem, r.status), 'error'));
      }
    }}});
  root.append(backLink(ctx), h('div', {class: 'toolbar'}, x.anonymisedAt ? null : reveal),
      h('p', {id: 'house-seeker-state', text: tr(ctx, `現在の状態: ${x.stateLabel}`, `Now: ${x.stateLabel}`)}),
      h('h2', {text: tr(ctx, '希望', 'What they look for')}),
      facts([
        [tr(ctx, '世帯の人数', 'Household size'), x.householdSize != null ? String(x.householdSize) : '—'],
        [tr(ctx, '世帯の構成', 'Household'), x.household || '—'],
        [tr(ctx, '希望する地区', 'Area wished'), x.wishedArea || '—'],
        [tr(ctx, '希望する取引', 'Deal wished'), x.dealTypeLabel],
        [tr(ctx, '予算', 'Budget'), yen(x.budget)],
        [tr(ctx, '入居希望時期', 'Move-in timing'), x.moveIn || '—'],
        [tr(ctx, '申込日', 'Applied'), x.appliedOn],
        [tr(ctx, '登録日', 'Registered'), x.approvedOn || '—'],
        [tr(ctx, '登録期限', 'Registration ends'), x.expiresOn || '—'],
        [tr(ctx, '不承認の理由', 'Reason for refusal'), x.reason || '—'],
      ]),
      h('h2', {text: tr(ctx, '申込者 (個人情報)', 'Applicant (personal data)')}), person, result);
  if (x.state === 'APPLIED') {
    const reason = field(ctx, {name: 'reason', label: tr(ctx, '不承認の理由 (不承認のとき必須)', 'Reason (required to refuse)'), type: 'textarea', id: 'hs-reason', attrs: {maxlength: '500'}});
    const decide = async (approve) => {
      const text = reason.querySelector('textarea').value.trim() || null;
      const r = await ctx.api('POST', `${PATH}/${x.id}/decision`, {etag, body: {approve, reason: text}});
      if (r.status === 200) {
        ctx.announce(approve ? tr(ctx, '登録しました。', 'Registered.') : tr(ctx, '登録不可にしました。', 'Refused.'));
        ctx.navigate(ctx.href(x.id));
      } else {
        result.replaceChildren(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
            : problemText(ctx, r.problem, r.status), 'error'));
      }
    };
    root.append(h('section', {id: 'house-seeker-decision'}, h('h2', {text: tr(ctx, '登録の判断', 'Decision')}), reason,
        h('div', {class: 'actions'},
            h('button', {type: 'button', class: 'btn btn-primary', id: 'approve-seeker', text: tr(ctx, '登録する', 'Register'), on: {click: () => decide(true)}}),
            h('button', {type: 'button', class: 'btn', id: 'refuse-seeker', text: tr(ctx, '登録不可にする', 'Refuse'), on: {click: () => decide(false)}}))));
  }
  if (x.state === 'APPROVED' && !x.anonymisedAt) {
    // 登録の更新: registered again from today for the period, as a property's renewal.
    const renew = async () => {
      const r = await ctx.api('POST', `${PATH}/${x.id}/renewal`, {etag});
      if (r.status === 200) {
        ctx.announce(tr(ctx, `登録を更新しました。新しい期限は ${r.body.expiresOn} です。`, `Renewed; the registration now ends on ${r.body.expiresOn}.`));
        ctx.navigate(ctx.href(x.id));
      } else {
        result.replaceChildren(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
            : problemText(ctx, r.problem, r.status), 'error'));
      }
    };
    root.append(h('section', {id: 'house-seeker-renewal'}, h('h2', {text: tr(ctx, '登録の更新', 'Renewal')}),
        h('p', {text: tr(ctx, '今日から登録期間 (物件の登録期間と同じ) の登録に更新します。期限を過ぎた登録も更新できます。',
          'Registers again from today for the registration period of properties; an expired registration can be renewed too.')}),
        h('div', {class: 'actions'},
            h('button', {type: 'button', class: 'btn btn-primary', id: 'renew-seeker', text: tr(ctx, '登録を更新する', 'Renew the registration'), on: {click: renew}}))));
  }
}
