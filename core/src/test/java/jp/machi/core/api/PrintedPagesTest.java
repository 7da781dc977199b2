package jp.machi.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PrintedPagesTest {

    @Test
    void datesAreWrittenInWarekiAsOfficesPrintThem() {
        assertEquals("令和8年4月1日", PrintedPages.wareki(LocalDate.of(2026, 4, 1)));
        assertEquals("令和元年5月1日", PrintedPages.wareki(LocalDate.of(2019, 5, 1)));
        assertEquals("平成31年4月30日", PrintedPages.wareki(LocalDate.of(2019, 4, 30)));
        assertEquals("", PrintedPages.wareki(null));
    }

    @Test
    void textIsEscapedForElementsAndQuotedAttributes() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
                PrintedPages.esc("<script>alert('x')</script> & \"q\""));
        assertEquals("", PrintedPages.esc(null));
        assertEquals("<tr><th scope=\"row\">受付番号</th><td>S-R8-000001 &lt;b&gt;</td></tr>",
                PrintedPages.row("受付番号", "S-R8-000001 <b>"));
    }
}
