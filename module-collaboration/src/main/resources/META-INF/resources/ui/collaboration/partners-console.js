// 協働の相手方 (partner registry) in the staff console: #/{lg}/collaboration/collaboration-partners[/<id>].
// The list (filters state / kind / role / words, applications filed as spam, CSV) with the contacts masked as
// the API gives them; one partner: its facts, the contacts in full only on "個人情報を表示" (GET
// …?reveal=personal-data, recorded in the audit trail), the edit form (profile, roles, contacts, 登録番号/登録日)
// sent with If-Match, a paper application entered by staff, and the registration decision (団体登録の審査): its
// state, the buttons of the actions the signed-in person may take now, the history. DOM built with kit.js.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, problemText, facts, conflictNotice} from '/ui/core/kit.js';

export const KINDS = {
  NPO: ['NPO法人', 'NPO corporation'], CIVIC_GROUP: ['市民活動団体', 'Civic group'],
  VOLUNTEER_GROUP: ['ボランティア団体', 'Volunteer group'], NEIGHBOURHOOD_ASSOCIATION: ['自治会・町内会', 'Neighbourhood association'],
  FEDERATION: ['連合会・まちぢから協議会', 'Federation of associations'], COMPANY: ['企業', 'Company'],
  SCHOOL: ['大学・学校', 'University or school'], DESIGNATED_MANAGER: ['指定管理者', 'Designated manager'], OTHER: ['その他', 'Other'],
};
export const ROLES = {
  PARTNER: ['協働の相手方', 'Collaboration partner'], GRANT_APPLICANT: ['補助金の申請者', 'Grant applicant'],
  DESIGNATED_MANAGER: ['指定管理者', 'Designated manager'], SPONSORSHIP_ORGANISER: ['後援名義の申請者', 'Sponsorship applicant'],
};
const STATES = {
  APPLIED: ['申請中', 'Applied'], REGISTERED: ['登録済', 'Registered'], REFUSED: ['不承認', 'Refused'], CLOSED: ['登録終了', 'Registration ended'],
};

const label = (ctx, pair, fallback) => (pair ? tr(ctx, pair[0], pair[1]) : fallback || '');
const options = (ctx, map, all) => [...(all ? [{value: '', label: tr(ctx, 'すべて', 'All')}] : []),
  ...Object.entries(map).map(([value, pair]) => ({value, label: label(ctx, pair)}))];
const canEdit = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);

function day(ctx, iso) {
  if (!iso) return '';
  const d = String(iso).substring(0, 10);
  const [y, m, dd] = d.split('-').map(Number);
  return ctx.lang === 'en' ? d : `${y}年${m}月${dd}日`;
}

export default async function render(root, ctx) {
  const id = ctx.args && ctx.args[0];
  if (id === 'new') {
    await paperApplication(root, ctx);
  } else if (id) {
    await detail(root, ctx, id);
  } else {
    await list(root, ctx);
  }
}

// ---- list -------------------------------------------------------------------------------------

