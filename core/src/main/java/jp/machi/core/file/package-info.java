/**
 * Files (attachments) for every module: stored in the database so that every node sees them, typed
 * from their bytes, bounded in size, tenant-owned and audited (never their bytes), downloaded so that
 * no browser executes them. A module uses {@link jp.machi.core.file.Attachments} and exposes
 * {@code …/{record}/attachments} through {@link jp.machi.core.file.AttachmentEndpoints}
 * (docs/adr/0018-files.md).
 */
package jp.machi.core.file;
