package jp.machi.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import jp.machi.core.i18n.LocalizedText;

/**
 * Japan's national holidays under 国民の祝日に関する法律 (Act on National Holidays, 1948) and the special
 * laws of single days, for every year from {@value #FIRST_YEAR} to {@value #LAST_YEAR}: the days as the
 * law stood in each year (天皇誕生日 4/29 until 1988, 12/23 1989–2018, none in 2019, 2/23 from 2020;
 * みどりの日 and 昭和の日 from 2007; 海の日 from 1996; 山の日 from 2016; 体育の日 → スポーツの日 2020;
 * 建国記念の日 from 1967 and 敬老の日/体育の日 from 1966; the Happy Monday days of 2000 and 2003), the
 * equinoxes from the astronomical approximation valid for the range, 振替休日 (from 1973-04-12; the
 * extended rule from 2007), 国民の休日 (from 1986), the one-off days and the Olympic moves of 2020
 * and 2021.
 *
 * <p>The equinox days are fixed each February for the next year by the National Astronomical
 * Observatory's 暦要項; the formula agrees with every published one in the range.
 */
public final class JapaneseHolidays {

    public static final int FIRST_YEAR = 1955;
    public static final int LAST_YEAR = 2099;

    /** 振替休日 exists from the day the 1973 amendment came into force. */
    static final LocalDate SUBSTITUTES_FROM = LocalDate.of(1973, 4, 12);

    /** From 2007 a substitute holiday is the next day that is no national holiday; before, only the next day. */
    static final int EXTENDED_SUBSTITUTE_FROM_YEAR = 2007;

    /** 国民の休日 exists from the 1985 amendment (in force 1985-12-27). */
    static final int CITIZENS_HOLIDAY_FROM_YEAR = 1986;

    private static final Map<Integer, NavigableMap<LocalDate, ClosedDay>> YEARS = new ConcurrentHashMap<>();

    /** Days made holidays by special laws (皇室の慶弔, 即位), counted as national holidays. */
    private static final Map<LocalDate, LocalizedText> ONE_OFF = Map.of(
            LocalDate.of(1959, 4, 10), LocalizedText.of("皇太子明仁親王の結婚の儀", "Wedding of Crown Prince Akihito"),
            LocalDate.of(1989, 2, 24), LocalizedText.of("昭和天皇の大喪の礼", "State funeral of Emperor Showa"),
            LocalDate.of(1990, 11, 12), LocalizedText.of("即位礼正殿の儀", "Enthronement ceremony of Emperor Akihito"),
            LocalDate.of(1993, 6, 9), LocalizedText.of("皇太子徳仁親王の結婚の儀", "Wedding of Crown Prince Naruhito"),
            LocalDate.of(2019, 5, 1), LocalizedText.of("天皇の即位の日", "Enthronement of Emperor Naruhito"),
            LocalDate.of(2019, 10, 22), LocalizedText.of("即位礼正殿の儀の行われる日", "Enthronement ceremony of Emperor Naruhito"));

