package jp.machi.core.module;

import java.util.Objects;

/**
 * A Maven-style version range: {@code [0.1,1.0)} (0.1 inclusive to 1.0 exclusive), {@code [1.2,)}
 * (1.2 or later), {@code [1.2]} (exactly 1.2), or a bare {@code 1.2} meaning "1.2 or later".
 */
public final class VersionRange {

    private final Version lower;
    private final boolean lowerInclusive;
    private final Version upper;
    private final boolean upperInclusive;
    private final String text;

    private VersionRange(Version lower, boolean lowerInclusive, Version upper, boolean upperInclusive, String text) {
        this.lower = lower;
        this.lowerInclusive = lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upperInclusive;
        this.text = text;
    }

    public static VersionRange any() {
        return new VersionRange(null, true, null, true, "*");
    }

    public static VersionRange parse(String text) {
        Objects.requireNonNull(text, "range");
        String s = text.trim();
        if (s.isEmpty() || "*".equals(s)) {
            return any();
        }
        char first = s.charAt(0);
        if (first != '[' && first != '(') {
            return new VersionRange(Version.parse(s), true, null, true, s);
        }
        char last = s.charAt(s.length() - 1);
        if (last != ']' && last != ')') {
            throw new IllegalArgumentException("Not a version range: '" + text + "'");
        }
        String body = s.substring(1, s.length() - 1);
        int comma = body.indexOf(',');
        if (comma < 0) {
            if (first != '[' || last != ']') {
                throw new IllegalArgumentException("Not a version range: '" + text + "'");
            }
            Version exact = Version.parse(body);
            return new VersionRange(exact, true, exact, true, s);
        }
        String lo = body.substring(0, comma).trim();
        String hi = body.substring(comma + 1).trim();
        return new VersionRange(lo.isEmpty() ? null : Version.parse(lo), first == '[',
                hi.isEmpty() ? null : Version.parse(hi), last == ']', s);
    }

    public boolean contains(Version version) {
        if (lower != null) {
            int c = version.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = version.compareTo(upper);
            if (c > 0 || (c == 0 && !upperInclusive)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
