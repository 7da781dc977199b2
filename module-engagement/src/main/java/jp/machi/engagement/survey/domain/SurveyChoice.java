package jp.machi.engagement.survey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/** A choice of a single- or multiple-choice question, in its place; {@code counted} toward the question's metric. */
@Entity
@Table(name = "engagement_survey_choice")
public class SurveyChoice extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "question_id", nullable = false)
    private SurveyQuestion question;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "label", nullable = false, length = 200)
    private String label;

    @Column(name = "counted", nullable = false)
    private boolean counted;

    protected SurveyChoice() {
    }

    SurveyChoice(SurveyQuestion question, int seq, String label, boolean counted) {
        this.question = question;
        this.seq = seq;
        this.label = label;
        this.counted = counted;
    }

    void redefine(String label, boolean counted) {
        this.label = label;
        this.counted = counted;
    }

    public UUID getId() {
        return id;
    }

    public int getSeq() {
        return seq;
    }

    public String getLabel() {
        return label;
    }

    public boolean isCounted() {
        return counted;
    }
}
