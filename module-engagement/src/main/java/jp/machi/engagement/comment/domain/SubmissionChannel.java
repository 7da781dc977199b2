package jp.machi.engagement.comment.domain;

import jp.machi.core.i18n.LocalizedText;

/** How an opinion on a public comment reached the municipality; staff type in all but the web form. */
public enum SubmissionChannel {
    WEB_FORM("ウェブフォーム", "Web form"),
    POST("郵送", "Post"),
    FAX("ファクス", "Fax"),
    EMAIL("電子メール", "E-mail"),
    IN_PERSON("持参", "In person");

    private final LocalizedText label;

    SubmissionChannel(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
