// まちづくり提言 (citizen proposals) in the staff console: #/{lg}/engagement/engagement-proposals[/<id>].
// The list (filters status / unit / fiscal year, CSV) with the registration of a paper proposal; one
// proposal: the proposer masked as the API gives it (「個人情報を表示」 reveals it, recorded in the audit
// trail), the handling form sent with If-Match (lead unit, the units considering it with their findings
// (庁内連携), status, answer, publication with its summary), the answer's approval (決裁: the actions the
// signed-in person may take now, the history) and sending the approved answer by e-mail.
// DOM built with kit.js, never innerHTML.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, problemText, facts} from '/ui/core/kit.js';

const STATUSES = ['RECEIVED', 'CONSIDERING', 'ANSWERED', 'REALISED', 'PARTLY_REALISED', 'DECLINED'];
const STATUS_LABELS = {
  RECEIVED: ['受付', 'Received'], CONSIDERING: ['検討中', 'Under consideration'], ANSWERED: ['回答済', 'Answered'],
  REALISED: ['実現', 'Realised'], PARTLY_REALISED: ['一部実現', 'Partly realised'], DECLINED: ['見送り', 'Not taken up'],
};
const CHANNELS = {
  LETTER: ['はがき・封書', 'Letter or postcard'], EMAIL: ['電子メール', 'E-mail'], COUNTER: ['来庁・窓口', 'Visit'],
  TOWN_MEETING: ['タウンミーティング', 'Town meeting'], OTHER: ['その他', 'Other'],
};

const statusLabel = (ctx, s) => (STATUS_LABELS[s] ? tr(ctx, STATUS_LABELS[s][0], STATUS_LABELS[s][1]) : s);
const canHandle = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);

function day(ctx, iso) {
  if (!iso) return '';
  const d = String(iso).substring(0, 10);
  const [y, m, dd] = d.split('-').map(Number);
  return ctx.lang === 'en' ? d : `${y}年${m}月${dd}日`;
}

function dateTime(ctx, iso) {
  if (!iso) return '';
  return `${day(ctx, iso)} ${String(iso).substring(11, 16)}`;
}

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
  if (id) {
    await detail(root, ctx, id);
  } else {
    await list(root, ctx);
  }
}

// ---- list -------------------------------------------------------------------------------------

function fiscalYears() {
  const now = new Date(Date.now() + 9 * 3600 * 1000);
  const current = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const years = [];
  for (let y = current; y >= current - 8; y -= 1) years.push(y);
  return years;
}

function wareki(ctx, y) {
  if (ctx.lang === 'en') return `FY${y}`;
  if (y >= 2019) return y === 2019 ? '令和元年度' : `令和${y - 2018}年度`;
  return `平成${y - 1988}年度`;
}

async function list(root, ctx) {
  const unitList = await units(ctx);
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, 'まちづくり提言の絞り込み', 'Filter citizen proposals'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}},
  field(ctx, {name: 'status', type: 'select', label: tr(ctx, '状態', 'Status'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...STATUSES.map((s) => ({value: s, label: statusLabel(ctx, s)}))]}),
  field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '担当課・関係課', 'Unit (lead or considering)'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...unitList.map((u) => ({value: u.id, label: u.nameJa}))]}),
  field(ctx, {name: 'fiscalYear', type: 'select', label: tr(ctx, '年度', 'Fiscal year'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...fiscalYears().map((y) => ({value: String(y), label: wareki(ctx, y)}))]}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  for (const name of ['status', 'unitId', 'fiscalYear']) filters.elements[name].addEventListener('change', () => table.reload());
  const table = pagedList(ctx, {
    path: 'engagement/proposals', csv: `citizen-proposals-${ctx.lgCode}.csv`, caption: tr(ctx, 'まちづくり提言の一覧', 'Citizen proposals'),
    query: () => ({status: filters.elements.status.value, unitId: filters.elements.unitId.value,
      fiscalYear: filters.elements.fiscalYear.value}),
    columns: [
      {label: tr(ctx, '受付番号', 'Receipt number'), render: (p) => h('a', {href: ctx.href(p.id), class: 'proposal-link'}, p.receiptNumber)},
      {label: tr(ctx, '受付日', 'Received'), render: (p) => day(ctx, p.receivedAt)},
      {label: tr(ctx, '年度', 'Fiscal year'), render: (p) => p.fiscalYearLabel},
      {label: tr(ctx, '件名', 'Title'), render: (p) => p.title},
      {label: tr(ctx, '分野', 'Field'), render: (p) => p.field || '—'},
      {label: tr(ctx, '提言者 (マスク)', 'Proposer (masked)'), render: (p) => p.proposerName || '—'},
      {label: tr(ctx, '担当課', 'Lead unit'), render: (p) => p.unitName || tr(ctx, '未割当', 'Not assigned')},
      {label: tr(ctx, '状態', 'Status'), render: (p) => p.statusLabel},
      {label: tr(ctx, '公開', 'Published'), render: (p) => (p.published ? tr(ctx, '公開中', 'Published') : tr(ctx, '非公開', 'Not published'))},
    ],
  });
  add(root, canHandle(ctx) ? registration(ctx, () => table.reload()) : null,
      h('p', {class: 'hint', text: tr(ctx, '提言者の個人情報は伏せて表示しています。全文は各件の画面で「個人情報を表示」を押すと表示され、その操作は監査記録に残ります。',
          'The proposers\' personal data is shown masked. Open a proposal and press "Show personal data" to see it in full; that read is recorded in the audit trail.')}),
      filters, table.element);
  await table.reload();
}

