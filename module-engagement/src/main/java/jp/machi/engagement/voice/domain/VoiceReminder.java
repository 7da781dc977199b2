package jp.machi.engagement.voice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.persistence.TenantOwned;

/**
 * A deadline reminder that went out for a voice: the warning three business days before its answer
 * deadline, or the escalation once the deadline has passed. One per voice and stage (unique key):
 * the daily job never sends a stage twice, on one node or two.
 */
@Entity
@Table(name = "engagement_voice_reminder")
public class VoiceReminder extends TenantOwned {

    /** Which reminder. */
    public enum Stage {
        WARNING("回答期限が近い市民の声", "Citizen voices due soon"),
        ESCALATION("回答期限を過ぎた市民の声 (督促)", "Citizen voices past their deadline (escalated)");

        private final LocalizedText label;

        Stage(String ja, String en) {
            this.label = LocalizedText.of(ja, en);
        }

        public LocalizedText label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "voice_id", nullable = false, updatable = false)
    private UUID voiceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false, updatable = false, length = 20)
    private Stage stage;

    @Column(name = "answer_due", nullable = false, updatable = false)
    private LocalDate answerDue;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private OffsetDateTime sentAt;

    @Column(name = "recipients", nullable = false, updatable = false)
    private int recipients;

    protected VoiceReminder() {
    }

    public VoiceReminder(UUID voiceId, Stage stage, LocalDate answerDue, OffsetDateTime sentAt, int recipients) {
        this.voiceId = voiceId;
        this.stage = stage;
        this.answerDue = answerDue;
        this.sentAt = sentAt;
        this.recipients = recipients;
    }

    public UUID getVoiceId() {
        return voiceId;
    }

    public Stage getStage() {
        return stage;
    }

    public LocalDate getAnswerDue() {
        return answerDue;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public int getRecipients() {
        return recipients;
    }
}
