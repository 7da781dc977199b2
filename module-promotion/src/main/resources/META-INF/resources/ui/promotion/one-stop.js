// ふるさと納税: ワンストップ特例 / Hometown tax: one-stop applications. The list (by year of the donations and
// state, paged, CSV), the year's notifications per residence municipality (one CSV file each, personal data in
// full, every download recorded in the audit trail), and one form per application: the donor, the year, the day
// received (refused after January 10 of the next year, with the reason), mail or online, the residence
// municipality, the day My Number and identity were checked (never the number), the donations it covers (the
// donor's donations of that year), the donor's two declarations (① no tax return needed, ② at most five
// municipalities in the year: required, recorded as declared, since Machi cannot see other municipalities'
// applications), and the changes (変更届出書) received later. An application sent online from the portal shows
// its receipt number, the applicant as sent (masked; shown in full on request, audited), the donations they
// listed and donors with the same e-mail or phone, to choose the donor and match it like a mailed one.
// Routes: #/{lg}/promotion/promotion-one-stop[/new | /{id}].
import {h, tr, field, pagedList, submit, errorNotice, notice, facts, downloadCsv} from '/ui/core/kit.js';

const PATH = 'promotion/one-stop-applications';
const STATES = [['', 'すべて', 'All'], ['TO_MATCH', '照合待ち', 'To match'], ['RECEIVED', '受付 (未確認)', 'Received (not checked)'],
  ['CHECKED', '確認済 (未照合)', 'Checked (not matched)'], ['MATCHED', '照合済', 'Matched']];

