// 市民の声 (citizen voices) in the staff console: #/{lg}/engagement/engagement-voices[/<id>].
// The list (filters status / overdue / unit, CSV) and one voice: its sender's data masked as the API
// gives it, shown in full only on an explicit "個人情報を表示" (GET …?reveal=personal-data: staff and
// above, recorded in the audit trail), and the handling form (unit, status, answer deadline, answer,
// publication with its summary) sent with If-Match; the answer's approval (回答の決裁): its state, the
// buttons of the actions the signed-in person may take now (決裁に回す, 承認する, 差し戻す with a reason), the
// history. The routing (主管課 and 共管課, reassignment with a reason, its history); a staff member's
// registration of a voice that came otherwise (channel, the day it arrived, written answer needed);
// the print-friendly letter answer (#/…/engagement-voices/<id>/letter). DOM built with kit.js, never innerHTML.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, problemText, facts, conflictNotice} from '/ui/core/kit.js';
import {attachmentsSection} from './voice-attachments.js';

const STATUSES = ['RECEIVED', 'IN_PROGRESS', 'ANSWERED', 'CLOSED'];
const STATUS_LABELS = {
  RECEIVED: ['受付', 'Received'], IN_PROGRESS: ['担当課回答中', 'Being answered'],
  ANSWERED: ['回答済', 'Answered'], CLOSED: ['完了', 'Closed'],
};
const CHANNEL_LABELS = {
  WEB_FORM: ['ウェブフォーム', 'Web form'], LETTER: ['はがき・封書', 'Letter or postcard'], EMAIL: ['電子メール', 'E-mail'],
  PHONE: ['電話', 'Phone'], COUNTER: ['来庁・窓口', 'Visit'], PETITION: ['要望書', 'Petition'],
  TOWN_MEETING: ['タウンミーティング', 'Town meeting'], OPEN311: ['Open311', 'Open311'], OTHER: ['その他', 'Other'],
};
/** What staff register by hand (web form and Open311 come by themselves). */
const STAFF_CHANNELS = ['LETTER', 'EMAIL', 'PHONE', 'COUNTER', 'PETITION', 'TOWN_MEETING', 'OTHER'];

const label = (ctx, pair, fallback) => (pair ? tr(ctx, pair[0], pair[1]) : fallback || '');
const statusLabel = (ctx, s) => label(ctx, STATUS_LABELS[s], s);
const canHandle = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);

function day(ctx, iso) {
  if (!iso) return '';
  const d = String(iso).substring(0, 10);
  const [y, m, dd] = d.split('-').map(Number);
  return ctx.lang === 'en' ? d : `${y}年${m}月${dd}日`;
}

/** The answer deadline with its state in words and colour (never colour alone). */
function due(ctx, v) {
  if (!v.answerDue) return h('span', {text: '—'});
  const done = v.status === 'ANSWERED' || v.status === 'CLOSED';
  if (v.overdue) {
    return h('span', {class: 'voice-due voice-overdue'}, day(ctx, v.answerDue), ' ',
        h('span', {class: 'rating rating-3', text: tr(ctx, '期限超過', 'Overdue')}));
  }
  return h('span', {class: 'voice-due'}, day(ctx, v.answerDue), ' ',
      done ? h('span', {class: 'rating rating-0', text: tr(ctx, '回答済', 'Answered')})
        : h('span', {class: 'rating rating-none', text: tr(ctx, '期限内', 'Within deadline')}));
}

function dateTime(ctx, iso) {
  if (!iso) return '';
  const t = String(iso).substring(11, 16);
  return `${day(ctx, iso)} ${t}`;
}

/**
 * 回答の決裁: the approval state, the actions the signed-in person may take now (the API says which),
 * a comment (required to return), and the history. {@code done(label)} reloads the page after an action.
 */
