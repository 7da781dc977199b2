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
import java.math.BigDecimal;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * One answer of a response to one question: a chosen choice (a multiple-choice question has a row per
 * choice), a number (the 1–5 of a scale, or a number question's value), or free text.
 */
@Entity
@Table(name = "engagement_survey_answer")
public class SurveyAnswer extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "response_id", nullable = false)
    private SurveyResponse response;

    @Column(name = "question_id", nullable = false)
    private UUID questionId;

    @Column(name = "choice_id")
    private UUID choiceId;

    @Column(name = "number_value", precision = 14, scale = 2)
    private BigDecimal numberValue;

    @Column(name = "text_value", length = 2000)
    private String textValue;

    protected SurveyAnswer() {
    }

    SurveyAnswer(SurveyResponse response, UUID questionId, UUID choiceId, BigDecimal numberValue, String textValue) {
        this.response = response;
        this.questionId = questionId;
        this.choiceId = choiceId;
        this.numberValue = numberValue;
        this.textValue = textValue;
    }

    public UUID getQuestionId() {
        return questionId;
    }

    public UUID getChoiceId() {
        return choiceId;
    }

    public BigDecimal getNumberValue() {
        return numberValue;
    }

    public String getTextValue() {
        return textValue;
    }
}
