// Municipality settings: its names, and the rating scale (grade thresholds) of its indicators.
import {h, add, tr, field, submit, notice, facts, errorNotice} from '../kit.js';

export default async function render(root, ctx) {
  // The rating scale is the municipality administrator's; the names are registered data that only
  // platform administrators change (the API says 403 to anyone else).
  const admin = ['MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller.role);
  const platform = ctx.caller.role === 'PLATFORM_ADMIN';
  const namesBox = h('section', {'aria-labelledby': 'names-h'});
  const scaleBox = h('section', {'aria-labelledby': 'scale-h'});
  root.append(namesBox, scaleBox);

  async function names() {
    const r = await ctx.api('GET', '');
    if (r.status !== 200) {
      namesBox.replaceChildren(errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    const m = r.body;
    const form = h('form', {class: 'form', id: 'names-form', novalidate: true});
    add(form,
        facts([[tr(ctx, '地方公共団体コード', 'Local government code'), m.code],
          [tr(ctx, '都道府県', 'Prefecture'), ctx.lang === 'en' ? m.prefecture.nameEn : m.prefecture.nameJa]]),
        h('div', {class: 'grid2'},
            field(ctx, {name: 'nameJa', label: tr(ctx, '名称', 'Name (Japanese)'), value: m.nameJa, required: true, attrs: {disabled: !platform}}),
            field(ctx, {name: 'nameKana', label: tr(ctx, 'よみがな', 'Reading (kana)'), value: m.nameKana, required: true, attrs: {disabled: !platform}}),
            field(ctx, {name: 'nameEn', label: tr(ctx, '英語名', 'Name (English)'), value: m.nameEn, required: true, attrs: {disabled: !platform}})),
        platform ? h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-names', text: tr(ctx, '名称を保存', 'Save names')}))
          : h('p', {class: 'hint', text: tr(ctx, '名称の変更は基盤管理者が行います。', 'Platform administrators change the names.')}));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = {nameJa: form.nameJa.value, nameKana: form.nameKana.value, nameEn: form.nameEn.value};
      const ok = await submit(ctx, form, {method: 'PUT', path: '', body, etag: r.etag, reload: names});
      if (ok) {
        await names();
        namesBox.querySelector('form').prepend(notice(tr(ctx, '名称を保存しました。', 'The names were saved.')));
        ctx.announce(tr(ctx, '名称を保存しました。', 'The names were saved.'));
      }
    });
    namesBox.replaceChildren(h('h2', {id: 'names-h', text: tr(ctx, '名称', 'Names')}), form);
  }

  async function scale() {
    const r = await ctx.api('GET', 'rating-scale');
    if (r.status !== 200) {
      scaleBox.replaceChildren(errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    const grades = r.body.grades.slice();
    const form = h('form', {class: 'form', id: 'scale-form', novalidate: true});
    const rows = h('tbody');
    const draw = () => {
      rows.replaceChildren(...grades.map((g, i) => h('tr', {},
          h('td', {}, field(ctx, {name: `grades[${i}].label`, label: tr(ctx, `評語 ${i + 1}`, `Grade ${i + 1}`), value: g.label, attrs: {disabled: !admin}})),
          h('td', {}, field(ctx, {name: `grades[${i}].minimumPercent`, type: 'number', label: tr(ctx, `達成率の下限 (%) ${i + 1}`, `Minimum achievement (%) ${i + 1}`),
            value: g.minimumPercent, attrs: {disabled: !admin}})),
          h('td', {}, admin && grades.length > 1 ? h('button', {type: 'button', class: 'btn', text: tr(ctx, '削除', 'Remove'),
            'aria-label': tr(ctx, `評語 ${i + 1} を削除`, `Remove grade ${i + 1}`), on: {click: () => { read(); grades.splice(i, 1); draw(); }}}) : null))));
    };
    const read = () => {
      grades.forEach((g, i) => {
        g.label = form.elements[`grades[${i}].label`].value;
        g.minimumPercent = form.elements[`grades[${i}].minimumPercent`].value;
      });
    };
    draw();
    add(form, h('p', {text: tr(ctx, '達成率がその下限以上なら、その評語になります (上から順に判定)。',
        'An achievement at or above a grade\'s minimum gets that grade (checked from the top).')}),
    r.body.custom ? null : notice(tr(ctx, '既定の評価基準を使っています。', 'The default scale is in use.')),
    h('table', {class: 'list'}, h('caption', {text: tr(ctx, '評価基準', 'Rating scale')}), rows),
    field(ctx, {name: 'interimYears', type: 'select', label: tr(ctx, '中間年 (最終目標年度より前で、その年度の目標がない年度) の評価', 'Interim years (before the final target year, without a target of their own)'),
      value: r.body.interimYears, attrs: {disabled: !admin},
      hint: tr(ctx, '按分: 基準値 (年度) から最終目標 (年度) までを直線で結んだ値を、その年度の目標とします。',
          'Interpolated: the year\'s target is on the straight line from the baseline (and its year) to the final target.'),
      options: [
        {value: 'NO_TARGET', label: tr(ctx, '評価しない (その年度の目標なし)', 'Not rated (no target for that year)')},
        {value: 'INTERPOLATE', label: tr(ctx, '基準値から最終目標まで按分した目標で評価する', 'Rated against the line from the baseline to the final target')},
        {value: 'FINAL_TARGET', label: tr(ctx, '最終目標で評価する', 'Rated against the final target')},
      ]}),
    admin ? h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'btn', text: tr(ctx, '評語を追加', 'Add a grade'), on: {click: () => { read(); grades.push({label: '', minimumPercent: ''}); draw(); }}}),
        h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-scale', text: tr(ctx, '評価基準を保存', 'Save the scale')})) : null);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      read();
      const body = {grades: grades.map((g) => ({label: g.label, minimumPercent: g.minimumPercent === '' ? null : Number(g.minimumPercent)})),
        interimYears: form.elements.interimYears.value};
      const ok = await submit(ctx, form, {method: 'PUT', path: 'rating-scale', body, etag: r.etag, reload: scale});
      if (ok) {
        await scale();
        scaleBox.querySelector('form').prepend(notice(tr(ctx, '評価基準を保存しました。', 'The rating scale was saved.')));
      }
    });
    scaleBox.replaceChildren(h('h2', {id: 'scale-h', text: tr(ctx, '指標の評価基準', 'Rating scale of indicators')}), form);
  }

  await Promise.all([names(), scale()]);
}