export default async function render(root, ctx) {
  const [a] = ctx.args || [];
  if (!a) return list(root, ctx);
  if (a === 'new') return form(root, ctx, null, null);
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return form(root, ctx, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 申請の一覧へ', '← All applications')));
const yen = (ctx, v) => `${Number(v).toLocaleString()} ${tr(ctx, '円', 'yen')}`;

/** The year whose applications are open now: until January 10 the year before. */
function openYear() {
  const now = new Date();
  return now.getMonth() === 0 && now.getDate() <= 10 ? now.getFullYear() - 1 : now.getFullYear();
}

async function list(root, ctx) {
  const y0 = openYear();
  const years = [];
  for (let y = y0; y >= y0 - 5; y -= 1) years.push({value: String(y), label: tr(ctx, `${y}年の寄附`, `Donations of ${y}`)});
  const yearField = field(ctx, {name: 'year', label: tr(ctx, '寄附の年', 'Year of the donations'), type: 'select', id: 'filter-year', options: years});
  const stateField = field(ctx, {name: 'state', label: tr(ctx, '状態', 'State'), type: 'select', id: 'filter-state',
    options: STATES.map(([v, ja, en]) => ({value: v, label: tr(ctx, ja, en)}))});
  const yearSel = yearField.querySelector('select');
  const stateSel = stateField.querySelector('select');
  const table = pagedList(ctx, {
    path: PATH, csv: `one-stop-applications-${ctx.lgCode}.csv`, caption: tr(ctx, 'ワンストップ特例の申請', 'One-stop applications'),
    query: () => ({year: yearSel.value, state: stateSel.value}),
    columns: [
      {label: tr(ctx, '受付日', 'Received'), render: (x) => h('a', {href: ctx.href(x.id)}, x.receivedOn)},
      {label: tr(ctx, '寄附者', 'Donor'), render: (x) => x.donorName || (x.applicant && x.applicant.name) || '—'},
      {label: tr(ctx, '受付方法', 'Channel'), render: (x) => x.channelLabel},
      {label: tr(ctx, '住所地', 'Residence'), render: (x) => x.residenceName},
      {label: tr(ctx, '状態', 'State'), render: (x) => x.stateLabel},
      {label: tr(ctx, '対象の寄附額', 'Amount covered'), render: (x) => yen(ctx, x.donationAmount)},
    ],
  });
  const notices = h('section', {id: 'one-stop-notices', 'aria-labelledby': 'one-stop-notices-h'});
  let asked = 0;
  const showNotices = async () => {
    const mine = ++asked;
    const r = await ctx.api('GET', `${PATH}/notifications?year=${yearSel.value}`);
    if (mine !== asked) return; // a later year was chosen meanwhile
    if (r.status !== 200) {
      notices.replaceChildren(errorNotice(ctx, {status: r.status, problem: r.problem}));
      return;
    }
    const n = r.body;
    const rows = n.municipalities.map((m) => h('tr', {}, h('th', {scope: 'row', text: `${m.residenceName} (${m.residenceCode})`}),
        h('td', {class: 'num', text: String(m.donors)}), h('td', {class: 'num', text: String(m.donations)}), h('td', {class: 'num', text: yen(ctx, m.amount)}),
        h('td', {}, h('button', {type: 'button', class: 'btn', dataset: {code: m.residenceCode}, text: tr(ctx, '通知ファイル (CSV)', 'Notification file (CSV)'),
          on: {click: () => downloadCsv(ctx, `${PATH}/notifications/${m.residenceCode}`, {year: n.year}, `one-stop-notice-${n.year}-${m.residenceCode}.csv`)}}))));
    notices.replaceChildren(h('h2', {id: 'one-stop-notices-h', text: tr(ctx, `住所地の市区町村への通知 (${n.year}年の寄附)`, `Notifications to residence municipalities (donations of ${n.year})`)}),
        facts([[tr(ctx, '申請の期限', 'Applications due'), n.deadline], [tr(ctx, '通知の期限', 'Notify by'), n.notifyBy],
          [tr(ctx, '受付 (未確認)', 'Received (not checked)'), String(n.received)], [tr(ctx, '確認済 (未照合)', 'Checked (not matched)'), String(n.checked)],
          [tr(ctx, '照合済', 'Matched'), String(n.matched)]]),
        n.received + n.checked > 0 ? notice(tr(ctx, `照合していない申請が ${n.received + n.checked} 件あります。${n.deadline} までに照合してください (照合済の申請だけが通知に載ります)。`,
          `${n.received + n.checked} application(s) are not matched yet. Match them by ${n.deadline} (only matched applications are notified).`), 'error') : null,
        rows.length ? h('table', {class: 'list'}, h('caption', {text: tr(ctx, '市区町村ごとの通知', 'Notifications per municipality')}),
          h('thead', {}, h('tr', {}, [tr(ctx, '市区町村', 'Municipality'), tr(ctx, '寄附者', 'Donors'), tr(ctx, '寄附件数', 'Donations'), tr(ctx, '寄附金額', 'Amount'), tr(ctx, 'ファイル', 'File')]
              .map((t) => h('th', {scope: 'col', text: t})))), h('tbody', {}, rows))
          : h('p', {text: tr(ctx, '通知する申請はまだありません。', 'Nothing to notify yet.')}));
  };
  const reload = () => {
    table.reload();
    showNotices();
  };
  yearSel.addEventListener('change', reload);
  stateSel.addEventListener('change', () => table.reload());
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-one-stop', href: ctx.href('new')}, tr(ctx, '申請を受け付ける', 'Record an application'))),
      h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '申請の絞り込み', 'Filter applications'), on: {submit: (e) => e.preventDefault()}}, yearField, stateField),
      table.element, notices);
  await table.reload();
  await showNotices();
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function form(root, ctx, x, etag) {
  ctx.setTitle(x ? tr(ctx, `ワンストップ特例の申請 (${x.receivedOn} 受付)`, `One-stop application (received ${x.receivedOn})`)
    : tr(ctx, 'ワンストップ特例の申請の受付', 'Record a one-stop application'));
  const a = x || {donationYear: openYear(), receivedOn: today(), channel: 'MAIL', donations: [], unmatchedDonations: [], changes: []};
  const status = h('div', {id: 'one-stop-status', 'aria-live': 'polite'});
  if (x) {
    status.append(facts([[tr(ctx, '状態', 'State'), x.stateLabel], [tr(ctx, '寄附者', 'Donor'), x.donorName || '—'],
      [tr(ctx, '受付番号', 'Receipt number'), x.receiptNumber || '—'], [tr(ctx, '申告', 'Declarations'), x.declarationsLabel],
      [tr(ctx, '申請の期限', 'Deadline'), x.deadline], [tr(ctx, '対象の寄附額', 'Amount covered'), yen(ctx, x.donationAmount)]]));
  }
  const donations = [...a.donations.map((d) => ({...d, on: true})), ...(a.unmatchedDonations || []).map((d) => ({...d, on: false}))];
  const matchBox = h('fieldset', {id: 'one-stop-donations'}, h('legend', {text: tr(ctx, '対象の寄附 (この年の寄附者の寄附)', 'Donations covered (the donor\'s donations of the year)')}),
      donations.length ? donations.map((d) => h('label', {class: 'field-checkbox'}, h('input', {type: 'checkbox', name: 'donation', value: d.id, checked: d.on}),
          ` ${d.receivedOn} ${yen(ctx, d.amount)}`))
        : h('p', {class: 'hint', text: x ? tr(ctx, '照合できる寄附はありません。', 'No donation to match.') : tr(ctx, '保存すると、この年の寄附者の寄附を選べます。', 'Save first; then the donor\'s donations of the year can be chosen.')}));
  const declared = (name, value, ja, en) => h('label', {class: 'field-checkbox'},
      h('input', {type: 'checkbox', name, id: `os-${name}`, checked: value === true}), ` ${tr(ctx, ja, en)}`);
  const declarations = h('fieldset', {id: 'one-stop-declarations'},
      h('legend', {text: tr(ctx, '寄附者の申告 (申請書の①②。両方ないと受け付けられません)', 'The donor\'s declarations ((1) and (2) of the form; both required)')}),
      declared('declaresNoTaxReturn', a.declaresNoTaxReturn, '① 申告特例対象寄附者である (確定申告が不要)', '(1) Needs no tax return'),
      declared('declaresAtMostFive', a.declaresAtMostFive, '② 申告特例の申請先が5団体以内である (寄附者の申告。他団体への申請は確認できません)',
          '(2) Applies to at most five municipalities (the donor\'s declaration: others\' applications cannot be seen)'));
  const f = h('form', {class: 'form', id: 'one-stop-form', novalidate: true},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'donorId', label: tr(ctx, '寄附者の ID', 'Donor ID'), value: a.donorId || '', required: true, id: 'os-donor',
            hint: tr(ctx, '寄附者の画面に表示される ID', 'The ID shown on the donor\'s screen'), attrs: {maxlength: '40'}}),
          field(ctx, {name: 'donationYear', label: tr(ctx, '寄附の年', 'Year of the donations'), value: String(a.donationYear), required: true, id: 'os-year', type: 'number', attrs: {maxlength: '4'}}),
          field(ctx, {name: 'receivedOn', label: tr(ctx, '受付日 (翌年1月10日まで)', 'Received on (by January 10 of the next year)'), type: 'date', value: a.receivedOn, required: true, id: 'os-received'}),
          field(ctx, {name: 'channel', label: tr(ctx, '受付方法', 'Channel'), type: 'select', value: a.channel, id: 'os-channel',
            options: [{value: 'MAIL', label: tr(ctx, '郵送', 'By mail')}, {value: 'ONLINE', label: tr(ctx, 'オンライン', 'Online')}]}),
          field(ctx, {name: 'residenceCode', label: tr(ctx, '住所地の団体コード (6桁)', 'Residence municipality code (6 digits)'), value: a.residenceCode || '', required: true, id: 'os-code', attrs: {maxlength: '6', inputmode: 'numeric'}}),
          field(ctx, {name: 'residenceName', label: tr(ctx, '住所地の市区町村', 'Residence municipality'), value: a.residenceName || '', required: true, id: 'os-name', attrs: {maxlength: '100'}}),
          field(ctx, {name: 'identityCheckedOn', label: tr(ctx, '個人番号・本人確認をした日 (番号は記録しません)', 'Day My Number and identity were checked (the number is never recorded)'), type: 'date',
            value: a.identityCheckedOn || '', id: 'os-checked'})),
      declarations,
      matchBox,
      field(ctx, {name: 'note', label: tr(ctx, '備考', 'Note'), type: 'textarea', value: a.note || '', id: 'os-note', attrs: {maxlength: '1000'}}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-one-stop', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: ctx.href()}, tr(ctx, 'キャンセル', 'Cancel')),
          x ? h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-one-stop', text: tr(ctx, '削除', 'Delete'), on: {click: () => remove(ctx, f, x, etag)}}) : null));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (k) => f.elements[k].value.trim() || null;
    const year = v('donationYear');
    const body = {donorId: v('donorId'), donationYear: year && /^\d+$/.test(year) ? Number(year) : year, receivedOn: v('receivedOn'), channel: v('channel'),
      residenceCode: v('residenceCode'), residenceName: v('residenceName'), identityCheckedOn: v('identityCheckedOn'), note: v('note'),
      donationIds: [...f.querySelectorAll('input[name=donation]:checked')].map((c) => c.value),
      // An application recorded before declarations were kept may stay without them (null keeps the record).
      declaresNoTaxReturn: f.elements.declaresNoTaxReturn.checked ? true : (x && x.declaresNoTaxReturn == null ? null : false),
      declaresAtMostFive: f.elements.declaresAtMostFive.checked ? true : (x && x.declaresAtMostFive == null ? null : false)};
    const reply = await submit(ctx, f, {method: x ? 'PUT' : 'POST', path: x ? `${PATH}/${x.id}` : PATH, body, etag,
      reload: () => ctx.navigate(ctx.href(x.id))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href(reply.body.id));
    }
  });
  root.append(backLink(ctx), status);
  if (x && x.applicant) root.append(online(ctx, x, f));
  root.append(f);
  if (x) root.append(changes(ctx, x, etag));
}

