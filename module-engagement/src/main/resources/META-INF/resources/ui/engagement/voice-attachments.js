// 添付ファイル of one citizen voice in the staff console: the scanned letter, petition or photo.
// Lists the files (name, type read from the bytes, size, who, when), downloads one under its name,
// and lets staff attach a file (the raw file as the body, its name in ?fileName=) or remove one
// (If-Match). The API decides what is accepted; its refusals (415, 413, 400) are shown as they come.
import {h, tr, notice, problemText} from '/ui/core/kit.js';

const canWrite = (ctx) => ['STAFF', 'MUNICIPALITY_ADMIN', 'PLATFORM_ADMIN'].includes(ctx.caller && ctx.caller.role);

function size(ctx, bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return ctx.lang === 'en' ? `${bytes} bytes` : `${bytes} バイト`;
}

function when(ctx, iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'ja-JP', {timeZone: 'Asia/Tokyo',
    year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit'});
}

/**
 * The section for the voice at `voicePath` (e.g. engagement/voices/<id>). Other records of the module
 * reuse it with `opts`: `sub` (the collection under the record, default attachments), `heading`, `hint`.
 */
export function attachmentsSection(ctx, voicePath, opts = {}) {
  const path = `${voicePath}/${opts.sub || 'attachments'}`;
  const result = h('div', {class: 'attachments-result', 'aria-live': 'polite'});
  const body = h('div', {class: 'attachments-list'});
  const section = h('section', {class: 'voice-attachments', 'aria-labelledby': 'attachments-heading'},
      h('h2', {id: 'attachments-heading', text: opts.heading || tr(ctx, '添付ファイル', 'Attachments')}), body, result);

  async function download(f) {
    result.replaceChildren();
    const r = await ctx.api('GET', `${path}/${encodeURIComponent(f.id)}`, {accept: '*/*', raw: true});
    if (r.status !== 200) {
      result.append(notice(problemText(ctx, r.problem, r.status), 'error'));
      return;
    }
    const url = URL.createObjectURL(r.blob);
    const a = h('a', {href: url, download: f.fileName, hidden: true});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    ctx.announce(tr(ctx, `${f.fileName} をダウンロードしました。`, `${f.fileName} downloaded.`));
  }

  async function remove(f) {
    result.replaceChildren();
    if (!window.confirm(tr(ctx, `添付ファイル「${f.fileName}」を削除しますか。`, `Remove the attachment "${f.fileName}"?`))) return;
    const r = await ctx.api('DELETE', `${path}/${encodeURIComponent(f.id)}`, {etag: `"${f.version}"`});
    if (r.status === 204) {
      await load();
      result.append(notice(tr(ctx, `「${f.fileName}」を削除しました。`, `"${f.fileName}" removed.`)));
    } else {
      result.append(notice(problemText(ctx, r.problem, r.status), 'error'));
    }
  }

  async function load() {
    const r = await ctx.api('GET', `${path}?size=100`);
    if (r.status !== 200) {
      body.replaceChildren(notice(problemText(ctx, r.problem, r.status), 'error'));
      return;
    }
    const items = r.body.items || [];
    if (items.length === 0) {
      body.replaceChildren(h('p', {class: 'hint', text: tr(ctx, '添付ファイルはありません。', 'No attachments.')}));
      return;
    }
    const rows = items.map((f) => h('tr', {},
        h('td', {}, h('button', {type: 'button', class: 'btn attachment-download', text: f.fileName,
          'aria-label': tr(ctx, `${f.fileName} をダウンロード`, `Download ${f.fileName}`), on: {click: () => download(f)}})),
        h('td', {text: f.contentType}),
        h('td', {text: size(ctx, f.size)}),
        h('td', {text: `${when(ctx, f.createdAt)} ${f.createdBy || ''}`}),
        canWrite(ctx) ? h('td', {}, h('button', {type: 'button', class: 'btn attachment-remove', text: tr(ctx, '削除', 'Remove'),
          'aria-label': tr(ctx, `${f.fileName} を削除`, `Remove ${f.fileName}`), on: {click: () => remove(f)}})) : null));
    body.replaceChildren(h('table', {class: 'table attachments'},
        h('caption', {text: tr(ctx, `添付ファイル ${r.body.totalItems} 件`, `${r.body.totalItems} attachment(s)`)}),
        h('thead', {}, h('tr', {},
            h('th', {scope: 'col', text: tr(ctx, 'ファイル名', 'File name')}),
            h('th', {scope: 'col', text: tr(ctx, '形式', 'Type')}),
            h('th', {scope: 'col', text: tr(ctx, 'サイズ', 'Size')}),
            h('th', {scope: 'col', text: tr(ctx, '登録', 'Added')}),
            canWrite(ctx) ? h('th', {scope: 'col', text: tr(ctx, '操作', 'Actions')}) : null)),
        h('tbody', {}, ...rows)));
  }

  if (canWrite(ctx)) {
    const input = h('input', {type: 'file', id: 'attachment-file', name: 'file'});
    const form = h('form', {class: 'form attachment-form', id: 'attachment-form'},
        h('div', {class: 'field'},
            h('label', {for: 'attachment-file', text: tr(ctx, 'ファイルを添付', 'Attach a file')}),
            input,
            h('p', {class: 'hint', text: opts.hint || tr(ctx,
                'PDF・画像 (PNG, JPEG, GIF, WebP, TIFF)・Word・Excel・PowerPoint・テキスト・CSV を受け付けます。形式はファイルの中身から判定します。手紙の写しなどは個人情報として扱われ、保存期間が過ぎると削除されます。',
                'PDF, images (PNG, JPEG, GIF, WebP, TIFF), Word, Excel, PowerPoint, text and CSV are accepted; the type is read from the content. Copies of letters and the like are personal data and are deleted when the retention period ends.')})),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'btn btn-primary', id: 'attach-file', text: tr(ctx, '添付する', 'Attach')})));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      result.replaceChildren();
      const file = input.files && input.files[0];
      if (!file) {
        result.append(notice(tr(ctx, 'ファイルを選んでください。', 'Choose a file.'), 'error'));
        input.focus();
        return;
      }
      const r = await ctx.api('POST', `${path}?fileName=${encodeURIComponent(file.name)}`, {file});
      if (r.status === 201) {
        form.reset();
        await load();
        result.append(notice(tr(ctx, `「${r.body.fileName}」を添付しました (${r.body.contentType})。`,
            `"${r.body.fileName}" attached (${r.body.contentType}).`)));
        ctx.announce(tr(ctx, '添付しました。', 'Attached.'));
      } else {
        result.append(notice(problemText(ctx, r.problem, r.status), 'error'));
        input.focus();
      }
    });
    section.append(form);
  }
  load();
  return section;
}
