package jp.machi.core.municipality.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import jp.machi.core.audit.BelongsToMunicipality;

/**
 * 地方公共団体: a city, town or village that uses Machi, the tenant every other row belongs to.
 * Identified in URLs by its local government code, which never changes for the same municipality
 * (a merger creates a new one).
 */
@Entity
@Table(name = "municipality")
@NamedQuery(name = "Municipality.byCode", query = "SELECT m FROM Municipality m WHERE m.code = :code")
@NamedQuery(name = "Municipality.all", query = "SELECT m FROM Municipality m ORDER BY m.code")
@NamedQuery(name = "Municipality.count", query = "SELECT COUNT(m) FROM Municipality m")
public class Municipality implements BelongsToMunicipality {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "code", length = 6, nullable = false, unique = true, updatable = false)
    private String code;

    @Column(name = "name_ja", nullable = false, length = 100)
    private String nameJa;

    @Column(name = "name_kana", nullable = false, length = 200)
    private String nameKana;

    @Column(name = "name_en", nullable = false, length = 200)
    private String nameEn;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Municipality() {
    }

    public Municipality(LocalGovernmentCode code, String nameJa, String nameKana, String nameEn) {
        this.code = code.value();
        rename(nameJa, nameKana, nameEn);
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public final void rename(String nameJa, String nameKana, String nameEn) {
        this.nameJa = nameJa;
        this.nameKana = nameKana;
        this.nameEn = nameEn;
    }

    /** Its own events (registered, renamed) are listed under the municipality itself. */
    @Override
    public String municipalityCode() {
        return code;
    }

    public UUID getId() {
        return id;
    }

    public LocalGovernmentCode getCode() {
        return LocalGovernmentCode.of(code);
    }

    public String getNameJa() {
        return nameJa;
    }

    public String getNameKana() {
        return nameKana;
    }

    public String getNameEn() {
        return nameEn;
    }

    public Prefecture getPrefecture() {
        return getCode().prefecture();
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
