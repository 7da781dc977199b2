package jp.machi.core.fiscalyear;

/** A text or number that names no fiscal year Machi can represent. */
public class InvalidFiscalYearException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String text;

    public InvalidFiscalYearException(String text) {
        super("Not a fiscal year: '" + text + "'");
        this.text = text;
    }

    public String text() {
        return text;
    }
}
