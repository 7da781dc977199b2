package jp.machi.core.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import jp.machi.core.api.ApiException;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void contentDispositionCarriesTheJapaneseNameAndAnAsciiFallback() {
        String name = "市民の声（はがき）.pdf";
        String header = FileNames.contentDisposition(name);
        assertEquals("attachment; filename=\"file.pdf\"; filename*=UTF-8''"
                + "%E5%B8%82%E6%B0%91%E3%81%AE%E5%A3%B0%EF%BC%88%E3%81%AF%E3%81%8C%E3%81%8D%EF%BC%89.pdf", header);
        String encoded = header.substring(header.indexOf("UTF-8''") + 7);
        assertEquals(name, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void theFallbackKeepsWhatIsAsciiAndNeverAQuote() {
        assertEquals("scan_2025.pdf", FileNames.asciiFallback("scan_2025.pdf"));
        assertEquals("letter_.pdf", FileNames.asciiFallback("letter\"市.pdf"));
        assertEquals("a_b.txt", FileNames.asciiFallback("a\\%;b.txt"));
        assertEquals("file", FileNames.asciiFallback("手紙"));
        assertEquals("report 2025_.xlsx", FileNames.asciiFallback("report 2025年度.xlsx"));
    }

    @Test
    void percentEncodingFollowsRfc5987() {
        assertEquals("a%20b%27c%25.txt", FileNames.percentEncode("a b'c%.txt"));
        assertEquals("x%22%3B%3D.pdf", FileNames.percentEncode("x\";=.pdf"));
    }

    @Test
    void namesAreNormalisedAndChecked() {
        String decomposed = Normalizer.normalize("ガイド.pdf", Normalizer.Form.NFD);
        assertEquals("ガイド.pdf", FileNames.validate("fileName", "  " + decomposed + " "));
        for (String bad : new String[] {null, "", "  ", "a/b.pdf", "..\\x.pdf", "a\u0000.pdf", "a\nb.pdf",
            "evil\u202Efdp.exe", ".", "..", "x".repeat(256)}) {
            ApiException e = assertThrows(ApiException.class, () -> FileNames.validate("fileName", bad), String.valueOf(bad));
            assertEquals(400, e.status());
        }
        assertEquals("x".repeat(255), FileNames.validate("fileName", "x".repeat(255)));
    }
}