    private static final LocalizedText NEW_YEAR = LocalizedText.of("元日", "New Year's Day");
    private static final LocalizedText COMING_OF_AGE = LocalizedText.of("成人の日", "Coming of Age Day");
    private static final LocalizedText FOUNDATION = LocalizedText.of("建国記念の日", "National Foundation Day");
    private static final LocalizedText EMPEROR = LocalizedText.of("天皇誕生日", "The Emperor's Birthday");
    private static final LocalizedText VERNAL = LocalizedText.of("春分の日", "Vernal Equinox Day");
    private static final LocalizedText SHOWA = LocalizedText.of("昭和の日", "Showa Day");
    private static final LocalizedText GREENERY = LocalizedText.of("みどりの日", "Greenery Day");
    private static final LocalizedText CONSTITUTION = LocalizedText.of("憲法記念日", "Constitution Memorial Day");
    private static final LocalizedText CHILDREN = LocalizedText.of("こどもの日", "Children's Day");
    private static final LocalizedText MARINE = LocalizedText.of("海の日", "Marine Day");
    private static final LocalizedText MOUNTAIN = LocalizedText.of("山の日", "Mountain Day");
    private static final LocalizedText AGED = LocalizedText.of("敬老の日", "Respect for the Aged Day");
    private static final LocalizedText AUTUMNAL = LocalizedText.of("秋分の日", "Autumnal Equinox Day");
    private static final LocalizedText HEALTH_SPORTS = LocalizedText.of("体育の日", "Health and Sports Day");
    private static final LocalizedText SPORTS = LocalizedText.of("スポーツの日", "Sports Day");
    private static final LocalizedText CULTURE = LocalizedText.of("文化の日", "Culture Day");
    private static final LocalizedText LABOR = LocalizedText.of("勤労感謝の日", "Labor Thanksgiving Day");
    static final LocalizedText SUBSTITUTE = LocalizedText.of("振替休日", "Substitute holiday");
    static final LocalizedText CITIZENS = LocalizedText.of("国民の休日", "Citizens' holiday");

    private JapaneseHolidays() {
    }

    /** The year's national holidays, substitute and citizens' holidays, in date order. */
    public static List<ClosedDay> of(int year) {
        return List.copyOf(year(year).values());
    }

    /** The national, substitute or citizens' holiday on {@code date}, if it is one. */
    public static Optional<ClosedDay> on(LocalDate date) {
        return Optional.ofNullable(year(date.getYear()).get(date));
    }

    public static boolean isHoliday(LocalDate date) {
        return on(date).isPresent();
    }

    /** The day of March of the vernal equinox (春分日) in Japan Standard Time. */
    public static int vernalEquinoxDay(int year) {
        OutsideCalendarRangeException.check(year);
        return equinox(year, year < 1980 ? 20.8357 : 20.8431);
    }

    /** The day of September of the autumnal equinox (秋分日) in Japan Standard Time. */
    public static int autumnalEquinoxDay(int year) {
        OutsideCalendarRangeException.check(year);
        return equinox(year, year < 1980 ? 23.2588 : 23.2488);
    }

    /**
     * The approximation of the 暦要項 equinoxes (新こよみ便利帳): the moment drifts 0.242194 days a
     * year and leap days pull it back; before 1980 the leap days are counted from 1983, the quotient
     * truncated toward zero as the published formula's INT does.
     */
    private static int equinox(int year, double base) {
        int leapBase = year < 1980 ? 1983 : 1980;
        return (int) Math.floor(base + 0.242194 * (year - 1980) - (year - leapBase) / 4);
    }

    private static NavigableMap<LocalDate, ClosedDay> year(int year) {
        OutsideCalendarRangeException.check(year);
        return YEARS.computeIfAbsent(year, JapaneseHolidays::compute);
    }

