// ファンクラブ for the public portal: /p/{lgCode}/fan-club. Anyone signs up (name, e-mail, where they
// live, interests from the municipality's list, whether they want mail); the reply is a receipt
// number only, and a confirmation link goes to the e-mail address. The links in fan club mail come
// back here: ?confirm=… confirms the sign-up, ?leave=… leaves (after a button press, so that a mail
// scanner opening the link leaves nobody), ?edit=… shows the member's details to change (the link
// works once), ?email=… confirms a new e-mail address. A member asks for the edit link below the
// sign-up form, by e-mail address; the answer is the same for any address. A link that was used or
// expired answers 410 and the page says so (ADR 0053). The token goes in the POST body. Public
// intake (ADR 0014): the forms send a token as the Idempotency-Key and have a honeypot. The DOM is
// built with createElement and textContent only.
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
  const params = new URLSearchParams(location.search);
  root.replaceChildren(el('h1', {text: t('ファンクラブ', 'Fan club')}));
  if (params.get('confirm')) return confirmPage(root, ctx, params.get('confirm'));
  if (params.get('leave')) return leavePage(root, ctx, params.get('leave'));
  if (params.get('edit')) return editPage(root, ctx, params.get('edit'));
  if (params.get('email')) return emailPage(root, ctx, params.get('email'));
  await signUpPage(root, ctx);
  return editLinkSection(root, ctx);
}

/** A failed link: 410 says the link is gone (used or expired) and where to start again; else the message. */
function failure(ctx, e) {
  const t = ctx.t;
  if (e.status === 410) {
    return el('div', {id: 'fan-club-gone', class: 'error', role: 'alert'},
        el('p', {text: e.message}),
        el('p', {}, el('a', {href: `/p/${ctx.lgCode}/fan-club`, text: t('ファンクラブのページへ', 'To the fan club page')})));
  }
  return el('p', {class: 'error', role: 'alert', text: e.message});
}

function result(root) {
  const box = el('div', {class: 'fan-club-result', role: 'status', 'aria-live': 'polite', tabindex: '-1'});
  root.append(box);
  return box;
}

async function confirmPage(root, ctx, token) {
  const t = ctx.t;
  const box = result(root);
  try {
    await ctx.postJson('promotion/public/fan-club/confirmations', {token});
    box.replaceChildren(el('p', {id: 'fan-club-confirmed', text: t('入会が完了しました。ようこそ！', 'You are now a member. Welcome!')}));
  } catch (e) {
    box.replaceChildren(failure(ctx, e));
  }
}

async function emailPage(root, ctx, token) {
  const t = ctx.t;
  const box = result(root);
  try {
    await ctx.postJson('promotion/public/fan-club/email-confirmations', {token});
    box.replaceChildren(el('p', {id: 'fan-club-email-changed', text: t(
        'メールアドレスを変更しました。これからはこのアドレスにお送りします。', 'Your e-mail address has been changed: we will write to this one from now on.')}));
  } catch (e) {
    box.replaceChildren(failure(ctx, e));
  }
}

