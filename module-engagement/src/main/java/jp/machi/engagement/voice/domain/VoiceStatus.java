package jp.machi.engagement.voice.domain;

import jp.machi.core.i18n.LocalizedText;

/** Where a citizen voice is: 受付 → 担当課回答中 → 回答済 → 完了. */
public enum VoiceStatus {
    RECEIVED("受付", "Received"),
    IN_PROGRESS("担当課回答中", "Being answered"),
    ANSWERED("回答済", "Answered"),
    CLOSED("完了", "Closed");

    private final LocalizedText label;

    VoiceStatus(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }

    /** Still waiting for an answer (what can be overdue). */
    public boolean open() {
        return this == RECEIVED || this == IN_PROGRESS;
    }
}
