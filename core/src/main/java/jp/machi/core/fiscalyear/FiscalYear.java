package jp.machi.core.fiscalyear;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 年度: a fiscal year from April 1 to March 31 (地方自治法 §208), identified by the Gregorian year
 * it starts in. FY2020 runs from 2020-04-01 to 2021-03-31 and reads 令和2年度.
 *
 * <p>The era of a fiscal year is the one in force on May 1 of its first year. That reproduces
 * official usage at both recent era changes: FY2019 is 令和元年度 (令和 began on 2019-05-01 and
 * the government named the whole year after it), while FY1988 stayed 昭和63年度 and FY1989 is
 * 平成元年度. The first year of an era is written 元年, which {@link java.time.chrono.JapaneseDate}
 * does not do.
 */
@JsonbTypeSerializer(FiscalYearJson.Serializer.class)
@JsonbTypeDeserializer(FiscalYearJson.Deserializer.class)
public final class FiscalYear implements Comparable<FiscalYear> {

    public static final int MIN_YEAR = 1868;
    public static final int MAX_YEAR = 9998;

    private static final Pattern ERA_FULL = Pattern.compile("(明治|大正|昭和|平成|令和)\\s*(元|[0-9]{1,3})\\s*年?\\s*度?");
    private static final Pattern ERA_SHORT = Pattern.compile("([MTSHR])\\s*\\.?\\s*(元|[0-9]{1,3})\\s*(?:年度?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern GREGORIAN = Pattern.compile("(?:FY)?\\s*([0-9]{4})\\s*(?:年度?)?", Pattern.CASE_INSENSITIVE);

    private final int startYear;

    private FiscalYear(int startYear) {
        this.startYear = startYear;
    }

    public static FiscalYear of(int startYear) {
        if (startYear < MIN_YEAR || startYear > MAX_YEAR) {
            throw new InvalidFiscalYearException(String.valueOf(startYear));
        }
        return new FiscalYear(startYear);
    }

    /** The fiscal year a date falls in: January–March belong to the previous year's fiscal year. */
    public static FiscalYear containing(LocalDate date) {
        return of(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    /**
     * Reads 令和2年度, 令和元年度, R2, H31, 平成31年度, 2020, FY2020 and 2020年度 (full-width digits too).
     * An era year past that era's end (平成32年度, written before 令和 was announced) is read as the
     * Gregorian year it denotes.
     *
     * @throws InvalidFiscalYearException when the text names no fiscal year
     */
    public static FiscalYear parse(String text) {
        if (text == null) {
            throw new InvalidFiscalYearException(null);
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).trim();
        Matcher m = ERA_FULL.matcher(s);
        if (m.matches()) {
            return fromEra(Era.byName(m.group(1)), m.group(2), text);
        }
        m = ERA_SHORT.matcher(s);
        if (m.matches()) {
            return fromEra(Era.byLetter(m.group(1).toUpperCase(Locale.ROOT).charAt(0)), m.group(2), text);
        }
        m = GREGORIAN.matcher(s);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw new InvalidFiscalYearException(text);
            }
            return new FiscalYear(year);
        }
        throw new InvalidFiscalYearException(text);
    }

    private static FiscalYear fromEra(Era era, String yearText, String original) {
        int eraYear = "元".equals(yearText) ? 1 : Integer.parseInt(yearText);
        if (eraYear < 1) {
            throw new InvalidFiscalYearException(original);
        }
        return of(era.firstYear + eraYear - 1);
    }

    public int startYear() {
        return startYear;
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public FiscalYear next() {
        return of(startYear + 1);
    }

    public FiscalYear previous() {
        return of(startYear - 1);
    }

    /** 令和2年度; 令和元年度 for the first year of an era. */
    public String japaneseLabel() {
        Era era = Era.of(startYear);
        int eraYear = startYear - era.firstYear + 1;
        return era.kanji + (eraYear == 1 ? "元" : Integer.toString(eraYear)) + "年度";
    }

    /** R2: the era's letter and the year in it (R1 for 令和元年度), as in receipt numbers. */
    public String shortLabel() {
        Era era = Era.of(startYear);
        return String.valueOf(era.letter) + (startYear - era.firstYear + 1);
    }

    /** FY2020. */
    public String englishLabel() {
        return "FY" + startYear;
    }

    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? englishLabel() : japaneseLabel();
    }

    @Override
    public int compareTo(FiscalYear o) {
        return Integer.compare(startYear, o.startYear);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FiscalYear f && f.startYear == startYear;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(startYear);
    }

    @Override
    public String toString() {
        return japaneseLabel();
    }

    /** Eras since the Meiji restoration, with the first Gregorian year counted as their year 1. */
    private enum Era {
        MEIJI("明治", 'M', 1868, LocalDate.of(1868, 10, 23)),
        TAISHO("大正", 'T', 1912, LocalDate.of(1912, 7, 30)),
        SHOWA("昭和", 'S', 1926, LocalDate.of(1926, 12, 25)),
        HEISEI("平成", 'H', 1989, LocalDate.of(1989, 1, 8)),
        REIWA("令和", 'R', 2019, LocalDate.of(2019, 5, 1));

        private final String kanji;
        private final char letter;
        private final int firstYear;
        private final LocalDate since;

        Era(String kanji, char letter, int firstYear, LocalDate since) {
            this.kanji = kanji;
            this.letter = letter;
            this.firstYear = firstYear;
            this.since = since;
        }

        static Era of(int fiscalStartYear) {
            LocalDate reference = LocalDate.of(fiscalStartYear, 5, 1);
            Era found = MEIJI;
            for (Era e : values()) {
                if (!reference.isBefore(e.since)) {
                    found = e;
                }
            }
            return found;
        }

        static Era byName(String kanji) {
            for (Era e : values()) {
                if (e.kanji.equals(kanji)) {
                    return e;
                }
            }
            throw new IllegalArgumentException(kanji);
        }

        static Era byLetter(char letter) {
            for (Era e : values()) {
                if (e.letter == letter) {
                    return e;
                }
            }
            throw new IllegalArgumentException(String.valueOf(letter));
        }
    }
}
