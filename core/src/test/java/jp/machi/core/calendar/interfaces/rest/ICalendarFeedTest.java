package jp.machi.core.calendar.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import jp.machi.core.calendar.ClosedDay;
import jp.machi.core.calendar.ClosedDayKind;
import jp.machi.core.i18n.LocalizedText;
import org.junit.jupiter.api.Test;

class ICalendarFeedTest {

    @Test
    void foldsAt75OctetsWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        String summary = "SUMMARY:" + "年末年始".repeat(10) + "𠮷野家";
        ICalendarFeed.line(out, summary);
        String[] lines = out.toString().split("\r\n");
        for (String l : lines) {
            assertTrue(l.getBytes(StandardCharsets.UTF_8).length <= 75, l);
        }
        StringBuilder unfolded = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith(" "));
            unfolded.append(lines[i].substring(1));
        }
        assertEquals(summary, unfolded.toString());
        assertTrue(out.toString().endsWith("\r\n"));
    }

    @Test
    void escapesText() {
        assertEquals("a\\; b\\, c\\\\ d\\ne", ICalendarFeed.text("a; b, c\\ d\n\re"));
    }

    @Test
    void oneAllDayEventPerDayWithAStableUid() {
        String feed = ICalendarFeed.of("082201", "つくば市 閉庁日", List.of(new ClosedDay(LocalDate.of(2026, 12, 31),
                ClosedDayKind.MUNICIPAL_CLOSURE, LocalizedText.of("年末年始", "Year-end holidays"))), Locale.JAPANESE,
                OffsetDateTime.of(2026, 12, 6, 9, 0, 0, 0, ZoneOffset.ofHours(9)));
        assertTrue(feed.contains("\r\nUID:20261231-082201@closed-days.machi\r\n"), feed);
        assertTrue(feed.contains("\r\nDTSTAMP:20261206T000000Z\r\n"), feed);
        assertTrue(feed.contains("\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"), feed);
        assertTrue(feed.contains("\r\nSUMMARY:年末年始\r\n"), feed);
    }
}
