package jp.machi.core.fiscalyear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FiscalYearTest {

    @ParameterizedTest(name = "FY{0} → {1}")
    @CsvSource({
        "2019, 令和元年度",
        "2020, 令和2年度",
        "2024, 令和6年度",
        "2018, 平成30年度",
        "1989, 平成元年度",
        "1990, 平成2年度",
        "1988, 昭和63年度",
        "1926, 大正15年度",
        "1927, 昭和2年度",
        "1912, 明治45年度",
        "1913, 大正2年度",
        "1868, 明治元年度"
    })
    void labelsFiscalYearInWarekiWithGannenForTheFirstYear(int year, String label) {
        FiscalYear fy = FiscalYear.of(year);
        assertEquals(label, fy.japaneseLabel());
        assertEquals(label, fy.toString());
        assertEquals(label, fy.label(Locale.JAPANESE));
        assertEquals(label, fy.label(null));
    }

    @Test
    void labelsFiscalYearInEnglishWhenAsked() {
        assertEquals("FY2020", FiscalYear.of(2020).englishLabel());
        assertEquals("FY2020", FiscalYear.of(2020).label(Locale.ENGLISH));
        assertEquals("FY2019", FiscalYear.of(2019).label(Locale.US));
    }

    @ParameterizedTest(name = "\"{0}\" → FY{1}")
    @CsvSource({
        "令和2年度, 2020",
        "令和元年度, 2019",
        "令和6年度, 2024",
        "R2, 2020",
        "r2, 2020",
        "R02, 2020",
        "R元, 2019",
        "H31, 2019",
        "h31, 2019",
        "平成31年度, 2019",
        "平成32年度, 2020",
        "平成元年度, 1989",
        "平成30年度, 2018",
        "昭和63年度, 1988",
        "2020, 2020",
        "FY2020, 2020",
        "fy2020, 2020",
        "2020年度, 2020",
        "令和２年度, 2020",
        "ＦＹ２０２０, 2020",
        "２０２０年度, 2020",
        "Ｒ２, 2020",
        "'  令和2年度  ', 2020",
        "令和 2 年度, 2020",
        "FY 2020, 2020"
    })
    void parsesEveryUsualWayOfWritingAFiscalYear(String text, int year) {
        assertEquals(FiscalYear.of(year), FiscalYear.parse(text));
        assertEquals(year, FiscalYear.parse(text).startYear());
    }

    @Test
    void parsesWhatItPrints() {
        for (int year = FiscalYear.MIN_YEAR; year <= 2100; year++) {
            FiscalYear fy = FiscalYear.of(year);
            assertEquals(fy, FiscalYear.parse(fy.japaneseLabel()), fy.japaneseLabel());
            assertEquals(fy, FiscalYear.parse(fy.englishLabel()), fy.englishLabel());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "令和0年度", "R0", "H0", "X2", "20200", "202", "令和", "平成年度", "FY", "R",
        "abc", "2020-21", "令和2年度まで", "FY2020a", "1867", "9999", "FY0000", "令和-1年度", "R2.5"})
    void rejectsTextThatNamesNoFiscalYear(String text) {
        InvalidFiscalYearException e = assertThrows(InvalidFiscalYearException.class, () -> FiscalYear.parse(text));
        assertEquals(text, e.text());
    }

    @Test
    void rejectsNullFiscalYearText() {
        InvalidFiscalYearException e = assertThrows(InvalidFiscalYearException.class, () -> FiscalYear.parse(null));
        assertNull(e.text());
    }

    @Test
    void rejectsYearsOutsideTheSupportedRange() {
        assertThrows(InvalidFiscalYearException.class, () -> FiscalYear.of(FiscalYear.MIN_YEAR - 1));
        assertThrows(InvalidFiscalYearException.class, () -> FiscalYear.of(FiscalYear.MAX_YEAR + 1));
        assertEquals(FiscalYear.MIN_YEAR, FiscalYear.of(FiscalYear.MIN_YEAR).startYear());
        assertEquals(FiscalYear.MAX_YEAR, FiscalYear.of(FiscalYear.MAX_YEAR).startYear());
    }

    @Test
    void marchBelongsToThePreviousFiscalYearAndAprilStartsTheNext() {
        assertEquals(FiscalYear.of(2020), FiscalYear.containing(LocalDate.of(2021, 3, 31)));
        assertEquals(FiscalYear.of(2021), FiscalYear.containing(LocalDate.of(2021, 4, 1)));
        assertEquals(FiscalYear.of(2020), FiscalYear.containing(LocalDate.of(2020, 4, 1)));
        assertEquals(FiscalYear.of(2019), FiscalYear.containing(LocalDate.of(2020, 1, 1)));
        assertEquals(FiscalYear.of(2020), FiscalYear.containing(LocalDate.of(2020, 12, 31)));
    }

    @Test
    void fiscalYearRunsFromAprilFirstToMarchThirtyFirst() {
        FiscalYear fy2020 = FiscalYear.of(2020);
        assertEquals(LocalDate.of(2020, 4, 1), fy2020.firstDay());
        assertEquals(LocalDate.of(2021, 3, 31), fy2020.lastDay());
        assertEquals(fy2020, FiscalYear.containing(fy2020.firstDay()));
        assertEquals(fy2020, FiscalYear.containing(fy2020.lastDay()));
    }

    @Test
    void lastDayIsMarchThirtyFirstEvenBeforeALeapDay() {
        // FY2023 contains 2024-02-29
        FiscalYear fy2023 = FiscalYear.of(2023);
        assertEquals(LocalDate.of(2024, 3, 31), fy2023.lastDay());
        assertTrue(fy2023.contains(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void containsExactlyTheDaysOfTheFiscalYear() {
        FiscalYear fy = FiscalYear.of(2020);
        assertTrue(fy.contains(LocalDate.of(2020, 4, 1)));
        assertTrue(fy.contains(LocalDate.of(2021, 3, 31)));
        assertFalse(fy.contains(LocalDate.of(2020, 3, 31)));
        assertFalse(fy.contains(LocalDate.of(2021, 4, 1)));
        for (LocalDate d = LocalDate.of(2019, 1, 1); d.isBefore(LocalDate.of(2022, 12, 31)); d = d.plusDays(1)) {
            assertEquals(FiscalYear.containing(d).equals(fy), fy.contains(d), d.toString());
        }
    }

    @Test
    void nextAndPreviousStepOneYear() {
        assertEquals(FiscalYear.of(2021), FiscalYear.of(2020).next());
        assertEquals(FiscalYear.of(2019), FiscalYear.of(2020).previous());
        assertEquals("令和元年度", FiscalYear.of(2018).next().japaneseLabel());
        assertThrows(InvalidFiscalYearException.class, () -> FiscalYear.of(FiscalYear.MAX_YEAR).next());
        assertThrows(InvalidFiscalYearException.class, () -> FiscalYear.of(FiscalYear.MIN_YEAR).previous());
    }

    @Test
    void ordersFiscalYearsChronologically() {
        List<FiscalYear> years = new ArrayList<>(List.of(FiscalYear.of(2020), FiscalYear.parse("H30"),
                FiscalYear.parse("令和元年度"), FiscalYear.of(1988)));
        years.sort(null);
        assertEquals(List.of(FiscalYear.of(1988), FiscalYear.of(2018), FiscalYear.of(2019), FiscalYear.of(2020)), years);
        assertTrue(FiscalYear.of(2019).compareTo(FiscalYear.of(2020)) < 0);
        assertTrue(FiscalYear.of(2021).compareTo(FiscalYear.of(2020)) > 0);
        assertEquals(0, FiscalYear.parse("H31").compareTo(FiscalYear.parse("R1")));
    }

    @Test
    void fiscalYearsWrittenDifferentlyAreEqual() {
        FiscalYear a = FiscalYear.parse("平成31年度");
        FiscalYear b = FiscalYear.parse("令和元年度");
        FiscalYear c = FiscalYear.parse("FY2019");
        assertEquals(a, b);
        assertEquals(b, c);
        assertEquals(a.hashCode(), c.hashCode());
        assertEquals(1, new TreeSet<>(List.of(a, b, c)).size());
        assertNotEquals(FiscalYear.of(2019), FiscalYear.of(2020));
        assertNotEquals(FiscalYear.of(2019), 2019);
    }
}
