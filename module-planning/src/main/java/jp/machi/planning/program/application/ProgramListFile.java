package jp.machi.planning.program.application;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program list (事務事業一覧) as a file, in the shape of seed 000: a title line naming the fiscal
 * year (令和2年度事務事業一覧…), a header line, data rows, and the title and header repeated after each
 * page break. Tab or comma separated, fields optionally in double quotes (a quoted field may span
 * lines and doubles its quotes), UTF-8 with or without BOM or Shift_JIS (Windows-31J).
 *
 * <p>Reading never fails: what is not a row (blank lines, titles, headers) is skipped and what looks
 * like a row but is not a valid one is kept with its line number, for the import to report.
 */
public final class ProgramListFile {

    /** The columns a row can have, keyed by their names in a header. */
    public enum Column {
        FISCAL_YEAR, SERIAL_NUMBER, PROGRAM_NUMBER, NAME, UNIT_NAME, PURPOSE, OVERVIEW, RESULTS
    }

    /** Seed 000's seven columns, the order used when the file has no header. */
    static final List<Column> DEFAULT_COLUMNS = List.of(Column.SERIAL_NUMBER, Column.PROGRAM_NUMBER, Column.NAME,
            Column.UNIT_NAME, Column.PURPOSE, Column.OVERVIEW, Column.RESULTS);

    private static final Map<String, Column> HEADER_NAMES = new HashMap<>();

    static {
        header(Column.FISCAL_YEAR, "年度", "fiscal year", "fiscalyear");
        header(Column.SERIAL_NUMBER, "通し番号", "no", "no.", "serial number", "serialnumber", "番号");
        header(Column.PROGRAM_NUMBER, "事業番号", "program number", "programnumber");
        header(Column.NAME, "事務事業名", "事業名", "program", "name", "program name");
        header(Column.UNIT_NAME, "課名", "担当課", "所管課", "division", "unit", "unitname", "unit name");
        header(Column.PURPOSE, "事業の目的", "目的", "purpose");
        header(Column.OVERVIEW, "事業の概要", "概要", "overview");
        header(Column.RESULTS, "成果", "results", "result");
    }

    private static void header(Column c, String... names) {
        for (String n : names) {
            HEADER_NAMES.put(n, c);
        }
    }

