package jp.machi.core.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Neutralises text cells that a spreadsheet would read as a formula (OWASP's CSV-injection rule):
 * a text starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
 * leading apostrophe, so Excel and LibreOffice show it as text instead of evaluating it. Only text is
 * touched: numbers, dates and booleans keep their value (a negative number stays a number).
 *
 * <p>Every CSV Machi writes passes through {@link Csv}, which applies this to each row. xlsx files
 * need no escaping as long as text goes into string cells (never {@code setCellFormula}).
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The value to write for {@code value}: text that would start a formula gets a leading {@code '}. */
    public static Object safe(Object value) {
        if (value instanceof CharSequence text && startsFormula(text)) {
            return "'" + text;
        }
        return value;
    }

    /** {@link #safe(Object)} applied to every cell of a row. */
    public static List<Object> safe(List<?> row) {
        List<Object> out = new ArrayList<>(row.size());
        for (Object cell : row) {
            out.add(safe(cell));
        }
        return out;
    }

    static boolean startsFormula(CharSequence text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
