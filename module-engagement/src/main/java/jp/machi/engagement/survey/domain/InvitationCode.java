package jp.machi.engagement.survey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * An invitation code printed on a survey letter: it lets one answer in (then it is used). Nothing
 * links a code to the answer it let in, nor to the person it was posted to.
 */
@Entity
@Table(name = "engagement_survey_code")
public class InvitationCode extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "survey_id", nullable = false)
    private UUID surveyId;

    @Column(name = "code", nullable = false, length = 20)
    private String code;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "used", nullable = false)
    private boolean used;

    protected InvitationCode() {
    }

    public InvitationCode(UUID surveyId, int seq, String code) {
        this.surveyId = surveyId;
        this.seq = seq;
        this.code = code;
    }

    public String getCode() {
        return code;
    }

    public int getSeq() {
        return seq;
    }

    public boolean isUsed() {
        return used;
    }
}
