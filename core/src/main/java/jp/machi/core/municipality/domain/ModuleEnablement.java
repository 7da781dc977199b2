package jp.machi.core.municipality.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * Whether a municipality uses a module. A module without a row is off for that municipality:
 * switching one on is a decision (what it bought), never a default. Switching off hides the
 * module's endpoints, metrics and screens for that municipality; its data stays.
 */
@Entity
@Table(name = "municipality_module")
@NamedQuery(name = "ModuleEnablement.all", query = "SELECT e FROM ModuleEnablement e")
@NamedQuery(name = "ModuleEnablement.byModule", query = "SELECT e FROM ModuleEnablement e WHERE e.moduleId = :moduleId")
public class ModuleEnablement extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "module_id", nullable = false, length = 40)
    private String moduleId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected ModuleEnablement() {
    }

    public ModuleEnablement(String moduleId, boolean enabled) {
        this.moduleId = moduleId;
        switchTo(enabled);
    }

    public final void switchTo(boolean enabled) {
        this.enabled = enabled;
        this.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String getModuleId() {
        return moduleId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }
}
