package jp.machi.collaboration.grant.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GrantPortalTest {

    @Test
    void namesAndNumbersCompareWithoutWidthSpacesOrCase() {
        assertEquals(GrantPortal.normalise("ＮＰＯ法人　ちがさき　まちづくり"), GrantPortal.normalise("npo法人ちがさきまちづくり"));
        assertEquals(GrantPortal.normalise("第０１２３号"), GrantPortal.normalise("第0123号"));
        assertEquals("", GrantPortal.normalise(null));
        assertNotEquals(GrantPortal.normalise("見本の会"), GrantPortal.normalise("見本の会2"));
    }

    @Test
    void tokensAre256BitsAndOnlyTheirHashIsKept() {
        String t = GrantPortal.token();
        assertTrue(t.matches("[A-Za-z0-9_-]{43}"), t);
        assertNotEquals(t, GrantPortal.token());
        assertEquals(64, GrantPortal.hash(t).length());
        assertEquals(GrantPortal.hash(t), GrantPortal.hash(t));
    }

    @Test
    void theLinkOpensTheGrantsPortalPage() {
        assertEquals("https://city.example.jp/p/142077/collaboration-grants-portal?apply=abc",
                GrantPortal.link("https://city.example.jp/", "142077", "abc"));
    }
}