function approvalSection(ctx, path, a, etag, reload, done) {
  const form = h('form', {class: 'form answer-approval', id: 'answer-approval', novalidate: true,
    on: {submit: (e) => e.preventDefault()}});
  const take = async (x) => {
    const r = await submit(ctx, form, {method: 'POST', path: `${path}/answer/transitions`,
      body: {action: x.action, comment: form.elements.comment ? form.elements.comment.value : null}, etag, reload});
    if (r) await done(x.label);
  };
  const history = a.history.length
    ? h('table', {class: 'list answer-history'},
        h('caption', {text: tr(ctx, '決裁の履歴', 'Approval history')}),
        h('thead', {}, h('tr', {}, [tr(ctx, '日時', 'When'), tr(ctx, '操作', 'Action'), tr(ctx, '状態', 'State'),
          tr(ctx, '担当者', 'By'), tr(ctx, 'コメント', 'Comment')].map((t) => h('th', {scope: 'col', text: t})))),
        h('tbody', {}, a.history.map((e) => h('tr', {},
            h('td', {text: dateTime(ctx, e.at)}), h('td', {text: e.actionLabel}),
            h('td', {text: `${e.fromLabel} → ${e.toLabel}`}), h('td', {text: e.by}), h('td', {text: e.comment || '—'})))))
    : h('p', {class: 'hint answer-history-empty', text: tr(ctx, '決裁の履歴はまだありません。', 'No approval history yet.')});
  add(form,
      h('h2', {text: tr(ctx, '回答の決裁', 'Answer approval')}),
      facts([[tr(ctx, '決裁の状態', 'Approval state'), h('span', {class: 'answer-state', text: a.stateLabel})]]),
      h('p', {class: 'hint', text: tr(ctx, '回答は担当課が作成して決裁に回し、決裁者が承認すると「回答済」になり、公開できます。差し戻すときは理由を書いてください。',
          'The unit drafts the answer and submits it for approval; once an approver approves it, the voice is answered and the answer can be published. A return needs a reason.')}),
      a.actions.length ? field(ctx, {name: 'comment', type: 'textarea', label: tr(ctx, 'コメント (差し戻すときは理由)', 'Comment (the reason, to return)')}) : null,
      a.actions.length ? h('div', {class: 'actions'}, a.actions.map((x) => h('button', {type: 'button', id: `answer-${x.action}`,
        class: x.action === 'return' ? 'btn' : 'btn btn-primary', dataset: {action: x.action}, text: x.label,
        on: {click: () => take(x)}}))) : null,
      history);
  return form;
}

/** The municipality's categories of voices (市民の声の分類), in its order. */
async function categoryList(ctx) {
  try {
    const p = await ctx.getJson('engagement/voice-categories?size=100');
    return p.items || [];
  } catch (e) {
    return [];
  }
}

const categoryName = (ctx, c) => (ctx.lang === 'en' && c.nameEn ? c.nameEn : c.nameJa);

async function units(ctx) {
  try {
    const p = await ctx.getJson('organization-units?size=100');
    return p.items || [];
  } catch (e) {
    return [];
  }
}

export default async function render(root, ctx) {
  const id = ctx.args && ctx.args[0];
  if (id && ctx.args[1] === 'letter') {
    return letter(root, ctx, id);
  }
  if (id) {
    await detail(root, ctx, id);
  } else {
    await list(root, ctx);
  }
}

// ---- list -------------------------------------------------------------------------------------

