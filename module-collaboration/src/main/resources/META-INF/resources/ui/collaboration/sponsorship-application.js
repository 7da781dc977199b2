// 後援名義使用の申請 for the public portal: /p/{lgCode}/. An organiser applies for the use of the municipality's
// name as sponsor (後援) of an event (POST collaboration/sponsorships/applications through ctx.postJson, without
// cookies). The reply is a receipt number only, and the form is cleared; nothing about any application is ever
// shown here. Public intake (docs/adr/0014-public-intake.md): a token sent as Idempotency-Key makes a double
// click or a retry file one application; a honeypot field ("confirmEmail") files a bot's application as spam.
// Documents (要項, 予算書, チラシ案) are handed to the division, which attaches them. Phone-first: one column,
// native inputs with autocomplete. The DOM is built with createElement and textContent only.

import {h as el} from '/ui/core/kit.js';

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
  const id = `sponsorship-${name}-${seq}`;
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
  const section = el('section', { class: 'sponsorship-apply', 'aria-labelledby': 'sponsorship-apply-heading' });
  section.append(el('h2', { id: 'sponsorship-apply-heading' }, t('後援名義の使用を申請する', 'Apply for the municipality\'s sponsorship')),
    el('p', { class: 'lead' }, t(
      '市以外が主催する事業に、市の「後援」の名義を使うための申請です。市の承認基準（営利や政治・宗教活動を目的としないこと、広く市民が参加できることなど）に沿って審査し、結果をお知らせします。開催要項・収支予算書などの書類は担当課にお届けください。事業の終了後は参加者数などの実績報告が必要です。連絡担当者の情報は審査の事務にだけ使い、公開しません。',
      'Organisers of events not run by the municipality apply here to use its name as sponsor. The division checks the application against the municipality\'s criteria (not for profit, not political or religious, open to the public …) and tells you the result. Please bring the event outline and budget to the division. After the event a report of the attendance is required. The contact person\'s details are used for this application only and never published.')));
  const fields = {
    eventName: formField(t, { name: 'eventName', label: t('事業名', 'Event'), required: true, max: 200 }),
    startsOn: formField(t, { name: 'startsOn', label: t('開催日（開始）', 'First day'), type: 'date', required: true }),
    endsOn: formField(t, { name: 'endsOn', label: t('開催日（終了）', 'Last day'), type: 'date',
      hint: t('1日だけの事業は空欄のままで構いません。', 'Leave empty for a one-day event.') }),
    venue: formField(t, { name: 'venue', label: t('会場', 'Venue'), required: true, max: 200 }),
    organiserName: formField(t, { name: 'organiserName', label: t('主催者（団体名）', 'Organiser (organisation)'), required: true, max: 200, autocomplete: 'organization' }),
    purpose: formField(t, { name: 'purpose', label: t('事業の目的・内容', 'Purpose and programme'), type: 'textarea', required: true, max: 2000 }),
    fee: formField(t, { name: 'fee', label: t('参加費（円、無料は 0）', 'Fee (yen, 0 if free)'), type: 'number', required: true }),
    expectedAttendance: formField(t, { name: 'expectedAttendance', label: t('参加予定人数', 'Expected attendance'), type: 'number', required: true }),
    contactName: formField(t, { name: 'contactName', label: t('連絡担当者の氏名', 'Contact person'), required: true, max: 100, autocomplete: 'name' }),
    contactAddress: formField(t, { name: 'contactAddress', label: t('連絡先の住所', 'Contact address'), max: 300, autocomplete: 'street-address' }),
    contactPhone: formField(t, { name: 'contactPhone', label: t('連絡先の電話番号', 'Contact phone'), type: 'tel', max: 40, autocomplete: 'tel',
      hint: t('電話番号かメールアドレスのどちらかは必須です。審査の結果はメールでもお知らせします。', 'A phone number or an e-mail address is required; the result is also sent by e-mail.') }),
    contactEmail: formField(t, { name: 'contactEmail', label: t('連絡先のメールアドレス', 'Contact e-mail'), type: 'email', max: 254, autocomplete: 'email' }),
  };
  fields.fee.input.value = '0';
  for (const k of ['fee', 'expectedAttendance']) {
    fields[k].input.setAttribute('min', k === 'fee' ? '0' : '1');
    fields[k].input.setAttribute('inputmode', 'numeric');
  }
  const trapId = `sponsorship-confirm-${seq += 1}`;
  const trap = el('input', { id: trapId, name: 'confirmEmail', type: 'text', tabindex: '-1', autocomplete: 'off' });
  const trapWrap = el('div', { class: 'visually-hidden voice-hp', 'aria-hidden': 'true' },
    el('label', { for: trapId }, t('確認用（入力しないでください）', 'Confirmation (leave this empty)')), trap);
  const token = el('input', { type: 'hidden', name: 'formToken', value: newFormToken() });
  const summary = el('div', { class: 'error', role: 'alert', tabindex: '-1' });
  summary.hidden = true;
  const result = el('div', { class: 'voice-receipt sponsorship-receipt', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  const send = el('button', { type: 'submit', class: 'send' }, t('申請する', 'Apply'));
  const form = el('form', { class: 'voice-form sponsorship-form', novalidate: '' });
  form.append(summary, token, ...Object.values(fields).map((f) => f.wrap), trapWrap, el('div', { class: 'actions' }, send));
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
    for (const k of ['eventName', 'startsOn', 'venue', 'organiserName', 'purpose', 'fee', 'expectedAttendance', 'contactName']) {
      if (!fields[k].input.value.trim()) errors.push({ field: k, message: need });
    }
    for (const k of ['fee', 'expectedAttendance']) {
      const v = fields[k].input.value.trim();
      if (v && !/^[0-9]+$/.test(v)) errors.push({ field: k, message: t('数字で入力してください。', 'Please give a number.') });
    }
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
    const body = { eventName: value('eventName'), startsOn: value('startsOn'), venue: value('venue'),
      organiserName: value('organiserName'), purpose: value('purpose'), fee: Number(value('fee')),
      expectedAttendance: Number(value('expectedAttendance')), contactName: value('contactName') };
    for (const k of ['endsOn', 'contactAddress', 'contactPhone', 'contactEmail']) {
      if (value(k)) body[k] = value(k);
    }
    if (trap.value) body.confirmEmail = trap.value;
    send.disabled = true;
    try {
      const receipt = await ctx.postJson('collaboration/sponsorships/applications', body, { 'Idempotency-Key': token.value });
      form.reset();
      fields.fee.input.value = '0';
      token.value = newFormToken();
      result.replaceChildren(
        el('h3', null, t('後援名義使用の申請を受け付けました', 'We received your application')),
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
