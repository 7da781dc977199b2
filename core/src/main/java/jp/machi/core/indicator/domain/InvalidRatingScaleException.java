package jp.machi.core.indicator.domain;

import java.util.List;

/** Thresholds that would leave a rate without a grade or grades out of order. */
public class InvalidRatingScaleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidRatingScaleException(List<String> problems) {
        super("Invalid rating scale: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
