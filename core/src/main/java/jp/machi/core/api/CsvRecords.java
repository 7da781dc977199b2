package jp.machi.core.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma- (or tab-) separated file read record by record as it streams in (never held whole): UTF-8 (with
 * or without BOM) or Shift_JIS (Windows-31J, as Excel and the portal sites write it), declared by
 * the caller or detected from the first 64 KiB; a field in double quotes may hold commas, quotes
 * (doubled) and line breaks. Bytes that are not text in the charset stop the read with
 * {@link CharacterCodingException}. Used by the modules' file imports (a portal site's donations, a survey's
 * paper answers).
 */
public final class CsvRecords implements AutoCloseable {

    public static final Charset SHIFT_JIS = Charset.forName("Windows-31J");
    private static final int PEEK = 64 * 1024;

    /** One record and the line it starts on. */
    public record Record(int line, List<String> fields) {
    }

    private final Reader in;
    private final Charset charset;
    private final char separator;
    private final char[] buffer = new char[65536];
    private int pos;
    private int len;
    private int lineNo = 1;

    private CsvRecords(Reader in, Charset charset, char separator) {
        this.in = in;
        this.charset = charset;
        this.separator = separator;
    }

    /** A comma-separated file. */
    public static CsvRecords open(InputStream raw, String declared) throws IOException {
        return open(raw, declared, false);
    }

    /**
     * A tab-separated file when a tab stands outside double quotes in the first 64 KiB (as Excel's
     * 「テキスト (タブ区切り)」 writes it), else a comma-separated one.
     */
    public static CsvRecords openTabOrComma(InputStream raw, String declared) throws IOException {
        return open(raw, declared, true);
    }

    private static CsvRecords open(InputStream raw, String declared, boolean detectTab) throws IOException {
        BufferedInputStream bin = new BufferedInputStream(raw, PEEK + 16);
        bin.mark(PEEK + 8);
        byte[] head = bin.readNBytes(PEEK);
        bin.reset();
        Charset cs = charset(head, declared);
        if (StandardCharsets.UTF_8.equals(cs) && head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF) {
            bin.skipNBytes(3);
        }
        CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char separator = detectTab && hasTabOutsideQuotes(new String(head, cs)) ? '\t' : ',';
        return new CsvRecords(new InputStreamReader(bin, decoder), cs, separator);
    }

    private static boolean hasTabOutsideQuotes(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\t' && !quoted) {
                return true;
            }
        }
        return false;
    }

    /** The declared charset (Shift_JIS read as Windows-31J), else UTF-8 when the head decodes as UTF-8, else Shift_JIS. */
    public static Charset charset(byte[] head, String declared) {
        if (declared != null && !declared.isBlank()) {
            try {
                Charset cs = Charset.forName(declared.strip().replace("\"", ""));
                return "Shift_JIS".equals(cs.name()) ? SHIFT_JIS : cs;
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // detected below
            }
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Not the end of input when the head is cut: a character split at its end is not an error.
        CoderResult r = d.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length + 1), head.length < PEEK);
        return r.isError() ? SHIFT_JIS : StandardCharsets.UTF_8;
    }

    public Charset charset() {
        return charset;
    }

    /** {@code ','}, or {@code '\t'} for a tab-separated file. */
    public char separator() {
        return separator;
    }

    private int next() throws IOException {
        if (pos == len) {
            len = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buffer[pos++];
    }

    private int peek() throws IOException {
        if (pos == len) {
            len = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buffer[pos];
    }

    /** The next record, or null at the end; blank lines are skipped. */
    public Record next(int maxFieldChars) throws IOException {
        while (true) {
            int start = lineNo;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean atFieldStart = true;
            boolean any = false;
            int c;
            while ((c = next()) != -1) {
                any = true;
                if (atFieldStart && c == '"') {
                    while ((c = next()) != -1) {
                        if (c == '"') {
                            if (peek() == '"') {
                                next();
                                append(field, '"', maxFieldChars);
                                continue;
                            }
                            break;
                        }
                        if (c == '\n') {
                            lineNo++;
                        }
                        if (c != '\r') {
                            append(field, (char) c, maxFieldChars);
                        }
                    }
                    atFieldStart = false;
                    continue;
                }
                if (c == separator) {
                    fields.add(field.toString().strip());
                    field.setLength(0);
                    atFieldStart = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && peek() == '\n') {
                        next();
                    }
                    lineNo++;
                    break;
                } else {
                    append(field, (char) c, maxFieldChars);
                    atFieldStart = false;
                }
            }
            if (!any) {
                return null;
            }
            fields.add(field.toString().strip());
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;
            }
            return new Record(start, fields);
        }
    }

    /** A field longer than any column could hold is cut one past the limit, so that the check reports it without holding it whole. */
    private static void append(StringBuilder field, char c, int max) {
        if (field.length() <= max) {
            field.append(c);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
