// ふるさと納税 ワンストップ特例の申請 for the public portal: /p/{lgCode}/one-stop. A donor sends the items of the
// 寄附金税額控除に係る申告特例申請書 (総務省の様式) online: name, kana, postal code and address, the residence
// municipality (where their 住民票 is on January 1 of the next year: its local government code), phone,
// e-mail, date of birth, the donations (day and amount, one calendar year) and the two declarations
// (① no tax return needed, ② at most five municipalities in the year), with consent. There is no field
// for the individual number (マイナンバー): the office checks it and the identity documents separately.
// The reply is a receipt number only; nothing is ever read back. Public intake (ADR 0014): a token as the
// Idempotency-Key and a honeypot. The DOM is built with createElement and textContent only.
import {h as el} from '/ui/core/kit.js';

let seq = 0;
const nextId = (p) => `${p}-${++seq}`;

function newFormToken() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const MAX_DONATIONS = 20;

export default async function render(root, ctx) {
  const t = ctx.t;
  root.replaceChildren(el('h1', {text: t('ワンストップ特例の申請', 'One-stop exception application')}),
      el('p', {class: 'lead', text: t(
          'ふるさと納税の寄附金控除を確定申告なしで受けるための申請 (寄附金税額控除に係る申告特例申請書) です。寄附をした年の翌年1月10日までに届いた申請だけを受け付けます。',
          'Apply here to receive the deduction for your hometown-tax donations without a tax return (the 申告特例申請書). Applications are accepted until January 10 of the year after the donations.')}),
      el('p', {id: 'one-stop-my-number-note', class: 'notice', text: t(
          'このフォームでは個人番号 (マイナンバー) を受け付けません。個人番号と本人確認書類は、受付後に市からご案内する方法で別に確認します。お名前や住所は申告特例の処理と、お住まいの市区町村への通知にだけ使い、公開しません。',
          'This form never takes your individual number (My Number). The office checks the number and your identity documents separately, as it will tell you after receiving this. Your name and address are used only for the exception and the notice to your residence municipality, and are never published.')}));
  const fields = {};
  const form = el('form', {class: 'voice-form', id: 'one-stop-form', novalidate: ''});
  const add = (name, label, control, parent = form) => {
    const id = nextId(`os-${name}`);
    control.id = id;
    control.name = name;
    const error = el('p', {class: 'field-error', id: `${id}-error`});
    error.hidden = true;
    control.setAttribute('aria-describedby', error.id);
    fields[name] = {control, error};
    parent.append(el('div', {class: 'voice-field', 'data-field': name}, el('label', {for: id, text: label}), control, error));
  };
  add('name', t('お名前（必須）', 'Name (required)'), el('input', {type: 'text', maxlength: '100', autocomplete: 'name'}));
  add('kana', t('フリガナ（必須）', 'Name in kana (required)'), el('input', {type: 'text', maxlength: '100'}));
  add('postalCode', t('郵便番号（必須、例: 745-8655）', 'Postal code (required, e.g. 745-8655)'), el('input', {type: 'text', maxlength: '10', autocomplete: 'postal-code', inputmode: 'numeric'}));
  add('address', t('住所（住民票の住所、必須）', 'Address (as registered, required)'), el('input', {type: 'text', maxlength: '300', autocomplete: 'street-address'}));
  add('residenceName', t('住所地の市区町村（翌年1月1日に住民票のある市区町村、必須。例: 東京都渋谷区）', 'Residence municipality (where you are registered on January 1 of the next year; required, e.g. Shibuya, Tokyo)'),
      el('input', {type: 'text', maxlength: '100'}));
  add('residenceCode', t('住所地の市区町村の団体コード（6桁、必須）', 'That municipality\'s local government code (6 digits, required)'),
      el('input', {type: 'text', maxlength: '6', inputmode: 'numeric'}));
  form.append(el('p', {class: 'hint'}, t('団体コードは総務省の', 'Find the code in the '),
      el('a', {href: 'https://www.soumu.go.jp/denshijiti/code.html', rel: 'noopener', target: '_blank', text: t('全国地方公共団体コード', 'national list of local government codes')}),
      t('で調べられます（例: 東京都渋谷区 131130）。', ' (e.g. Shibuya, Tokyo: 131130).')));
  add('phone', t('電話番号（必須）', 'Phone (required)'), el('input', {type: 'tel', maxlength: '40', autocomplete: 'tel'}));
  add('email', t('メールアドレス（任意）', 'E-mail (optional)'), el('input', {type: 'email', maxlength: '254', autocomplete: 'email'}));
  add('birthDate', t('生年月日（必須）', 'Date of birth (required)'), el('input', {type: 'date', autocomplete: 'bday'}));

  // The donations: one row each (寄附年月日, 寄附金額), all of one calendar year.
  const rows = el('div', {id: 'one-stop-donations'});
  const donationsError = el('p', {class: 'field-error', id: nextId('os-donations-error')});
  donationsError.hidden = true;
  fields.donations = {control: rows, error: donationsError};
  const addRow = () => {
    const i = rows.children.length;
    if (i >= MAX_DONATIONS) return;
    const row = el('div', {class: 'one-stop-donation', 'data-row': String(i)});
    add(`donations[${i}].donatedOn`, t(`寄附 ${i + 1}: 寄附年月日`, `Donation ${i + 1}: day`), el('input', {type: 'date'}), row);
    add(`donations[${i}].amount`, t(`寄附 ${i + 1}: 寄附金額（円）`, `Donation ${i + 1}: amount (yen)`), el('input', {type: 'number', min: '1', step: '1'}), row);
    rows.append(row);
  };
  addRow();
  const more = el('button', {type: 'button', class: 'btn', id: 'one-stop-add-donation', text: t('寄附を追加', 'Add a donation')});
  more.addEventListener('click', addRow);
  form.append(el('fieldset', {}, el('legend', {text: t('この市への寄附（同じ年の寄附をすべて）', 'Your donations to this municipality (all of one year)')}),
      rows, donationsError, more));

  const check = (name, label) => {
    const id = nextId(`os-${name}`);
    const box = el('input', {type: 'checkbox', id, name});
    const error = el('p', {class: 'field-error', id: `${id}-error`});
    error.hidden = true;
    box.setAttribute('aria-describedby', error.id);
    fields[name] = {control: box, error};
    return el('div', {class: 'voice-field voice-field-checkbox', 'data-field': name}, box, ' ', el('label', {for: id, text: label}), error);
  };
  form.append(el('fieldset', {id: 'one-stop-declarations'}, el('legend', {text: t('申告特例の適用に関する事項（両方に該当する場合だけ申請できます）', 'Conditions (you may apply only if both are true)')}),
      check('declaresNoTaxReturn', t(
          '① 申告特例対象寄附者です（この年の所得について確定申告が不要な給与所得者等で、寄附金控除のためのほかに住民税の申告も不要です）',
          '(1) I need no tax return for the year (salaried or similar) and no resident-tax return other than for this deduction')),
      check('declaresAtMostFive', t(
          '② この年に申告特例を申請する団体（寄附先の自治体）は5団体以内の見込みです（同じ団体への複数の寄附は1団体と数えます）',
          '(2) I expect to apply for the exception to at most five municipalities this year (several donations to one count as one)')),
      el('p', {class: 'hint', text: t(
          '市はほかの自治体への申請を確認できません。6団体以上に申請した場合や確定申告をした場合は、この申請は無効になり、確定申告で寄附金控除を受けることになります。',
          'The municipality cannot see your applications elsewhere. If you apply to six or more, or file a tax return, this application no longer applies and you claim the deduction in a tax return.')})));
  form.append(check('consent', t(
      '申請内容を、申告特例の処理と住所地の市区町村への通知に使うことに同意します（必須）',
      'I agree that these details are used for the exception and the notice to my residence municipality (required)')));
  const hpId = nextId('os-website');
  const honeypot = el('input', {id: hpId, name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off'});
  form.append(el('div', {class: 'visually-hidden voice-hp', 'aria-hidden': 'true'}, el('label', {for: hpId, text: t('ウェブサイト（入力しないでください）', 'Website (leave this empty)')}), honeypot));
  const send = el('button', {type: 'submit', class: 'send', id: 'one-stop-send', text: t('申請する', 'Apply')});
  form.append(el('div', {class: 'actions'}, send));
  root.append(form);
  const box = el('div', {class: 'one-stop-result', role: 'status', 'aria-live': 'polite', tabindex: '-1'});
  root.append(box);
  let token = newFormToken();

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    Object.values(fields).forEach((f) => { f.error.hidden = true; f.error.textContent = ''; if (f.control.removeAttribute) f.control.removeAttribute('aria-invalid'); });
    const v = (k) => (fields[k].control.value || '').trim() || null;
    const donations = [];
    for (let i = 0; i < rows.children.length; i += 1) {
      const on = v(`donations[${i}].donatedOn`);
      const amount = v(`donations[${i}].amount`);
      if (on || amount) donations.push({donatedOn: on, amount: amount && /^\d+$/.test(amount) ? Number(amount) : null});
    }
    const body = {name: v('name'), kana: v('kana'), postalCode: v('postalCode'), address: v('address'), residenceName: v('residenceName'),
      residenceCode: v('residenceCode'), phone: v('phone'), email: v('email'), birthDate: v('birthDate'), donations,
      declaresNoTaxReturn: fields.declaresNoTaxReturn.control.checked, declaresAtMostFive: fields.declaresAtMostFive.control.checked,
      consent: fields.consent.control.checked, website: honeypot.value || null};
    send.disabled = true;
    try {
      const r = await ctx.postJson('promotion/public/one-stop-applications', body, {'Idempotency-Key': token});
      form.reset();
      token = newFormToken();
      box.replaceChildren(el('p', {id: 'one-stop-receipt', text: t(
          `ワンストップ特例の申請を受け付けました（受付番号 ${r.receiptNumber}）。個人番号と本人確認書類の確認について、市からご案内します。`,
          `We received your application (receipt number ${r.receiptNumber}). The municipality will tell you how your individual number and identity documents are checked.`)}));
      box.focus();
    } catch (e) {
      const errors = (e.problem && e.problem.errors) || [];
      errors.forEach((x) => {
        const f = fields[x.field] || (x.field && x.field.startsWith('donations') ? fields.donations : null);
        if (f) {
          f.error.textContent = f.error.textContent ? `${f.error.textContent} ${x.message}` : x.message;
          f.error.hidden = false;
          if (f.control.setAttribute) f.control.setAttribute('aria-invalid', 'true');
        }
      });
      box.replaceChildren(el('p', {class: 'error', role: 'alert', text: e.message}));
    } finally {
      send.disabled = false;
    }
  });
}