async function list(root, ctx) {
  const unitList = await units(ctx);
  const categories = await categoryList(ctx);
  const status = field(ctx, {name: 'status', type: 'select', label: tr(ctx, '状態', 'Status'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...STATUSES.map((s) => ({value: s, label: statusLabel(ctx, s)}))]});
  const overdue = field(ctx, {name: 'overdue', type: 'select', label: tr(ctx, '回答期限', 'Answer deadline'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, {value: 'true', label: tr(ctx, '期限超過のみ', 'Overdue only')},
      {value: 'false', label: tr(ctx, '期限超過を除く', 'Not overdue')}]});
  const unit = field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '担当課', 'Unit'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...unitList.map((u) => ({value: u.id, label: u.nameJa}))]});
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '市民の声の絞り込み', 'Filter citizen voices'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}},
  status, overdue, unit,
  field(ctx, {name: 'categoryId', type: 'select', label: tr(ctx, '分類', 'Category'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...categories.map((c) => ({value: c.id, label: categoryName(ctx, c)}))]}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  for (const name of ['status', 'overdue', 'unitId', 'categoryId']) filters.elements[name].addEventListener('change', () => table.reload());
  const table = pagedList(ctx, {
    path: 'engagement/voices', csv: `citizen-voices-${ctx.lgCode}.csv`, xlsx: `citizen-voices-${ctx.lgCode}.xlsx`, caption: tr(ctx, '市民の声の一覧', 'Citizen voices'),
    query: () => ({status: filters.elements.status.value, overdue: filters.elements.overdue.value, unitId: filters.elements.unitId.value,
      categoryId: filters.elements.categoryId.value}),
    columns: [
      {label: tr(ctx, '受付番号', 'Receipt number'), render: (v) => h('a', {href: ctx.href(v.id), class: 'voice-link'}, v.receiptNumber)},
      {label: tr(ctx, '受付日', 'Received'), render: (v) => day(ctx, v.receivedAt)},
      {label: tr(ctx, '件名', 'Subject'), render: (v) => v.subject},
      {label: tr(ctx, '分類', 'Category'), render: (v) => v.categoryName || v.category || '—'},
      {label: tr(ctx, '送信者 (マスク)', 'Sender (masked)'), render: (v) => v.senderName || '—'},
      {label: tr(ctx, '担当課', 'Unit'), render: (v) => v.unitName || tr(ctx, '未割当', 'Not assigned')},
      {label: tr(ctx, '状態', 'Status'), render: (v) => statusLabel(ctx, v.status)},
      {label: tr(ctx, '回答期限', 'Answer due'), render: (v) => due(ctx, v)},
      {label: tr(ctx, '公開', 'Published'), render: (v) => (v.published ? tr(ctx, '公開中', 'Published') : tr(ctx, '非公開', 'Not published'))},
    ],
  });
  add(root, canHandle(ctx) ? registration(ctx, () => table.reload()) : null,
      h('p', {class: 'hint', text: tr(ctx, '送信者の個人情報は伏せて表示しています。全文は各件の画面で「個人情報を表示」を押すと表示され、その操作は監査記録に残ります。',
      'The senders\' personal data is shown masked. Open a voice and press "Show personal data" to see it in full; that read is recorded in the audit trail.')}),
  filters, table.element);
  await table.reload();
}

// ---- one voice ---------------------------------------------------------------------------------

