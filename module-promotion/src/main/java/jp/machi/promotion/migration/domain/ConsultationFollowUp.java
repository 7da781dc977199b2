package jp.machi.promotion.migration.domain;

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
import java.time.LocalDate;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/** フォローアップ: a later contact about a consultation (day, channel, what was said); a child row of the consultation. */
@Entity
@Table(name = "promotion_migration_follow_up")
public class ConsultationFollowUp extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "consultation_id", nullable = false)
    private MigrationConsultation consultation;

    @Column(name = "followed_on", nullable = false)
    private LocalDate followedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 20)
    private ConsultationChannel channel;

    @Column(name = "note", length = 1000)
    private String note;

    protected ConsultationFollowUp() {
    }

    ConsultationFollowUp(MigrationConsultation consultation, MigrationConsultation.FollowUp f) {
        this.consultation = consultation;
        revise(f);
    }

    final void revise(MigrationConsultation.FollowUp f) {
        if (!f.followedOn().equals(followedOn)) {
            this.followedOn = f.followedOn();
        }
        if (f.channel() != channel) {
            this.channel = f.channel();
        }
        if (!java.util.Objects.equals(f.note(), note)) {
            this.note = f.note();
        }
    }

    public UUID getId() {
        return id;
    }

    public LocalDate getFollowedOn() {
        return followedOn;
    }

    public ConsultationChannel getChannel() {
        return channel;
    }

    public String getNote() {
        return note;
    }
}
