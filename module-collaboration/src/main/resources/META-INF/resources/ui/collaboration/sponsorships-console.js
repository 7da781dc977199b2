// 後援名義使用承認 (sponsorship name use) in the staff console: #/{lg}/collaboration/collaboration-sponsorships[/<id>].
// The list (filters fiscal year / state / report / words, applications filed as spam, CSV) with the contact
// masked as the API gives it; a paper application entered by staff; one application: the event, the contact in
// full only on "個人情報を表示" (recorded in the audit trail), the municipality's checklist (承認基準) ticked and
// saved with If-Match, the decision (the buttons of the actions the signed-in person may take now, the history),
// the printable notice once decided, and the organiser's report after the event. DOM built with kit.js.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, problemText, facts} from '/ui/core/kit.js';

const STATES = {APPLIED: ['申請中', 'Applied'], APPROVED: ['承認', 'Approved'], REFUSED: ['不承認', 'Refused']};
const label = (ctx, pair, fallback) => (pair ? tr(ctx, pair[0], pair[1]) : fallback || '');
const canEdit = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);

function day(ctx, iso) {
  if (!iso) return '';
  const d = String(iso).substring(0, 10);
  const [y, m, dd] = d.split('-').map(Number);
  return ctx.lang === 'en' ? d : `${y}年${m}月${dd}日`;
}

const dates = (ctx, s) => (s.endsOn && s.endsOn !== s.startsOn ? `${day(ctx, s.startsOn)} – ${day(ctx, s.endsOn)}` : day(ctx, s.startsOn));
const yen = (ctx, n) => (n === 0 ? tr(ctx, '無料', 'Free') : `${Number(n).toLocaleString('ja-JP')} ${tr(ctx, '円', 'yen')}`);

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

async function list(root, ctx) {
  const filters = h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '申請の絞り込み', 'Filter applications'),
    on: {submit: (e) => { e.preventDefault(); table.reload(); }}},
  field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度 (例: 令和7年度)', 'Fiscal year (e.g. 2025)'), attrs: {maxlength: 20}}),
  field(ctx, {name: 'state', type: 'select', label: tr(ctx, '状態', 'State'),
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...Object.entries(STATES).map(([value, p]) => ({value, label: label(ctx, p)}))]}),
  field(ctx, {name: 'reported', type: 'select', label: tr(ctx, '実績報告', 'Report'), options: [{value: '', label: tr(ctx, 'すべて', 'All')},
    {value: 'true', label: tr(ctx, '報告あり', 'Reported')}, {value: 'false', label: tr(ctx, '報告なし', 'Not reported')}]}),
  field(ctx, {name: 'q', label: tr(ctx, '事業名・主催者・会場', 'Event, organiser, venue'), attrs: {maxlength: 200}}),
  field(ctx, {name: 'spam', type: 'checkbox', label: tr(ctx, '迷惑投稿として扱った申請', 'Applications filed as spam')}),
  h('button', {type: 'submit', class: 'btn', text: tr(ctx, '絞り込む', 'Filter')}));
  for (const name of ['state', 'reported', 'spam']) filters.elements[name].addEventListener('change', () => table.reload());
  const table = pagedList(ctx, {
    path: 'collaboration/sponsorships', csv: `sponsorships-${ctx.lgCode}.csv`,
    caption: tr(ctx, '後援名義使用承認の申請', 'Sponsorship applications'),
    query: () => ({fiscalYear: filters.elements.fiscalYear.value.trim(), state: filters.elements.state.value,
      reported: filters.elements.reported.value, q: filters.elements.q.value.trim(), spam: filters.elements.spam.checked ? 'true' : ''}),
    columns: [
      {label: tr(ctx, '事業名', 'Event'), render: (s) => h('a', {href: ctx.href(s.id), class: 'sponsorship-link'}, s.eventName)},
      {label: tr(ctx, '開催日', 'Dates'), render: (s) => dates(ctx, s)},
      {label: tr(ctx, '主催者', 'Organiser'), render: (s) => s.organiserName},
      {label: tr(ctx, '年度', 'Fiscal year'), render: (s) => s.fiscalYearLabel},
      {label: tr(ctx, '受付番号', 'Receipt number'), render: (s) => s.receiptNumber},
      {label: tr(ctx, '状態', 'State'), render: (s) => s.stateLabel},
      {label: tr(ctx, '実績報告', 'Report'), render: (s) => (s.reportedOn ? `${s.reportedAttendance} ${tr(ctx, '人', 'people')}`
        : s.reportOverdue ? tr(ctx, '未提出 (期限超過)', 'Missing (overdue)') : '—')},
    ],
  });
  add(root,
      h('p', {class: 'hint', text: tr(ctx, '連絡担当者の個人情報は伏せて表示しています。全文は各申請の画面で「個人情報を表示」を押すと表示され、その操作は監査記録に残ります。',
          'The contact person\'s personal data is shown masked. Open an application and press "Show personal data" to see it in full; that read is recorded in the audit trail.')}),
      canEdit(ctx) ? h('p', {}, h('a', {href: ctx.href('new'), class: 'btn', id: 'new-sponsorship', text: tr(ctx, '書面の申請を入力', 'Enter a paper application')})) : null,
      filters, table.element);
  await table.reload();
}

