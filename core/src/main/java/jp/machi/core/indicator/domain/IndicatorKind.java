package jp.machi.core.indicator.domain;

/** 成果指標 / 活動指標 / プロセス指標. */
public enum IndicatorKind {
    /** 成果指標: the change in the city a measure aims for. */
    OUTCOME,
    /** 活動指標: how much the administration did (output). */
    ACTIVITY,
    /** プロセス指標: the steps on the way to an outcome. */
    PROCESS
}
