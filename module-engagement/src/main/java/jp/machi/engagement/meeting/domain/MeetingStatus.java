package jp.machi.engagement.meeting.domain;

import jp.machi.core.i18n.LocalizedText;

/** A town meeting is planned, held, or cancelled (with its reason, e.g. COVID-19). */
public enum MeetingStatus {
    PLANNED("開催予定", "Planned"),
    HELD("開催済", "Held"),
    CANCELLED("中止", "Cancelled");

    private final LocalizedText label;

    MeetingStatus(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
