package jp.machi.core.intake;

import java.util.regex.Pattern;

/**
 * A kind of public submission a module declares, with its own receipt numbers: {@code id} names
 * the counter (and scopes idempotency keys), {@code letter} starts the receipt number so that the
 * numbers of two series never look alike ({@code V-R8-000123} for a voice, {@code P-R8-000123} for
 * a proposal). Declare it once as a constant, e.g.
 * {@code static final IntakeSeries VOICES = new IntakeSeries("engagement.voices", "V");}
 */
public record IntakeSeries(String id, String letter) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9.-]{0,39}");
    private static final Pattern LETTER = Pattern.compile("[A-Z]{1,3}");

    public IntakeSeries {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("An intake series id is 1-40 of a-z, 0-9, '.', '-': " + id);
        }
        if (letter == null || !LETTER.matcher(letter).matches()) {
            throw new IllegalArgumentException("An intake series letter is 1-3 of A-Z: " + letter);
        }
    }
}
