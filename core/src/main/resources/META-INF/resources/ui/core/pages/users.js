// The municipality's user accounts (municipality administrators): list (paged), create with a
// first password, edit role/unit/name/e-mail/active (If-Match), unlock after a lock-out.
// Routes: #/{lg}/core/users, …/new, …/{id}.
import {h, add, tr, field, pagedList, submit, notice, errorNotice, facts} from '../kit.js';

const ROLES = ['VIEWER', 'STAFF', 'MUNICIPALITY_ADMIN'];

function roleLabel(ctx, r) {
  return {VIEWER: tr(ctx, '閲覧者', 'Viewer'), STAFF: tr(ctx, '職員', 'Staff'),
    MUNICIPALITY_ADMIN: tr(ctx, '自治体管理者', 'Municipality administrator')}[r] || r;
}

export default async function render(root, ctx) {
  const [id] = ctx.args;
  if (id) return edit(root, ctx, id === 'new' ? null : id);
  const list = pagedList(ctx, {
    path: 'users', caption: tr(ctx, '利用者の一覧', 'Users'),
    columns: [
      {label: tr(ctx, 'ログイン名', 'Login'), render: (u) => h('a', {href: ctx.href(u.id)}, u.login)},
      {label: tr(ctx, '表示名', 'Display name'), render: (u) => u.displayName},
      {label: tr(ctx, '役割', 'Role'), render: (u) => roleLabel(ctx, u.role)},
      {label: tr(ctx, '状態', 'State'), render: (u) => [u.active ? tr(ctx, '有効', 'active') : tr(ctx, '無効', 'deactivated'),
        u.locked ? tr(ctx, ' ・ロック中', ' · locked') : ''].join('')},
    ],
  });
  root.append(h('div', {class: 'toolbar'}, h('a', {class: 'btn btn-primary', id: 'new-user', href: ctx.href('new'),
    text: tr(ctx, '利用者を追加', 'Add a user')})), list.element);
  await list.reload();
}

async function edit(root, ctx, id) {
  let u = {role: 'STAFF', active: true};
  let etag = null;
  if (id) {
    const r = await ctx.api('GET', `users/${encodeURIComponent(id)}`);
    if (r.status !== 200) {
      root.append(errorNotice(ctx, {problem: r.problem, status: r.status}));
      return;
    }
    u = r.body;
    etag = r.etag;
    ctx.setTitle(tr(ctx, `利用者: ${u.login}`, `User: ${u.login}`));
  } else {
    ctx.setTitle(tr(ctx, '利用者の追加', 'Add a user'));
  }
  const units = await ctx.getJson('organization-units?size=200').then((p) => p.items).catch(() => []);
  const form = h('form', {class: 'form', id: 'user-form', novalidate: true});
  add(form,
      id ? facts([[tr(ctx, 'ログイン名', 'Login'), u.login],
        [tr(ctx, '状態', 'State'), u.locked ? tr(ctx, `ロック中 (${u.lockedUntil} まで)`, `locked until ${u.lockedUntil}`) : tr(ctx, 'ロックなし', 'not locked')]])
        : field(ctx, {name: 'login', label: tr(ctx, 'ログイン名', 'Login'), required: true, id: 'user-login', attrs: {autocomplete: 'off'}}),
      h('div', {class: 'grid2'},
          field(ctx, {name: 'displayName', label: tr(ctx, '表示名', 'Display name'), value: u.displayName, required: true, id: 'user-displayName'}),
          field(ctx, {name: 'email', label: tr(ctx, 'メールアドレス', 'E-mail'), value: u.email, id: 'user-email', attrs: {type: 'email', autocomplete: 'off'}}),
          field(ctx, {name: 'role', type: 'select', label: tr(ctx, '役割', 'Role'), value: u.role, required: true,
            options: ROLES.map((r) => ({value: r, label: roleLabel(ctx, r)}))}),
          field(ctx, {name: 'unitId', type: 'select', label: tr(ctx, '所属', 'Unit'), value: u.unitId || '',
            options: [{value: '', label: tr(ctx, '(なし)', '(none)')}, ...units.map((x) => ({value: x.id, label: `${x.nameJa} (${x.code})`}))]})),
      id ? field(ctx, {name: 'active', type: 'checkbox', label: tr(ctx, '有効 (サインインできる)', 'Active (can sign in)'), value: u.active, id: 'user-active'})
        : field(ctx, {name: 'password', label: tr(ctx, '最初のパスワード', 'First password'), required: true, id: 'user-password',
          attrs: {type: 'password', autocomplete: 'new-password'}, hint: tr(ctx, '本人に安全な方法で伝え、変更してもらってください。', 'Tell the person safely and have them change it.')}),
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-user', text: tr(ctx, '保存', 'Save')}),
          h('a', {class: 'btn', href: ctx.href(), text: tr(ctx, '一覧へ', 'Back to the list')}),
          id && u.locked ? h('button', {type: 'button', class: 'btn', id: 'unlock-user', text: tr(ctx, 'ロックを解除', 'Unlock'), on: {click: unlock}}) : null));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const body = {displayName: f.displayName.value, email: f.email.value || null, role: f.role.value, unitId: f.unitId.value || null};
    if (id) body.active = f.active.checked; else Object.assign(body, {login: f.login.value, password: f.password.value});
    const saved = await submit(ctx, form, {method: id ? 'PUT' : 'POST', path: id ? `users/${encodeURIComponent(id)}` : 'users', body, etag,
      reload: () => ctx.navigate(ctx.href(id))});
    if (saved) {
      ctx.announce(tr(ctx, '利用者を保存しました。', 'The user was saved.'));
      ctx.navigate(ctx.href());
    }
  });
  async function unlock() {
    const r = await ctx.api('POST', `users/${encodeURIComponent(id)}/unlock`);
    form.prepend(r.status === 200 ? notice(tr(ctx, 'ロックを解除しました。', 'The account is unlocked.')) : errorNotice(ctx, {problem: r.problem, status: r.status}));
  }
  root.append(form);
  if (id) root.append(await moduleRoles(ctx, id, u, () => etag, (e) => { etag = e; }));
}

