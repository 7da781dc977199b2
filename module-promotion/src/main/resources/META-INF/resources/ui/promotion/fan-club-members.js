// ファンクラブ / Fan club: the members (paged, CSV, by status, residence and interest; who they are
// masked as the API gives it), the counts by place of residence (市内 / 県内 / 県外 = 関係人口), a
// newsletter to the confirmed members who consented, and the newsletters sent. One member's page
// shows the personal data masked until staff press 「個人情報を表示」 (recorded in the audit trail).
// Members sign up on the portal (/p/{lg}/fan-club); staff never type them in.
// Routes: #/{lg}/promotion/promotion-fan-club[/{id}].
import {h, tr, field, facts, pagedList, submit, errorNotice, notice} from '/ui/core/kit.js';

const PATH = 'promotion/fan-club';

export default async function render(root, ctx) {
  const [a] = ctx.args || [];
  if (!a) return list(root, ctx);
  const r = await ctx.api('GET', `${PATH}/members/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return detail(root, ctx, r.body);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← ファンクラブ会員の一覧へ', '← All fan club members')));

async function list(root, ctx) {
  const form = await ctx.api('GET', `${PATH.replace('fan-club', 'public/fan-club')}/form`);
  const interests = form.status === 200 ? form.body.interests : [];
  const statusField = field(ctx, {name: 'status', label: tr(ctx, '状態', 'Status'), type: 'select', id: 'filter-status', value: 'CONFIRMED',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, {value: 'CONFIRMED', label: tr(ctx, '会員', 'Members')},
      {value: 'PENDING', label: tr(ctx, '確認待ち', 'Awaiting confirmation')}, {value: 'LEFT', label: tr(ctx, '退会', 'Left')}]});
  const residenceField = field(ctx, {name: 'residence', label: tr(ctx, '居住地', 'Residence'), type: 'select', id: 'filter-residence',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, {value: 'IN_TOWN', label: tr(ctx, '市内', 'In town')},
      {value: 'IN_PREFECTURE', label: tr(ctx, '県内 (市外)', 'In the prefecture')}, {value: 'ELSEWHERE', label: tr(ctx, '県外 (関係人口)', 'Elsewhere')}]});
  const interestField = field(ctx, {name: 'interest', label: tr(ctx, '関心', 'Interest'), type: 'select', id: 'filter-interest',
    options: [{value: '', label: tr(ctx, 'すべて', 'All')}, ...interests.map((i) => ({value: i, label: i}))]});
  const sel = (w) => w.querySelector('select');
  const counts = h('div', {id: 'fan-club-counts', 'aria-live': 'polite'});
  const table = pagedList(ctx, {
    path: `${PATH}/members`, csv: `fan-club-members-${ctx.lgCode}.csv`,
    caption: tr(ctx, 'ファンクラブ会員の一覧 (個人情報は伏せて表示)', 'Fan club members (personal data masked)'),
    query: () => ({status: sel(statusField).value, residence: sel(residenceField).value, interest: sel(interestField).value}),
    columns: [
      {label: tr(ctx, '受付番号', 'Receipt'), render: (x) => h('a', {href: ctx.href(x.id)}, x.receiptNumber)},
      {label: tr(ctx, '状態', 'Status'), render: (x) => x.statusLabel},
      {label: tr(ctx, '氏名', 'Name'), render: (x) => x.name || '—'},
      {label: tr(ctx, '都道府県', 'Prefecture'), render: (x) => x.prefectureLabel},
      {label: tr(ctx, '居住地', 'Residence'), render: (x) => x.residenceLabel},
      {label: tr(ctx, '関心', 'Interests'), render: (x) => x.interests.join(tr(ctx, '・', ', ')) || '—'},
      {label: tr(ctx, 'メール配信', 'Newsletter'), render: (x) => (x.newsletter ? tr(ctx, '希望', 'Yes') : '—')},
      {label: tr(ctx, '入会日', 'Joined'), render: (x) => x.confirmedOn || '—'},
    ],
  });
  const showCounts = async () => {
    const r = await ctx.api('GET', `${PATH}/members/counts`);
    if (r.status !== 200) return;
    const c = r.body;
    counts.replaceChildren(h('h2', {text: tr(ctx, '会員数 (居住地別)', 'Members by residence')}), facts([
      [tr(ctx, '会員数', 'Members'), String(c.members)],
      [tr(ctx, '市内', 'In town'), String(c.inTown)],
      [tr(ctx, '県内 (市外)', 'In the prefecture'), String(c.inPrefecture)],
      [tr(ctx, '県外 (関係人口)', 'Elsewhere (related population)'), String(c.elsewhere)],
      [tr(ctx, '確認待ち', 'Awaiting confirmation'), String(c.pending)],
    ]));
  };
  [statusField, residenceField, interestField].forEach((w) => sel(w).addEventListener('change', () => table.reload()));
  root.append(counts,
      h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '会員の絞り込み', 'Filter members'), on: {submit: (e) => e.preventDefault()}},
          statusField, residenceField, interestField),
      table.element, newsletterSection(ctx, interests));
  await Promise.all([table.reload(), showCounts()]);
}

function newsletterSection(ctx, interests) {
  const sent = pagedList(ctx, {
    path: `${PATH}/newsletters`, caption: tr(ctx, 'ファンクラブ通信', 'Newsletters'), size: 10,
    columns: [
      {label: tr(ctx, '件名', 'Subject'), render: (x) => x.subject},
      {label: tr(ctx, '対象の関心', 'Interest'), render: (x) => x.interest || tr(ctx, 'すべて', 'All')},
      {label: tr(ctx, '状況', 'State'), render: (x) => x.statusLabel},
      {label: tr(ctx, '送信予定の残り', 'Still to reach'), render: (x) => String(x.remaining)},
      {label: tr(ctx, '送信待ち', 'Waiting'), render: (x) => String(x.waiting)},
      {label: tr(ctx, '送信済み', 'Sent'), render: (x) => String(x.sent)},
      {label: tr(ctx, '送信失敗', 'Failed'), render: (x) => String(x.failed)},
      {label: tr(ctx, '受付日時', 'Queued at'), render: (x) => new Date(x.queuedAt).toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'ja-JP')},
    ],
  });
  const refresh = h('button', {type: 'button', class: 'btn', id: 'newsletters-refresh', text: tr(ctx, '送信状況を更新', 'Refresh the progress')});
  refresh.addEventListener('click', () => sent.reload());
  const f = h('form', {class: 'form', id: 'newsletter-form', novalidate: true},
      field(ctx, {name: 'subject', label: tr(ctx, '件名', 'Subject'), required: true, id: 'newsletter-subject', attrs: {maxlength: '200'}}),
      field(ctx, {name: 'body', label: tr(ctx, '本文', 'Text'), type: 'textarea', required: true, id: 'newsletter-body', attrs: {maxlength: '10000'}}),
      field(ctx, {name: 'interest', label: tr(ctx, '送る相手 (関心)', 'Send to (interest)'), type: 'select', id: 'newsletter-interest',
        options: [{value: '', label: tr(ctx, '配信を希望した会員全員', 'Every member who wants mail')}, ...interests.map((i) => ({value: i, label: i}))]}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'send-newsletter', text: tr(ctx, '送信', 'Send')})));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!window.confirm(tr(ctx, 'ファンクラブ通信を送信しますか。', 'Send this newsletter?'))) return;
    const v = (k) => f.elements[k].value.trim() || null;
    const r = await submit(ctx, f, {method: 'POST', path: `${PATH}/newsletters`, body: {subject: v('subject'), body: v('body'), interest: v('interest')}});
    if (r) {
      f.reset();
      f.prepend(notice(tr(ctx, `送信を受け付けました。対象の会員 ${r.body.remaining} 人に、1分ごとに順に送ります。`,
          `Queued for ${r.body.remaining} members: it goes out in batches, every minute.`)));
      ctx.announce(tr(ctx, '送信を受け付けました。', 'Queued.'));
      sent.reload();
    }
  });
  sent.reload();
  return h('section', {'aria-labelledby': 'newsletter-heading'},
      h('h2', {id: 'newsletter-heading', text: tr(ctx, 'ファンクラブ通信を送る', 'Send a newsletter')}),
      h('p', {text: tr(ctx, 'メール配信を希望した会員 (確認済み) に送ります。各メールに退会のリンクが付きます。',
          'Goes to the confirmed members who want mail; each mail carries their leave link.')}), f, sent.element, refresh);
}

function personFacts(ctx, x) {
  return facts([
    [tr(ctx, '氏名', 'Name'), x.name || '—'],
    [tr(ctx, 'メールアドレス', 'E-mail'), x.email || '—'],
    [tr(ctx, '市区町村', 'Municipality'), x.municipality || '—'],
    [tr(ctx, '住所', 'Address'), x.address || '—'],
  ]);
}

function detail(root, ctx, x) {
  ctx.setTitle(tr(ctx, `ファンクラブ会員 (${x.receiptNumber})`, `Fan club member (${x.receiptNumber})`));
  const shown = h('div', {id: 'member-person'}, personFacts(ctx, x));
  const reveal = h('button', {type: 'button', class: 'btn', id: 'reveal-member', text: tr(ctx, '個人情報を表示 (記録されます)', 'Show personal data (recorded)'),
    on: {click: async () => {
      const r = await ctx.api('GET', `${PATH}/members/${x.id}?reveal=personal-data`);
      if (r.status === 200) {
        shown.replaceChildren(personFacts(ctx, r.body));
        reveal.remove();
        ctx.announce(tr(ctx, '個人情報を表示しました。この操作は監査ログに記録されます。', 'Personal data shown; this is recorded in the audit trail.'));
      } else {
        shown.prepend(notice((r.problem && r.problem.detail) || String(r.status), 'error'));
      }
    }}});
  root.append(backLink(ctx), h('div', {class: 'toolbar'}, x.anonymisedAt ? null : reveal),
      facts([
        [tr(ctx, '受付番号', 'Receipt number'), x.receiptNumber],
        [tr(ctx, '状態', 'Status'), x.statusLabel],
        [tr(ctx, '都道府県', 'Prefecture'), x.prefectureLabel],
        [tr(ctx, '居住地', 'Residence'), x.residenceLabel],
        [tr(ctx, '関心', 'Interests'), x.interests.join(tr(ctx, '・', ', ')) || '—'],
        [tr(ctx, 'メール配信', 'Newsletter'), x.newsletter ? tr(ctx, '希望する', 'Yes') : tr(ctx, '希望しない', 'No')],
        [tr(ctx, '入会日', 'Joined on'), x.confirmedOn || '—'],
        [tr(ctx, '退会日', 'Left on'), x.leftOn || '—'],
      ]),
      h('h2', {text: tr(ctx, '個人情報', 'Personal data')}), shown);
}
