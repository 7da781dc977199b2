package jp.machi.engagement.survey.domain;

import jp.machi.core.i18n.LocalizedText;

/** What a survey question asks for: one choice, several, a 5-point scale (1–5), a number, free text. */
public enum QuestionKind {
    SINGLE("単一選択", "Single choice"),
    MULTIPLE("複数選択", "Multiple choice"),
    SCALE("5段階評価", "5-point scale"),
    NUMBER("数値", "Number"),
    TEXT("自由記述", "Free text");

    private final LocalizedText label;

    QuestionKind(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }

    public boolean hasChoices() {
        return this == SINGLE || this == MULTIPLE;
    }
}