async function detail(root, ctx, id) {
  const path = `engagement/voices/${encodeURIComponent(id)}`;
  const r = await ctx.api('GET', path);
  if (r.status !== 200) {
    add(root, h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 市民の声の一覧へ', '← All citizen voices'))),
        errorNotice(ctx, {problem: r.problem, status: r.status}));
    return;
  }
  const v = r.body;
  ctx.setTitle(`${tr(ctx, '市民の声', 'Citizen voice')} ${v.receiptNumber}`);
  const reload = () => { root.replaceChildren(); return detail(root, ctx, id); };

  const senderBox = h('div', {class: 'voice-sender', id: 'voice-sender'});
  const senderFacts = (s, revealed) => facts([
    [tr(ctx, 'お名前', 'Name'), s.senderName || '—'],
    [tr(ctx, 'ご住所', 'Address'), s.senderAddress || '—'],
    [tr(ctx, '電話番号', 'Phone'), s.senderPhone || '—'],
    [tr(ctx, 'メールアドレス', 'E-mail'), s.senderEmail || '—'],
    [tr(ctx, '回答の希望', 'Wants an answer'), s.wantsReply ? tr(ctx, 'あり', 'Yes') : tr(ctx, 'なし', 'No')],
    [tr(ctx, '表示', 'Shown'), revealed ? tr(ctx, '全文 (監査記録に残りました)', 'In full (recorded in the audit trail)')
      : tr(ctx, 'マスク済み', 'Masked')],
  ]);
  const revealResult = h('div', {class: 'reveal-result', 'aria-live': 'polite'});
  const revealButton = h('button', {type: 'button', class: 'btn', id: 'reveal-personal-data',
    text: tr(ctx, '個人情報を表示', 'Show personal data'), on: {click: async () => {
      revealResult.replaceChildren();
      const full = await ctx.api('GET', `${path}?reveal=personal-data`);
      if (full.status === 200) {
        senderBox.replaceChildren(senderFacts(full.body, true));
        revealButton.hidden = true;
        revealResult.append(notice(tr(ctx, '個人情報を表示しました。この閲覧は監査記録に残ります。',
            'The personal data is shown. This read is recorded in the audit trail.')));
      } else {
        revealResult.append(notice(problemText(ctx, full.problem, full.status), 'error'));
      }
    }}});
  senderBox.append(senderFacts(v, false));

  add(root,
      h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 市民の声の一覧へ', '← All citizen voices'))),
      facts([
        [tr(ctx, '受付番号', 'Receipt number'), v.receiptNumber],
        [tr(ctx, '受付日', 'Received'), day(ctx, v.receivedAt)],
        [tr(ctx, '受付方法', 'Channel'), label(ctx, CHANNEL_LABELS[v.channel], v.channel)],
        [tr(ctx, '分類', 'Category'), v.categoryName || v.category || '—'],
        [tr(ctx, '状態', 'Status'), statusLabel(ctx, v.status)],
        [tr(ctx, '担当課 (主管)', 'Lead unit'), v.unitName || tr(ctx, '未割当', 'Not assigned')],
        // Several units can share one voice: the co-units (共管課) beside the lead.
        [tr(ctx, '共管課', 'Co-units'), h('span', {class: 'voice-co-units', text: (v.coUnits || []).length
          ? v.coUnits.map((u) => u.name || u.id).join('、') : tr(ctx, 'なし', 'None')})],
        [tr(ctx, '回答期限', 'Answer due'), due(ctx, v)],
        [tr(ctx, '文書等による回答', 'Written answer'), v.writtenAnswerRequired ? tr(ctx, '要', 'Required') : tr(ctx, '不要', 'Not required')],
        [tr(ctx, '公開', 'Published'), v.published ? `${tr(ctx, '公開中', 'Published')} (${day(ctx, v.publishedAt)})` : tr(ctx, '非公開', 'Not published')],
      ]),
      v.overdue ? notice(tr(ctx, `回答期限 (${day(ctx, v.answerDue)}) を過ぎています。`, `The answer deadline (${day(ctx, v.answerDue)}) has passed.`), 'error') : null,
      h('h2', {text: tr(ctx, '件名', 'Subject')}), h('p', {class: 'voice-subject', text: v.subject}),
      h('h2', {text: tr(ctx, 'ご意見', 'Opinion')}), h('p', {class: 'voice-body', text: v.body}),
      h('h2', {text: tr(ctx, '送信者', 'Sender')}), senderBox,
      h('div', {class: 'toolbar'}, revealButton), revealResult);
  add(root, attachmentsSection(ctx, path));

  const approval = await ctx.api('GET', `${path}/answer`);
  const answerState = approval.status === 200 ? approval.body.state : null;
  const approvalDone = async (actionLabel) => {
    await reload();
    root.prepend(notice(tr(ctx, `「${actionLabel}」を行いました。`, `Done: ${actionLabel}.`)));
  };
  if (!canHandle(ctx)) {
    if (v.answer) add(root, h('h2', {text: tr(ctx, '回答', 'Answer')}), h('p', {text: v.answer}));
    if (approval.status === 200) root.append(approvalSection(ctx, path, approval.body, r.etag, reload, approvalDone));
    return;
  }
  const unitList = await units(ctx);
  // Active categories, and the voice's own even if it was deactivated since.
  const categories = (await categoryList(ctx)).filter((c) => c.active || c.id === v.categoryId);
  const form = h('form', {class: 'form', id: 'voice-form', novalidate: true});
  add(form,
      h('h2', {text: tr(ctx, '対応', 'Handling')}),
      field(ctx, {name: 'categoryId', type: 'select', label: tr(ctx, '分類', 'Category'), value: v.categoryId || '',
        options: [{value: '', label: tr(ctx, '分類なし', 'No category')}, ...categories.map((c) => ({value: c.id, label: categoryName(ctx, c)}))]}),
      field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '担当課', 'Unit'), value: v.unitId || '',
        options: [{value: '', label: tr(ctx, '未割当', 'Not assigned')}, ...unitList.map((u) => ({value: u.id, label: u.nameJa}))]}),
      field(ctx, {name: 'status', type: 'select', label: tr(ctx, '状態', 'Status'), value: v.status, required: true,
        options: STATUSES.map((s) => ({value: s, label: statusLabel(ctx, s)}))}),
      field(ctx, {name: 'answerDue', type: 'date', label: tr(ctx, '回答期限', 'Answer due'), value: v.answerDue, required: true,
        hint: tr(ctx, '受付時に自治体の設定 (回答期限の日数) から決まります。', 'Set on receipt from the municipality\'s setting (answer deadline in days).')}),
      field(ctx, {name: 'answer', type: 'textarea', label: tr(ctx, '回答', 'Answer'), value: v.answer || '',
        attrs: answerState && answerState !== 'DRAFT' ? {readonly: true} : {},
        hint: answerState && answerState !== 'DRAFT'
          ? tr(ctx, '決裁に回した回答は変更できません。変更するには決裁者に差し戻してもらってください。', 'An answer submitted for approval cannot be changed; to change it, have an approver return it.')
          : tr(ctx, '回答を書いて保存し、下の「回答の決裁」で決裁に回します。承認されると「回答済」になり、公開できます。',
              'Write and save the answer, then submit it for approval below. Once approved, the voice is answered and can be published.')}),
      field(ctx, {name: 'writtenAnswerRequired', type: 'checkbox', label: tr(ctx, '文書等による回答を要する', 'Needs a written answer'),
        value: v.writtenAnswerRequired}),
      field(ctx, {name: 'published', type: 'checkbox', label: tr(ctx, 'ポータルで公開する', 'Publish on the portal'), value: v.published}),
      field(ctx, {name: 'publishedSummary', type: 'textarea', label: tr(ctx, '公開する要旨', 'Published summary'), value: v.publishedSummary || '',
        hint: tr(ctx, '公開されるのは分類・件名・要旨・回答・担当課だけです。要旨に個人を特定できる情報を書かないでください。',
            'Only the category, subject, summary, answer and unit are published. Do not write anything that identifies a person in the summary.')}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-voice', text: tr(ctx, '保存', 'Save')})));
  let etag = r.etag;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const body = {channel: v.channel, category: v.category, categoryId: f.categoryId.value || null, subject: v.subject, body: v.body,
      unitId: f.unitId.value || null, status: f.status.value, answerDue: f.answerDue.value || null,
      answer: f.answer.value, published: f.published.checked, publishedSummary: f.publishedSummary.value,
      writtenAnswerRequired: f.writtenAnswerRequired.checked};
    const saved = await submit(ctx, form, {method: 'PUT', path, body, etag, reload});
    if (saved) {
      etag = saved.etag;
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      await reload();
      root.prepend(notice(tr(ctx, '保存しました。', 'Saved.')));
    }
  });
  root.append(form);
  root.append(await routingSection(ctx, path, unitList, reload));
  if (approval.status === 200) root.append(approvalSection(ctx, path, approval.body, etag, reload, approvalDone));
  if (answerState === 'APPROVED') {
    add(root, h('section', {class: 'answer-letter', id: 'answer-letter'},
        h('h2', {text: tr(ctx, '文書による回答', 'Letter answer')}),
        h('p', {class: 'hint', text: tr(ctx, '回答書には送信者の氏名と住所が全文で表示されます。表示すると監査記録に残ります。',
            'The letter shows the sender\'s name and address in full; opening it is recorded in the audit trail.')}),
        h('p', {}, h('a', {href: ctx.href(id, 'letter'), class: 'btn', id: 'open-letter', text: tr(ctx, '回答書を印刷する', 'Print the letter answer')}))));
  }

  // The answer by e-mail: queued in core's outbox (POST …/answer-email with If-Match); refused with a
  // message when there is no final answer or no address.
  const mailResult = h('div', {class: 'answer-email-result', 'aria-live': 'polite'});
  const mailButton = h('button', {type: 'button', class: 'btn', id: 'send-answer-email',
    text: tr(ctx, '回答をメールで送信', 'Send the answer by e-mail'), on: {click: async () => {
      mailResult.replaceChildren();
      mailButton.disabled = true;
      try {
        const sent = await ctx.api('POST', `${path}/answer-email`, {etag});
        if (sent.status === 200) {
          ctx.announce(tr(ctx, '回答をメールの送信待ちに入れました。', 'The answer is queued for e-mail.'));
          await reload();
          root.prepend(notice(tr(ctx, '回答をメールの送信待ちに入れました。', 'The answer is queued for e-mail.')));
        } else if (sent.status === 412) {
          mailResult.append(conflictNotice(ctx, reload));
        } else {
          mailResult.append(notice(problemText(ctx, sent.problem, sent.status), 'error'));
        }
      } finally {
        mailButton.disabled = false;
      }
    }}});
  add(root, h('section', {class: 'answer-email', id: 'answer-email'},
      h('h2', {text: tr(ctx, '回答のメール送信', 'Answer by e-mail')}),
      h('p', {text: v.answerEmailedAt
        ? tr(ctx, `最後に送信した日時: ${day(ctx, v.answerEmailedAt)}`, `Last sent: ${day(ctx, v.answerEmailedAt)}`)
        : tr(ctx, 'まだ送信していません。送信者がメールアドレスを書いていて、回答が決裁済みのときに送れます。',
            'Not sent yet. It can be sent when the sender gave an e-mail address and the answer is approved.')}),
      h('div', {class: 'toolbar'}, mailButton), mailResult));
}

