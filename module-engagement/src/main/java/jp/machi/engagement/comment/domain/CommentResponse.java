package jp.machi.engagement.comment.domain;

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

/**
 * One line of the published results (意見の概要と市の考え方): an opinion, or a summary grouping
 * several ({@code opinionCount}), the municipality's consideration of it and whether the draft
 * changed because of it. Written by staff, never a submitter's name or address.
 */
@Entity
@Table(name = "engagement_comment_response")
public class CommentResponse extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "procedure_id", nullable = false)
    private CommentProcedure procedure;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "opinion", nullable = false, length = 2000)
    private String opinion;

    @Column(name = "opinion_count", nullable = false)
    private int opinionCount;

    @Column(name = "consideration", nullable = false, length = 2000)
    private String consideration;

    @Column(name = "draft_changed", nullable = false)
    private boolean draftChanged;

    protected CommentResponse() {
    }

    CommentResponse(CommentProcedure procedure, int position, String opinion, int opinionCount, String consideration,
            boolean draftChanged) {
        this.procedure = procedure;
        this.position = position;
        this.opinion = opinion;
        this.opinionCount = opinionCount;
        this.consideration = consideration;
        this.draftChanged = draftChanged;
    }

    public int getPosition() {
        return position;
    }

    public String getOpinion() {
        return opinion;
    }

    public int getOpinionCount() {
        return opinionCount;
    }

    public String getConsideration() {
        return consideration;
    }

    public boolean isDraftChanged() {
        return draftChanged;
    }
}
