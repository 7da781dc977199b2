package jp.machi.core.file;

import java.util.UUID;

/**
 * The record files are attached to: the module, the kind of record (e.g. {@code voice}) and its id.
 * Core does not know the record; the module checks it exists (and is the caller's municipality's)
 * before it asks for its files.
 */
public record AttachmentOwner(String moduleId, String type, String id) {

    public AttachmentOwner {
        if (moduleId == null || moduleId.isBlank() || moduleId.length() > 40 || type == null || type.isBlank()
                || type.length() > 60 || id == null || id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("an attachment owner needs a module (≤ 40), a type (≤ 60) and an id (≤ 64)");
        }
    }

    public static AttachmentOwner of(String moduleId, String type, UUID id) {
        return new AttachmentOwner(moduleId, type, id.toString());
    }
}