/**
 * The module roles (planning.evaluator …) a user holds, as checkboxes labelled from the roles the
 * enabled modules declare; saved with PUT users/{id}/module-roles (If-Match).
 */
async function moduleRoles(ctx, id, u, getEtag, setEtag) {
  const all = await ctx.rawApi('GET', '/api/v1/modules');
  const enabled = await ctx.getJson('modules').catch(() => []);
  const on = new Set(enabled.filter((m) => m.enabled).map((m) => m.id));
  const roles = [];
  for (const m of (all.status === 200 ? all.body : [])) {
    for (const r of m.roles || []) {
      if (on.has(m.id) || (u.moduleRoles || []).includes(r.name)) roles.push({...r, module: ctx.lang === 'en' ? m.nameEn : m.nameJa});
    }
  }
  const held = new Set(u.moduleRoles || []);
  const f = h('form', {class: 'form', id: 'module-roles-form', novalidate: true},
      h('h2', {text: tr(ctx, 'モジュールの役割', 'Module roles')}),
      h('p', {class: 'hint', text: tr(ctx, '業務モジュールが定める追加の役割です (例: 事務事業の評価)。', 'Additional roles the modules declare (e.g. evaluating programs).')}));
  if (roles.length === 0) {
    f.append(h('p', {text: tr(ctx, '有効なモジュールに役割はありません。', 'The enabled modules declare no roles.')}));
    return f;
  }
  const fs = h('fieldset', {name: 'moduleRoles', id: 'module-roles'}, h('legend', {text: tr(ctx, '与える役割', 'Roles granted')}),
      roles.map((r, i) => field(ctx, {name: `moduleRole-${i}`, type: 'checkbox', id: `module-role-${r.name.replace(/[^A-Za-z0-9_-]/g, '-')}`,
        label: `${r.label} (${r.module} — ${r.name})`, value: held.has(r.name), attrs: {dataset: null, 'data-role': r.name}})),
      h('p', {class: 'field-error', id: 'module-roles-error', hidden: true}));
  add(f, fs, h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'save-module-roles',
    text: tr(ctx, '役割を保存', 'Save the roles')})));
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const moduleRoles = [...fs.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.dataset.role);
    const saved = await submit(ctx, f, {method: 'PUT', path: `users/${encodeURIComponent(id)}/module-roles`, body: {moduleRoles},
      etag: getEtag(), reload: () => ctx.navigate(ctx.href(id))});
    if (saved) {
      setEtag(saved.etag);
      f.querySelector('.form-summary')?.remove();
      f.prepend(h('div', {class: 'form-summary'}, notice(tr(ctx, 'モジュールの役割を保存しました。', 'The module roles were saved.'))));
      ctx.announce(tr(ctx, 'モジュールの役割を保存しました。', 'The module roles were saved.'));
    }
  });
  return f;
}