/** A proposal that came on paper, by e-mail or at a meeting: typed in with the day it arrived. */
function registration(ctx, done) {
  const today = new Date(Date.now() + 9 * 3600 * 1000).toISOString().substring(0, 10);
  const form = h('form', {class: 'form proposal-register', id: 'proposal-register', novalidate: true});
  const result = h('div', {'aria-live': 'polite'});
  add(form,
      field(ctx, {name: 'channel', type: 'select', label: tr(ctx, '受付方法', 'Channel'), required: true, value: 'LETTER',
        options: Object.entries(CHANNELS).map(([c, l]) => ({value: c, label: tr(ctx, l[0], l[1])}))}),
      field(ctx, {name: 'receivedOn', type: 'date', label: tr(ctx, '受付日 (届いた日)', 'Received on'), value: today, required: true,
        attrs: {max: today}}),
      field(ctx, {name: 'title', label: tr(ctx, '件名', 'Title'), required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'field', label: tr(ctx, '分野', 'Field'), attrs: {maxlength: 100}}),
      field(ctx, {name: 'body', type: 'textarea', label: tr(ctx, '提言の内容', 'Proposal'), required: true, attrs: {maxlength: 4000}}),
      field(ctx, {name: 'name', label: tr(ctx, 'お名前', 'Name'), attrs: {maxlength: 100, autocomplete: 'off'}}),
      field(ctx, {name: 'address', label: tr(ctx, 'ご住所', 'Address'), attrs: {maxlength: 300, autocomplete: 'off'}}),
      field(ctx, {name: 'phone', type: 'tel', label: tr(ctx, '電話番号', 'Phone'), attrs: {maxlength: 40, autocomplete: 'off'}}),
      field(ctx, {name: 'email', type: 'email', label: tr(ctx, 'メールアドレス', 'E-mail'), attrs: {maxlength: 254, autocomplete: 'off'}}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'register-proposal', text: tr(ctx, '登録する', 'Register')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    result.replaceChildren();
    const f = form.elements;
    const body = {channel: f.channel.value, receivedOn: f.receivedOn.value || null, title: f.title.value, field: f.field.value,
      body: f.body.value, name: f.name.value, address: f.address.value, phone: f.phone.value, email: f.email.value};
    const r = await submit(ctx, form, {method: 'POST', path: 'engagement/proposals', body});
    if (r) {
      const text = tr(ctx, `受付番号 ${r.body.receiptNumber} で登録しました。`, `Registered as ${r.body.receiptNumber}.`);
      form.reset();
      f.receivedOn.value = today;
      result.append(notice(text));
      ctx.announce(text);
      await done();
    }
  });
  return h('details', {class: 'proposal-register-box'},
      h('summary', {text: tr(ctx, 'ポータル以外で届いた提言を登録する (はがき・封書・来庁など)',
          'Register a proposal that came otherwise (letter, visit…)')}), form, result);
}

// ---- one proposal ------------------------------------------------------------------------------