async function list(root, ctx) {
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '団体の絞り込み', 'Filter partner organisations'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}},
  field(ctx, {name: 'state', type: 'select', label: tr(ctx, '状態', 'State'), options: options(ctx, STATES, true)}),
  field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種別', 'Kind'), options: options(ctx, KINDS, true)}),
  field(ctx, {name: 'role', type: 'select', label: tr(ctx, '役割', 'Role'), options: options(ctx, ROLES, true)}),
  field(ctx, {name: 'q', label: tr(ctx, '団体名・地域・分野', 'Name, area, field'), attrs: {maxlength: 200}}),
  field(ctx, {name: 'spam', type: 'checkbox', label: tr(ctx, '迷惑投稿として扱った申請', 'Applications filed as spam')}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  for (const name of ['state', 'kind', 'role', 'spam']) filters.elements[name].addEventListener('change', () => table.reload());
  const table = pagedList(ctx, {
    path: 'collaboration/partners', csv: `partners-${ctx.lgCode}.csv`, caption: tr(ctx, '協働の相手方の一覧', 'Partner organisations'),
    query: () => ({state: filters.elements.state.value, kind: filters.elements.kind.value, role: filters.elements.role.value,
      q: filters.elements.q.value.trim(), spam: filters.elements.spam.checked ? 'true' : ''}),
    columns: [
      {label: tr(ctx, '団体名', 'Organisation'), render: (p) => h('a', {href: ctx.href(p.id), class: 'partner-link'}, p.name)},
      {label: tr(ctx, '種別', 'Kind'), render: (p) => label(ctx, KINDS[p.kind], p.kind)},
      {label: tr(ctx, '役割', 'Roles'), render: (p) => p.roles.map((r) => label(ctx, ROLES[r], r)).join('・')},
      {label: tr(ctx, '活動分野', 'Fields'), render: (p) => p.fieldsOfActivity.join('・')},
      {label: tr(ctx, '代表者 (マスク)', 'Representative (masked)'), render: (p) => p.representativeName || '—'},
      {label: tr(ctx, '受付番号', 'Receipt number'), render: (p) => p.receiptNumber},
      {label: tr(ctx, '登録番号', 'Registration no.'), render: (p) => p.registrationNumber || '—'},
      {label: tr(ctx, '状態', 'State'), render: (p) => p.stateLabel},
    ],
  });
  add(root,
      h('p', {class: 'hint', text: tr(ctx, '代表者・連絡先の個人情報は伏せて表示しています。全文は各団体の画面で「個人情報を表示」を押すと表示され、その操作は監査記録に残ります。',
          'Representatives\' and contacts\' personal data is shown masked. Open an organisation and press "Show personal data" to see it in full; that read is recorded in the audit trail.')}),
      canEdit(ctx) ? h('p', {}, h('a', {href: ctx.href('new'), class: 'btn', id: 'new-partner', text: tr(ctx, '書面の登録申請を入力', 'Enter a paper application')})) : null,
      filters, table.element);
  await table.reload();
}

// ---- the form shared by a paper application and an edit --------------------------------------

function partnerFields(ctx, p, withRegistration) {
  const roles = h('fieldset', {class: 'field field-roles', dataset: {field: 'roles'}},
      h('legend', {text: tr(ctx, '役割 (複数選択可)', 'Roles (several allowed)')}),
      Object.entries(ROLES).map(([code, pair]) => field(ctx, {name: `role-${code}`, type: 'checkbox', label: label(ctx, pair),
        value: p ? p.roles.includes(code) : code === 'PARTNER'})));
  return [
    field(ctx, {name: 'name', label: tr(ctx, '団体名', 'Organisation name'), value: p && p.name, required: true, attrs: {maxlength: 200}}),
    field(ctx, {name: 'nameKana', label: tr(ctx, '団体名 (ふりがな)', 'Name (reading)'), value: p && p.nameKana, attrs: {maxlength: 200}}),
    field(ctx, {name: 'kind', type: 'select', label: tr(ctx, '種別', 'Kind'), value: p ? p.kind : 'NPO', required: true, options: options(ctx, KINDS, false)}),
    roles,
    field(ctx, {name: 'fieldsOfActivity', type: 'textarea', label: tr(ctx, '活動分野 (1 行に 1 つ)', 'Fields of activity (one per line)'),
      value: p ? p.fieldsOfActivity.join('\n') : ''}),
    field(ctx, {name: 'area', label: tr(ctx, '活動地域', 'Area'), value: p && p.area, attrs: {maxlength: 200}}),
    field(ctx, {name: 'purpose', type: 'textarea', label: tr(ctx, '活動の目的・内容', 'Purpose and activities'), value: p && p.purpose}),
    field(ctx, {name: 'website', type: 'url', label: tr(ctx, 'ウェブサイト', 'Website'), value: p && p.website, attrs: {maxlength: 300}}),
    field(ctx, {name: 'representativeName', label: tr(ctx, '代表者氏名', 'Representative'), value: p && p.representativeName, attrs: {maxlength: 100}}),
    field(ctx, {name: 'contactName', label: tr(ctx, '連絡担当者氏名', 'Contact person'), value: p && p.contactName, attrs: {maxlength: 100}}),
    field(ctx, {name: 'contactAddress', label: tr(ctx, '連絡先住所', 'Contact address'), value: p && p.contactAddress, attrs: {maxlength: 300}}),
    field(ctx, {name: 'contactPhone', type: 'tel', label: tr(ctx, '連絡先電話番号', 'Contact phone'), value: p && p.contactPhone, attrs: {maxlength: 40}}),
    field(ctx, {name: 'contactEmail', type: 'email', label: tr(ctx, '連絡先メールアドレス', 'Contact e-mail'), value: p && p.contactEmail, attrs: {maxlength: 254}}),
    withRegistration ? field(ctx, {name: 'registrationNumber', label: tr(ctx, '登録番号 (市民活動サポートセンター)', 'Registration number (support centre)'),
      value: p && p.registrationNumber, attrs: {maxlength: 20}}) : null,
    withRegistration ? field(ctx, {name: 'registeredOn', type: 'date', label: tr(ctx, '登録日', 'Registered on'), value: p && p.registeredOn}) : null,
  ];
}

