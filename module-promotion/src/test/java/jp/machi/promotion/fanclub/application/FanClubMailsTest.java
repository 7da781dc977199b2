package jp.machi.promotion.fanclub.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import jp.machi.promotion.fanclub.domain.FanClubMember;
import jp.machi.promotion.fanclub.domain.Residence;
import org.junit.jupiter.api.Test;

class FanClubMailsTest {

    private static FanClubMember member(String language) {
        return new FanClubMember("F-R8-000001", new FanClubMember.Application("名前", "a@example.jp", "13", "世田谷区", null, List.of(),
                true, language), Residence.ELSEWHERE, "h", OffsetDateTime.now(), "t", OffsetDateTime.now());
    }

    @Test
    void saysALinksLifetimeInTheMembersLanguageInTheLargestWholeUnit() {
        assertEquals("7日", FanClubMails.within(Duration.ofDays(7), member("ja")));
        assertEquals("7 days", FanClubMails.within(Duration.ofDays(7), member("en")));
        assertEquals("1 day", FanClubMails.within(Duration.ofMinutes(1440), member("en")));
        assertEquals("2時間", FanClubMails.within(Duration.ofHours(2), member("ja")));
        assertEquals("90分", FanClubMails.within(Duration.ofMinutes(90), member("ja")));
        assertEquals("1 minute", FanClubMails.within(Duration.ofMinutes(1), member("en")));
    }
}
