// 協働の団体登録 for the public portal: /p/{lgCode}/. An organisation applies to be registered as a partner of
// the municipality (POST collaboration/partners/applications through ctx.postJson, without cookies). The reply
// is a receipt number only, and the form is cleared; nothing about any organisation's people is ever shown
// here. Public intake (docs/adr/0014-public-intake.md): the form carries a token sent as Idempotency-Key, so a
// double click or a retry files one application; a honeypot field ("confirmEmail") people never see or reach
// files a bot's application as spam for staff to review. Phone-first: one column, large targets, native
// inputs with autocomplete. The DOM is built with createElement and textContent only.

import {h as el} from '/ui/core/kit.js';

const KINDS = [
  ['NPO', 'NPO法人', 'NPO corporation'], ['CIVIC_GROUP', '市民活動団体', 'Civic group'],
  ['VOLUNTEER_GROUP', 'ボランティア団体', 'Volunteer group'], ['NEIGHBOURHOOD_ASSOCIATION', '自治会・町内会', 'Neighbourhood association'],
  ['FEDERATION', '連合会・まちぢから協議会', 'Federation of associations'], ['COMPANY', '企業', 'Company'],
  ['SCHOOL', '大学・学校', 'University or school'], ['DESIGNATED_MANAGER', '指定管理者', 'Designated manager'], ['OTHER', 'その他', 'Other'],
];
const ROLES = [
  ['PARTNER', '市との協働事業の相手方', 'Partner in collaborative projects'], ['GRANT_APPLICANT', '補助金の申請', 'Applying for grants'],
  ['DESIGNATED_MANAGER', '指定管理者', 'Designated manager'], ['SPONSORSHIP_ORGANISER', '後援名義の申請', 'Applying for municipal patronage'],
];

let seq = 0;

function formatDate(iso, lang) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'en' ? iso : `${y}年${m}月${d}日`;
}

function newFormToken() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function formField(t, { name, label, type = 'text', required, hint, options, autocomplete, max }) {
  seq += 1;
  const id = `partner-${name}-${seq}`;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  let input;
  if (type === 'textarea') {
    input = el('textarea', { id, name, rows: '4' });
  } else if (type === 'select') {
    input = el('select', { id, name }, ...options.map(([v, ja, en]) => el('option', { value: v }, t(ja, en))));
  } else {
    input = el('input', { id, name, type, autocomplete: autocomplete || null });
  }
  if (max) input.setAttribute('maxlength', String(max));
  input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (required) {
    input.required = true;
    input.setAttribute('aria-required', 'true');
  }
  const labelEl = el('label', { for: id }, label, required ? el('span', { class: 'req' }, t('（必須）', ' (required)')) : null);
  const wrap = el('div', { class: `voice-field voice-field-${type}`, 'data-field': name });
  if (type === 'checkbox') {
    wrap.append(input, ' ', labelEl);
  } else {
    wrap.append(labelEl, input);
  }
  if (hint) wrap.append(el('p', { class: 'hint', id: hintId }, hint));
  const error = el('p', { class: 'field-error', id: errorId });
  error.hidden = true;
  wrap.append(error);
  return { wrap, input, error, label: labelEl };
}

