package jp.machi.engagement.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * An opinion raised at a town meeting, as staff summarise it (no names: who said it is not recorded),
 * assigned to a unit and tracked until closed with the city's response. A privately owned child
 * row of its meeting: every change raises the meeting's version.
 */
@Entity
@Table(name = "engagement_meeting_opinion")
public class MeetingOpinion extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id", nullable = false)
    private TownMeeting meeting;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "opinion", nullable = false, length = 2000)
    private String opinion;

    @Column(name = "unit_id")
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private OpinionStatus status;

    @Column(name = "response", length = 2000)
    private String response;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    protected MeetingOpinion() {
    }

    MeetingOpinion(TownMeeting meeting, int seq, String opinion, UUID unitId) {
        this.meeting = meeting;
        this.seq = seq;
        this.opinion = opinion;
        this.unitId = unitId;
        this.status = OpinionStatus.OPEN;
    }

    void edit(String opinion, UUID unitId, OpinionStatus status, String response, OffsetDateTime now) {
        this.opinion = opinion;
        this.unitId = unitId;
        this.response = response;
        if (status == OpinionStatus.CLOSED && this.status != OpinionStatus.CLOSED) {
            this.closedAt = now;
        } else if (status != OpinionStatus.CLOSED) {
            this.closedAt = null;
        }
        this.status = status;
    }

    public UUID getId() {
        return id;
    }

    public int getSeq() {
        return seq;
    }

    public String getOpinion() {
        return opinion;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public OpinionStatus getStatus() {
        return status;
    }

    public String getResponse() {
        return response;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }
}
