package jp.machi.core.file;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what a file is from its bytes (magic numbers), never from its name or the Content-Type a
 * client sent: a PNG named {@code .pdf} is a PNG, an HTML page named {@code .txt} is markup. The
 * name is used for one thing only: text whose name ends in {@code .csv} is served as CSV.
 */
public final class ContentTypes {

    /** Windows-31J, the Shift_JIS that Japanese Windows and Excel write. */
    static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String[] MARKUP_TAGS = {"<html", "<script", "<svg", "<body", "<head", "<iframe", "<!doctype",
        "<?xml", "<object", "<embed", "<meta", "<img", "<a ", "<div", "<style", "<xsl"};

    private ContentTypes() {
    }

    public static FileKind.Detected detect(byte[] b, String fileName) {
        FileKind kind = binary(b);
        if (kind != null) {
            return new FileKind.Detected(kind, kind.mediaType());
        }
        return text(b, fileName);
    }

    private static FileKind binary(byte[] b) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return FileKind.PDF;
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return FileKind.PNG;
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return FileKind.JPEG;
        }
        if (starts(b, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return FileKind.GIF;
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return FileKind.WEBP;
        }
        if (starts(b, 'I', 'I', 0x2A, 0x00) || starts(b, 'M', 'M', 0x00, 0x2A)) {
            return FileKind.TIFF;
        }
        if (starts(b, 'M', 'Z') || starts(b, 0x7F, 'E', 'L', 'F') || starts(b, 0xCA, 0xFE, 0xBA, 0xBE)
                || starts(b, 0xFE, 0xED, 0xFA, 0xCE) || starts(b, 0xFE, 0xED, 0xFA, 0xCF)
                || starts(b, 0xCE, 0xFA, 0xED, 0xFE) || starts(b, 0xCF, 0xFA, 0xED, 0xFE) || starts(b, '#', '!')
                || starts(b, 0x00, 0x61, 0x73, 0x6D)) {
            return FileKind.EXECUTABLE;
        }
        if (starts(b, 'P', 'K', 0x03, 0x04) || starts(b, 'P', 'K', 0x05, 0x06)) {
            return zip(b);
        }
        return null;
    }

    /** Office Open XML is a zip whose parts say what it is; a macro-enabled one counts as a program. */
    private static FileKind zip(byte[] b) {
        List<String> names = zipEntryNames(b);
        boolean contentTypes = false;
        boolean word = false;
        boolean xl = false;
        boolean ppt = false;
        for (String n : names) {
            String lower = n.toLowerCase(Locale.ROOT);
            if (lower.endsWith("vbaproject.bin") || lower.endsWith(".exe") || lower.endsWith(".js")
                    || lower.endsWith(".vbs") || lower.endsWith(".bat") || lower.endsWith(".cmd")
                    || lower.endsWith(".scr") || lower.endsWith(".ps1") || lower.endsWith(".lnk")) {
                return FileKind.EXECUTABLE;
            }
            contentTypes |= n.equals("[Content_Types].xml");
            word |= n.startsWith("word/");
            xl |= n.startsWith("xl/");
            ppt |= n.startsWith("ppt/");
        }
        if (contentTypes && word) {
            return FileKind.DOCX;
        }
        if (contentTypes && xl) {
            return FileKind.XLSX;
        }
        if (contentTypes && ppt) {
            return FileKind.PPTX;
        }
        return names.isEmpty() && !starts(b, 'P', 'K', 0x05, 0x06) ? FileKind.UNKNOWN : FileKind.ZIP;
    }

    /**
     * The entry names from the zip's central directory, read without inflating anything (a zip
     * bomb costs nothing here). Empty when there is no readable directory.
     */
    static List<String> zipEntryNames(byte[] b) {
        List<String> names = new ArrayList<>();
        int eocd = -1;
        for (int i = b.length - 22; i >= 0 && i >= b.length - 22 - 65_535; i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 0x05 && b[i + 3] == 0x06) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return names;
        }
        int count = u16(b, eocd + 10);
        long offset = u32(b, eocd + 16);
        int p = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int i = 0; i < count && i < 100_000; i++) {
            if (p < 0 || p + 46 > b.length || !(b[p] == 'P' && b[p + 1] == 'K' && b[p + 2] == 0x01 && b[p + 3] == 0x02)) {
                break;
            }
            int nameLength = u16(b, p + 28);
            int extra = u16(b, p + 30);
            int comment = u16(b, p + 32);
            if (p + 46 + nameLength > b.length) {
                break;
            }
            names.add(new String(b, p + 46, nameLength, StandardCharsets.UTF_8));
            p += 46 + nameLength + extra + comment;
        }
        return names;
    }

    /** Plain text in UTF-8 (with or without BOM) or Shift_JIS, with no control characters but tab and line breaks. */
    private static FileKind.Detected text(byte[] b, String fileName) {
        boolean bom = starts(b, UTF8_BOM);
        String text = decode(b, bom ? 3 : 0, StandardCharsets.UTF_8);
        Charset charset = StandardCharsets.UTF_8;
        if (text == null && !bom) {
            text = decode(b, 0, SHIFT_JIS);
            charset = SHIFT_JIS;
        }
        if (text == null || !printable(text)) {
            return new FileKind.Detected(FileKind.UNKNOWN, FileKind.UNKNOWN.mediaType());
        }
        if (markup(text)) {
            return new FileKind.Detected(FileKind.MARKUP, FileKind.MARKUP.mediaType());
        }
        boolean csv = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
        FileKind kind = csv ? FileKind.CSV : FileKind.TEXT;
        return new FileKind.Detected(kind, kind.mediaType() + "; charset=" + (charset == SHIFT_JIS ? "Shift_JIS" : "UTF-8"));
    }

    private static String decode(byte[] b, int from, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, b.length - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** What a browser would take for a page or an image with scripts: anything opening with a tag, or holding one early on. */
    private static boolean markup(String s) {
        String head = s.substring(0, Math.min(s.length(), 4096)).toLowerCase(Locale.ROOT);
        String start = head.stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        if (start.startsWith("<")) {
            return true;
        }
        for (String tag : MARKUP_TAGS) {
            if (head.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean starts(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int i) {
        return i + 1 < b.length && i >= 0 ? (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 : 0;
    }

    private static long u32(byte[] b, int i) {
        return i + 3 < b.length && i >= 0 ? (u16(b, i) | (long) u16(b, i + 2) << 16) : -1;
    }
}
