package jp.machi.promotion.donation.domain;

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
 * 寄附金の使途: one of the uses a municipality offers donors of hometown-tax donations to choose
 * from (seed 001: ふるさと周南応援寄附金), with a description, whether it is offered now, and its
 * place in the list.
 */
@Entity
@Table(name = "promotion_donation_use")
@NamedQuery(name = "DonationUse.byName", query = "SELECT u FROM DonationUse u WHERE u.name = :name")
public class DonationUse extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "description", length = 2000)
    private String description;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DonationUse() {
    }

    public DonationUse(String name, String description, boolean active, int sortOrder) {
        revise(name, description, active, sortOrder);
    }

    public final void revise(String name, String description, boolean active, int sortOrder) {
        this.name = name;
        this.description = description;
        this.active = active;
        this.sortOrder = sortOrder;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isActive() {
        return active;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public long getVersion() {
        return version;
    }
}