export default async function render(root, ctx) {
  const t = ctx.t;
  const section = el('section', { class: 'partner-apply', 'aria-labelledby': 'partner-apply-heading' });
  section.append(el('h2', { id: 'partner-apply-heading' }, t('協働の団体登録を申請する', 'Apply to register your organisation')),
    el('p', { class: 'lead' }, t(
      '市と協働で活動する団体 (NPO法人、市民活動団体、自治会など) の登録申請です。市の担当課が内容を確認し、登録の可否をご連絡します。代表者・連絡先は登録の事務にだけ使い、公開しません。',
      'Organisations working with the municipality (NPOs, civic groups, neighbourhood associations …) apply here. The division checks the application and tells you whether you are registered. The representative and contact are used for the registration only and never published.')));
  const fields = {
    name: formField(t, { name: 'name', label: t('団体名', 'Organisation name'), required: true, max: 200, autocomplete: 'organization' }),
    nameKana: formField(t, { name: 'nameKana', label: t('団体名のふりがな', 'Name (reading)'), max: 200 }),
    kind: formField(t, { name: 'kind', label: t('団体の種別', 'Kind of organisation'), type: 'select', required: true,
      options: [['', '選択してください', 'Choose'], ...KINDS] }),
    fieldsOfActivity: formField(t, { name: 'fieldsOfActivity', label: t('活動分野', 'Fields of activity'), max: 300,
      hint: t('読点（、）で区切って入力してください。例: まちづくり、子育て支援', 'Separate them with commas, e.g. town planning, child care') }),
    area: formField(t, { name: 'area', label: t('主な活動地域', 'Main area of activity'), max: 200 }),
    purpose: formField(t, { name: 'purpose', label: t('活動の目的・内容', 'Purpose and activities'), type: 'textarea', max: 2000 }),
    website: formField(t, { name: 'website', label: t('ウェブサイト', 'Website'), type: 'url', max: 300, autocomplete: 'url',
      hint: t('例: https://example.jp/', 'e.g. https://example.jp/') }),
    representativeName: formField(t, { name: 'representativeName', label: t('代表者の氏名', 'Representative\'s name'), required: true, max: 100 }),
    contactName: formField(t, { name: 'contactName', label: t('連絡担当者の氏名', 'Contact person'), max: 100, autocomplete: 'name' }),
    contactAddress: formField(t, { name: 'contactAddress', label: t('連絡先の住所', 'Contact address'), max: 300, autocomplete: 'street-address' }),
    contactPhone: formField(t, { name: 'contactPhone', label: t('連絡先の電話番号', 'Contact phone'), type: 'tel', max: 40, autocomplete: 'tel',
      hint: t('電話番号かメールアドレスのどちらかは必須です。', 'A phone number or an e-mail address is required.') }),
    contactEmail: formField(t, { name: 'contactEmail', label: t('連絡先のメールアドレス', 'Contact e-mail'), type: 'email', max: 254, autocomplete: 'email' }),
  };
  const roleBoxes = ROLES.map(([code, ja, en]) => formField(t, { name: `role-${code}`, label: t(ja, en), type: 'checkbox' }));
  roleBoxes[0].input.checked = true;
  const roles = el('fieldset', { class: 'voice-field partner-roles', 'data-field': 'roles' },
    el('legend', null, t('市との関わり（複数選択可）', 'How you work with the municipality (several allowed)')), ...roleBoxes.map((b) => b.wrap));
  const trapId = `partner-confirm-${seq += 1}`;
  const trap = el('input', { id: trapId, name: 'confirmEmail', type: 'text', tabindex: '-1', autocomplete: 'off' });
  const trapWrap = el('div', { class: 'visually-hidden voice-hp', 'aria-hidden': 'true' },
    el('label', { for: trapId }, t('確認用（入力しないでください）', 'Confirmation (leave this empty)')), trap);
  const token = el('input', { type: 'hidden', name: 'formToken', value: newFormToken() });
  const summary = el('div', { class: 'error', role: 'alert', tabindex: '-1' });
  summary.hidden = true;
  const result = el('div', { class: 'voice-receipt partner-receipt', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const send = el('button', { type: 'submit', class: 'send' }, t('申請する', 'Apply'));
  const form = el('form', { class: 'voice-form partner-form', novalidate: '' });
  const order = ['name', 'nameKana', 'kind'];
  form.append(summary, token, ...order.map((k) => fields[k].wrap), roles,
    ...Object.keys(fields).filter((k) => !order.includes(k)).map((k) => fields[k].wrap), trapWrap,
    el('div', { class: 'actions' }, send));
  section.append(form, result);

  function clear() {
    summary.hidden = true;
    summary.replaceChildren();
    for (const f of Object.values(fields)) {
      f.error.hidden = true;
      f.error.textContent = '';
      f.input.removeAttribute('aria-invalid');
    }
  }

  function show(errors, message) {
    const items = el('ul');
    for (const e of errors) {
      const f = fields[String(e.field).replace(/\[\d+\]$/, '')];
      if (f) {
        f.error.textContent = f.error.textContent ? `${f.error.textContent} ${e.message}` : e.message;
        f.error.hidden = false;
        f.input.setAttribute('aria-invalid', 'true');
        const a = el('a', { href: `#${f.input.id}` }, `${f.label.firstChild.textContent}: ${e.message}`);
        a.addEventListener('click', (ev) => { ev.preventDefault(); f.input.focus(); });
        items.append(el('li', null, a));
      } else {
        items.append(el('li', null, e.message));
      }
    }
    summary.replaceChildren(el('p', null, message), items);
    summary.hidden = false;
    summary.focus();
  }

  function check() {
    const errors = [];
    const need = t('入力してください。', 'Please fill this in.');
    if (!fields.name.input.value.trim()) errors.push({ field: 'name', message: need });
    if (!fields.kind.input.value) errors.push({ field: 'kind', message: t('選択してください。', 'Please choose one.') });
    if (!fields.representativeName.input.value.trim()) errors.push({ field: 'representativeName', message: need });
    if (!fields.contactPhone.input.value.trim() && !fields.contactEmail.input.value.trim()) {
      errors.push({ field: 'contactEmail', message: t('電話番号かメールアドレスを入力してください。', 'Give a phone number or an e-mail address.') });
    }
    return errors;
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear();
    result.replaceChildren();
    const hints = check();
    if (hints.length) {
      show(hints, t('入力内容を確認してください。', 'Please check what you entered.'));
      return;
    }
    const value = (k) => fields[k].input.value.trim();
    const body = { name: value('name'), kind: value('kind'),
      roles: ROLES.map(([code]) => code).filter((code, i) => roleBoxes[i].input.checked),
      fieldsOfActivity: value('fieldsOfActivity').split(/[、,，]/).map((s) => s.trim()).filter(Boolean) };
    for (const k of ['nameKana', 'area', 'purpose', 'website', 'representativeName', 'contactName', 'contactAddress', 'contactPhone', 'contactEmail']) {
      if (value(k)) body[k] = value(k);
    }
    if (trap.value) body.confirmEmail = trap.value;
    send.disabled = true;
    try {
      const receipt = await ctx.postJson('collaboration/partners/applications', body, { 'Idempotency-Key': token.value });
      form.reset();
      roleBoxes[0].input.checked = true;
      token.value = newFormToken();
      result.replaceChildren(
        el('h3', null, t('登録申請を受け付けました', 'We received your application')),
        el('dl', { class: 'machi-voice-meta' },
          el('dt', null, t('受付番号', 'Receipt number')), el('dd', { class: 'receipt-number' }, receipt.receiptNumber),
          el('dt', null, t('受付日', 'Received')), el('dd', null, formatDate(receipt.receivedOn, ctx.lang))),
        el('p', null, t('審査の結果は連絡先にお知らせします。お問い合わせの際は受付番号をお伝えください。',
          'We will tell you the result at the contact you gave. Please give the receipt number when you contact us.')));
      result.focus();
    } catch (e) {
      if (e.status === 422) token.value = newFormToken();
      const problem = e.problem || {};
      show(problem.errors || [], problem.detail || problem.title
        || t('送信できませんでした。時間をおいてもう一度お試しください。', 'Your application could not be sent. Please try again later.'));
    } finally {
      send.disabled = false;
    }
  });
  root.append(section);
}
