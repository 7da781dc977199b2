package jp.machi.core.audit.domain;

import jp.machi.core.i18n.LocalizedText;

/** What happened to an entity, as the audit trail records it. */
public enum AuditAction {
    /** 作成: the entity was created; the event holds its values. */
    CREATE("作成", "Create"),
    /** 更新: the entity was changed; the event holds the changed attributes before and after. */
    UPDATE("更新", "Update"),
    /** 削除: the entity was deleted; the event holds its last values. */
    DELETE("削除", "Delete"),
    /** 個人情報の閲覧: somebody read an entity's personal data in full; the event names the fields. */
    READ_PERSONAL("個人情報の閲覧", "Personal data read");

    private final LocalizedText label;

    AuditAction(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
