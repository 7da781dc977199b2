package jp.machi.core.job;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import jp.machi.core.i18n.Languages;

/**
 * When a {@link ScheduledJob} is due, in Japan time, to the minute: daily at HH:MM, every N
 * minutes (counted from midnight), or an hour and a minute each of which may be {@code *} (every)
 * as in the EJB schedule expressions the environment settings use. Pure.
 *
 * @param hour the hour (0–23), or null for every hour
 * @param minute the minute (0–59), or null for every minute
 * @param everyMinutes when above 0, due every that many minutes of the day instead
 */
public record JobSchedule(Integer hour, Integer minute, int everyMinutes) {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public JobSchedule {
        if (hour != null && (hour < 0 || hour > 23)) {
            throw new IllegalArgumentException("hour out of range: " + hour);
        }
        if (minute != null && (minute < 0 || minute > 59)) {
            throw new IllegalArgumentException("minute out of range: " + minute);
        }
        if (everyMinutes < 0 || everyMinutes > 1440) {
            throw new IllegalArgumentException("everyMinutes out of range: " + everyMinutes);
        }
    }

    /** Every day at {@code hour}:{@code minute} Japan time. */
    public static JobSchedule daily(int hour, int minute) {
        return new JobSchedule(hour, minute, 0);
    }

    /** Every {@code n} minutes (at minutes of the day divisible by {@code n}). */
    public static JobSchedule everyMinutes(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("every " + n + " minutes");
        }
        return new JobSchedule(null, null, n);
    }

    /**
     * From settings such as {@code MACHI_PERSONAL_DATA_ANONYMISE_HOUR/MINUTE}: a number or
     * {@code *}; anything else is refused naming {@code what}.
     */
    public static JobSchedule of(String hour, String minute, String what) {
        return new JobSchedule(field(hour, 23, what + " hour"), field(minute, 59, what + " minute"), 0);
    }

    private static Integer field(String text, int max, String what) {
        String t = text == null ? "*" : text.strip();
        if (t.equals("*")) {
            return null;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new IllegalArgumentException(what + " must be * or 0–" + max + ", not '" + text + "'");
    }

    /** Whether the minute starting at {@code slot} (any zone) is one this schedule runs in. */
    public boolean isDue(ZonedDateTime slot) {
        ZonedDateTime t = slot.withZoneSameInstant(JAPAN);
        if (everyMinutes > 0) {
            return (t.getHour() * 60 + t.getMinute()) % everyMinutes == 0;
        }
        return (hour == null || hour == t.getHour()) && (minute == null || minute == t.getMinute());
    }

    /** The first slot strictly after {@code after}, within two days (always found). */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.withZoneSameInstant(JAPAN).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        for (int i = 0; i < 2 * 1440; i++, t = t.plusMinutes(1)) {
            if (isDue(t)) {
                return t;
            }
        }
        throw new IllegalStateException("no slot in two days: " + this);
    }

    /** The schedule in words: 毎日 03:15 / daily at 03:15 (Japan time). */
    public String describe(Locale locale) {
        boolean en = Languages.isEnglish(locale);
        if (everyMinutes > 0) {
            return en ? "every " + everyMinutes + " minute" + (everyMinutes == 1 ? "" : "s") : everyMinutes + "分ごと";
        }
        if (hour == null && minute == null) {
            return en ? "every minute" : "毎分";
        }
        if (hour == null) {
            return en ? String.format("every hour at minute %02d", minute) : String.format("毎時 %02d分", minute);
        }
        if (minute == null) {
            return en ? String.format("every minute of hour %02d (Japan time)", hour)
                    : String.format("毎日 %d時台の毎分", hour);
        }
        return en ? String.format("daily at %02d:%02d (Japan time)", hour, minute)
                : String.format("毎日 %02d:%02d", hour, minute);
    }
}
