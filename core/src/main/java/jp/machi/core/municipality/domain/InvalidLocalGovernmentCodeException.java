package jp.machi.core.municipality.domain;

/** A text that is not a valid local government code; {@link #expectedCheckDigit()} when only the last digit is wrong. */
public class InvalidLocalGovernmentCodeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final Integer expectedCheckDigit;

    public InvalidLocalGovernmentCodeException(String text, Integer expectedCheckDigit) {
        super(expectedCheckDigit == null
                ? "Not a local government code: '" + text + "'"
                : "Wrong check digit in '" + text + "': expected " + expectedCheckDigit
                        + " (" + text.substring(0, 5) + expectedCheckDigit + ")");
        this.text = text;
        this.expectedCheckDigit = expectedCheckDigit;
    }

    public String text() {
        return text;
    }

    public Integer expectedCheckDigit() {
        return expectedCheckDigit;
    }

    /** The code with the right check digit, when only that digit was wrong. */
    public String corrected() {
        return expectedCheckDigit == null ? null : text.substring(0, 5) + expectedCheckDigit;
    }
}
