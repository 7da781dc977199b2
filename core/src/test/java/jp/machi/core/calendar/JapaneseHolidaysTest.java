package jp.machi.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Japan's national holidays against the official list (内閣府「国民の祝日について」), day by day and
 * name by name. Where the Cabinet Office writes 「休日」 the kind says which one: a substitute holiday
 * (振替休日), a citizens' holiday (国民の休日) or a day a special law made a holiday (祝日扱い).
 */
class JapaneseHolidaysTest {

    private static String listed(int year) {
        return JapaneseHolidays.of(year).stream()
                .map(d -> d.date() + " " + d.name().ja() + " " + d.kind())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void holidaysOf2019WithTheEnthronementDays() {
        assertEquals("""
                2019-01-01 元日 NATIONAL_HOLIDAY
                2019-01-14 成人の日 NATIONAL_HOLIDAY
                2019-02-11 建国記念の日 NATIONAL_HOLIDAY
                2019-03-21 春分の日 NATIONAL_HOLIDAY
                2019-04-29 昭和の日 NATIONAL_HOLIDAY
                2019-04-30 国民の休日 CITIZENS_HOLIDAY
                2019-05-01 天皇の即位の日 NATIONAL_HOLIDAY
                2019-05-02 国民の休日 CITIZENS_HOLIDAY
                2019-05-03 憲法記念日 NATIONAL_HOLIDAY
                2019-05-04 みどりの日 NATIONAL_HOLIDAY
                2019-05-05 こどもの日 NATIONAL_HOLIDAY
                2019-05-06 振替休日 SUBSTITUTE_HOLIDAY
                2019-07-15 海の日 NATIONAL_HOLIDAY
                2019-08-11 山の日 NATIONAL_HOLIDAY
                2019-08-12 振替休日 SUBSTITUTE_HOLIDAY
                2019-09-16 敬老の日 NATIONAL_HOLIDAY
                2019-09-23 秋分の日 NATIONAL_HOLIDAY
                2019-10-14 体育の日 NATIONAL_HOLIDAY
                2019-10-22 即位礼正殿の儀の行われる日 NATIONAL_HOLIDAY
                2019-11-03 文化の日 NATIONAL_HOLIDAY
                2019-11-04 振替休日 SUBSTITUTE_HOLIDAY
                2019-11-23 勤労感謝の日 NATIONAL_HOLIDAY""", listed(2019), "no 天皇誕生日 in 2019");
    }

    @Test
    void holidaysOf2020WithTheOlympicMoves() {
        assertEquals("""
                2020-01-01 元日 NATIONAL_HOLIDAY
                2020-01-13 成人の日 NATIONAL_HOLIDAY
                2020-02-11 建国記念の日 NATIONAL_HOLIDAY
                2020-02-23 天皇誕生日 NATIONAL_HOLIDAY
                2020-02-24 振替休日 SUBSTITUTE_HOLIDAY
                2020-03-20 春分の日 NATIONAL_HOLIDAY
                2020-04-29 昭和の日 NATIONAL_HOLIDAY
                2020-05-03 憲法記念日 NATIONAL_HOLIDAY
                2020-05-04 みどりの日 NATIONAL_HOLIDAY
                2020-05-05 こどもの日 NATIONAL_HOLIDAY
                2020-05-06 振替休日 SUBSTITUTE_HOLIDAY
                2020-07-23 海の日 NATIONAL_HOLIDAY
                2020-07-24 スポーツの日 NATIONAL_HOLIDAY
                2020-08-10 山の日 NATIONAL_HOLIDAY
                2020-09-21 敬老の日 NATIONAL_HOLIDAY
                2020-09-22 秋分の日 NATIONAL_HOLIDAY
                2020-11-03 文化の日 NATIONAL_HOLIDAY
                2020-11-23 勤労感謝の日 NATIONAL_HOLIDAY""", listed(2020));
    }

    @Test
    void holidaysOf2021WithTheOlympicMoves() {
        assertEquals("""
                2021-01-01 元日 NATIONAL_HOLIDAY
                2021-01-11 成人の日 NATIONAL_HOLIDAY
                2021-02-11 建国記念の日 NATIONAL_HOLIDAY
                2021-02-23 天皇誕生日 NATIONAL_HOLIDAY
                2021-03-20 春分の日 NATIONAL_HOLIDAY
                2021-04-29 昭和の日 NATIONAL_HOLIDAY
                2021-05-03 憲法記念日 NATIONAL_HOLIDAY
                2021-05-04 みどりの日 NATIONAL_HOLIDAY
                2021-05-05 こどもの日 NATIONAL_HOLIDAY
                2021-07-22 海の日 NATIONAL_HOLIDAY
                2021-07-23 スポーツの日 NATIONAL_HOLIDAY
                2021-08-08 山の日 NATIONAL_HOLIDAY
                2021-08-09 振替休日 SUBSTITUTE_HOLIDAY
                2021-09-20 敬老の日 NATIONAL_HOLIDAY
                2021-09-23 秋分の日 NATIONAL_HOLIDAY
                2021-11-03 文化の日 NATIONAL_HOLIDAY
                2021-11-23 勤労感謝の日 NATIONAL_HOLIDAY""", listed(2021));
    }

    @Test
    void holidaysOf2026() {
        assertEquals("""
                2026-01-01 元日 NATIONAL_HOLIDAY
                2026-01-12 成人の日 NATIONAL_HOLIDAY
                2026-02-11 建国記念の日 NATIONAL_HOLIDAY
                2026-02-23 天皇誕生日 NATIONAL_HOLIDAY
                2026-03-20 春分の日 NATIONAL_HOLIDAY
                2026-04-29 昭和の日 NATIONAL_HOLIDAY
                2026-05-03 憲法記念日 NATIONAL_HOLIDAY
                2026-05-04 みどりの日 NATIONAL_HOLIDAY
                2026-05-05 こどもの日 NATIONAL_HOLIDAY
                2026-05-06 振替休日 SUBSTITUTE_HOLIDAY
                2026-07-20 海の日 NATIONAL_HOLIDAY
                2026-08-11 山の日 NATIONAL_HOLIDAY
                2026-09-21 敬老の日 NATIONAL_HOLIDAY
                2026-09-22 国民の休日 CITIZENS_HOLIDAY
                2026-09-23 秋分の日 NATIONAL_HOLIDAY
                2026-10-12 スポーツの日 NATIONAL_HOLIDAY
                2026-11-03 文化の日 NATIONAL_HOLIDAY
                2026-11-23 勤労感謝の日 NATIONAL_HOLIDAY""", listed(2026));
    }

    @Test
    void englishNames() {
        assertEquals("New Year's Day", JapaneseHolidays.on(LocalDate.of(2026, 1, 1)).orElseThrow().name().en());
        assertEquals("Substitute holiday", JapaneseHolidays.on(LocalDate.of(2026, 5, 6)).orElseThrow().name().en());
        assertEquals("Citizens' holiday", JapaneseHolidays.on(LocalDate.of(2026, 9, 22)).orElseThrow().name().en());
        assertEquals("Sports Day", JapaneseHolidays.on(LocalDate.of(2026, 10, 12)).orElseThrow().name().en());
        for (int y = JapaneseHolidays.FIRST_YEAR; y <= JapaneseHolidays.LAST_YEAR; y++) {
            JapaneseHolidays.of(y).forEach(d -> assertFalse(d.name().en().isBlank() || d.name().en().equals(d.name().ja()), d::toString));
        }
    }

    /** Known equinoxes (暦要項 and its published forecasts). */
    @ParameterizedTest
    @CsvSource({"1955,21,24", "1960,20,23", "1979,21,24", "2000,20,23", "2012,20,22", "2019,21,23", "2030,20,23",
            "2092,19,22", "2099,20,23"})
    void equinoxes(int year, int march, int september) {
        assertEquals(march, JapaneseHolidays.vernalEquinoxDay(year), "春分 " + year);
        assertEquals(september, JapaneseHolidays.autumnalEquinoxDay(year), "秋分 " + year);
    }

    /**
     * Every year of the range against the table of equinox days by year modulo 4 (国立天文台の計算による
     * 1900–2099年の春分日・秋分日), an independent statement of the same dates.
     */
    @Test
    void equinoxesOfTheWholeRangeFollowTheTable() {
        for (int y = JapaneseHolidays.FIRST_YEAR; y <= JapaneseHolidays.LAST_YEAR; y++) {
            int vernal = switch (y % 4) {
                case 0 -> y <= 1956 ? 21 : y <= 2088 ? 20 : 19;
                case 1 -> y <= 1989 ? 21 : 20;
                case 2 -> y <= 2022 ? 21 : 20;
                default -> y <= 2055 ? 21 : 20;
            };
            int autumnal = switch (y % 4) {
                case 0 -> y <= 2008 ? 23 : 22;
                case 1 -> y <= 2041 ? 23 : 22;
                case 2 -> y <= 2074 ? 23 : 22;
                default -> y <= 1979 ? 24 : 23;
            };
            if (y % 4 == 1 && y <= 1917 || y % 4 == 2 && y <= 1946) {
                autumnal = 24;
            }
            assertEquals(vernal, JapaneseHolidays.vernalEquinoxDay(y), "春分 " + y);
            assertEquals(autumnal, JapaneseHolidays.autumnalEquinoxDay(y), "秋分 " + y);
        }
    }

    @ParameterizedTest
    @CsvSource({
            // 天皇誕生日 and みどりの日/昭和の日 through the eras
            "1988-04-29,天皇誕生日", "1989-04-29,みどりの日", "1989-12-23,天皇誕生日", "2006-04-29,みどりの日",
            "2007-04-29,昭和の日", "2007-05-04,みどりの日", "2018-12-23,天皇誕生日",
            // the first 建国記念の日, 敬老の日 and 体育の日, 海の日, 山の日
            "1967-02-11,建国記念の日", "1966-09-15,敬老の日", "1966-10-10,体育の日", "1996-07-20,海の日",
            "2016-08-11,山の日", "2022-10-10,スポーツの日",
            // Happy Monday: 2000 成人の日 and 体育の日, 2003 海の日 and 敬老の日
            "1999-01-15,成人の日", "2000-01-10,成人の日", "2000-10-09,体育の日", "2002-07-20,海の日", "2003-07-21,海の日",
            "2002-09-16,振替休日", "2003-09-15,敬老の日",
            // the one-off days
            "1959-04-10,皇太子明仁親王の結婚の儀", "1989-02-24,昭和天皇の大喪の礼", "1990-11-12,即位礼正殿の儀",
            "1993-06-09,皇太子徳仁親王の結婚の儀",
            // 振替休日: the first one, and the rule of 2007 (5/3 on a Sunday passes to 5/6)
            "1973-04-30,振替休日", "2008-05-06,振替休日", "2009-05-06,振替休日", "2015-05-06,振替休日",
            // 国民の休日: 5/4 between 5/3 and 5/5 from 1988 to 2006, the silver weeks
            "1988-05-04,国民の休日", "2005-05-04,国民の休日", "2009-09-22,国民の休日", "2015-09-22,国民の休日",
            "2032-09-21,国民の休日"})
    void historyOfTheLaw(String date, String name) {
        assertEquals(name, JapaneseHolidays.on(LocalDate.parse(date)).map(d -> d.name().ja()).orElse("(平日)"), date);
    }

    @ParameterizedTest
    @CsvSource({
            "1966-02-11", // 建国記念の日 from 1967
            "1965-09-15", "1965-10-10", // 敬老の日 and 体育の日 from 1966
            "1995-07-20", "2015-08-11", // 海の日 from 1996, 山の日 from 2016
            "2019-12-23", "2019-02-23", // no 天皇誕生日 in 2019
            "1973-02-12", // 1973-02-11 was a Sunday before 振替休日 existed
            "1985-05-04", // before 国民の休日
            "1992-05-04", // 5/4 on a Monday after 5/3 on a Sunday: a substitute, listed as such, never both
            "1997-05-04", // 5/4 on a Sunday before 2007: nothing more
            "2020-10-12", "2021-10-11", "2020-07-20", "2021-07-19", "2020-08-11", "2021-08-11", // the Olympic years
            "2000-01-15"})
    void notHolidays(String date) {
        LocalDate d = LocalDate.parse(date);
        boolean substitute = JapaneseHolidays.on(d).map(h -> h.kind() == ClosedDayKind.SUBSTITUTE_HOLIDAY).orElse(false);
        assertTrue(!JapaneseHolidays.isHoliday(d) || substitute && date.equals("1992-05-04"), date);
    }

    @Test
    void outsideTheRangeIsRefused() {
        assertThrows(OutsideCalendarRangeException.class, () -> JapaneseHolidays.of(1954));
        assertThrows(OutsideCalendarRangeException.class, () -> JapaneseHolidays.on(LocalDate.of(2100, 1, 1)));
        assertEquals(9, JapaneseHolidays.of(1955).size(), "1955: the nine days of the 1948 law");
    }
}
