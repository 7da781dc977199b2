package jp.machi.engagement.voice.domain;

/**
 * Where a voice's answer is in its approval (決裁): drafted by the unit, submitted for approval,
 * approved — only then the voice is answered and the answer may be published or sent. The labels
 * and who may move it are in {@code VoiceAnswerWorkflow}.
 */
public enum AnswerState {
    /** 起案中: the unit drafts (or redrafts, after a return) the answer. */
    DRAFT,
    /** 決裁待ち: submitted, waiting for an approver. */
    PENDING,
    /** 決裁済み: approved. */
    APPROVED
}
