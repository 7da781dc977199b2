package jp.machi.core.mail.domain;

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
 * 問い合わせ先: the office residents contact about what Machi sends them (the footer of every
 * e-mail), set by the municipality's administrator. The office's own phone and address, not a
 * person's: not personal data. At most one per municipality.
 */
@Entity
@Table(name = "municipality_contact")
@NamedQuery(name = "MunicipalityContact.one", query = "SELECT c FROM MunicipalityContact c")
public class MunicipalityContact extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "office", length = 200)
    private String office;

    @Column(name = "phone", length = 40)
    private String phone;

    @Column(name = "email", length = 254)
    private String email;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MunicipalityContact() {
    }

    public MunicipalityContact(String office, String phone, String email) {
        change(office, phone, email);
    }

    public final void change(String office, String phone, String email) {
        this.office = office;
        this.phone = phone;
        this.email = email;
    }

    public UUID getId() {
        return id;
    }

    public String getOffice() {
        return office;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public long getVersion() {
        return version;
    }
}
