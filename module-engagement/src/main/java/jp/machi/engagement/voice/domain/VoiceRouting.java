package jp.machi.engagement.voice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.core.persistence.TenantOwned;

/**
 * One entry of a voice's routing history (担当課の割当履歴): who routed it, when, from which lead unit
 * to which, with which co-units, and why. Written once, never changed.
 */
@Entity
@Table(name = "engagement_voice_routing")
@NamedQuery(name = "VoiceRouting.ofVoice",
        query = "SELECT r FROM VoiceRouting r WHERE r.voiceId = :voice ORDER BY r.routedAt, r.id")
public class VoiceRouting extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "voice_id", nullable = false, updatable = false)
    private UUID voiceId;

    @Column(name = "routed_at", nullable = false, updatable = false)
    private OffsetDateTime routedAt;

    @Column(name = "routed_by", nullable = false, updatable = false, length = 200)
    private String routedBy;

    @Column(name = "from_unit_id", updatable = false)
    private UUID fromUnitId;

    @Column(name = "to_unit_id", updatable = false)
    private UUID toUnitId;

    @Column(name = "co_unit_ids", updatable = false, length = 400)
    private String coUnitIds;

    @Column(name = "reason", updatable = false, length = 500)
    private String reason;

    protected VoiceRouting() {
    }

    public VoiceRouting(UUID voiceId, OffsetDateTime routedAt, String routedBy, UUID fromUnitId, UUID toUnitId,
            List<UUID> coUnitIds, String reason) {
        this.voiceId = voiceId;
        this.routedAt = routedAt;
        this.routedBy = routedBy.length() > 200 ? routedBy.substring(0, 200) : routedBy;
        this.fromUnitId = fromUnitId;
        this.toUnitId = toUnitId;
        this.coUnitIds = coUnitIds.isEmpty() ? null
                : coUnitIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        this.reason = reason;
    }

    public UUID getId() {
        return id;
    }

    public UUID getVoiceId() {
        return voiceId;
    }

    public OffsetDateTime getRoutedAt() {
        return routedAt;
    }

    public String getRoutedBy() {
        return routedBy;
    }

    public UUID getFromUnitId() {
        return fromUnitId;
    }

    public UUID getToUnitId() {
        return toUnitId;
    }

    public List<UUID> getCoUnitIds() {
        return coUnitIds == null ? List.of() : Arrays.stream(coUnitIds.split(",")).map(UUID::fromString).toList();
    }

    public String getReason() {
        return reason;
    }
}
