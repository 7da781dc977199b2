// 結婚支援: 事業の実績 / Marriage support. The activities (exchange events, consultations, seminars) of a fiscal
// year with participants, couples formed and marriages (counts only, no person), the year's totals from the
// API, CSV, and one form per activity saved under If-Match.
// Routes: #/{lg}/promotion/promotion-marriage-support[/new | /{id}].
import {h, tr, field, pagedList, submit, errorNotice, notice, facts} from '/ui/core/kit.js';

const PATH = 'promotion/marriage-support';
const KINDS = [['EVENT', '交流イベント', 'Exchange event'], ['CONSULTATION', '結婚相談', 'Consultations'], ['SEMINAR', '講座', 'Seminar']];

export default async function render(root, ctx) {
  const [a] = ctx.args || [];
  if (!a) return list(root, ctx);
  if (a === 'new') return form(root, ctx, null, null);
  const r = await ctx.api('GET', `${PATH}/${encodeURIComponent(a)}`);
  if (r.status !== 200) {
    root.append(errorNotice(ctx, {status: r.status, problem: r.problem || {status: r.status}}), backLink(ctx));
    return undefined;
  }
  return form(root, ctx, r.body, r.etag);
}

const backLink = (ctx) => h('p', {}, h('a', {href: ctx.href(), id: 'back-to-list'}, tr(ctx, '← 結婚支援の一覧へ', '← All activities')));

function thisFiscalYear() {
  const now = new Date();
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

async function list(root, ctx) {
  const fy = thisFiscalYear();
  const years = [];
  for (let y = fy; y >= fy - 9; y -= 1) years.push({value: String(y), label: ctx.fiscalYearLabel(y)});
  const yearField = field(ctx, {name: 'fiscalYear', label: tr(ctx, '年度', 'Fiscal year'), type: 'select', id: 'filter-fiscal-year', options: years});
  const sel = yearField.querySelector('select');
  const totals = h('div', {id: 'marriage-totals', 'aria-live': 'polite'});
  const table = pagedList(ctx, {
    path: PATH, csv: `marriage-support-${ctx.lgCode}.csv`, caption: tr(ctx, '結婚支援事業の実績', 'Marriage-support activities'),
    query: () => ({fiscalYear: sel.value}),
    columns: [
      {label: tr(ctx, '実施日', 'Held on'), render: (x) => h('a', {href: ctx.href(x.id)}, x.heldOn)},
      {label: tr(ctx, '種類', 'Kind'), render: (x) => x.kindLabel},
      {label: tr(ctx, '名称', 'Title'), render: (x) => x.title},
      {label: tr(ctx, '参加者', 'Participants'), render: (x) => String(x.participants)},
      {label: tr(ctx, 'カップル成立', 'Couples'), render: (x) => String(x.couplesFormed)},
      {label: tr(ctx, '成婚', 'Marriages'), render: (x) => String(x.marriages)},
    ],
  });
  let asked = 0;
  const showTotals = async () => {
    const mine = ++asked;
    const r = await ctx.api('GET', `${PATH}/totals?fiscalYear=${sel.value}`);
    if (mine !== asked || r.status !== 200) return;
    const t = r.body;
    totals.replaceChildren(facts([[tr(ctx, '交流イベント', 'Events'), String(t.events)], [tr(ctx, '結婚相談', 'Consultations'), String(t.consultations)],
      [tr(ctx, '講座', 'Seminars'), String(t.seminars)], [tr(ctx, '参加者 (延べ)', 'Participants'), String(t.participants)],
      [tr(ctx, 'カップル成立', 'Couples formed'), String(t.couplesFormed)], [tr(ctx, '成婚', 'Marriages'), String(t.marriages)]]));
  };
  sel.addEventListener('change', () => {
    table.reload();
    showTotals();
  });
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-marriage-activity', href: ctx.href('new')}, tr(ctx, '実績を記録', 'Record an activity'))),
      h('form', {class: 'filters', role: 'search', 'aria-label': tr(ctx, '年度の絞り込み', 'Filter by year'), on: {submit: (e) => e.preventDefault()}}, yearField),
      totals, table.element);
  await table.reload();
  await showTotals();
}

