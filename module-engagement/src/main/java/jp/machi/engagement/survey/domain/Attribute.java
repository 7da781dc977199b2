package jp.machi.engagement.survey.domain;

import jp.machi.core.i18n.LocalizedText;

/** A coarse attribute a survey asks so results can be broken down by it (never enough to name anyone). */
public enum Attribute {
    AGE_GROUP("年代", "Age group"),
    DISTRICT("地区", "District"),
    SEX("性別", "Sex");

    private final LocalizedText label;

    Attribute(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
