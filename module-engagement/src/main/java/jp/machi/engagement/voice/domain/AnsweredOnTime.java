package jp.machi.engagement.voice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * 期限内回答率: the share of the voices needing a written answer that were answered on or before their
 * deadline, for the voices whose deadline falls in one fiscal year. A voice counts once its answer is
 * approved (決裁済み; answered on the day of the approval, in Japan) or once its deadline has passed
 * unanswered (then late); a voice still open before its deadline is not counted yet. Answered on
 * time: answered on or before the deadline day. In per cent, one decimal, half up; none when no
 * voice counts.
 */
public final class AnsweredOnTime {

    /** One voice: its deadline and the day its answer was approved (null: not answered). */
    public record Case(LocalDate due, LocalDate answeredOn) {
    }

    private AnsweredOnTime() {
    }

    public static Optional<BigDecimal> percent(Collection<Case> cases, LocalDate today) {
        long counted = 0;
        long onTime = 0;
        for (Case c : cases) {
            if (c.answeredOn() != null) {
                counted++;
                if (!c.answeredOn().isAfter(c.due())) {
                    onTime++;
                }
            } else if (c.due().isBefore(today)) {
                counted++;
            }
        }
        if (counted == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(onTime * 100).divide(BigDecimal.valueOf(counted), 1, RoundingMode.HALF_UP));
    }
}
