package jp.machi.engagement.comment.domain;

import jp.machi.core.i18n.LocalizedText;

/** What a public comment procedure asks opinions on: a plan, an ordinance, a rule or another draft. */
public enum CommentKind {
    PLAN("計画", "Plan"),
    ORDINANCE("条例", "Ordinance"),
    RULE("規則・要綱", "Rule or guideline"),
    OTHER("その他", "Other");

    private final LocalizedText label;

    CommentKind(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
