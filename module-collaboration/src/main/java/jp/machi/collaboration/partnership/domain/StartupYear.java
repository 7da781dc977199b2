package jp.machi.collaboration.partnership.domain;

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
 * 創業支援の実績 of one fiscal year, as a 商工観光課 reports it under its 創業支援等事業計画 (産業競争力強化法):
 * the entrepreneurs the plan's support reached (創業支援件数) and those of them who started a business
 * (新規起業家数). Yearly figures, not people: no personal data. Addressed as {@code startups/years/{fiscalYear}}.
 */
@Entity
@Table(name = "collaboration_startup_year")
public class StartupYear extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    private int fiscalYear;

    @Column(name = "entrepreneurs_supported", nullable = false)
    private int entrepreneursSupported;

    @Column(name = "new_businesses", nullable = false)
    private int newBusinesses;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "invented", nullable = false)
    private boolean invented;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected StartupYear() {
    }

    public record Figures(int entrepreneursSupported, int newBusinesses, String note, boolean invented) {
    }

    public StartupYear(int fiscalYear, Figures f) {
        this.fiscalYear = fiscalYear;
        revise(f);
    }

    public final void revise(Figures f) {
        this.entrepreneursSupported = f.entrepreneursSupported();
        this.newBusinesses = f.newBusinesses();
        this.note = f.note();
        this.invented = f.invented();
    }

    public UUID getId() {
        return id;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public int getEntrepreneursSupported() {
        return entrepreneursSupported;
    }

    public int getNewBusinesses() {
        return newBusinesses;
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
