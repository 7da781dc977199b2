package jp.machi.engagement.voice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnsweredOnTimeTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 1);

    private static AnsweredOnTime.Case c(String due, String answered) {
        return new AnsweredOnTime.Case(LocalDate.parse(due), answered == null ? null : LocalDate.parse(answered));
    }

    @Test
    void answeredOnTheDeadlineDayIsOnTimeTheDayAfterIsLate() {
        assertEquals(new BigDecimal("50.0"), AnsweredOnTime.percent(List.of(c("2021-03-10", "2021-03-10"),
                c("2021-03-10", "2021-03-11")), TODAY).orElseThrow());
    }

    @Test
    void anUnansweredVoiceCountsAsLateOnlyOnceItsDeadlinePassed() {
        // Due yesterday, unanswered: late. Due today or later, unanswered: not counted yet.
        assertEquals(new BigDecimal("50.0"), AnsweredOnTime.percent(List.of(c("2021-04-30", null), c("2021-05-01", null),
                c("2021-06-01", null), c("2021-06-01", "2021-04-20")), TODAY).orElseThrow());
    }

    @Test
    void roundsHalfUpToOneDecimal() {
        // 2 of 3 = 66.666… → 66.7; Tsukuba's 89.6 % is a recorded figure, not counted here.
        assertEquals(new BigDecimal("66.7"), AnsweredOnTime.percent(List.of(c("2021-03-10", "2021-03-01"),
                c("2021-03-10", "2021-03-02"), c("2021-03-10", null)), TODAY).orElseThrow());
    }

    @Test
    void noFigureWhenNothingCounts() {
        assertTrue(AnsweredOnTime.percent(List.of(), TODAY).isEmpty());
        assertTrue(AnsweredOnTime.percent(List.of(c("2021-06-01", null)), TODAY).isEmpty());
    }
}
