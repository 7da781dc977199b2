package jp.machi.engagement.voice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 市民の声の年度実績 (記録値): a fiscal year's voice figures as the municipality recorded them before it
 * handled its voices here (つくば市 FY2020: 1,562 voices, 713 needing a written answer, 89.6 % answered
 * within the deadline, from its program evaluation). For that year they stand in the voice metrics
 * instead of the figures counted from the voices.
 */
@Entity
@Table(name = "engagement_voice_year_record")
@NamedQuery(name = "VoiceYearRecord.of", query = "SELECT r FROM VoiceYearRecord r WHERE r.fiscalYear = :year")
@NamedQuery(name = "VoiceYearRecord.all", query = "SELECT r FROM VoiceYearRecord r ORDER BY r.fiscalYear")
public class VoiceYearRecord extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "received", nullable = false)
    private int received;

    @Column(name = "written_answer_required")
    private Integer writtenAnswerRequired;

    @Column(name = "answered_on_time_percent", precision = 4, scale = 1)
    private BigDecimal answeredOnTimePercent;

    @Column(name = "source", nullable = false, length = 300)
    private String source;

    protected VoiceYearRecord() {
    }

    public VoiceYearRecord(int fiscalYear, int received, Integer writtenAnswerRequired,
            BigDecimal answeredOnTimePercent, String source) {
        this.fiscalYear = fiscalYear;
        this.received = received;
        this.writtenAnswerRequired = writtenAnswerRequired;
        this.answeredOnTimePercent = answeredOnTimePercent;
        this.source = source;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public int getReceived() {
        return received;
    }

    public Integer getWrittenAnswerRequired() {
        return writtenAnswerRequired;
    }

    public BigDecimal getAnsweredOnTimePercent() {
        return answeredOnTimePercent;
    }

    public String getSource() {
        return source;
    }
}
