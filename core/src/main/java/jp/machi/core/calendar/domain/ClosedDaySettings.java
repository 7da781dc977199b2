package jp.machi.core.calendar.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * That a municipality set its own closed days ({@link ClosedDayRule}s), with the version of that
 * setting. No row: the default closed days.
 */
@Entity
@Table(name = "closed_day_setting")
@NamedQuery(name = "ClosedDaySettings.mine", query = "SELECT s FROM ClosedDaySettings s")
public class ClosedDaySettings extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ClosedDaySettings() {
    }

    public ClosedDaySettings(OffsetDateTime changedAt) {
        this.changedAt = changedAt;
    }

    /** Marks the rules replaced, which raises the version. */
    public void changed(OffsetDateTime at) {
        this.changedAt = at;
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }

    public long getVersion() {
        return version;
    }
}