function form(root, ctx, x, etag) {
  ctx.setTitle(x ? tr(ctx, `結婚支援: ${x.title}`, `Marriage support: ${x.title}`) : tr(ctx, '結婚支援の実績を記録', 'Record a marriage-support activity'));
  const a = x || {kind: 'EVENT', participants: 0, couplesFormed: 0, marriages: 0};
  const f = h('form', {class: 'form', id: 'marriage-form', novalidate: true},
      h('div', {class: 'grid2'},
          field(ctx, {name: 'kind', label: tr(ctx, '種類', 'Kind'), type: 'select', value: a.kind, id: 'ma-kind', options: KINDS.map(([v, ja, en]) => ({value: v, label: tr(ctx, ja, en)}))}),
          field(ctx, {name: 'heldOn', label: tr(ctx, '実施日', 'Held on'), type: 'date', value: a.heldOn || '', required: true, id: 'ma-held'}),
          field(ctx, {name: 'title', label: tr(ctx, '名称', 'Title'), value: a.title || '', required: true, id: 'ma-title', attrs: {maxlength: '200'}}),
          field(ctx, {name: 'participants', label: tr(ctx, '参加者数', 'Participants'), type: 'number', value: String(a.participants), id: 'ma-participants'}),
          field(ctx, {name: 'couplesFormed', label: tr(ctx, 'カップル成立数', 'Couples formed'), type: 'number', value: String(a.couplesFormed), id: 'ma-couples'}),
          field(ctx, {name: 'marriages', label: tr(ctx, '成婚数 (報告のあったもの)', 'Marriages (reported)'), type: 'number', value: String(a.marriages), id: 'ma-marriages'})),
      field(ctx, {name: 'note', label: tr(ctx, '備考 (個人の名前は書かないでください)', 'Note (no names of people)'), type: 'textarea', value: a.note || '', id: 'ma-note', attrs: {maxlength: '1000'}}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-marriage-activity', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: ctx.href()}, tr(ctx, 'キャンセル', 'Cancel')),
          x ? h('button', {type: 'button', class: 'btn btn-danger', id: 'delete-marriage-activity', text: tr(ctx, '削除', 'Delete'), on: {click: () => remove(ctx, f, x, etag)}}) : null));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (k) => f.elements[k].value.trim() || null;
    const n = (k) => {
      const s = v(k);
      return s !== null && /^\d+$/.test(s) ? Number(s) : s;
    };
    const body = {kind: v('kind'), heldOn: v('heldOn'), title: v('title'), participants: n('participants'), couplesFormed: n('couplesFormed'),
      marriages: n('marriages'), note: v('note')};
    const reply = await submit(ctx, f, {method: x ? 'PUT' : 'POST', path: x ? `${PATH}/${x.id}` : PATH, body, etag, reload: () => ctx.navigate(ctx.href(x.id))});
    if (reply) {
      ctx.announce(tr(ctx, '保存しました。', 'Saved.'));
      ctx.navigate(ctx.href(reply.body.id));
    }
  });
  root.append(backLink(ctx), f);
}

async function remove(ctx, f, x, etag) {
  if (!window.confirm(tr(ctx, 'この実績を削除しますか。', 'Delete this activity?'))) return;
  const r = await ctx.api('DELETE', `${PATH}/${x.id}`, {etag});
  if (r.status === 204) {
    ctx.announce(tr(ctx, '削除しました。', 'Deleted.'));
    ctx.navigate(ctx.href());
  } else {
    f.prepend(notice(r.status === 412 ? tr(ctx, 'ほかの人が先に更新しました。読み込み直してください。', 'Someone else changed it first. Reload it.')
        : (r.problem && r.problem.detail) || String(r.status), 'error'));
  }
}