// ---- staff registration ------------------------------------------------------------------------

/** A voice that came by letter, phone, visit, petition…: registered by staff with the day it arrived. */
function registration(ctx, done) {
  const today = new Date(Date.now() + 9 * 3600 * 1000).toISOString().substring(0, 10);
  const form = h('form', {class: 'form voice-register', id: 'voice-register', novalidate: true});
  const result = h('div', {'aria-live': 'polite'});
  add(form,
      field(ctx, {name: 'channel', type: 'select', label: tr(ctx, '受付方法', 'Channel'), required: true, value: 'LETTER',
        options: STAFF_CHANNELS.map((c) => ({value: c, label: label(ctx, CHANNEL_LABELS[c], c)}))}),
      field(ctx, {name: 'receivedOn', type: 'date', label: tr(ctx, '受付日 (届いた日)', 'Received on (the day it arrived)'), value: today,
        required: true, attrs: {max: today}, hint: tr(ctx, '回答期限はこの日から数えます。未来の日付は指定できません。',
            'The answer deadline counts from this day; it cannot be in the future.')}),
      field(ctx, {name: 'subject', label: tr(ctx, '件名', 'Subject'), required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'body', type: 'textarea', label: tr(ctx, 'ご意見', 'Opinion'), required: true, attrs: {maxlength: 4000}}),
      field(ctx, {name: 'category', label: tr(ctx, '分類', 'Category'), attrs: {maxlength: 100}}),
      field(ctx, {name: 'name', label: tr(ctx, 'お名前', 'Name'), attrs: {maxlength: 100, autocomplete: 'off'}}),
      field(ctx, {name: 'address', label: tr(ctx, 'ご住所', 'Address'), attrs: {maxlength: 300, autocomplete: 'off'}}),
      field(ctx, {name: 'phone', type: 'tel', label: tr(ctx, '電話番号', 'Phone'), attrs: {maxlength: 40, autocomplete: 'off'}}),
      field(ctx, {name: 'email', type: 'email', label: tr(ctx, 'メールアドレス', 'E-mail'), attrs: {maxlength: 254, autocomplete: 'off'}}),
      field(ctx, {name: 'wantsReply', type: 'checkbox', label: tr(ctx, '回答を希望している', 'Wants an answer')}),
      field(ctx, {name: 'writtenAnswerRequired', type: 'checkbox', label: tr(ctx, '文書等による回答を要する', 'Needs a written answer')}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'register-voice', text: tr(ctx, '登録する', 'Register')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    result.replaceChildren();
    const f = form.elements;
    const body = {channel: f.channel.value, receivedOn: f.receivedOn.value || null, subject: f.subject.value,
      body: f.body.value, category: f.category.value, name: f.name.value, address: f.address.value,
      phone: f.phone.value, email: f.email.value, wantsReply: f.wantsReply.checked,
      writtenAnswerRequired: f.writtenAnswerRequired.checked};
    const r = await submit(ctx, form, {method: 'POST', path: 'engagement/voices', body});
    if (r) {
      const text = tr(ctx, `受付番号 ${r.body.receiptNumber} で登録しました (回答期限 ${day(ctx, r.body.answerDue)})。`,
          `Registered as ${r.body.receiptNumber} (answer due ${day(ctx, r.body.answerDue)}).`);
      form.reset();
      f.receivedOn.value = today;
      result.append(notice(text));
      ctx.announce(text);
      await done();
    }
  });
  return h('details', {class: 'voice-register-box'},
      h('summary', {text: tr(ctx, 'ポータル以外で届いた声を登録する (はがき・電話・来庁・要望書など)',
          'Register a voice that came otherwise (letter, phone, visit, petition…)')}), form, result);
}

