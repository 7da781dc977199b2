package jp.machi.core.personaldata.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * A municipality's personal-data settings: how many years after a record is closed its residents'
 * personal data is kept before it is anonymised. No row means the default.
 */
@Entity
@Table(name = "personal_data_setting")
@NamedQuery(name = "PersonalDataSettings.mine", query = "SELECT s FROM PersonalDataSettings s")
public class PersonalDataSettings extends TenantOwned {

    public static final int DEFAULT_RETENTION_YEARS = 5;
    public static final int MAX_RETENTION_YEARS = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "retention_years", nullable = false)
    private int retentionYears;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PersonalDataSettings() {
    }

    public PersonalDataSettings(int retentionYears) {
        this.retentionYears = retentionYears;
    }

    public void setRetentionYears(int years) {
        this.retentionYears = years;
    }

    public UUID getId() {
        return id;
    }

    public int getRetentionYears() {
        return retentionYears;
    }

    public long getVersion() {
        return version;
    }
}
