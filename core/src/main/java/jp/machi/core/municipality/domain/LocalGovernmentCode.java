package jp.machi.core.municipality.domain;

import java.util.Objects;

/**
 * 全国地方公共団体コード: six digits, prefecture (2) + municipality (3) + check digit. The check
 * digit is {@code (11 - Σ dᵢ·wᵢ mod 11) mod 10} with weights 6, 5, 4, 3, 2.
 */
public final class LocalGovernmentCode {

    private static final int[] WEIGHTS = {6, 5, 4, 3, 2};

    private final String value;

    private LocalGovernmentCode(String value) {
        this.value = value;
    }

    /**
     * Parses a code, rejecting anything that is not six digits with the right check digit.
     *
     * @throws InvalidLocalGovernmentCodeException saying what is wrong and, for a wrong check
     *     digit, which digit would be right
     */
    public static LocalGovernmentCode of(String text) {
        if (text == null || !text.matches("[0-9]{6}")) {
            throw new InvalidLocalGovernmentCodeException(text, null);
        }
        // The prefecture comes first: no check digit can repair prefecture 00 or 48, so suggesting
        // one would send the person to another code that is just as invalid.
        int prefecture = Integer.parseInt(text.substring(0, 2));
        if (prefecture < 1 || prefecture > 47) {
            throw new InvalidLocalGovernmentCodeException(text, null);
        }
        int expected = checkDigit(text.substring(0, 5));
        if (text.charAt(5) - '0' != expected) {
            throw new InvalidLocalGovernmentCodeException(text, expected);
        }
        return new LocalGovernmentCode(text);
    }

    public static boolean isValid(String text) {
        try {
            of(text);
            return true;
        } catch (InvalidLocalGovernmentCodeException e) {
            return false;
        }
    }

    /** The check digit for the first five digits. */
    public static int checkDigit(String firstFive) {
        if (firstFive == null || !firstFive.matches("[0-9]{5}")) {
            throw new IllegalArgumentException("five digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (firstFive.charAt(i) - '0') * WEIGHTS[i];
        }
        return (11 - sum % 11) % 10;
    }

    public Prefecture prefecture() {
        return Prefecture.byCode(Integer.parseInt(value.substring(0, 2)));
    }

    /** True for a prefecture's own code (municipality part 000), such as 北海道 010006. */
    public boolean isPrefecture() {
        return value.startsWith("000", 2);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalGovernmentCode c && c.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