// ---- routing -----------------------------------------------------------------------------------

/** 担当課の割当: lead unit, co-units, the reason to reassign, the history (PUT …/routing with If-Match). */
async function routingSection(ctx, path, unitList, reload) {
  const r = await ctx.api('GET', `${path}/routing`);
  const box = h('section', {class: 'voice-routing', id: 'voice-routing'}, h('h2', {text: tr(ctx, '担当課の割当', 'Routing')}));
  if (r.status !== 200) {
    box.append(notice(problemText(ctx, r.problem, r.status), 'error'));
    return box;
  }
  const routing = r.body;
  const co = new Set(routing.coUnits.map((u) => u.id));
  const form = h('form', {class: 'form', id: 'routing-form', novalidate: true});
  const coList = h('fieldset', {class: 'co-units', 'data-field': 'coUnitIds'},
      h('legend', {text: tr(ctx, '共管課 (この声を共有する課)', 'Co-units (units sharing this voice)')}),
      unitList.map((u) => field(ctx, {name: 'coUnitIds', type: 'checkbox', label: u.nameJa, value: co.has(u.id),
        attrs: {value: u.id}})));
  add(form,
      field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '主管課', 'Lead unit'), value: routing.lead ? routing.lead.id : '',
        options: [{value: '', label: tr(ctx, '未割当', 'Not assigned')}, ...unitList.map((u) => ({value: u.id, label: u.nameJa}))]}),
      coList,
      field(ctx, {name: 'reason', type: 'textarea', label: tr(ctx, '理由 (割り当て直す・外すとき必須)', 'Reason (required to reassign or take a unit off)'),
        attrs: {maxlength: 500}}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-routing',
        text: tr(ctx, '割当を保存', 'Save the routing')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const coUnitIds = [...form.querySelectorAll('input[name="coUnitIds"]')].filter((i) => i.checked).map((i) => i.value);
    const saved = await submit(ctx, form, {method: 'PUT', path: `${path}/routing`,
      body: {unitId: f.unitId.value || null, coUnitIds, reason: f.reason.value}, etag: r.etag, reload});
    if (saved) {
      ctx.announce(tr(ctx, '割当を保存しました。', 'The routing is saved.'));
      await reload();
    }
  });
  const name = (u) => (u ? (u.name || u.id) : tr(ctx, '未割当', 'Not assigned'));
  const history = routing.history.length
    ? h('table', {class: 'list routing-history'},
        h('caption', {text: tr(ctx, '割当の履歴', 'Routing history')}),
        h('thead', {}, h('tr', {}, [tr(ctx, '日時', 'When'), tr(ctx, '担当者', 'By'), tr(ctx, '主管課', 'Lead unit'),
          tr(ctx, '共管課', 'Co-units'), tr(ctx, '理由', 'Reason')].map((t) => h('th', {scope: 'col', text: t})))),
        h('tbody', {}, routing.history.map((e) => h('tr', {},
            h('td', {text: dateTime(ctx, e.at)}), h('td', {text: e.by}),
            h('td', {text: `${name(e.from)} → ${name(e.to)}`}),
            h('td', {text: e.coUnits.length ? e.coUnits.map(name).join('、') : '—'}),
            h('td', {text: e.reason || '—'})))))
    : h('p', {class: 'hint routing-history-empty', text: tr(ctx, '割当の履歴はまだありません。', 'No routing history yet.')});
  add(box, canHandle(ctx) ? form : facts([[tr(ctx, '主管課', 'Lead unit'), name(routing.lead)],
    [tr(ctx, '共管課', 'Co-units'), routing.coUnits.length ? routing.coUnits.map(name).join('、') : '—']]), history);
  return box;
}