function approvalSection(ctx, path, a, etag, done) {
  const form = h('form', {class: 'form answer-approval', id: 'answer-approval', novalidate: true,
    on: {submit: (e) => e.preventDefault()}});
  const take = async (x) => {
    const r = await submit(ctx, form, {method: 'POST', path: `${path}/answer/transitions`,
      body: {action: x.action, comment: form.elements.comment ? form.elements.comment.value : null}, etag, reload: done});
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
    : h('p', {class: 'hint', text: tr(ctx, '決裁の履歴はまだありません。', 'No approval history yet.')});
  add(form,
      h('h2', {text: tr(ctx, '回答の決裁', 'Answer approval')}),
      facts([[tr(ctx, '決裁の状態', 'Approval state'), h('span', {class: 'answer-state', text: a.stateLabel})]]),
      a.actions.length ? field(ctx, {name: 'comment', type: 'textarea', label: tr(ctx, 'コメント (差し戻すときは理由)', 'Comment (the reason, to return)')}) : null,
      a.actions.length ? h('div', {class: 'actions'}, a.actions.map((x) => h('button', {type: 'button', id: `answer-${x.action}`,
        class: x.action === 'return' ? 'btn' : 'btn btn-primary', text: x.label, on: {click: () => take(x)}}))) : null,
      history);
  return form;
}

async function detail(root, ctx, id) {
  const path = `engagement/proposals/${encodeURIComponent(id)}`;
  const back = () => h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← まちづくり提言の一覧へ', '← All citizen proposals')));
  const r = await ctx.api('GET', path);
  if (r.status !== 200) {
    add(root, back(), errorNotice(ctx, {problem: r.problem, status: r.status}));
    return;
  }
  const p = r.body;
  ctx.setTitle(`${tr(ctx, 'まちづくり提言', 'Citizen proposal')} ${p.receiptNumber}`);
  const reload = async (actionLabel) => {
    root.replaceChildren();
    await detail(root, ctx, id);
    if (typeof actionLabel === 'string') root.prepend(notice(tr(ctx, `「${actionLabel}」を行いました。`, `Done: ${actionLabel}.`)));
  };
  const proposerBox = h('div', {class: 'proposal-proposer', id: 'proposal-proposer'});
  const proposerFacts = (s, revealed) => facts([
    [tr(ctx, 'お名前', 'Name'), s.proposerName || '—'],
    [tr(ctx, 'ご住所', 'Address'), s.proposerAddress || '—'],
    [tr(ctx, '電話番号', 'Phone'), s.proposerPhone || '—'],
    [tr(ctx, 'メールアドレス', 'E-mail'), s.proposerEmail || '—'],
    [tr(ctx, '表示', 'Shown'), revealed ? tr(ctx, '全文 (監査記録に残りました)', 'In full (recorded in the audit trail)') : tr(ctx, 'マスク済み', 'Masked')],
  ]);
  proposerBox.append(proposerFacts(p, false));
  const revealResult = h('div', {'aria-live': 'polite'});
  const revealButton = h('button', {type: 'button', class: 'btn', id: 'reveal-personal-data',
    text: tr(ctx, '個人情報を表示', 'Show personal data'), on: {click: async () => {
      revealResult.replaceChildren();
      const full = await ctx.api('GET', `${path}?reveal=personal-data`);
      if (full.status === 200) {
        proposerBox.replaceChildren(proposerFacts(full.body, true));
        revealButton.hidden = true;
      } else {
        revealResult.append(notice(problemText(ctx, full.problem, full.status), 'error'));
      }
    }}});
  add(root, back(),
      facts([
        [tr(ctx, '受付番号', 'Receipt number'), p.receiptNumber],
        [tr(ctx, '受付日', 'Received'), day(ctx, p.receivedAt)],
        [tr(ctx, '年度', 'Fiscal year'), p.fiscalYearLabel],
        [tr(ctx, '受付方法', 'Channel'), p.channelLabel],
        [tr(ctx, '分野', 'Field'), p.field || '—'],
        [tr(ctx, '状態', 'Status'), h('span', {class: 'proposal-status', text: p.statusLabel})],
        [tr(ctx, '担当課', 'Lead unit'), p.unitName || tr(ctx, '未割当', 'Not assigned')],
        [tr(ctx, '関係課', 'Units considering it'), p.coUnits.length ? p.coUnits.map((c) => c.unitName).join('、') : '—'],
        [tr(ctx, '公開', 'Published'), p.published ? `${tr(ctx, '公開中', 'Published')} (${day(ctx, p.publishedAt)})` : tr(ctx, '非公開', 'Not published')],
      ]),
      h('h2', {text: tr(ctx, '件名', 'Title')}), h('p', {class: 'proposal-title', text: p.title}),
      h('h2', {text: tr(ctx, '提言の内容', 'Proposal')}), h('p', {class: 'proposal-body', text: p.body}),
      h('h2', {text: tr(ctx, '提言者', 'Proposer')}), proposerBox, h('div', {class: 'toolbar'}, revealButton), revealResult);

  const approval = await ctx.api('GET', `${path}/answer`);
  if (!canHandle(ctx)) {
    if (p.answer) add(root, h('h2', {text: tr(ctx, '回答', 'Answer')}), h('p', {text: p.answer}));
    if (approval.status === 200) root.append(approvalSection(ctx, path, approval.body, r.etag, reload));
    return;
  }
  const unitList = await units(ctx);
  const locked = p.answerState !== 'DRAFT';
  const notes = new Map(p.coUnits.map((c) => [c.unitId, c.note || '']));
  const coBox = h('fieldset', {class: 'proposal-co-units'}, h('legend', {text: tr(ctx, '関係課 (庁内で合わせて検討する課) と検討結果', 'Units considering it, and what they found')}));
  for (const u of unitList) {
    const chosen = notes.has(u.id);
    const note = field(ctx, {name: `note-${u.id}`, type: 'textarea', label: tr(ctx, `${u.nameJa} の検討結果`, `${u.nameJa}: findings`),
      value: notes.get(u.id) || ''});
    note.hidden = !chosen;
    const box = field(ctx, {name: `co-${u.id}`, type: 'checkbox', label: u.nameJa, value: chosen});
    box.querySelector('input').addEventListener('change', (e) => { note.hidden = !e.target.checked; });
    coBox.append(box, note);
  }
  const form = h('form', {class: 'form', id: 'proposal-form', novalidate: true});
  add(form,
      h('h2', {text: tr(ctx, '対応', 'Handling')}),
      field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '担当課', 'Lead unit'), value: p.unitId || '',
        options: [{value: '', label: tr(ctx, '未割当', 'Not assigned')}, ...unitList.map((u) => ({value: u.id, label: u.nameJa}))]}),
      coBox,
      field(ctx, {name: 'status', type: 'select', label: tr(ctx, '状態', 'Status'), value: p.status, required: true,
        options: STATUSES.map((s) => ({value: s, label: statusLabel(ctx, s)})),
        hint: tr(ctx, '「回答済」「実現」「一部実現」「見送り」は回答の決裁が済んでから選べます。',
            'Answered, realised, partly realised and not taken up need the answer approved first.')}),
      field(ctx, {name: 'answer', type: 'textarea', label: tr(ctx, '回答', 'Answer'), value: p.answer || '', attrs: locked ? {readonly: true} : {},
        hint: locked ? tr(ctx, '決裁に回した回答は変更できません。', 'An answer submitted for approval cannot be changed.')
          : tr(ctx, '回答を書いて保存し、下の「回答の決裁」で決裁に回します。', 'Write and save the answer, then submit it for approval below.')}),
      field(ctx, {name: 'published', type: 'checkbox', label: tr(ctx, 'ポータルで公表する', 'Publish on the portal'), value: p.published}),
      field(ctx, {name: 'publishedSummary', type: 'textarea', label: tr(ctx, '公表する提言の要旨', 'Published summary'), value: p.publishedSummary || '',
        hint: tr(ctx, '公表されるのは件名・分野・要旨・状態・決裁済みの回答・担当課だけです。要旨に個人を特定できる情報を書かないでください。',
            'Only the title, field, summary, status, approved answer and unit are published. Write nothing that identifies a person.')}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-proposal', text: tr(ctx, '保存', 'Save')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const coUnits = unitList.filter((u) => f[`co-${u.id}`].checked && u.id !== f.unitId.value)
      .map((u) => ({unitId: u.id, note: f[`note-${u.id}`].value || null}));
    const body = {title: p.title, body: p.body, field: p.field, unitId: f.unitId.value || null, coUnits, status: f.status.value,
      answer: f.answer.value, published: f.published.checked, publishedSummary: f.publishedSummary.value};
    const saved = await submit(ctx, form, {method: 'PUT', path, body, etag: r.etag, reload});
    if (saved) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      await reload();
      root.prepend(notice(tr(ctx, '保存しました。', 'Saved.')));
    }
  });
  root.append(form);
  if (approval.status === 200) root.append(approvalSection(ctx, path, approval.body, r.etag, reload));
  if (p.answerState === 'APPROVED') {
    const mailResult = h('div', {'aria-live': 'polite'});
    add(root, h('section', {class: 'proposal-answer-email'},
        h('h2', {text: tr(ctx, '回答の送付', 'Sending the answer')}),
        p.answerEmailedAt ? h('p', {text: tr(ctx, `${dateTime(ctx, p.answerEmailedAt)} にメールの送信待ちに入れました。`,
            `Queued for e-mail at ${dateTime(ctx, p.answerEmailedAt)}.`)}) : null,
        h('button', {type: 'button', class: 'btn', id: 'send-answer-email', text: tr(ctx, '回答をメールで送信', 'Send the answer by e-mail'),
          on: {click: async () => {
            mailResult.replaceChildren();
            const sent = await ctx.api('POST', `${path}/answer-email`, {etag: r.etag});
            if (sent.status === 200) {
              await reload();
              root.prepend(notice(tr(ctx, '回答をメールの送信待ちに入れました。', 'The answer is queued for e-mail.')));
            } else {
              mailResult.append(notice(problemText(ctx, sent.problem, sent.status), 'error'));
            }
          }}}), mailResult));
  }
}
