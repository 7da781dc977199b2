package jp.machi.core.calendar.interfaces.rest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import jp.machi.core.calendar.ClosedDay;

/**
 * Closed days as an iCalendar feed (RFC 5545): one all-day {@code VEVENT} per day with a UID that
 * stays the same for the same municipality and day, so that a subscribed client updates instead of
 * duplicating; CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character.
 */
final class ICalendarFeed {

    static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final int MAX_OCTETS = 75;

    private ICalendarFeed() {
    }

    static String of(String lgCode, String calendarName, List<ClosedDay> days, Locale locale, OffsetDateTime now) {
        StringBuilder out = new StringBuilder();
        String stamp = now.withOffsetSameInstant(ZoneOffset.UTC).format(STAMP);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Machi//Business calendar " + lgCode + "//" + locale.getLanguage().toUpperCase(Locale.ROOT));
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text(calendarName));
        line(out, "X-WR-TIMEZONE:Asia/Tokyo");
        for (ClosedDay d : days) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + d.date().format(DATE) + "-" + lgCode + "@closed-days.machi");
            line(out, "DTSTAMP:" + stamp);
            line(out, "DTSTART;VALUE=DATE:" + d.date().format(DATE));
            line(out, "DTEND;VALUE=DATE:" + d.date().plusDays(1).format(DATE));
            line(out, "SUMMARY:" + text(d.name().in(locale)));
            line(out, "CATEGORIES:" + text(d.kind().label().in(locale)));
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value with backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
    static String text(String value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case ';' -> s.append("\\;");
                case ',' -> s.append("\\,");
                case '\n' -> s.append("\\n");
                case '\r' -> { }
                default -> s.append(c < 0x20 || c == 0x7f ? ' ' : c);
            }
        }
        return s.toString();
    }

    /** Appends a content line folded at 75 octets (RFC 5545 3.1), ended by CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
