package jp.machi.engagement.survey.domain;

import jp.machi.core.i18n.LocalizedText;

/** 性別 as a survey asks it, with room not to say. */
public enum Sex {
    FEMALE("女性", "Female"),
    MALE("男性", "Male"),
    OTHER("その他・答えたくない", "Other / prefer not to say");

    private final LocalizedText label;

    Sex(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }
}
