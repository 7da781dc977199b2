package jp.machi.collaboration.promoter.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.PersonalData;

/**
 * 市民協働推進員 (seed 004 #14: 「市民協働推進員を全課に1名づつ任命」): the person a unit names for a fiscal
 * year, one per unit and year. The name is a person's name, so it is {@link PersonalData} although
 * the person is a staff member: masked in lists and CSV, in full only when revealed (audit trail).
 */
@Entity
@Table(name = "collaboration_promoter")
@NamedQuery(name = "Promoter.byUnitYear",
        query = "SELECT p FROM Promoter p WHERE p.unitId = :unit AND p.fiscalYear = :fy")
public class Promoter extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "fiscal_year", nullable = false)
    private FiscalYear fiscalYear;

    @Column(name = "unit_id", nullable = false)
    private UUID unitId;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "person_name", nullable = false, length = 100)
    private String personName;

    @Column(name = "position", length = 100)
    private String position;

    @Column(name = "appointed_on")
    private LocalDate appointedOn;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Promoter() {
    }

    public record Content(FiscalYear fiscalYear, UUID unitId, String personName, String position, LocalDate appointedOn) {
    }

    public Promoter(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.fiscalYear = c.fiscalYear();
        this.unitId = c.unitId();
        this.personName = c.personName();
        this.position = c.position();
        this.appointedOn = c.appointedOn();
    }

    public UUID getId() {
        return id;
    }

    public FiscalYear getFiscalYear() {
        return fiscalYear;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public String getPersonName() {
        return personName;
    }

    public String getPosition() {
        return position;
    }

    public LocalDate getAppointedOn() {
        return appointedOn;
    }

    public long getVersion() {
        return version;
    }
}
