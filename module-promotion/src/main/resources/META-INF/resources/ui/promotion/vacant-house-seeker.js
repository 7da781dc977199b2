// 空き家バンク 利用登録 for the public portal: /p/{lgCode}/vacant-house-seeker. Someone looking for a
// house registers (name, kana, address, phone, e-mail; household, wished area, deal, budget, move-in
// timing; consent); the reply is a receipt number only, and the municipality approves the
// registration. Public intake (ADR 0014): the form sends a token as the Idempotency-Key and has a
// honeypot. Nothing is ever read back. The DOM is built with createElement and textContent only.
import {h as el} from '/ui/core/kit.js';

let seq = 0;
const nextId = (p) => `${p}-${++seq}`;

function newFormToken() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export default async function render(root, ctx) {
  const t = ctx.t;
  root.replaceChildren(el('h1', {text: t('空き家バンク 利用登録', 'Vacant-house bank: register as a house seeker')}),
      el('p', {class: 'lead', text: t(
          '空き家バンクの物件の見学や交渉には利用登録が必要です。市が内容を確認して登録します。お名前や連絡先は物件の所有者との調整にだけ使い、公開しません。',
          'To view or negotiate for a property of the vacant-house bank, register first; the municipality checks and registers you. Your name and contact details are used only to arrange things with owners and are never published.')}));
  const fields = {};
  const form = el('form', {class: 'voice-form', id: 'house-seeker-form', novalidate: ''});
  const add = (name, label, control) => {
    const id = nextId(`hs-${name}`);
    control.id = id;
    control.name = name;
    const error = el('p', {class: 'field-error', id: `${id}-error`});
    error.hidden = true;
    control.setAttribute('aria-describedby', error.id);
    fields[name] = {control, error};
    form.append(el('div', {class: 'voice-field', 'data-field': name}, el('label', {for: id, text: label}), control, error));
  };
  add('name', t('お名前（必須）', 'Name (required)'), el('input', {type: 'text', maxlength: '100', autocomplete: 'name'}));
  add('kana', t('ふりがな（必須）', 'Name in kana (required)'), el('input', {type: 'text', maxlength: '100'}));
  add('email', t('メールアドレス（必須）', 'E-mail (required)'), el('input', {type: 'email', maxlength: '254', autocomplete: 'email'}));
  add('phone', t('電話番号（任意）', 'Phone (optional)'), el('input', {type: 'tel', maxlength: '40', autocomplete: 'tel'}));
  add('address', t('現住所（任意）', 'Current address (optional)'), el('input', {type: 'text', maxlength: '300', autocomplete: 'street-address'}));
  add('householdSize', t('世帯の人数（任意）', 'People in the household (optional)'), el('input', {type: 'number', min: '1', max: '20'}));
  add('household', t('世帯の構成（任意、例: 夫婦と子ども1人）', 'Household (optional, e.g. a couple and one child)'), el('input', {type: 'text', maxlength: '200'}));
  add('wishedArea', t('希望する地区（任意）', 'Area wished (optional)'), el('input', {type: 'text', maxlength: '100'}));
  add('dealType', t('希望する取引（必須）', 'Deal wished (required)'), el('select', {},
      el('option', {value: '', text: t('選んでください', 'Choose')}), el('option', {value: 'RENT', text: t('賃貸', 'Rent')}),
      el('option', {value: 'SALE', text: t('売買', 'Purchase')}), el('option', {value: 'RENT_OR_SALE', text: t('賃貸・売買どちらでも', 'Either')})));
  add('budget', t('予算（円、賃貸は月額。任意）', 'Budget (yen; a month for rent; optional)'), el('input', {type: 'number', min: '0', step: '1000'}));
  add('moveIn', t('入居希望時期（任意、例: 令和8年春）', 'Move-in timing (optional, e.g. spring 2026)'), el('input', {type: 'text', maxlength: '50'}));
  const consentId = nextId('hs-consent');
  const consent = el('input', {type: 'checkbox', id: consentId, name: 'consent'});
  const consentError = el('p', {class: 'field-error', id: `${consentId}-error`});
  consentError.hidden = true;
  consent.setAttribute('aria-describedby', consentError.id);
  fields.consent = {control: consent, error: consentError};
  form.append(el('div', {class: 'voice-field', 'data-field': 'consent'}, consent, ' ', el('label', {for: consentId, text: t(
      '登録内容を、市が物件の所有者との調整のために使うことに同意します（必須）',
      'I agree that the municipality uses these details to arrange viewings and negotiations with owners (required)')}), consentError));
  const hpId = nextId('hs-website');
  const honeypot = el('input', {id: hpId, name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off'});
  form.append(el('div', {class: 'visually-hidden voice-hp', 'aria-hidden': 'true'}, el('label', {for: hpId, text: t('ウェブサイト（入力しないでください）', 'Website (leave this empty)')}), honeypot));
  const send = el('button', {type: 'submit', class: 'send', id: 'house-seeker-send', text: t('利用登録を申し込む', 'Register')});
  form.append(el('div', {class: 'actions'}, send));
  root.append(form);
  const box = el('div', {class: 'house-seeker-result', role: 'status', 'aria-live': 'polite', tabindex: '-1'});
  root.append(box);
  let token = newFormToken();

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    Object.values(fields).forEach((f) => { f.error.hidden = true; f.error.textContent = ''; f.control.removeAttribute('aria-invalid'); });
    const v = (k) => fields[k].control.value.trim() || null;
    const n = (k) => (v(k) && /^\d+$/.test(v(k)) ? Number(v(k)) : null);
    const body = {name: v('name'), kana: v('kana'), email: v('email'), phone: v('phone'), address: v('address'),
      householdSize: n('householdSize'), household: v('household'), wishedArea: v('wishedArea'), dealType: v('dealType'),
      budget: n('budget'), moveIn: v('moveIn'), consent: consent.checked, website: honeypot.value || null};
    send.disabled = true;
    try {
      const r = await ctx.postJson('promotion/public/house-seekers', body, {'Idempotency-Key': token});
      form.reset();
      token = newFormToken();
      box.replaceChildren(el('p', {id: 'house-seeker-receipt', text: t(
          `利用登録のお申し込みを受け付けました（受付番号 ${r.receiptNumber}）。市が内容を確認してご連絡します。`,
          `We received your registration (receipt number ${r.receiptNumber}). The municipality will check it and contact you.`)}));
      box.focus();
    } catch (e) {
      const errors = (e.problem && e.problem.errors) || [];
      errors.forEach((x) => {
        const f = fields[x.field];
        if (f) {
          f.error.textContent = x.message;
          f.error.hidden = false;
          f.control.setAttribute('aria-invalid', 'true');
        }
      });
      box.replaceChildren(el('p', {class: 'error', role: 'alert', text: e.message}));
    } finally {
      send.disabled = false;
    }
  });
}