async function editPage(root, ctx, token) {
  const t = ctx.t;
  const box = result(root);
  let profile;
  let offered;
  try {
    [profile, offered] = await Promise.all([ctx.postJson('promotion/public/fan-club/profile', {token}),
      ctx.getJson('promotion/public/fan-club/form')]);
  } catch (e) {
    box.replaceChildren(failure(ctx, e));
    return;
  }
  const fields = {};
  const form = el('form', {class: 'voice-form', id: 'fan-club-edit-form', novalidate: ''});
  const add = (name, label, control) => {
    const id = nextId(`fan-edit-${name}`);
    control.id = id;
    control.name = name;
    const error = el('p', {class: 'field-error', id: `${id}-error`});
    error.hidden = true;
    control.setAttribute('aria-describedby', error.id);
    fields[name] = {control, error};
    form.append(el('div', {class: 'voice-field', 'data-field': name}, el('label', {for: id, text: label}), control, error));
  };
  form.append(el('p', {class: 'hint', text: t('お住まいは、変わった場合だけ入力してください（空欄のままなら変わりません）。',
      'Fill in where you live only if you moved (left empty, it stays as it is).')}));
  add('prefecture', t('新しいお住まいの都道府県', 'Prefecture you moved to'),
      el('select', {}, el('option', {value: '', text: t('変更しない', 'No change')}),
          ...offered.prefectures.map((p) => el('option', {value: p.code, text: p.label}))));
  add('municipality', t('新しいお住まいの市区町村', 'City, town or village you moved to'), el('input', {type: 'text', maxlength: '100', autocomplete: 'address-level2'}));
  add('address', t('それ以降の住所（任意）', 'Rest of the address (optional)'), el('input', {type: 'text', maxlength: '200', autocomplete: 'address-line1'}));
  add('email', t('新しいメールアドレス（変更する場合のみ）', 'New e-mail address (only to change it)'), el('input', {type: 'email', maxlength: '254', autocomplete: 'email'}));
  const interestBoxes = profile.offeredInterests.map((i) => {
    const id = nextId('fan-edit-interest');
    const box = el('input', {type: 'checkbox', id, value: i});
    box.checked = profile.interests.includes(i);
    return {value: i, box, id};
  });
  form.append(el('fieldset', {class: 'fan-club-interests'}, el('legend', {text: t('関心のあること', 'Interests')}),
      ...interestBoxes.map((x) => el('div', {}, x.box, ' ', el('label', {for: x.id, text: x.value})))));
  const nlId = nextId('fan-edit-newsletter');
  const newsletter = el('input', {type: 'checkbox', id: nlId, name: 'newsletter'});
  newsletter.checked = profile.newsletter;
  form.append(el('div', {class: 'voice-field'}, newsletter, ' ', el('label', {for: nlId, text: t('ファンクラブ通信をメールで受け取る', 'Send me the fan club newsletter by e-mail')})));
  const save = el('button', {type: 'submit', class: 'send', id: 'fan-club-save', text: t('変更する', 'Save the changes')});
  form.append(el('div', {class: 'actions'}, save));
  root.insertBefore(el('p', {class: 'lead', text: t('登録内容を変更できます。このリンクは1回限り有効です。',
      'Change your details here. This link works once.')}), box);
  root.insertBefore(form, box);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    Object.values(fields).forEach((f) => { f.error.hidden = true; f.error.textContent = ''; f.control.removeAttribute('aria-invalid'); });
    const v = (k) => fields[k].control.value.trim() || null;
    save.disabled = true;
    try {
      const r = await ctx.postJson('promotion/public/fan-club/edits', {token, prefecture: v('prefecture'), municipality: v('municipality'),
        address: v('address'), email: v('email'), newsletter: newsletter.checked,
        interests: interestBoxes.filter((x) => x.box.checked).map((x) => x.value)});
      form.remove();
      box.replaceChildren(el('p', {id: 'fan-club-edited', text: r.emailConfirmationSent
        ? t('変更しました。新しいメールアドレスに確認のメールを送りました。そのリンクを開くとメールアドレスが変わります。',
            'Saved. We sent a mail to the new address: open its link to change your e-mail address.')
        : t('変更しました。', 'Saved.')}));
      box.focus();
    } catch (e) {
      ((e.problem && e.problem.errors) || []).forEach((x) => {
        const f = fields[x.field];
        if (f) {
          f.error.textContent = x.message;
          f.error.hidden = false;
          f.control.setAttribute('aria-invalid', 'true');
        }
      });
      box.replaceChildren(failure(ctx, e));
      if (e.status === 410) form.remove();
      else save.disabled = false;
    }
  });
}

/** Below the sign-up form: a member asks for the link to change their details. */
function editLinkSection(root, ctx) {
  const t = ctx.t;
  const id = nextId('fan-edit-email');
  const hpId = nextId('fan-edit-website');
  const email = el('input', {id, name: 'email', type: 'email', maxlength: '254', autocomplete: 'email'});
  const honeypot = el('input', {id: hpId, name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off'});
  const send = el('button', {type: 'submit', class: 'send', id: 'fan-club-edit-link-send', text: t('リンクを送る', 'Send me the link')});
  const form = el('form', {class: 'voice-form', id: 'fan-club-edit-link-form', novalidate: ''},
      el('div', {class: 'voice-field'}, el('label', {for: id, text: t('会員のメールアドレス', 'Your member e-mail address')}), email),
      el('div', {class: 'visually-hidden voice-hp', 'aria-hidden': 'true'}, el('label', {for: hpId, text: t('ウェブサイト（入力しないでください）', 'Website (leave this empty)')}), honeypot),
      el('div', {class: 'actions'}, send));
  const box = el('div', {class: 'fan-club-result', role: 'status', 'aria-live': 'polite', tabindex: '-1'});
  root.append(el('section', {'aria-labelledby': 'fan-club-edit-heading'},
      el('h2', {id: 'fan-club-edit-heading', text: t('登録内容の変更', 'Change your details')}),
      el('p', {text: t('会員の方は、お住まい・関心・ファンクラブ通信の受信・メールアドレスを変更できます。登録のメールアドレスに変更用のリンクをお送りします。',
          'Members can change their residence, interests, newsletter and e-mail address: we mail a link to the registered address.')}),
      form, box));
  let key = newFormToken();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    send.disabled = true;
    try {
      await ctx.postJson('promotion/public/fan-club/edit-links', {email: email.value.trim() || null, website: honeypot.value || null},
          {'Idempotency-Key': key});
      key = newFormToken();
      form.reset();
      box.replaceChildren(el('p', {id: 'fan-club-edit-link-sent', text: t(
          'ご登録のアドレスであれば、変更用のリンクをお送りしました。メールをご確認ください。',
          'If this address is registered, we have mailed it a link to change your details. Please check your mail.')}));
      box.focus();
    } catch (e) {
      box.replaceChildren(failure(ctx, e));
    } finally {
      send.disabled = false;
    }
  });
}

