package jp.machi.core.api;

import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * What the print-friendly HTML pages that modules render on the server (a notice of approval, a
 * grant decision, a donation receipt) share: escaping, dates in wareki as offices print them
 * (令和8年4月1日, 令和元年5月1日) and a labelled table row. The pages themselves stay in their modules.
 */
public final class PrintedPages {

    /** The era's name (令和, 平成 …). */
    private static final DateTimeFormatter ERA = DateTimeFormatter.ofPattern("GGGG", Locale.JAPAN)
            .withChronology(JapaneseChronology.INSTANCE);

    private PrintedPages() {
    }

    /** The day in wareki as offices print it (令和8年4月1日; the first year of an era is 元年); empty for none. */
    public static String wareki(LocalDate day) {
        if (day == null) {
            return "";
        }
        JapaneseDate j = JapaneseDate.from(day);
        int year = j.get(ChronoField.YEAR_OF_ERA);
        return j.format(ERA) + (year == 1 ? "元" : Integer.toString(year)) + "年" + day.getMonthValue() + "月"
                + day.getDayOfMonth() + "日";
    }

    /** Text made safe inside HTML elements and quoted attributes; empty for null. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code <tr><th scope="row">label</th><td>value</td></tr>}, both escaped. */
    public static String row(String label, String value) {
        return "<tr><th scope=\"row\">" + esc(label) + "</th><td>" + esc(value) + "</td></tr>";
    }
}