/** What an online applicant sent (masked; in full on request, audited) and donors to match it with. */
function online(ctx, x, f) {
  const section = h('section', {id: 'one-stop-online', 'aria-labelledby': 'one-stop-online-h'});
  const show = (v) => {
    const p = v.applicant;
    const candidates = (v.donorCandidates || []).map((c) => h('li', {}, `${c.name || '—'} `,
        h('button', {type: 'button', class: 'btn', dataset: {donor: c.id}, text: tr(ctx, 'この寄附者にする', 'Use this donor'),
          on: {click: () => { f.elements.donorId.value = c.id; f.elements.donorId.focus(); }}})));
    section.replaceChildren(h('h2', {id: 'one-stop-online-h', text: tr(ctx, 'オンライン申請の内容', 'Sent online')}),
        facts([[tr(ctx, '氏名', 'Name'), p.name || '—'], [tr(ctx, 'フリガナ', 'Kana'), p.kana || '—'],
          [tr(ctx, '住所', 'Address'), `${p.postalCode || ''} ${p.address || '—'}`], [tr(ctx, '電話番号', 'Phone'), p.phone || '—'],
          [tr(ctx, 'メールアドレス', 'E-mail'), p.email || '—'], [tr(ctx, '生年月日', 'Date of birth'), p.birthDate || '—'],
          [tr(ctx, '申請された寄附', 'Donations listed'), (v.declaredDonations || []).map((d) => `${d.donatedOn} ${yen(ctx, d.amount)}`).join('、') || '—']]),
        candidates.length ? h('div', {}, h('p', {text: tr(ctx, 'メールアドレスか電話番号が同じ寄附者:', 'Donors with the same e-mail or phone:')}), h('ul', {id: 'one-stop-candidates'}, candidates))
          : h('p', {class: 'hint', text: tr(ctx, '同じメールアドレス・電話番号の寄附者はいません。寄附者を登録してから ID を入れてください。', 'No donor has the same e-mail or phone: register the donor, then enter the ID.')}),
        v.applicant.name && !v.applicantRevealed ? h('button', {type: 'button', class: 'btn', id: 'one-stop-reveal', text: tr(ctx, '個人情報を表示 (記録されます)', 'Show personal data (recorded)'),
          on: {click: async () => {
            const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(x.id)}?reveal=personal-data`);
            if (r.status === 200) show({...r.body, applicantRevealed: true});
            else section.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}));
          }}}) : null);
  };
  show(x);
  return section;
}

function changes(ctx, x, etag) {
  const rows = x.changes.map((c) => h('tr', {}, h('td', {text: c.receivedOn}), h('td', {text: c.kindLabels}),
      h('td', {text: c.residenceCodeAfter ? `${c.residenceNameBefore} → ${c.residenceNameAfter}` : '—'}), h('td', {text: c.note || ''})));
  const f = h('form', {class: 'form', id: 'one-stop-change-form', novalidate: true},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'receivedOn', label: tr(ctx, '変更届出書の受付日', 'Change received on'), type: 'date', value: today(), id: 'osc-received'}),
          field(ctx, {name: 'kinds', label: tr(ctx, '変更の内容', 'What changed'), type: 'select', id: 'osc-kind',
            options: [{value: 'ADDRESS', label: tr(ctx, '住所', 'Address')}, {value: 'NAME', label: tr(ctx, '氏名', 'Name')}]}),
          field(ctx, {name: 'residenceCode', label: tr(ctx, '新しい住所地の団体コード', 'New residence municipality code'), id: 'osc-code', attrs: {maxlength: '6'}}),
          field(ctx, {name: 'residenceName', label: tr(ctx, '新しい住所地の市区町村', 'New residence municipality'), id: 'osc-name', attrs: {maxlength: '100'}})),
      field(ctx, {name: 'note', label: tr(ctx, '備考', 'Note'), type: 'textarea', id: 'osc-note', attrs: {maxlength: '1000'}}),
      h('p', {class: 'hint', text: tr(ctx, '新しい住所・氏名そのものは寄附者の画面で直してください。', 'Correct the new address or name itself on the donor\'s screen.')}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn', id: 'save-one-stop-change', text: tr(ctx, '変更届出書を記録', 'Record the change')})));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (k) => f.elements[k].value.trim() || null;
    const body = {receivedOn: v('receivedOn'), kinds: [v('kinds')], residenceCode: v('residenceCode'), residenceName: v('residenceName'), note: v('note')};
    const reply = await submit(ctx, f, {method: 'POST', path: `${PATH}/${x.id}/changes`, body, etag, reload: () => ctx.navigate(ctx.href(x.id))});
    if (reply) {
      ctx.announce(tr(ctx, '記録しました。', 'Recorded.'));
      ctx.navigate(ctx.href(x.id));
    }
  });
  return h('section', {id: 'one-stop-changes'}, h('h2', {text: tr(ctx, '変更届出書', 'Changes')}),
      rows.length ? h('table', {class: 'list'}, h('thead', {}, h('tr', {}, [tr(ctx, '受付日', 'Received'), tr(ctx, '内容', 'Kind'), tr(ctx, '住所地', 'Residence'), tr(ctx, '備考', 'Note')]
          .map((t) => h('th', {scope: 'col', text: t})))), h('tbody', {}, rows)) : h('p', {text: tr(ctx, '変更届出書はありません。', 'No changes.')}),
      f);
}

async function remove(ctx, f, x, etag) {
  if (!window.confirm(tr(ctx, 'この申請を削除しますか。', 'Delete this application?'))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    f.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
