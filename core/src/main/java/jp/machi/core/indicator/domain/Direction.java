package jp.machi.core.indicator.domain;

/** Which way an indicator should move. */
public enum Direction {
    /** More is better: achievement = actual ÷ target. */
    HIGHER_IS_BETTER,
    /** Less is better: achievement = target ÷ actual. */
    LOWER_IS_BETTER,
    /** 未満: the actual must stay below the target; met or not met, no percentage. */
    CEILING
}