// ---- the letter answer -------------------------------------------------------------------------

function wareki(ctx, iso) {
  if (!iso) return '';
  const [y, m, d] = String(iso).substring(0, 10).split('-').map(Number);
  if (ctx.lang === 'en') return String(iso).substring(0, 10);
  const r = y - 2018;
  return `令和${r === 1 ? '元' : r}年${m}月${d}日`;
}

/** 回答書: the approved answer addressed to the resident, to print (their data in full, audited). */
async function letter(root, ctx, id) {
  const path = `engagement/voices/${encodeURIComponent(id)}`;
  const css = h('link', {rel: 'stylesheet', href: '/ui/engagement/voice-letter.css'});
  document.head.append(css);
  const back = h('p', {class: 'no-print'}, h('a', {href: ctx.href(id)}, tr(ctx, '← 市民の声へ戻る', '← Back to the voice')));
  const r = await ctx.api('GET', `${path}/answer-letter`);
  if (r.status !== 200) {
    add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status}));
    return () => css.remove();
  }
  const l = r.body;
  ctx.setTitle(`${tr(ctx, '回答書', 'Letter answer')} ${l.receiptNumber}`);
  add(root, back,
      h('p', {class: 'hint no-print', text: tr(ctx, '送信者の氏名と住所を全文で表示しています。この表示は監査記録に残りました。',
          'The sender\'s name and address are shown in full; this read is recorded in the audit trail.')}),
      h('div', {class: 'toolbar no-print'}, h('button', {type: 'button', class: 'btn btn-primary', id: 'print-letter',
        text: tr(ctx, '印刷する', 'Print'), on: {click: () => window.print()}})),
      h('article', {class: 'voice-letter', id: 'voice-letter'},
          h('p', {class: 'letter-date', text: wareki(ctx, l.issuedOn)}),
          h('div', {class: 'letter-to'},
              l.senderAddress ? h('p', {class: 'letter-address', text: l.senderAddress}) : null,
              h('p', {class: 'letter-name', text: l.senderName ? `${l.senderName} 様` : tr(ctx, 'ご意見をお寄せいただいた方へ', 'To the sender')})),
          h('p', {class: 'letter-from', text: l.municipalityName}),
          l.unitName ? h('p', {class: 'letter-from', text: `（${l.unitName}）`}) : null,
          h('h2', {class: 'letter-title', text: tr(ctx, `「${l.subject}」について (回答)`, `Answer: ${l.subject}`)}),
          h('p', {text: tr(ctx, 'このたびは貴重なご意見をお寄せいただき、ありがとうございました。お寄せいただいたご意見について、次のとおり回答いたします。',
              'Thank you for your opinion. Our answer follows.')}),
          h('p', {class: 'letter-answer', text: l.answer}),
          h('p', {class: 'letter-reference', text: tr(ctx, `受付番号 ${l.receiptNumber}（${wareki(ctx, l.receivedOn)}受付）`,
              `Receipt number ${l.receiptNumber} (received ${l.receivedOn})`)})));
  return () => css.remove();
}
