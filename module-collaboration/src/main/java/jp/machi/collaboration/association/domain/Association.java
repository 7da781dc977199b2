package jp.machi.collaboration.association.domain;

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
 * 自治会・町内会: a neighbourhood association of the municipality, in its district (地区: the area of
 * a 連合会 or まちぢから協議会). Its households and members per fiscal year are {@link AssociationYear}s.
 * No personal data: the association's officers are not recorded here.
 */
@Entity
@Table(name = "collaboration_association")
public class Association extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "name_kana", length = 200)
    private String nameKana;

    @Column(name = "district", nullable = false, length = 100)
    private String district;

    @Column(name = "note", length = 1000)
    private String note;

    /** Demo data the seeds do not give (（架空のデモデータ）). */
    @Column(name = "invented", nullable = false)
    private boolean invented;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Association() {
    }

    public record Content(String name, String nameKana, String district, String note, boolean invented) {
    }

    public Association(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.name = c.name();
        this.nameKana = c.nameKana();
        this.district = c.district();
        this.note = c.note();
        this.invented = c.invented();
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getNameKana() {
        return nameKana;
    }

    public String getDistrict() {
        return district;
    }

    public String getNote() {
        return note;
    }

    public boolean isInvented() {
        return invented;
    }

    public long getVersion() {
        return version;
    }
}
