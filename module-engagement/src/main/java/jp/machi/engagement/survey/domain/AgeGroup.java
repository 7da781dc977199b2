package jp.machi.engagement.survey.domain;

import jp.machi.core.i18n.LocalizedText;

/** 年代: the age groups a respondent may tick. */
public enum AgeGroup {
    UNDER_20("19歳以下", "19 or younger"),
    AGE_20S("20代", "20s"),
    AGE_30S("30代", "30s"),
    AGE_40S("40代", "40s"),
    AGE_50S("50代", "50s"),
    AGE_60S("60代", "60s"),
    AGE_70_PLUS("70歳以上", "70 or older");

    private final LocalizedText label;

    AgeGroup(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
