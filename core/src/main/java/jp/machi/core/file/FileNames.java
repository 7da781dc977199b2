package jp.machi.core.file;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import jp.machi.core.api.ApiException;

/**
 * File names as people give them (市民の声（はがき）.pdf): checked before storing, and written into
 * {@code Content-Disposition} so that every browser saves the file under its Japanese name
 * (RFC 6266 with RFC 5987's {@code filename*}) and older ones under an ASCII fallback.
 */
public final class FileNames {

    /** The column's length ({@code stored_file.file_name}). */
    public static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /**
     * The name to store: NFC (a Mac sends decomposed kana), stripped; refuses an empty or too long
     * name, control and invisible direction characters, path separators and {@code .}/{@code ..}.
     */
    public static String validate(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalid(java.util.List.of(new ApiException.FieldErrorKey(field, "files.name.required")));
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        String key = null;
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            key = "files.name.tooLong";
        } else if (name.chars().anyMatch(FileNames::forbidden)) {
            key = "files.name.control";
        } else if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            key = "files.name.separator";
        } else if (name.chars().allMatch(c -> c == '.')) {
            key = "files.name.dots";
        }
        if (key != null) {
            throw ApiException.invalid(java.util.List.of(new ApiException.FieldErrorKey(field, key, MAX_LENGTH)));
        }
        return name;
    }

    private static boolean forbidden(int c) {
        return Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE || c == 0x2028 || c == 0x2029 || c == 0xFFFD;
    }

    /** {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>}. */
    public static String contentDisposition(String name) {
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    /**
     * The name with every character outside printable ASCII (and {@code "}, {@code \}, {@code %})
     * replaced by {@code _}, runs collapsed; {@code file} plus the extension when nothing of the name
     * is left: {@code 市民の声（はがき）.pdf} → {@code file.pdf}.
     */
    static String asciiFallback(String name) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c > 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' && c != ';' || c == ' ';
            char out = ok ? c : '_';
            if (out == '_' && s.length() > 0 && s.charAt(s.length() - 1) == '_') {
                continue;
            }
            s.append(out);
        }
        String ascii = s.toString().strip();
        int dot = ascii.lastIndexOf('.');
        String ext = dot >= 0 && ascii.substring(dot + 1).matches("[A-Za-z0-9]{1,10}") ? ascii.substring(dot) : "";
        String base = ext.isEmpty() ? ascii : ascii.substring(0, dot);
        if (base.replace("_", "").replace(".", "").isBlank()) {
            base = "file";
        }
        return base + ext;
    }

    /** RFC 5987 {@code value-chars}: attr-char as is, everything else as UTF-8 %XX. */
    static String percentEncode(String name) {
        StringBuilder s = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                s.append((char) c);
            } else {
                s.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return s.toString();
    }
}
