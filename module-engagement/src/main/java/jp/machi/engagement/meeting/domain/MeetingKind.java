package jp.machi.engagement.meeting.domain;

import jp.machi.core.i18n.LocalizedText;

/** What kind of town meeting: つくば市 holds 地区別 (its six districts), 全市 (city-wide) and 学生懇談会. */
public enum MeetingKind {
    DISTRICT("地区別タウンミーティング", "District town meeting"),
    CITYWIDE("全市タウンミーティング", "City-wide town meeting"),
    STUDENT("学生懇談会", "Student dialogue"),
    OTHER("その他の懇談会", "Other dialogue");

    private final LocalizedText label;

    MeetingKind(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
