package jp.machi.promotion.vacanthouse.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * A photo of a {@link VacantHouse}: a file of core's file service (its id is the stored file's), its
 * place in the property's order and a caption the portal shows. A child row: adding, removing,
 * reordering or recaptioning one raises the property's version.
 */
@Entity
@Table(name = "promotion_vacant_house_photo")
public class VacantHousePhoto extends TenantOwned {

    @Id
    @Column(name = "id")
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "house_id", nullable = false)
    private VacantHouse house;

    @Column(name = "sort_order", nullable = false)
    private int position;

    @Column(name = "caption", length = 100)
    private String caption;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    protected VacantHousePhoto() {
    }

    VacantHousePhoto(VacantHouse house, UUID fileId, int position, String caption, OffsetDateTime addedAt) {
        this.id = fileId;
        this.house = house;
        this.position = position;
        this.caption = caption;
        this.addedAt = addedAt;
    }

    void place(int position, String caption) {
        this.position = position;
        this.caption = caption;
    }

    /** The stored file's id. */
    public UUID getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getCaption() {
        return caption;
    }

    public OffsetDateTime getAddedAt() {
        return addedAt;
    }
}
