package jp.machi.core.module;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A dotted numeric version such as {@code 0.1.0}; a {@code -SNAPSHOT} or other qualifier is
 * ignored for ordering, so a development build satisfies the same ranges as its release.
 */
public final class Version implements Comparable<Version> {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final int[] parts;
    private final String text;

    private Version(int[] parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    public static Version parse(String text) {
        Objects.requireNonNull(text, "version");
        String core = text.trim();
        int dash = core.indexOf('-');
        if (dash >= 0) {
            core = core.substring(0, dash);
        }
        if (core.isEmpty()) {
            throw new IllegalArgumentException("Not a version: '" + text + "'");
        }
        // Limit -1 keeps trailing empty parts, so "1." is refused rather than read as "1"; the
        // digit check refuses the signs Integer.parseInt would accept ("+1").
        String[] tokens = core.split("\\.", -1);
        int[] parts = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (!DIGITS.matcher(tokens[i]).matches()) {
                throw new IllegalArgumentException("Not a version: '" + text + "'");
            }
            try {
                parts[i] = Integer.parseInt(tokens[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a version: '" + text + "'", e);
            }
        }
        return new Version(parts, text.trim());
    }

    @Override
    public int compareTo(Version other) {
        int n = Math.max(parts.length, other.parts.length);
        for (int i = 0; i < n; i++) {
            int a = i < parts.length ? parts[i] : 0;
            int b = i < other.parts.length ? other.parts[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int[] trimmed = parts;
        int end = trimmed.length;
        while (end > 0 && trimmed[end - 1] == 0) {
            end--;
        }
        return Arrays.hashCode(Arrays.copyOf(trimmed, end));
    }

    @Override
    public String toString() {
        return text;
    }
}
