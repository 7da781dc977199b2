package jp.machi.promotion.migration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.TenantOwned;

/**
 * 行政のサポートによる移住: households that moved in with the municipality's support: the day they
 * moved in, how many households and persons, the support used (移住支援金, 空き家バンク, 就業相談 …),
 * optionally the consultation it came from, and a note. No names: the figure an indicator such as
 * 須坂市's 「行政のサポートによる移住者数の累計」 counts is the persons. The fiscal year is a column.
 */
@Entity
@Table(name = "promotion_supported_migration")
public class SupportedMigration extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "moved_in_on", nullable = false)
    private LocalDate movedInOn;

    @Column(name = "households", nullable = false)
    private int households;

    @Column(name = "persons", nullable = false)
    private int persons;

    @Column(name = "support_used", nullable = false, length = 200)
    private String supportUsed;

    /** Where they came from, at the level of a prefecture or city (not an address). */
    @Column(name = "moved_from", length = 100)
    private String movedFrom;

    @Column(name = "consultation_id")
    private UUID consultationId;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SupportedMigration() {
    }

    /** The record as one edit. */
    public record Content(LocalDate movedInOn, int households, int persons, String supportUsed, String movedFrom,
            UUID consultationId, String note) {
    }

    public SupportedMigration(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.movedInOn = c.movedInOn();
        this.households = c.households();
        this.persons = c.persons();
        this.supportUsed = c.supportUsed();
        this.movedFrom = c.movedFrom();
        this.consultationId = c.consultationId();
        this.note = c.note();
        this.fiscalYear = FiscalYear.containing(c.movedInOn()).startYear();
    }

    public UUID getId() {
        return id;
    }

    public LocalDate getMovedInOn() {
        return movedInOn;
    }

    public int getHouseholds() {
        return households;
    }

    public int getPersons() {
        return persons;
    }

    public String getSupportUsed() {
        return supportUsed;
    }

    public String getMovedFrom() {
        return movedFrom;
    }

    public UUID getConsultationId() {
        return consultationId;
    }

    public String getNote() {
        return note;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public long getVersion() {
        return version;
    }
}
