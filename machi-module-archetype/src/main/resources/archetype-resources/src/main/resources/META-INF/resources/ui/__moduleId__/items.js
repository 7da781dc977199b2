// ${nameJa} — the console screen (CONSOLE contribution "${moduleId}-items"): the items, paged in the database with a
// CSV button; a form that registers one; and the review of items sent from the portal (core's workflow: the
// actions the caller may take now come from the API, with the item's ETag as If-Match). The task list links
// here with the item's id (#/{lg}/${moduleId}/${moduleId}-items/{id}). Built with core's kit (README "Adding a
// screen from a module"): elements through h(), never innerHTML with data; errors next to their fields;
// Japanese first. The contact arrives masked: the screen never shows personal data in full.
import {h, pagedList, field, submit, notice, errorNotice, facts} from '/ui/core/kit.js';

export default async function render(root, ctx) {
  const {t} = ctx;
  const review = h('section', {id: 'item-review', 'aria-live': 'polite'});

  const list = pagedList(ctx, {
    path: '${moduleId}/items', csv: '${moduleId}-items.csv',
    caption: t('${nameJa}の一覧', '${nameEn}: items'),
    columns: [
      {label: t('件名', 'Title'), render: (i) => i.title},
      {label: t('年度', 'Fiscal year'), render: (i) => ctx.fiscalYearLabel(i.fiscalYear.year)},
      {label: t('状態', 'State'), render: (i) => i.stateLabel + (i.spam ? t('（迷惑投稿）', ' (spam)') : '')},
      {label: t('受付番号', 'Receipt'), render: (i) => i.receiptNumber || ''},
      {label: t('備考', 'Note'), render: (i) => i.note || ''},
      {label: t('審査', 'Review'), render: (i) => (i.state === 'SUBMITTED'
        ? h('button', {type: 'button', class: 'btn review-open', 'data-id': i.id, text: t('審査する', 'Review'),
          on: {click: () => showReview(i.id)}})
        : '')},
    ],
  });

  // The review of one item: its state, history and the actions this caller may take (none without the role).
  async function showReview(id) {
    const r = await ctx.api('GET', '${moduleId}/items/' + id + '/review');
    if (r.status !== 200) {
      review.replaceChildren(errorNotice(ctx, {status: r.status, problem: r.problem, message: r.problem?.detail}));
      return;
    }
    const v = r.body;
    const form = h('form', {class: 'form', novalidate: true},
        field(ctx, {name: 'comment', label: t('理由・コメント', 'Reason or comment'), type: 'textarea',
          attrs: {maxlength: 4000}}),
        h('div', {class: 'actions'}, v.actions.map((a) => h('button', {type: 'submit', class: 'btn primary',
          id: 'review-' + a.action, value: a.action, text: a.label}))));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const comment = new FormData(form).get('comment') || null;
      const done = await submit(ctx, form, {method: 'POST', path: '${moduleId}/items/' + id + '/review/transitions',
        body: {action: e.submitter.value, comment}, etag: r.etag, reload: () => showReview(id)});
      if (done) {
        await list.reload(false);
        await showReview(id);
        review.prepend(notice(t('「' + e.submitter.textContent + '」を行いました。', 'Done: ' + e.submitter.textContent + '.')));
      }
    });
    review.replaceChildren(
        h('h2', {text: t('審査', 'Review')}),
        facts([[t('状態', 'State'), h('span', {class: 'review-state', text: v.stateLabel})]]),
        h('ul', {class: 'review-history'}, v.history.map((x) => h('li', {
          text: x.fromLabel + ' → ' + x.toLabel + ' (' + x.actionLabel + ', ' + x.by + ')' + (x.comment ? ': ' + x.comment : '')}))),
        v.actions.length ? form : h('p', {text: t('あなたが行える操作はありません。', 'There is nothing you may do now.')}));
  }

  const form = h('form', {class: 'form', novalidate: true},
      field(ctx, {name: 'title', label: t('件名', 'Title'), required: true, attrs: {maxlength: 200}}),
      field(ctx, {name: 'fiscalYear', label: t('年度 (西暦の開始年)', 'Fiscal year (starting year)'), type: 'number',
        required: true, value: String(new Date().getFullYear())}),
      field(ctx, {name: 'note', label: t('備考', 'Note'), type: 'textarea', attrs: {maxlength: 2000}}),
      h('button', {type: 'submit', class: 'btn primary', text: t('登録する', 'Register')}));
  const status = h('div', {role: 'status'});
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const year = Number(data.get('fiscalYear'));
    const r = await submit(ctx, form, {method: 'POST', path: '${moduleId}/items', body: {
      title: data.get('title'), fiscalYear: Number.isInteger(year) ? year : data.get('fiscalYear'),
      note: data.get('note') || null}});
    if (r) {
      form.reset();
      status.replaceChildren(notice(t('登録しました。', 'Registered.')));
      await list.reload();
    }
  });

  // The console's page heading (h1) is the contribution's label; ctx.setTitle changes it (never a second h1).
  ctx.setTitle(t('${nameJa}', '${nameEn}'));
  root.append(
      list.element,
      review,
      h('h2', {text: t('項目を登録する', 'Register an item')}),
      status, form);
  await list.reload();
  if (ctx.args && ctx.args[0]) await showReview(ctx.args[0]);
}