async function paperApplication(root, ctx) {
  ctx.setTitle(tr(ctx, '書面の後援名義使用承認申請を入力', 'Enter a paper sponsorship application'));
  const form = h('form', {class: 'form', id: 'sponsorship-form', novalidate: true},
      field(ctx, {name: 'eventName', label: tr(ctx, '事業名', 'Event'), required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'startsOn', type: 'date', label: tr(ctx, '開催日 (開始)', 'First day'), required: true}),
      field(ctx, {name: 'endsOn', type: 'date', label: tr(ctx, '開催日 (終了)', 'Last day'), hint: tr(ctx, '1日だけなら空欄', 'Empty for one day')}),
      field(ctx, {name: 'venue', label: tr(ctx, '会場', 'Venue'), required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'organiserName', label: tr(ctx, '主催者 (団体名)', 'Organiser'), required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'purpose', type: 'textarea', label: tr(ctx, '事業の目的・内容', 'Purpose and programme'), required: true}),
      field(ctx, {name: 'fee', type: 'number', label: tr(ctx, '参加費 (円、無料は 0)', 'Fee (yen, 0 if free)'), required: true, value: '0', attrs: {min: 0, max: 1000000}}),
      field(ctx, {name: 'expectedAttendance', type: 'number', label: tr(ctx, '参加予定人数', 'Expected attendance'), required: true, attrs: {min: 1}}),
      field(ctx, {name: 'contactName', label: tr(ctx, '連絡担当者氏名', 'Contact person'), required: true, attrs: {maxlength: 100}}),
      field(ctx, {name: 'contactAddress', label: tr(ctx, '連絡先住所', 'Contact address'), attrs: {maxlength: 300}}),
      field(ctx, {name: 'contactPhone', type: 'tel', label: tr(ctx, '連絡先電話番号', 'Contact phone'), attrs: {maxlength: 40}}),
      field(ctx, {name: 'contactEmail', type: 'email', label: tr(ctx, '連絡先メールアドレス', 'Contact e-mail'), attrs: {maxlength: 254}}),
      field(ctx, {name: 'receivedOn', type: 'date', label: tr(ctx, '受付日', 'Received on'), hint: tr(ctx, '空欄なら今日です。', 'Today when left empty.')}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-sponsorship', text: tr(ctx, '受け付ける', 'Receive')})));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const v = (n) => f[n].value.trim() || null;
    const num = (n) => (f[n].value === '' ? null : Number(f[n].value));
    const body = {eventName: v('eventName'), startsOn: v('startsOn'), endsOn: v('endsOn'), venue: v('venue'),
      organiserName: v('organiserName'), purpose: v('purpose'), fee: num('fee'), expectedAttendance: num('expectedAttendance'),
      contactName: v('contactName'), contactAddress: v('contactAddress'), contactPhone: v('contactPhone'),
      contactEmail: v('contactEmail'), receivedOn: v('receivedOn')};
    const r = await submit(ctx, form, {method: 'POST', path: 'collaboration/sponsorships/applications', body});
    if (r) {
      ctx.announce(tr(ctx, `受付番号 ${r.body.receiptNumber} で受け付けました。`, `Received as ${r.body.receiptNumber}.`));
      ctx.navigate(ctx.href());
    }
  });
  add(root, h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 後援名義使用承認の一覧へ', '← All sponsorship applications'))), form);
}

function historyTable(ctx, a) {
  return a.history.length
    ? h('table', {class: 'list decision-history'},
        h('caption', {text: tr(ctx, '審査の履歴', 'Decision history')}),
        h('thead', {}, h('tr', {}, [tr(ctx, '日時', 'When'), tr(ctx, '操作', 'Action'), tr(ctx, '状態', 'State'),
          tr(ctx, '担当者', 'By'), tr(ctx, 'コメント', 'Comment')].map((t) => h('th', {scope: 'col', text: t})))),
        h('tbody', {}, a.history.map((e) => h('tr', {},
            h('td', {text: `${day(ctx, e.at)} ${String(e.at).substring(11, 16)}`}), h('td', {text: e.actionLabel}),
            h('td', {text: `${e.fromLabel} → ${e.toLabel}`}), h('td', {text: e.by}), h('td', {text: e.comment || '—'})))))
    : h('p', {class: 'hint', text: tr(ctx, '審査の履歴はまだありません。', 'No decisions yet.')});
}

async function detail(root, ctx, id) {
  const path = `collaboration/sponsorships/${encodeURIComponent(id)}`;
  const r = await ctx.api('GET', path);
  const back = h('p', {}, h('a', {href: ctx.href()}, tr(ctx, '← 後援名義使用承認の一覧へ', '← All sponsorship applications')));
  if (r.status !== 200) {
    add(root, back, errorNotice(ctx, {problem: r.problem, status: r.status}));
    return;
  }
  const s = r.body;
  let etag = r.etag;
  ctx.setTitle(s.eventName);
  const reload = () => { root.replaceChildren(); return detail(root, ctx, id); };
  const done = async (text) => { await reload(); root.prepend(notice(text)); };
  const contact = (x, revealed) => facts([
    [tr(ctx, '連絡担当者', 'Contact person'), x.contactName || '—'],
    [tr(ctx, '連絡先住所', 'Contact address'), x.contactAddress || '—'],
    [tr(ctx, '連絡先電話番号', 'Contact phone'), x.contactPhone || '—'],
    [tr(ctx, '連絡先メールアドレス', 'Contact e-mail'), x.contactEmail || '—'],
    [tr(ctx, '表示', 'Shown'), revealed ? tr(ctx, '全文 (監査記録に残りました)', 'In full (recorded in the audit trail)') : tr(ctx, 'マスク済み', 'Masked')],
  ]);
  const contactBox = h('div', {class: 'sponsorship-contact', id: 'sponsorship-contact'}, contact(s, false));
  const revealResult = h('div', {'aria-live': 'polite'});
  const revealButton = h('button', {type: 'button', class: 'btn', id: 'reveal-personal-data', text: tr(ctx, '個人情報を表示', 'Show personal data'),
    on: {click: async () => {
      const full = await ctx.api('GET', `${path}?reveal=personal-data`);
      if (full.status === 200) {
        contactBox.replaceChildren(contact(full.body, true));
        revealButton.hidden = true;
        revealResult.replaceChildren(notice(tr(ctx, '個人情報を表示しました。この閲覧は監査記録に残ります。', 'The personal data is shown. This read is recorded in the audit trail.')));
      } else {
        revealResult.replaceChildren(notice(problemText(ctx, full.problem, full.status), 'error'));
      }
    }}});
  add(root, back,
      s.spam ? notice(tr(ctx, 'この申請は迷惑投稿として扱われています。', 'This application is filed as spam.'), 'error') : null,
      s.reportOverdue ? notice(tr(ctx, '事業は終了していますが、実績報告がまだ出ていません。報告が出るまで、この主催者の次の申請は承認できません。',
          'The event is over but its report has not come in. Until it does, no further application of this organiser can be approved.'), 'error') : null,
      facts([
        [tr(ctx, '受付番号', 'Receipt number'), s.receiptNumber],
        [tr(ctx, '受付日', 'Received'), day(ctx, s.receivedAt)],
        [tr(ctx, '申請方法', 'Channel'), s.channelLabel],
        [tr(ctx, '開催日', 'Dates'), `${dates(ctx, s)} (${s.fiscalYearLabel})`],
        [tr(ctx, '会場', 'Venue'), s.venue],
        [tr(ctx, '主催者', 'Organiser'), s.organiserName],
        [tr(ctx, '参加費', 'Fee'), yen(ctx, s.fee)],
        [tr(ctx, '参加予定人数', 'Expected attendance'), `${s.expectedAttendance} ${tr(ctx, '人', 'people')}`],
        [tr(ctx, '状態', 'State'), h('span', {class: 'sponsorship-state', text: s.stateLabel})],
        [tr(ctx, '決定日', 'Decided on'), s.decidedOn ? day(ctx, s.decidedOn) : '—'],
        [tr(ctx, '決定の理由', 'Reason'), s.decisionReason || '—'],
      ]),
      h('p', {class: 'sponsorship-purpose', text: s.purpose}),
      h('h2', {text: tr(ctx, '連絡担当者', 'Contact person')}), contactBox,
      canEdit(ctx) ? h('div', {class: 'toolbar'}, revealButton) : null, revealResult);

  if (canEdit(ctx) && s.spam) {
    add(root, h('div', {class: 'toolbar'}, h('button', {type: 'button', class: 'btn', id: 'not-spam', text: tr(ctx, '迷惑投稿ではない', 'Not spam'),
      on: {click: async () => {
        const x = await ctx.api('POST', `${path}/not-spam`, {etag});
        if (x.status === 200) await done(tr(ctx, '通常の申請に戻しました。', 'Released from spam.'));
        else root.prepend(notice(problemText(ctx, x.problem, x.status), 'error'));
      }}})));
  }

  // The checklist (承認基準).
  const open = s.state === 'APPLIED';
  const checklist = h('form', {class: 'form sponsorship-checklist', id: 'sponsorship-checklist', novalidate: true},
      h('h2', {text: tr(ctx, '承認基準の確認', 'Checklist of criteria')}),
      h('fieldset', {class: 'field'}, h('legend', {text: tr(ctx, '確認した基準に印を付けてください', 'Tick each criterion checked')}),
        s.checklist.map((c, i) => field(ctx, {name: `criterion-${i}`, type: 'checkbox', label: c.criterion, value: c.checked,
          attrs: open && canEdit(ctx) ? {} : {disabled: true}}))),
      open && canEdit(ctx) ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn', id: 'save-checklist', text: tr(ctx, '確認結果を保存', 'Save the checklist')})) : null);
  checklist.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const checked = s.checklist.filter((c, i) => checklist.elements[`criterion-${i}`].checked).map((c) => c.criterion);
    const saved = await submit(ctx, checklist, {method: 'PUT', path: `${path}/checklist`, body: {checked}, etag, reload});
    if (saved) await done(tr(ctx, '確認結果を保存しました。', 'The checklist is saved.'));
  });
  root.append(checklist);

  // The decision.
  const decision = await ctx.api('GET', `${path}/decision`);
  if (decision.status === 200) {
    const a = decision.body;
    const form = h('form', {class: 'form sponsorship-decision', id: 'sponsorship-decision', novalidate: true, on: {submit: (e) => e.preventDefault()}});
    const take = async (x) => {
      const res = await submit(ctx, form, {method: 'POST', path: `${path}/decision/transitions`,
        body: {action: x.action, comment: form.elements.comment ? form.elements.comment.value : null}, etag, reload});
      if (res) await done(tr(ctx, `「${x.label}」を行いました。`, `Done: ${x.label}.`));
    };
    add(form,
        h('h2', {text: tr(ctx, '審査', 'Decision')}),
        h('p', {class: 'hint', text: tr(ctx, '「団体登録・後援名義の審査」の役割を持つ職員が、承認基準をすべて確認したうえで承認します。不承認には理由を書いてください。決定は主催者にメールで通知されます。',
            'Staff holding the role "Decide partner registrations and sponsorships" approve once every criterion is checked; refusing needs a reason. The organiser is told by e-mail.')}),
        a.actions.length ? field(ctx, {name: 'comment', type: 'textarea', label: tr(ctx, 'コメント (不承認のときは理由)', 'Comment (the reason, to refuse)')}) : null,
        a.actions.length ? h('div', {class: 'actions'}, a.actions.map((x) => h('button', {type: 'button', id: `decision-${x.action}`,
          class: x.action === 'approve' ? 'btn btn-primary' : 'btn', text: x.label, on: {click: () => take(x)}}))) : null,
        historyTable(ctx, a));
    root.append(form);
  }
  if (!open) {
    const url = `/api/v1/municipalities/${ctx.lgCode}/${path}/notice`;
    add(root, h('p', {}, h('a', {class: 'btn', id: 'print-notice', href: url, target: '_blank', rel: 'noopener'},
        tr(ctx, '通知書を印刷 (新しいタブ)', 'Print the notice (new tab)'))));
  }

  // The organiser's report after the event.
  if (s.state === 'APPROVED') {
    const report = h('form', {class: 'form sponsorship-report', id: 'sponsorship-report', novalidate: true},
        h('h2', {text: tr(ctx, '実績報告', 'Report after the event')}),
        s.reportedOn ? facts([[tr(ctx, '参加者数', 'Attendance'), `${s.reportedAttendance} ${tr(ctx, '人', 'people')}`],
          [tr(ctx, '報告日', 'Reported on'), day(ctx, s.reportedOn)], [tr(ctx, '備考', 'Note'), s.reportNote || '—']]) : null,
        canEdit(ctx) ? field(ctx, {name: 'attendance', type: 'number', label: tr(ctx, '参加者数 (人)', 'Attendance'), required: true,
          value: s.reportedAttendance == null ? '' : String(s.reportedAttendance), attrs: {min: 0}}) : null,
        canEdit(ctx) ? field(ctx, {name: 'reportedOn', type: 'date', label: tr(ctx, '報告日', 'Reported on'), value: s.reportedOn,
          hint: tr(ctx, '空欄なら今日です。', 'Today when left empty.')}) : null,
        canEdit(ctx) ? field(ctx, {name: 'note', type: 'textarea', label: tr(ctx, '備考', 'Note'), value: s.reportNote}) : null,
        canEdit(ctx) ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-report', text: tr(ctx, '実績報告を記録', 'Record the report')})) : null);
    report.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = report.elements;
      const body = {attendance: f.attendance.value === '' ? null : Number(f.attendance.value),
        reportedOn: f.reportedOn.value || null, note: f.note.value.trim() || null};
      const saved = await submit(ctx, report, {method: 'POST', path: `${path}/report`, body, etag, reload});
      if (saved) await done(tr(ctx, '実績報告を記録しました。', 'The report is recorded.'));
    });
    root.append(report);
  }
}
