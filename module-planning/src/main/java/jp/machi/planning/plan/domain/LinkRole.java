package jp.machi.planning.plan.domain;

import jp.machi.core.indicator.domain.IndicatorKind;

/** What an indicator measures for a plan node: 成果指標 (outcome) or プロセス指標 (process). */
public enum LinkRole {
    /** 成果指標: the change the node aims for; counted in the roll-up by default. */
    OUTCOME,
    /** プロセス指標: a step on the way; counted only when the plan says so. */
    PROCESS;

    /** The role an indicator of this kind plays unless the link says otherwise. */
    public static LinkRole defaultFor(IndicatorKind kind) {
        return kind == IndicatorKind.OUTCOME ? OUTCOME : PROCESS;
    }
}
