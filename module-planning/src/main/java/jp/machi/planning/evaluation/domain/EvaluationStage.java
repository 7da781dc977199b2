package jp.machi.planning.evaluation.domain;

import java.util.Locale;
import java.util.Optional;
import jp.machi.core.i18n.LocalizedText;

/**
 * Where an evaluation stands: the step it waits for, in order, or {@link #DECIDED} once the final
 * decision is made. The first four are also the steps people submit.
 */
public enum EvaluationStage {
    SELF("自己評価", "Self-evaluation"),
    SECONDARY("二次評価", "Secondary evaluation"),
    EXTERNAL("外部評価", "External evaluation"),
    FINAL("最終決定", "Final decision"),
    DECIDED("決定済み", "Decided");

    private final LocalizedText label;

    EvaluationStage(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }

    public boolean isStep() {
        return this != DECIDED;
    }

    public EvaluationStage next() {
        return values()[ordinal() + 1];
    }

    public EvaluationStage previous() {
        return values()[ordinal() - 1];
    }

    /** The step a path segment names ({@code self}, {@code secondary}, {@code external}, {@code final}). */
    public static Optional<EvaluationStage> step(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (EvaluationStage s : values()) {
            if (s.isStep() && s.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
