package jp.machi.core.module;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;
import org.junit.jupiter.api.Test;

class MetricSourceTest {

    /** A source that knows only value(): figures in 2020 and 2022, and it records what it was asked. */
    static final class YearByYear implements MetricSource {
        final List<String> asked = new ArrayList<>();

        @Override
        public String moduleId() {
            return "test";
        }

        @Override
        public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fy) {
            asked.add(metricId + "@" + fy.startYear());
            return fy.startYear() == 2020 ? Optional.of(BigDecimal.TEN)
                    : fy.startYear() == 2022 ? Optional.of(BigDecimal.ONE) : Optional.empty();
        }
    }

    @Test
    void theDefaultAsksEveryYearOfTheRangeOnceAndLeavesYearsWithoutAFigureOut() {
        YearByYear source = new YearByYear();
        Map<FiscalYear, BigDecimal> values = source.values("m", "202070", FiscalYear.of(2019), FiscalYear.of(2023));
        assertEquals(Map.of(FiscalYear.of(2020), BigDecimal.TEN, FiscalYear.of(2022), BigDecimal.ONE), values);
        assertEquals(List.of("m@2019", "m@2020", "m@2021", "m@2022", "m@2023"), source.asked);
    }

    @Test
    void anEmptyRangeAsksNothing() {
        YearByYear source = new YearByYear();
        assertEquals(Map.of(), source.values("m", "202070", FiscalYear.of(2024), FiscalYear.of(2023)));
        assertEquals(List.of(), source.asked);
    }
}
