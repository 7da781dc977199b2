package jp.machi.engagement.voice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 市民の声の分類: one of a municipality's categories of citizen voices (道路・公園, ごみ …), with a
 * code unique in the municipality, names in Japanese and English, a group and an order. An
 * inactive category stays on the voices that carry it but is offered no more; one open to Open311
 * is a service of the municipality's Open311 GeoReport v2 endpoint, its code the service_code.
 */
@Entity
@Table(name = "engagement_voice_category")
public class VoiceCategory extends TenantOwned {

    /** What an Open311 service_code may be (it is part of a URL path). */
    public static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}";

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "code", nullable = false, length = 40)
    private String code;

    @Column(name = "name_ja", nullable = false, length = 100)
    private String nameJa;

    @Column(name = "name_en", length = 100)
    private String nameEn;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "group_name", length = 100)
    private String groupName;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "open311", nullable = false)
    private boolean open311;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected VoiceCategory() {
    }

    /** What an administrator sets. */
    public record Fields(String code, String nameJa, String nameEn, String description, String groupName,
            int sortOrder, boolean active, boolean open311) {
    }

    public VoiceCategory(Fields f) {
        set(f);
    }

    public void set(Fields f) {
        this.code = f.code();
        this.nameJa = f.nameJa();
        this.nameEn = f.nameEn();
        this.description = f.description();
        this.groupName = f.groupName();
        this.sortOrder = f.sortOrder();
        this.active = f.active();
        this.open311 = f.open311();
    }

    /** Offered to Open311 clients: open to Open311 and active. */
    public boolean isOpen311Service() {
        return active && open311;
    }

    /** The name in English when asked and given, else in Japanese. */
    public String name(boolean english) {
        return english && nameEn != null ? nameEn : nameJa;
    }

    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameJa() {
        return nameJa;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getDescription() {
        return description;
    }

    public String getGroupName() {
        return groupName;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isOpen311() {
        return open311;
    }

    public long getVersion() {
        return version;
    }
}
