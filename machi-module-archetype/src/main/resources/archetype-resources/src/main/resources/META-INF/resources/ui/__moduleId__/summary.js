// ${nameJa} — the public portal's page (PORTAL contribution "${moduleId}-summary"): how many items this fiscal
// year has accepted (public/summary, figures only), and a form that sends an item for review through core's public
// intake (public/submissions). Anyone, no sign-in. The form carries a token sent as Idempotency-Key, so a double
// click or a retry files one item; a honeypot field ("website") people never see or reach files a bot's item as
// spam. The answer is a receipt number only: nothing the resident typed is shown back, least of all the contact.
import {h} from '/ui/core/kit.js';

function newFormToken() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function input(name, label, type, attrs) {
  const id = '${moduleId}-' + name;
  const el = type === 'textarea' ? h('textarea', {id, name, rows: '4', ...attrs}) : h('input', {id, name, type, ...attrs});
  const error = h('p', {class: 'field-error', id: id + '-error'});
  error.hidden = true;
  el.setAttribute('aria-describedby', id + '-error');
  return {el, error, wrap: h('div', {class: 'voice-field', 'data-field': name}, h('label', {for: id}, label), el, error)};
}

export default async function render(root, ctx) {
  const {t} = ctx;
  root.append(h('p', {class: 'status', role: 'status', text: t('読み込み中…', 'Loading…')}));
  const s = await ctx.getJson('${moduleId}/public/summary');

  const fields = {
    title: input('title', t('件名（必須）', 'Title (required)'), 'text', {maxlength: '200', required: ''}),
    note: input('note', t('内容', 'Details'), 'textarea', {maxlength: '2000'}),
    contactEmail: input('contactEmail', t('連絡先のメールアドレス（必須・公開しません）', 'Your e-mail (required, never published)'),
        'email', {maxlength: '254', autocomplete: 'email', required: ''}),
  };
  const trap = h('input', {id: '${moduleId}-website', name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off'});
  const token = h('input', {type: 'hidden', name: 'formToken', value: newFormToken()});
  const summary = h('div', {class: 'error', role: 'alert', tabindex: '-1'});
  summary.hidden = true;
  const result = h('div', {class: 'voice-receipt item-receipt', role: 'status', 'aria-live': 'polite', tabindex: '-1'});
  const form = h('form', {class: 'voice-form item-form', novalidate: ''}, summary, token,
      ...Object.values(fields).map((f) => f.wrap),
      h('div', {class: 'visually-hidden', 'aria-hidden': 'true'},
          h('label', {for: '${moduleId}-website', text: t('確認用（入力しないでください）', 'Leave this empty')}), trap),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'send', text: t('送信する', 'Send')})));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    summary.hidden = true;
    Object.values(fields).forEach((f) => { f.error.hidden = true; f.el.removeAttribute('aria-invalid'); });
    const body = {title: fields.title.el.value.trim(), note: fields.note.el.value.trim() || null,
      contactEmail: fields.contactEmail.el.value.trim()};
    if (trap.value) body.website = trap.value;
    try {
      const receipt = await ctx.postJson('${moduleId}/public/submissions', body, {'Idempotency-Key': token.value});
      form.reset();
      token.value = newFormToken();
      result.replaceChildren(h('h3', {text: t('受け付けました', 'Received')}),
          h('p', {}, t('受付番号: ', 'Receipt number: '), h('strong', {class: 'receipt-number', text: receipt.receiptNumber})));
      result.focus();
    } catch (err) {
      if (err.status === 422) token.value = newFormToken();
      const problem = err.problem || {};
      for (const fe of problem.errors || []) {
        const f = fields[fe.field];
        if (f) {
          f.error.textContent = fe.message;
          f.error.hidden = false;
          f.el.setAttribute('aria-invalid', 'true');
        }
      }
      summary.replaceChildren(h('p', {text: problem.detail || problem.title || t('送信できませんでした。', 'Could not send.')}));
      summary.hidden = false;
      summary.focus();
    }
  });

  root.replaceChildren(
      h('h1', {text: t('${nameJa}', '${nameEn}')}),
      h('p', {class: 'lead', text: t(
          ctx.fiscalYearLabel(s.fiscalYear.year) + 'の登録件数は ' + s.items + ' 件です。',
          ctx.fiscalYearLabel(s.fiscalYear.year) + ' has ' + s.items + ' items.')}),
      h('h2', {text: t('${nameJa}を送る', 'Send an item')}),
      form, result);
}