    private static final Pattern ERA_YEAR = Pattern.compile("(令和|平成|昭和)\\s*(元|[0-9]{1,2})\\s*年度");
    private static final Pattern WESTERN_YEAR = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})\\s*年度");

    /** One record of the file: its first line and its fields (stripped). */
    public record Line(int number, List<String> fields) {
        boolean blank() {
            return fields.stream().allMatch(String::isEmpty);
        }
    }

    /** A data row: its line number, its values by column, and the column count it had. */
    public record Row(int line, Map<Column, String> values, int fieldCount) {
        public String get(Column c) {
            String v = values.get(c);
            return v == null || v.isEmpty() ? null : v;
        }
    }

    private final Charset charset;
    private final char separator;
    private final String fiscalYearText;
    private final List<Row> rows;
    private final int expectedFields;

    private ProgramListFile(Charset charset, char separator, String fiscalYearText, List<Row> rows, int expectedFields) {
        this.charset = charset;
        this.separator = separator;
        this.fiscalYearText = fiscalYearText;
        this.rows = rows;
        this.expectedFields = expectedFields;
    }

    public Charset charset() {
        return charset;
    }

    /** {@code '\t'} or {@code ','}. */
    public char separator() {
        return separator;
    }

    /** The fiscal year as the first title line wrote it (令和2年度), if one did. */
    public Optional<String> fiscalYearText() {
        return Optional.ofNullable(fiscalYearText);
    }

    public List<Row> rows() {
        return rows;
    }

    /** How many fields a row has: the header's count, or seven without one. */
    public int expectedFields() {
        return expectedFields;
    }

    /** Reads {@code bytes} in the declared charset if any, else UTF-8 (BOM or valid) or Windows-31J. */
    public static ProgramListFile read(byte[] bytes, String declaredCharset) {
        Charset cs = charset(bytes, declaredCharset);
        String text = decode(bytes, cs);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char sep = separator(text);
        List<Line> lines = split(text, sep);
        String fy = null;
        List<Column> columns = null;
        List<Row> rows = new ArrayList<>();
        for (Line l : lines) {
            if (l.blank()) {
                continue;
            }
            List<Column> header = headerOf(l.fields());
            if (header != null) {
                if (columns == null) {
                    columns = header;
                }
                continue;
            }
            long nonEmpty = l.fields().stream().filter(f -> !f.isEmpty()).count();
            if (nonEmpty == 1 && !looksLikeRow(l.fields().get(0))) {
                // A title line: 令和2年度事務事業一覧（…）
                if (fy == null) {
                    fy = fiscalYearIn(l.fields().stream().filter(f -> !f.isEmpty()).findFirst().orElse(""));
                }
                continue;
            }
            List<Column> cols = columns == null ? DEFAULT_COLUMNS : columns;
            Map<Column, String> values = new HashMap<>();
            for (int i = 0; i < cols.size() && i < l.fields().size(); i++) {
                if (cols.get(i) != null) {
                    values.put(cols.get(i), l.fields().get(i));
                }
            }
            rows.add(new Row(l.number(), values, l.fields().size()));
        }
        return new ProgramListFile(cs, sep, fy, rows, columns == null ? DEFAULT_COLUMNS.size() : columns.size());
    }

    private static boolean looksLikeRow(String onlyField) {
        return onlyField.matches("[0-9０-９]+");
    }

    /** 令和2年度 / 平成31年度 / 2020年度 in a title, or null. */
    static String fiscalYearIn(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFKC);
        Matcher m = ERA_YEAR.matcher(s);
        if (m.find()) {
            return m.group();
        }
        m = WESTERN_YEAR.matcher(s);
        return m.find() ? m.group() : null;
    }

    /** The columns of a header line, or null when the line is not a header (its first field is no column name). */
    static List<Column> headerOf(List<String> fields) {
        if (fields.isEmpty() || column(fields.get(0)) == null) {
            return null;
        }
        List<Column> cols = new ArrayList<>();
        int known = 0;
        for (String f : fields) {
            Column c = column(f);
            cols.add(c);
            if (c != null) {
                known++;
            }
        }
        return known >= 2 ? cols : null;
    }

    private static Column column(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return HEADER_NAMES.get(n);
    }

    static Charset charset(byte[] bytes, String declared) {
        if (declared != null && !declared.isBlank()) {
            try {
                Charset cs = Charset.forName(declared.strip().replace("\"", ""));
                return "Shift_JIS".equals(cs.name()) ? Charset.forName("Windows-31J") : cs;
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // fall through to detection
            }
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("Windows-31J");
        }
    }

    private static String decode(byte[] bytes, Charset cs) {
        return new String(bytes, cs);
    }

    /** Tab when any line outside quotes has one, else comma. */
    static char separator(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\t' && !quoted) {
                return '\t';
            }
        }
        return ',';
    }

    /**
     * Splits {@code text} into records: fields separated by {@code sep}; a field starting with a
     * double quote runs to the closing quote (a doubled quote inside stands for one) and may hold
     * separators and line breaks. Each record carries the number of the line it starts on.
     */
    static List<Line> split(String text, char sep) {
        List<Line> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int lineNo = 1;
        int start = 1;
        int i = 0;
        int n = text.length();
        boolean atFieldStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (atFieldStart && c == '"') {
                i++;
                while (i < n) {
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        lineNo++;
                    }
                    if (q != '\r') {
                        field.append(q);
                    }
                    i++;
                }
                atFieldStart = false;
                continue;
            }
            if (c == sep) {
                fields.add(field.toString().strip());
                field.setLength(0);
                atFieldStart = true;
            } else if (c == '\n' || c == '\r') {
                fields.add(field.toString().strip());
                field.setLength(0);
                lines.add(new Line(start, List.copyOf(fields)));
                fields.clear();
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lineNo++;
                start = lineNo;
                atFieldStart = true;
            } else {
                field.append(c);
                atFieldStart = false;
            }
            i++;
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString().strip());
            lines.add(new Line(start, List.copyOf(fields)));
        }
        return lines;
    }
}
