package jp.machi.promotion.prcontent.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebAddressTest {

    @Test
    void httpAndHttpsAddressesWithAHostAreTaken() {
        assertTrue(PrContentResource.webAddress("https://www.city.toride.ibaraki.jp/kouhou/index.html"));
        assertTrue(PrContentResource.webAddress("http://example.jp/a?b=c#d"));
        assertTrue(PrContentResource.webAddress("HTTPS://example.jp"));
    }

    @Test
    void otherSchemesRelativeAddressesAndSpacesAreRefused() {
        for (String s : new String[] {"javascript:alert(1)", "ftp://example.jp/a", "mailto:a@example.jp", "/kouhou/index.html",
            "www.example.jp", "https://", "https:///path", "https://example.jp/a b", "https://example.jp/\n", "data:text/html,x"}) {
            assertFalse(PrContentResource.webAddress(s), s);
        }
    }
}
