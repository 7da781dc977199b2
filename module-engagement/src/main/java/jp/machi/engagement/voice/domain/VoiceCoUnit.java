package jp.machi.engagement.voice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 共管課: a unit sharing a citizen voice with its lead unit (the voice's {@code unitId}); the voice
 * waits for it in its task list too. A child row of the voice: adding or removing one raises the
 * voice's version.
 */
@Entity
@Table(name = "engagement_voice_co_unit")
@NamedQuery(name = "VoiceCoUnit.ofVoice", query = "SELECT c FROM VoiceCoUnit c WHERE c.voiceId = :voice")
public class VoiceCoUnit extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "voice_id", nullable = false, updatable = false)
    private UUID voiceId;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    protected VoiceCoUnit() {
    }

    public VoiceCoUnit(UUID voiceId, UUID unitId) {
        this.voiceId = voiceId;
        this.unitId = unitId;
    }

    public UUID getId() {
        return id;
    }

    public UUID getVoiceId() {
        return voiceId;
    }

    public UUID getUnitId() {
        return unitId;
    }
}
