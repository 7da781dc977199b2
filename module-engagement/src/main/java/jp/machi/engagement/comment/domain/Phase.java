package jp.machi.engagement.comment.domain;

import java.time.LocalDate;
import jp.machi.core.i18n.LocalizedText;

/**
 * Where a procedure stands on a day: 準備中 (not announced), 募集開始前 (announced, the period
 * not begun), 意見募集中 (within the period), 募集終了 (the period over, results not published),
 * 結果公表済.
 */
public enum Phase {
    DRAFT("準備中", "In preparation"),
    UPCOMING("募集開始前", "Not yet open"),
    OPEN("意見募集中", "Open for comments"),
    CLOSED("募集終了（結果公表前）", "Closed (results not yet published)"),
    RESULTS_PUBLISHED("結果公表済", "Results published");

    private final LocalizedText label;

    Phase(String ja, String en) {
        this.label = LocalizedText.of(ja, en);
    }

    public LocalizedText label() {
        return label;
    }

    /** The phase of a procedure with {@code status} and period {@code start}..{@code end} (both included) on {@code today}. */
    public static Phase of(ProcedureStatus status, LocalDate start, LocalDate end, LocalDate today) {
        return switch (status) {
            case DRAFT -> DRAFT;
            case RESULTS_PUBLISHED -> RESULTS_PUBLISHED;
            case ANNOUNCED -> today.isBefore(start) ? UPCOMING : today.isAfter(end) ? CLOSED : OPEN;
        };
    }
}
