package jp.machi.engagement.meeting.domain;

import jp.machi.core.i18n.LocalizedText;

/** Where an opinion raised at a meeting is: recorded, being handled by its unit, closed. */
public enum OpinionStatus {
    OPEN("受付", "Recorded"),
    IN_PROGRESS("対応中", "Being handled"),
    CLOSED("完了", "Closed");

    private final LocalizedText label;

    OpinionStatus(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