function partnerBody(form) {
  const f = form.elements;
  const v = (n) => (f[n] && f[n].value.trim()) || null;
  return {name: f.name.value.trim(), nameKana: v('nameKana'), kind: f.kind.value,
    roles: Object.keys(ROLES).filter((code) => f[`role-${code}`].checked),
    fieldsOfActivity: f.fieldsOfActivity.value.split('\n').map((s) => s.trim()).filter(Boolean),
    area: v('area'), purpose: v('purpose'), website: v('website'), representativeName: v('representativeName'),
    contactName: v('contactName'), contactAddress: v('contactAddress'), contactPhone: v('contactPhone'), contactEmail: v('contactEmail')};
}

async function paperApplication(root, ctx) {
  ctx.setTitle(tr(ctx, '書面の登録申請を入力', 'Enter a paper application'));
  const form = h('form', {class: 'form', id: 'partner-form', novalidate: true},
      ...partnerFields(ctx, null, false),
      field(ctx, {name: 'receivedOn', type: 'date', label: tr(ctx, '受付日', 'Received on'),
        hint: tr(ctx, '空欄なら今日です。', 'Today when left empty.')}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-partner', text: tr(ctx, '受け付ける', 'Receive')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {...partnerBody(form), receivedOn: form.elements.receivedOn.value || null};
    const r = await submit(ctx, form, {method: 'POST', path: 'collaboration/partners/applications', body});
    if (r) {
      ctx.announce(tr(ctx, `受付番号 ${r.body.receiptNumber} で受け付けました。`, `Received as ${r.body.receiptNumber}.`));
      ctx.navigate(ctx.href());
    }
  });
  add(root, h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 協働の相手方の一覧へ', '← All partner organisations'))), form);
}

// ---- one partner ------------------------------------------------------------------------------

function registrationSection(ctx, path, a, etag, reload, done) {
  const form = h('form', {class: 'form partner-registration', id: 'partner-registration', novalidate: true,
    on: {submit: (e) => e.preventDefault()}});
  const take = async (x) => {
    const r = await submit(ctx, form, {method: 'POST', path: `${path}/registration/transitions`,
      body: {action: x.action, comment: form.elements.comment ? form.elements.comment.value : null}, etag, reload});
    if (r) await done(x.label);
  };
  const history = a.history.length
    ? h('table', {class: 'list registration-history'},
        h('caption', {text: tr(ctx, '審査の履歴', 'Decision history')}),
        h('thead', {}, h('tr', {}, [tr(ctx, '日時', 'When'), tr(ctx, '操作', 'Action'), tr(ctx, '状態', 'State'),
          tr(ctx, '担当者', 'By'), tr(ctx, 'コメント', 'Comment')].map((t) => h('th', {scope: 'col', text: t})))),
        h('tbody', {}, a.history.map((e) => h('tr', {},
            h('td', {text: `${day(ctx, e.at)} ${String(e.at).substring(11, 16)}`}), h('td', {text: e.actionLabel}),
            h('td', {text: `${e.fromLabel} → ${e.toLabel}`}), h('td', {text: e.by}), h('td', {text: e.comment || '—'})))))
    : h('p', {class: 'hint', text: tr(ctx, '審査の履歴はまだありません。', 'No decisions yet.')});
  add(form,
      h('h2', {text: tr(ctx, '団体登録の審査', 'Registration decision')}),
      facts([[tr(ctx, '状態', 'State'), h('span', {class: 'registration-state', text: a.stateLabel})]]),
      h('p', {class: 'hint', text: tr(ctx, '「団体登録の審査」の役割を持つ職員が承認または不承認にします。不承認・登録終了には理由を書いてください。',
          'Staff holding the role "Decide partner registrations" approve or refuse; refusing or ending a registration needs a reason.')}),
      a.actions.length ? field(ctx, {name: 'comment', type: 'textarea', label: tr(ctx, 'コメント (不承認・終了のときは理由)', 'Comment (the reason, to refuse or end)')}) : null,
      a.actions.length ? h('div', {class: 'actions'}, a.actions.map((x) => h('button', {type: 'button', id: `registration-${x.action}`,
        class: x.action === 'approve' ? 'btn btn-primary' : 'btn', text: x.label, on: {click: () => take(x)}}))) : null,
      history);
  return form;
}

async function detail(root, ctx, id) {
  const path = `collaboration/partners/${encodeURIComponent(id)}`;
  const r = await ctx.api('GET', path);
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 協働の相手方の一覧へ', '← All partner organisations')));
  if (r.status !== 200) {
    add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status}));
    return;
  }
  const p = r.body;
  ctx.setTitle(p.name);
  const reload = () => { root.replaceChildren(); return detail(root, ctx, id); };
  const contacts = (x, revealed) => facts([
    [tr(ctx, '代表者', 'Representative'), x.representativeName || '—'],
    [tr(ctx, '連絡担当者', 'Contact person'), x.contactName || '—'],
    [tr(ctx, '連絡先住所', 'Contact address'), x.contactAddress || '—'],
    [tr(ctx, '連絡先電話番号', 'Contact phone'), x.contactPhone || '—'],
    [tr(ctx, '連絡先メールアドレス', 'Contact e-mail'), x.contactEmail || '—'],
    [tr(ctx, '表示', 'Shown'), revealed ? tr(ctx, '全文 (監査記録に残りました)', 'In full (recorded in the audit trail)') : tr(ctx, 'マスク済み', 'Masked')],
  ]);
  const contactBox = h('div', {class: 'partner-contacts', id: 'partner-contacts'}, contacts(p, false));
  const revealResult = h('div', {'aria-live': 'polite'});
  let revealed = null;
  const revealButton = h('button', {type: 'button', class: 'btn', id: 'reveal-personal-data', text: tr(ctx, '個人情報を表示', 'Show personal data'),
    on: {click: async () => {
      revealResult.replaceChildren();
      const full = await ctx.api('GET', `${path}?reveal=personal-data`);
      if (full.status === 200) {
        revealed = full.body;
        contactBox.replaceChildren(contacts(full.body, true));
        revealButton.hidden = true;
        if (editForm) fillContacts(editForm, full.body);
        revealResult.append(notice(tr(ctx, '個人情報を表示しました。この閲覧は監査記録に残ります。', 'The personal data is shown. This read is recorded in the audit trail.')));
      } else {
        revealResult.append(notice(problemText(ctx, full.problem, full.status), 'error'));
      }
    }}});
  add(root, back,
      p.spam ? notice(tr(ctx, 'この申請は迷惑投稿として扱われています。', 'This application is filed as spam.'), 'error') : null,
      facts([
        [tr(ctx, '受付番号', 'Receipt number'), p.receiptNumber],
        [tr(ctx, '受付日', 'Received'), day(ctx, p.receivedAt)],
        [tr(ctx, '申請方法', 'Channel'), p.channel === 'PORTAL' ? tr(ctx, 'ポータル', 'Portal') : tr(ctx, '書面', 'Paper')],
        [tr(ctx, '種別', 'Kind'), label(ctx, KINDS[p.kind], p.kind)],
        [tr(ctx, '役割', 'Roles'), p.roles.map((x) => label(ctx, ROLES[x], x)).join('・') || '—'],
        [tr(ctx, '活動分野', 'Fields of activity'), p.fieldsOfActivity.join('・') || '—'],
        [tr(ctx, '活動地域', 'Area'), p.area || '—'],
        [tr(ctx, '登録番号', 'Registration number'), p.registrationNumber || '—'],
        [tr(ctx, '登録日', 'Registered on'), p.registeredOn ? day(ctx, p.registeredOn) : '—'],
        [tr(ctx, '状態', 'State'), p.stateLabel],
      ]),
      p.purpose ? h('p', {class: 'partner-purpose', text: p.purpose}) : null,
      h('h2', {text: tr(ctx, '代表者・連絡先', 'Representative and contact')}), contactBox,
      canEdit(ctx) ? h('div', {class: 'toolbar'}, revealButton) : null, revealResult);

  let etag = r.etag;
  let editForm = null;
  if (canEdit(ctx) && p.spam) {
    const release = h('button', {type: 'button', class: 'btn', id: 'not-spam', text: tr(ctx, '迷惑投稿ではない', 'Not spam'),
      on: {click: async () => {
        const x = await ctx.api('POST', `${path}/not-spam`, {etag});
        if (x.status === 200) { await reload(); root.prepend(notice(tr(ctx, '通常の申請に戻しました。', 'Released from spam.'))); }
        else if (x.status === 412) root.prepend(conflictNotice(ctx, reload));
        else root.prepend(notice(problemText(ctx, x.problem, x.status), 'error'));
      }}});
    add(root, h('div', {class: 'toolbar'}, release));
  }
  if (canEdit(ctx)) {
    editForm = h('form', {class: 'form', id: 'partner-form', novalidate: true},
        h('h2', {text: tr(ctx, '団体の情報を変更', 'Edit the organisation')}),
        h('p', {class: 'hint', text: tr(ctx, '連絡先を変更するときは、先に「個人情報を表示」を押してください (伏せた値のままでは保存できません)。',
            'To change the contacts, press "Show personal data" first (masked values cannot be saved).')}),
        ...partnerFields(ctx, p, true),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-partner', text: tr(ctx, '保存', 'Save')})));
    const contactNames = ['representativeName', 'contactName', 'contactAddress', 'contactPhone', 'contactEmail'];
    for (const n of contactNames) editForm.elements[n].readOnly = true;
    editForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = {...partnerBody(editForm), registrationNumber: editForm.elements.registrationNumber.value.trim() || null,
        registeredOn: editForm.elements.registeredOn.value || null};
      if (!revealed) {
        // The masked values are not sent back: the contacts come from the revealed record only.
        return showMaskedNotice();
      }
      const saved = await submit(ctx, editForm, {method: 'PUT', path, body, etag, reload});
      if (saved) {
        etag = saved.etag;
        await reload();
        root.prepend(notice(tr(ctx, '保存しました。', 'Saved.')));
      }
    });
    function showMaskedNotice() {
      editForm.querySelector('.masked-notice')?.remove();
      editForm.prepend(h('div', {class: 'notice notice-error masked-notice', role: 'alert',
        text: tr(ctx, '保存する前に「個人情報を表示」を押して、連絡先を読み込んでください。', 'Press "Show personal data" to load the contacts before saving.')}));
    }
    root.append(editForm);
  }
  const registration = await ctx.api('GET', `${path}/registration`);
  if (registration.status === 200) {
    root.append(registrationSection(ctx, path, registration.body, etag, reload, async (actionLabel) => {
      await reload();
      root.prepend(notice(tr(ctx, `「${actionLabel}」を行いました。`, `Done: ${actionLabel}.`)));
    }));
  }
}

function fillContacts(form, x) {
  for (const n of ['representativeName', 'contactName', 'contactAddress', 'contactPhone', 'contactEmail']) {
    form.elements[n].value = x[n] || '';
    form.elements[n].readOnly = false;
  }
}
