package jp.machi.engagement.survey.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * One respondent's answers to a survey: anonymous (no name, no address, no code kept with it), with
 * the coarse attributes the survey asks, its receipt number from core's public intake, and how it
 * came (web or paper). Written once; never edited.
 */
@Entity
@Table(name = "engagement_survey_response")
public class SurveyResponse extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "survey_id", nullable = false)
    private UUID surveyId;

    @Column(name = "receipt_number", nullable = false, length = 20)
    private String receiptNumber;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 20)
    private ResponseChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_group", length = 20)
    private AgeGroup ageGroup;

    @Column(name = "district", length = 100)
    private String district;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex", length = 20)
    private Sex sex;

    @Column(name = "spam", nullable = false)
    private boolean spam;

    /** 整理番号: the number staff wrote on a paper sheet imported from CSV (null otherwise); one per survey. */
    @Column(name = "sheet_number", length = 20)
    private String sheetNumber;

    @OneToMany(mappedBy = "response", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<SurveyAnswer> answers = new ArrayList<>();

    protected SurveyResponse() {
    }

    public SurveyResponse(UUID surveyId, String receiptNumber, OffsetDateTime receivedAt, ResponseChannel channel,
            AgeGroup ageGroup, String district, Sex sex, boolean spam) {
        this.surveyId = surveyId;
        this.receiptNumber = receiptNumber;
        this.receivedAt = receivedAt;
        this.channel = channel;
        this.ageGroup = ageGroup;
        this.district = district;
        this.sex = sex;
        this.spam = spam;
    }

    /** Marks the sheet an imported answer came from (its 整理番号). */
    public void sheetNumber(String number) {
        this.sheetNumber = number;
    }

    public String getSheetNumber() {
        return sheetNumber;
    }

    public void answer(UUID questionId, UUID choiceId, BigDecimal number, String text) {
        answers.add(new SurveyAnswer(this, questionId, choiceId, number, text));
    }

    public UUID getId() {
        return id;
    }

    public UUID getSurveyId() {
        return surveyId;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    public ResponseChannel getChannel() {
        return channel;
    }

    public AgeGroup getAgeGroup() {
        return ageGroup;
    }

    public String getDistrict() {
        return district;
    }

    public Sex getSex() {
        return sex;
    }

    public boolean isSpam() {
        return spam;
    }

    public List<SurveyAnswer> getAnswers() {
        return List.copyOf(answers);
    }
}