function leavePage(root, ctx, token) {
  const t = ctx.t;
  const button = el('button', {type: 'button', id: 'fan-club-leave', class: 'send', text: t('退会する', 'Leave the fan club')});
  root.append(el('p', {text: t('ファンクラブを退会します。よろしければボタンを押してください。', 'Press the button to leave the fan club.')}), button);
  const box = result(root);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await ctx.postJson('promotion/public/fan-club/leave', {token});
      button.remove();
      box.replaceChildren(el('p', {id: 'fan-club-left', text: t('退会しました。これまでありがとうございました。', 'You have left the fan club. Thank you.')}));
    } catch (e) {
      if (e.status === 410) button.remove();
      else button.disabled = false;
      box.replaceChildren(failure(ctx, e));
    }
  });
}

async function signUpPage(root, ctx) {
  const t = ctx.t;
  const offered = await ctx.getJson('promotion/public/fan-club/form');
  root.append(el('p', {class: 'lead', text: t(
      'まちを応援してくださる方なら、どこにお住まいでも入会できます。お名前・メールアドレス・お住まいは会の運営にだけ使い、公開しません。',
      'Anyone who supports the town can join, wherever they live. Your name, e-mail and residence are used only to run the club and are never published.')}));
  const fields = {};
  const form = el('form', {class: 'voice-form', id: 'fan-club-form', novalidate: ''});
  const add = (name, label, control) => {
    const id = nextId(`fan-${name}`);
    control.id = id;
    control.name = name;
    const error = el('p', {class: 'field-error', id: `${id}-error`});
    error.hidden = true;
    control.setAttribute('aria-describedby', error.id);
    fields[name] = {control, error};
    form.append(el('div', {class: 'voice-field', 'data-field': name}, el('label', {for: id, text: label}), control, error));
  };
  add('name', t('お名前（必須）', 'Name (required)'), el('input', {type: 'text', maxlength: '100', autocomplete: 'name'}));
  add('email', t('メールアドレス（必須）', 'E-mail (required)'), el('input', {type: 'email', maxlength: '254', autocomplete: 'email'}));
  add('prefecture', t('お住まいの都道府県（必須）', 'Prefecture you live in (required)'),
      el('select', {}, el('option', {value: '', text: t('選んでください', 'Choose')}),
          ...offered.prefectures.map((p) => el('option', {value: p.code, text: p.label}))));
  add('municipality', t('お住まいの市区町村（必須）', 'City, town or village (required)'), el('input', {type: 'text', maxlength: '100', autocomplete: 'address-level2'}));
  add('address', t('それ以降の住所（任意）', 'Rest of the address (optional)'), el('input', {type: 'text', maxlength: '200', autocomplete: 'address-line1'}));
  const interestBoxes = offered.interests.map((i) => {
    const id = nextId('fan-interest');
    return {value: i, box: el('input', {type: 'checkbox', id, value: i}), id};
  });
  form.append(el('fieldset', {class: 'fan-club-interests'}, el('legend', {text: t('関心のあること（任意）', 'Interests (optional)')}),
      ...interestBoxes.map((x) => el('div', {}, x.box, ' ', el('label', {for: x.id, text: x.value})))));
  const nlId = nextId('fan-newsletter');
  const newsletter = el('input', {type: 'checkbox', id: nlId, name: 'newsletter'});
  newsletter.checked = true;
  form.append(el('div', {class: 'voice-field'}, newsletter, ' ', el('label', {for: nlId, text: t('ファンクラブ通信をメールで受け取る', 'Send me the fan club newsletter by e-mail')})));
  const hpId = nextId('fan-website');
  const honeypot = el('input', {id: hpId, name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off'});
  form.append(el('div', {class: 'visually-hidden voice-hp', 'aria-hidden': 'true'}, el('label', {for: hpId, text: t('ウェブサイト（入力しないでください）', 'Website (leave this empty)')}), honeypot));
  const send = el('button', {type: 'submit', class: 'send', id: 'fan-club-send', text: t('入会を申し込む', 'Sign up')});
  form.append(el('div', {class: 'actions'}, send));
  root.append(form);
  const box = result(root);
  let token = newFormToken();

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    Object.values(fields).forEach((f) => { f.error.hidden = true; f.error.textContent = ''; f.control.removeAttribute('aria-invalid'); });
    const v = (k) => fields[k].control.value.trim() || null;
    const body = {name: v('name'), email: v('email'), prefecture: v('prefecture'), municipality: v('municipality'), address: v('address'),
      interests: interestBoxes.filter((x) => x.box.checked).map((x) => x.value), newsletter: newsletter.checked, website: honeypot.value || null};
    send.disabled = true;
    try {
      const r = await ctx.postJson('promotion/public/fan-club/members', body, {'Idempotency-Key': token});
      form.reset();
      newsletter.checked = true;
      token = newFormToken();
      box.replaceChildren(el('p', {id: 'fan-club-receipt', text: t(
          `お申し込みを受け付けました（受付番号 ${r.receiptNumber}）。メールのリンクを開くと入会が完了します。`,
          `We received your sign-up (receipt number ${r.receiptNumber}). Open the link in the mail we sent to become a member.`)}));
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
