package jp.machi.collaboration.grant.domain;

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

/** 審査員の評点: one panel member's score (0–{@value #MAX}) on one criterion of a {@link GrantApplication}. */
@Entity
@Table(name = "collaboration_grant_score")
public class GrantScore extends TenantOwned {

    public static final int MAX = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private GrantApplication application;

    @Column(name = "reviewer_id", nullable = false, length = 100)
    private String reviewerId;

    @Column(name = "reviewer_name", nullable = false, length = 200)
    private String reviewerName;

    @Column(name = "criterion_id", nullable = false)
    private UUID criterionId;

    @Column(name = "score", nullable = false)
    private int score;

    protected GrantScore() {
    }

    GrantScore(GrantApplication application, String reviewerId, String reviewerName, UUID criterionId, int score) {
        this.application = application;
        this.reviewerId = reviewerId;
        this.reviewerName = reviewerName;
        this.criterionId = criterionId;
        this.score = score;
    }

    public String getReviewerId() {
        return reviewerId;
    }

    public String getReviewerName() {
        return reviewerName;
    }

    public UUID getCriterionId() {
        return criterionId;
    }

    public int getScore() {
        return score;
    }
}