    private static NavigableMap<LocalDate, ClosedDay> compute(int y) {
        TreeMap<LocalDate, LocalizedText> national = new TreeMap<>();
        national.put(LocalDate.of(y, 1, 1), NEW_YEAR);
        national.put(y < 2000 ? LocalDate.of(y, 1, 15) : monday(y, Month.JANUARY, 2), COMING_OF_AGE);
        if (y >= 1967) {
            national.put(LocalDate.of(y, 2, 11), FOUNDATION);
        }
        if (y >= 2020) {
            national.put(LocalDate.of(y, 2, 23), EMPEROR);
        }
        national.put(LocalDate.of(y, 3, vernalEquinoxDay(y)), VERNAL);
        national.put(LocalDate.of(y, 4, 29), y <= 1988 ? EMPEROR : y <= 2006 ? GREENERY : SHOWA);
        national.put(LocalDate.of(y, 5, 3), CONSTITUTION);
        if (y >= 2007) {
            national.put(LocalDate.of(y, 5, 4), GREENERY);
        }
        national.put(LocalDate.of(y, 5, 5), CHILDREN);
        if (y == 2020) {
            national.put(LocalDate.of(y, 7, 23), MARINE);
        } else if (y == 2021) {
            national.put(LocalDate.of(y, 7, 22), MARINE);
        } else if (y >= 2003) {
            national.put(monday(y, Month.JULY, 3), MARINE);
        } else if (y >= 1996) {
            national.put(LocalDate.of(y, 7, 20), MARINE);
        }
        if (y == 2020) {
            national.put(LocalDate.of(y, 8, 10), MOUNTAIN);
        } else if (y == 2021) {
            national.put(LocalDate.of(y, 8, 8), MOUNTAIN);
        } else if (y >= 2016) {
            national.put(LocalDate.of(y, 8, 11), MOUNTAIN);
        }
        if (y >= 2003) {
            national.put(monday(y, Month.SEPTEMBER, 3), AGED);
        } else if (y >= 1966) {
            national.put(LocalDate.of(y, 9, 15), AGED);
        }
        national.put(LocalDate.of(y, 9, autumnalEquinoxDay(y)), AUTUMNAL);
        if (y == 2020) {
            national.put(LocalDate.of(y, 7, 24), SPORTS);
        } else if (y == 2021) {
            national.put(LocalDate.of(y, 7, 23), SPORTS);
        } else if (y >= 2022) {
            national.put(monday(y, Month.OCTOBER, 2), SPORTS);
        } else if (y >= 2000) {
            national.put(monday(y, Month.OCTOBER, 2), HEALTH_SPORTS);
        } else if (y >= 1966) {
            national.put(LocalDate.of(y, 10, 10), HEALTH_SPORTS);
        }
        national.put(LocalDate.of(y, 11, 3), CULTURE);
        national.put(LocalDate.of(y, 11, 23), LABOR);
        if (y >= 1989 && y <= 2018) {
            national.put(LocalDate.of(y, 12, 23), EMPEROR);
        }
        ONE_OFF.forEach((date, name) -> {
            if (date.getYear() == y) {
                national.put(date, name);
            }
        });

        TreeMap<LocalDate, ClosedDay> days = new TreeMap<>();
        national.forEach((date, name) -> days.put(date, new ClosedDay(date, ClosedDayKind.NATIONAL_HOLIDAY, name)));
        // 振替休日: a national holiday on a Sunday passes to the next day (from 2007: the next day
        // that is not itself a national holiday).
        for (LocalDate d : national.keySet()) {
            if (d.getDayOfWeek() != DayOfWeek.SUNDAY || d.isBefore(SUBSTITUTES_FROM)) {
                continue;
            }
            LocalDate next = d.plusDays(1);
            if (y >= EXTENDED_SUBSTITUTE_FROM_YEAR) {
                while (national.containsKey(next)) {
                    next = next.plusDays(1);
                }
            } else if (national.containsKey(next)) {
                continue;
            }
            days.put(next, new ClosedDay(next, ClosedDayKind.SUBSTITUTE_HOLIDAY, SUBSTITUTE));
        }
        // 国民の休日: a day between two national holidays that is not one itself (before 2007 also
        // not a Sunday and not a substitute holiday).
        if (y >= CITIZENS_HOLIDAY_FROM_YEAR) {
            for (LocalDate d : national.keySet()) {
                LocalDate between = d.plusDays(1);
                if (!national.containsKey(d.plusDays(2)) || national.containsKey(between) || days.containsKey(between)) {
                    continue;
                }
                if (y < EXTENDED_SUBSTITUTE_FROM_YEAR && between.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                days.put(between, new ClosedDay(between, ClosedDayKind.CITIZENS_HOLIDAY, CITIZENS));
            }
        }
        return Collections.unmodifiableNavigableMap(days);
    }

    /** The {@code n}th Monday of the month (Happy Monday days). */
    private static LocalDate monday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }
}
